import { describeTimes, SHANGHAI } from './time-table.ts'

// The product's week rules (../shared/eval/README.md) from other days of the week: weeks start on
// Monday; `下周X`/`next X` is X in the week after this one; a bare weekday is the next to come, never today.
const at = (date: string, hm = '09:00') => `${date}T${hm}:00+08:00`

describeTimes('week rules on a Sunday evening', {
  now: '2026-11-22T20:00:00+08:00',
  zone: SHANGHAI,
  rows: [
    ['下周二', at('2026-11-24')],
    ['next Tuesday', at('2026-11-24')],
    ['周二', at('2026-11-24')],
    ['这周五', at('2026-11-20')],
    ['Monday', at('2026-11-23')],
    ['下周一', at('2026-11-23')],
    ['下下周一', at('2026-11-30')],
    ['周日', at('2026-11-29')],
    ['next Sunday', at('2026-11-29')],
    ['明天', at('2026-11-23')],
    ['tonight at 9', at('2026-11-22', '21:00')],
    ['下周末', at('2026-11-28')],
  ],
})

describeTimes('week rules on a Monday morning', {
  now: '2026-11-23T08:00:00+08:00',
  zone: SHANGHAI,
  rows: [
    ['下周一', at('2026-11-30')],
    ['周一', at('2026-11-30')],
    ['今天', at('2026-11-23')],
    ['这周一', at('2026-11-23')],
    ['next Monday', at('2026-11-30')],
    ['Friday', at('2026-11-27')],
    ['下周五', at('2026-12-04')],
    ['下下周三', at('2026-12-09')],
    ['this Friday', at('2026-11-27')],
    ['end of next week', at('2026-12-04')],
    ['two weeks from Friday', at('2026-12-11')],
    ['禮拜一', at('2026-11-30')],
  ],
})

describeTimes('across the turn of the year, on a Saturday afternoon', {
  now: '2026-12-26T15:00:00+08:00',
  zone: SHANGHAI,
  rows: [
    ['下周一', at('2026-12-28')],
    ['next Friday', at('2027-01-01')],
    ['下个月', at('2027-01-01')],
    ['月底', at('2026-12-31')],
    ['下个月5号', at('2027-01-05')],
    ['the 3rd', at('2027-01-03')],
    ['明年年底', at('2027-12-31')],
    ['1月第二个星期一', at('2027-01-11')],
    ['Jan 4', at('2027-01-04')],
    ['1/4', at('2027-01-04')],
    ['周日', at('2026-12-27')],
    ['in 10 days', at('2027-01-05')],
  ],
})
