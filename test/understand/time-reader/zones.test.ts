import { describeTimes, SHANGHAI, WED_10AM } from './time-table.ts'

// A time said with a zone is that instant, shown in the user's zone. Wed 2026-11-18 10:00 Shanghai is 02:00 UTC.
describeTimes('explicit zones, converted to the user in Shanghai', {
  now: WED_10AM,
  zone: SHANGHAI,
  rows: [
    ['Friday 10am PST', '2026-11-21T02:00:00+08:00'],
    ['at 3pm CET on Thursday', '2026-11-19T22:00:00+08:00'],
    ['tomorrow 9am EST', '2026-11-19T22:00:00+08:00'],
    ['tomorrow 9am EDT', '2026-11-19T21:00:00+08:00'],
    ['Monday 8am PDT', '2026-11-23T23:00:00+08:00'],
    ['tomorrow 3pm GMT', '2026-11-19T23:00:00+08:00'],
    ['tomorrow 3pm UTC', '2026-11-19T23:00:00+08:00'],
    ['tomorrow 10am BST', '2026-11-19T17:00:00+08:00'],
    ['Friday 2pm CEST', '2026-11-20T20:00:00+08:00'],
    ['tomorrow 4pm IST', '2026-11-19T18:30:00+08:00'],
    ['tomorrow 4pm SGT', '2026-11-19T16:00:00+08:00'],
    ['tomorrow 4pm HKT', '2026-11-19T16:00:00+08:00'],
    ['tomorrow 5pm JST', '2026-11-19T16:00:00+08:00'],
    ['tomorrow 3pm UTC+8', '2026-11-19T15:00:00+08:00'],
    ['tomorrow 3pm UTC-5', '2026-11-20T04:00:00+08:00'],
    ['tomorrow 3pm GMT+5:30', '2026-11-19T17:30:00+08:00'],
    ['10am PST', '2026-11-19T02:00:00+08:00'],
    ['Dec 1 at 9am EST', '2026-12-01T22:00:00+08:00'],
    ['明天北京时间15点', '2026-11-19T15:00:00+08:00'],
    ['北京时间明天15点', '2026-11-19T15:00:00+08:00'],
    ['北京時間下午三點', '2026-11-18T15:00:00+08:00'],
    ['next Tuesday 9:30am EST', '2026-11-24T22:30:00+08:00'],
  ],
})

// Tue 2026-11-17 21:00 in New York.
describeTimes('explicit zones, converted to the user in New York', {
  now: WED_10AM,
  zone: 'America/New_York',
  rows: [
    ['Friday 10am PST', '2026-11-20T13:00:00-05:00'],
    ['北京时间15点', '2026-11-18T02:00:00-05:00'],
    ['tomorrow 9am GMT', '2026-11-18T04:00:00-05:00'],
    ['Thursday 3pm JST', '2026-11-19T01:00:00-05:00'],
    ['tomorrow at 10am', '2026-11-18T10:00:00-05:00'],
    ['下周三', '2026-11-25T09:00:00-05:00'],
    ['Friday 3pm', '2026-11-20T15:00:00-05:00'],
    ['next Monday', '2026-11-23T09:00:00-05:00'],
    ['at 10pm', '2026-11-17T22:00:00-05:00'],
    ['明早9点', '2026-11-18T09:00:00-05:00'],
    ['in 2 hours', '2026-11-17T23:00:00-05:00'],
    ['the second Monday of January', '2027-01-11T09:00:00-05:00'],
    ['March 15 at 9am', '2027-03-15T09:00:00-04:00'],
    ['2027-07-04 14:00', '2027-07-04T14:00:00-04:00'],
  ],
})

// 02:00 on Wed 2026-11-18 in London. `7/4` is 7 April where the day comes first.
describeTimes('numeric dates read day first for en-GB', {
  now: WED_10AM,
  zone: 'Europe/London',
  locale: 'en-GB',
  rows: [
    ['7/4', '2027-04-07T09:00:00+01:00'],
    ['7/4/2027', '2027-04-07T09:00:00+01:00'],
    ['25/12', '2026-12-25T09:00:00+00:00'],
    ['1/12 at 3pm', '2026-12-01T15:00:00+00:00'],
    ['12/1', '2027-01-12T09:00:00+00:00'],
    ['3/11/2027', '2027-11-03T09:00:00+00:00'],
    ['2027-01-05', '2027-01-05T09:00:00+00:00'],
    ['13/2', '2027-02-13T09:00:00+00:00'],
  ],
})

describeTimes('numeric dates read month first for en-US', {
  now: WED_10AM,
  zone: 'Europe/London',
  locale: 'en-US',
  rows: [
    ['7/4', '2027-07-04T09:00:00+01:00'],
    ['12/1', '2026-12-01T09:00:00+00:00'],
    ['13/2', null],
  ],
})
