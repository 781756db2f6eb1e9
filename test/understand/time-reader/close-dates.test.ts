import { describeCloseDates } from './period-table.ts'
import { SHANGHAI, WED_10AM } from './time-table.ts'

// A deal's close date is the time reader's day next to the close words (after them in English, before the
// verb in Chinese), or the closing day of a period said there: a month's or quarter's last day, a week's
// Friday. Closes denied or already done give none; one before today is `past`, which the bot asks about.
describeCloseDates('简体', {
  now: WED_10AM,
  zone: SHANGHAI,
  rows: [
    ['华为预计下个月底签约', '2026-12-31'],
    ['小米月底能签', '2026-11-30'],
    ['年底前能签', '2026-12-31'],
    ['他说年底之前就可以签下来', '2026-12-31'],
    ['月底前把合同签下来', '2026-11-30'],
    ['预计12月签约', '2026-12-31'],
    ['预计Q1签约', '2027-03-31'],
    ['预计一季度末签约', '2027-03-31'],
    ['季度末能签', '2026-12-31'],
    ['下个月能成交', '2026-12-31'],
    ['下周签约', '2026-11-27'],
    ['下周二签合同', '2026-11-24'],
    ['明天签约', '2026-11-19'],
    ['12月15号签约', '2026-12-15'],
    ['签约日期: 12月15日', '2026-12-15'],
    ['成交时间定在下个月底', '2026-12-31'],
    ['明年签', '2027-12-31'],
    ['上个月底应该能签的,拖到现在', '2026-10-31', 'past'],
    ['他们已经签了', null],
    ['昨天签约了', null],
    ['今年内签不了', null],
    ['估计今年签不下来了', null],
    ['本月签约额多少', null],
    ['下个月签约的单子有哪些', null],
    ['明天去签到', null],
  ],
})

describeCloseDates('繁體', {
  now: WED_10AM,
  zone: SHANGHAI,
  rows: [
    ['預計下個月底簽約', '2026-12-31'],
    ['下個禮拜五簽約', '2026-11-27'],
    ['十二月十五號簽約', '2026-12-15'],
    ['月底前應該能簽', '2026-11-30'],
    ['預計下季度末關單', '2027-03-31'],
    ['已經簽了', null],
  ],
})

describeCloseDates('Cantonese', {
  now: WED_10AM,
  zone: SHANGHAI,
  rows: [
    ['月尾簽得到', '2026-11-30'],
    ['下個月尾可以簽', '2026-12-31'],
    ['聽日簽約', '2026-11-19'],
    ['佢話下個禮拜應該簽得到', '2026-11-27'],
    ['年尾前會簽', '2026-12-31'],
    ['今年簽唔落', null],
  ],
})

describeCloseDates('English', {
  now: WED_10AM,
  zone: SHANGHAI,
  rows: [
    ['Acme expected to close end of Q1', '2027-03-31'],
    ['close date 3/15', '2027-03-15'],
    ['close date 11/10', '2026-11-10', 'past'],
    ['expected close Dec 20', '2026-12-20'],
    ['we expect to close Dec 15', '2026-12-15'],
    ['closing by the end of the month', '2026-11-30'],
    ['should close next month', '2026-12-31'],
    ['target close: EOQ', '2026-12-31'],
    ['will sign next week', '2026-11-27'],
    ['close the deal next Tuesday', '2026-11-24'],
    ['close in Q1 2027', '2027-03-31'],
    ['estimated close date is the 30th', '2026-11-30'],
    ['they want to sign the contract in March', '2027-03-31'],
    ['expected to close end of next quarter', '2027-03-31'],
    ["Soylent won't close this quarter", null],
    ['not signing before Q1', null],
    ['closed last week', null],
    ['signed yesterday', null],
  ],
})

describeCloseDates('English, a day-first locale', {
  now: WED_10AM,
  zone: SHANGHAI,
  locale: 'en-GB',
  rows: [
    ['close date 3/4', '2027-04-03'],
    ['close date 15/12', '2026-12-15'],
  ],
})

describeCloseDates('in New York, the day is the user’s own', {
  now: '2026-11-30T22:30:00-05:00',
  zone: 'America/New_York',
  rows: [
    ['closing by the end of the month', '2026-11-30'],
    ['expected to close tomorrow', '2026-12-01'],
    ['close date 11/29', '2026-11-29', 'past'],
  ],
})
