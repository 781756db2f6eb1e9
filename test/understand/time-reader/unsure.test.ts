import { describeReminders, SHANGHAI, WED_10AM } from './time-table.ts'

// Wed 2026-11-18 10:00 Shanghai. Never a wrong time: a piece left unread next to the time, or a time
// already gone, sets nothing and offers the likely readings instead.
const at = (date: string, hm = '09:00') => `${date}T${hm}:00+08:00`
const unsure = (...due_candidates: string[]) => ({ due_at: null, due_unsure: true, due_candidates })

describeReminders('unsure reminder times', {
  now: WED_10AM,
  zone: SHANGHAI,
  rows: [
    ['remind me tomorrow 3 to call Bob', unsure(at('2026-11-19', '15:00'), at('2026-11-19', '03:00'))],
    ['remind me Friday 3 to call Bob', unsure(at('2026-11-20', '15:00'), at('2026-11-20', '03:00'))],
    ['提醒我周五 4 给张总打电话', unsure(at('2026-11-20', '16:00'), at('2026-11-20', '04:00'))],
    ['提醒我今天给华为打电话', unsure(at('2026-11-18', '21:00'), at('2026-11-19'))],
    ['remind me today at 9am to send the deck', unsure(at('2026-11-18', '21:00'), at('2026-11-19'))],
    ['remind me this morning to call Acme', unsure(at('2026-11-18', '21:00'), at('2026-11-19'))],
    ['提醒我今天上午给华为打电话', unsure(at('2026-11-18', '21:00'), at('2026-11-19'))],
    ['remind me yesterday to call Bob', unsure(at('2026-11-24'))],
    ['remind me at 9am today to call Bob', unsure(at('2026-11-18', '21:00'), at('2026-11-19'))],
  ],
})

describeReminders('sure reminder times stay set', {
  now: WED_10AM,
  zone: SHANGHAI,
  rows: [
    ['remind me 25 minutes past 2pm to send the deck', { due_at: at('2026-11-18', '14:25') }],
    ['remind me at half past nine tomorrow', { due_at: at('2026-11-19', '09:30') }],
    ['remind me at 6 in the morning', { due_at: at('2026-11-19', '06:00') }],
    ['remind me tomorrow evening at 6 to call Bob', { due_at: at('2026-11-19', '18:00') }],
    ['remind me at 8 in the evening to call Bob', { due_at: at('2026-11-18', '20:00') }],
    ['remind me the second Monday of January to renew', { due_at: at('2027-01-11') }],
    ['remind me on the last Friday of March to file', { due_at: at('2027-03-26') }],
    ['remind me Friday 10am PST to call Acme', { due_at: at('2026-11-21', '02:00') }],
    ['remind me at 3pm CET on Thursday to call Siemens', { due_at: at('2026-11-19', '22:00') }],
    ['remind me two weeks from Monday to check in', { due_at: at('2026-12-07') }],
    ['提醒我禮拜五下午給張總打電話', { due_at: at('2026-11-20', '14:00') }],
    ['提醒我下午四点零八给华为打电话', { due_at: at('2026-11-18', '16:08') }],
    ['提醒我十二月第二个星期三交报告', { due_at: at('2026-12-09') }],
    ['提醒我下週四拜訪客戶', { due_at: at('2026-11-26') }],
    ['提醒我大後天跟進', { due_at: at('2026-11-21') }],
    ['提醒我三點半開會', { due_at: at('2026-11-18', '15:30') }],
    ['提醒我下個月十號續約', { due_at: at('2026-12-10') }],
    ['聽日朝早十點提醒我打俾陳生', { due_at: at('2026-11-19', '10:00') }],
    ['remind me sat to send the deck', { due_at: at('2026-11-21') }],
    ['remind me first of march to renew', { due_at: at('2027-03-01') }],
    ['remind me at quarter past four to call Jane', { due_at: at('2026-11-18', '16:15') }],
    ['remind me on 7/4/2027 to send the card', { due_at: at('2027-07-04') }],
    ['remind me tomorrow at 2 to call Bob about the 3 quotes', { due_at: at('2026-11-19', '14:00') }],
    ['提醒我明天下午给张总发3份合同', { due_at: at('2026-11-19', '14:00') }],
  ],
})

// Sat 2027-10-30 12:00 in London; the clocks go back at 02:00 BST on Sunday the 31st, so 01:00–01:59
// happens twice that night (first BST, +01:00, then GMT, +00:00).
describeReminders('a clock time in the hour the clocks go back is asked about', {
  now: '2027-10-30T12:00:00+01:00',
  zone: 'Europe/London',
  rows: [
    [
      'remind me tomorrow at 1:30am to check the backup',
      unsure('2027-10-31T01:30:00+01:00', '2027-10-31T01:30:00+00:00'),
    ],
    ['remind me tomorrow at 2:30am to check the backup', { due_at: '2027-10-31T02:30:00+00:00' }],
    ['remind me tomorrow at 12:30am to check the backup', { due_at: '2027-10-31T00:30:00+01:00' }],
    ['remind me tomorrow at 1:30am GMT to check the backup', { due_at: '2027-10-31T01:30:00+00:00' }],
  ],
})
