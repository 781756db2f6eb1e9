import { describe, expect, it } from 'vitest'
import { detectPeriod } from '../../../src/understand/detect-period.ts'
import { wallClock } from '../../../src/understand/zoned-time.ts'
import { describePeriods } from './period-table.ts'
import { SHANGHAI, WED_10AM } from './time-table.ts'

// Periods are read by the same grammar as times (src/understand/time-reader/read-periods.ts) and placed
// as [start, end) in the user's zone: weeks start on Monday; a month or quarter named without a year is
// the nearest one, the past on a tie; rolling periods are the last N whole days up to today.
const sh = (date: string) => `${date}T00:00:00+08:00`
const span = (unit: string, from: string, to: string): [string, string, string] => [unit, sh(from), sh(to)]

describePeriods('简体', {
  now: WED_10AM,
  zone: SHANGHAI,
  rows: [
    ['今天的跟进', span('day', '2026-11-18', '2026-11-19')],
    ['昨天', span('day', '2026-11-17', '2026-11-18')],
    ['本周管道汇总', span('week', '2026-11-16', '2026-11-23')],
    ['这周的销售情况', span('week', '2026-11-16', '2026-11-23')],
    ['这个星期', span('week', '2026-11-16', '2026-11-23')],
    ['这礼拜', span('week', '2026-11-16', '2026-11-23')],
    ['上周成交了几单', span('week', '2026-11-09', '2026-11-16')],
    ['上上周', span('week', '2026-11-02', '2026-11-09')],
    ['下周', span('week', '2026-11-23', '2026-11-30')],
    ['本月销售漏斗', span('month', '2026-11-01', '2026-12-01')],
    ['这个月到目前成交了多少', span('month', '2026-11-01', '2026-12-01')],
    ['当月', span('month', '2026-11-01', '2026-12-01')],
    ['上个月的赢单', span('month', '2026-10-01', '2026-11-01')],
    ['下个月', span('month', '2026-12-01', '2027-01-01')],
    ['本季度的业绩', span('quarter', '2026-10-01', '2027-01-01')],
    ['上季度赢单率', span('quarter', '2026-07-01', '2026-10-01')],
    ['上一季度', span('quarter', '2026-07-01', '2026-10-01')],
    ['下季度', span('quarter', '2027-01-01', '2027-04-01')],
    ['今年签了多少单', span('year', '2026-01-01', '2027-01-01')],
    ['本财年', span('year', '2026-01-01', '2027-01-01')],
    ['去年全年签约总额', span('year', '2025-01-01', '2026-01-01')],
    ['明年', span('year', '2027-01-01', '2028-01-01')],
    ['Q3 的成交汇总', span('quarter', '2026-07-01', '2026-10-01')],
    ['Q1能签的单子', span('quarter', '2027-01-01', '2027-04-01')],
    ['第三季度', span('quarter', '2026-07-01', '2026-10-01')],
    ['2026年第一季度', span('quarter', '2026-01-01', '2026-04-01')],
    ['11月的业绩', span('month', '2026-11-01', '2026-12-01')],
    ['十月份', span('month', '2026-10-01', '2026-11-01')],
    ['12月', span('month', '2026-12-01', '2027-01-01')],
    ['2026年11月的销售额', span('month', '2026-11-01', '2026-12-01')],
    ['2025年的业绩', span('year', '2025-01-01', '2026-01-01')],
    ['过去30天的赢单', span('rolling_days 30', '2026-10-20', '2026-11-19')],
    ['最近两周', span('rolling_weeks 2', '2026-11-05', '2026-11-19')],
    ['近7天', span('rolling_days 7', '2026-11-12', '2026-11-19')],
    ['12月5号', null],
    ['马上年底了', null],
    ['看一下周报', null],
  ],
})

describePeriods('繁體 and Cantonese', {
  now: WED_10AM,
  zone: SHANGHAI,
  rows: [
    ['這週', span('week', '2026-11-16', '2026-11-23')],
    ['上週的成交', span('week', '2026-11-09', '2026-11-16')],
    ['下個禮拜', span('week', '2026-11-23', '2026-11-30')],
    ['上個月', span('month', '2026-10-01', '2026-11-01')],
    ['這個月', span('month', '2026-11-01', '2026-12-01')],
    ['本季度', span('quarter', '2026-10-01', '2027-01-01')],
    ['過去30天', span('rolling_days 30', '2026-10-20', '2026-11-19')],
    ['最近兩週', span('rolling_weeks 2', '2026-11-05', '2026-11-19')],
    ['呢個月', span('month', '2026-11-01', '2026-12-01')],
    ['今個禮拜', span('week', '2026-11-16', '2026-11-23')],
    ['上個禮拜', span('week', '2026-11-09', '2026-11-16')],
    ['琴日', span('day', '2026-11-17', '2026-11-18')],
    ['十一月', span('month', '2026-11-01', '2026-12-01')],
  ],
})

describePeriods('English', {
  now: WED_10AM,
  zone: SHANGHAI,
  rows: [
    ["today's calls", span('day', '2026-11-18', '2026-11-19')],
    ['yesterday', span('day', '2026-11-17', '2026-11-18')],
    ['pipeline this week', span('week', '2026-11-16', '2026-11-23')],
    ['WTD', span('week', '2026-11-16', '2026-11-23')],
    ['what did we close last week?', span('week', '2026-11-09', '2026-11-16')],
    ['the past week', span('week', '2026-11-09', '2026-11-16')],
    ['next week', span('week', '2026-11-23', '2026-11-30')],
    ['closed deals this month', span('month', '2026-11-01', '2026-12-01')],
    ['MTD', span('month', '2026-11-01', '2026-12-01')],
    ['month-to-date', span('month', '2026-11-01', '2026-12-01')],
    ['how did we do last month?', span('month', '2026-10-01', '2026-11-01')],
    ['deals this quarter', span('quarter', '2026-10-01', '2027-01-01')],
    ['QTD', span('quarter', '2026-10-01', '2027-01-01')],
    ['win rate for the quarter', span('quarter', '2026-10-01', '2027-01-01')],
    ['lost deals last quarter?', span('quarter', '2026-07-01', '2026-10-01')],
    ['next quarter', span('quarter', '2027-01-01', '2027-04-01')],
    ['this fiscal year', span('year', '2026-01-01', '2027-01-01')],
    ['YTD', span('year', '2026-01-01', '2027-01-01')],
    ['FY numbers', span('year', '2026-01-01', '2027-01-01')],
    ['last year', span('year', '2025-01-01', '2026-01-01')],
    ['Q3 pipeline', span('quarter', '2026-07-01', '2026-10-01')],
    ['Q1 of 2027', span('quarter', '2027-01-01', '2027-04-01')],
    ['2026 Q2', span('quarter', '2026-04-01', '2026-07-01')],
    ['October pipeline recap', span('month', '2026-10-01', '2026-11-01')],
    ['pipeline for November 2026', span('month', '2026-11-01', '2026-12-01')],
    ['revenue for 2025', span('year', '2025-01-01', '2026-01-01')],
    ['FY2026', span('year', '2026-01-01', '2027-01-01')],
    ['last 30 days', span('rolling_days 30', '2026-10-20', '2026-11-19')],
    ['the past two weeks', span('rolling_weeks 2', '2026-11-05', '2026-11-19')],
    ['Dec 15', null],
    ['we may meet', null],
  ],
})

const jan = (date: string) => `${date}T00:00:00+08:00`
describePeriods('at the turn of the year: months and quarters are the nearest ones', {
  now: '2026-01-05T09:00:00+08:00',
  zone: SHANGHAI,
  rows: [
    ['上周', ['week', jan('2025-12-29'), jan('2026-01-05')]],
    ['Q4', ['quarter', jan('2025-10-01'), jan('2026-01-01')]],
    ['Q3', ['quarter', jan('2025-07-01'), jan('2025-10-01')]],
    ['Q2', ['quarter', jan('2026-04-01'), jan('2026-07-01')]],
    ['11月', ['month', jan('2025-11-01'), jan('2025-12-01')]],
    ['十二月', ['month', jan('2025-12-01'), jan('2026-01-01')]],
    ['2月', ['month', jan('2026-02-01'), jan('2026-03-01')]],
    ['last month', ['month', jan('2025-12-01'), jan('2026-01-01')]],
    ['去年', ['year', jan('2025-01-01'), jan('2026-01-01')]],
  ],
})

describePeriods('in New York, across the end of summer time on 1 November', {
  now: '2026-11-18T10:00:00-05:00',
  zone: 'America/New_York',
  rows: [
    ['this month', ['month', '2026-11-01T00:00:00-04:00', '2026-12-01T00:00:00-05:00']],
    ['last month', ['month', '2026-10-01T00:00:00-04:00', '2026-11-01T00:00:00-04:00']],
    ['this week', ['week', '2026-11-16T00:00:00-05:00', '2026-11-23T00:00:00-05:00']],
    ['this year', ['year', '2026-01-01T00:00:00-05:00', '2027-01-01T00:00:00-05:00']],
    ['last 30 days', ['rolling_days 30', '2026-10-20T00:00:00-04:00', '2026-11-19T00:00:00-05:00']],
  ],
})

describe('the named period a summary asks for (detect-period over the reader)', () => {
  const now = wallClock(new Date(WED_10AM), SHANGHAI)
  it.each([
    ['本周管道汇总', 'this_week', true],
    ['Q3 pipeline', 'last_quarter', true],
    ['2026年11月的销售额', 'this_month', true],
    ['这週', 'this_week', true],
    // A sure period beats a weak one anywhere in the text; a weak one counts when it is alone.
    ['October numbers this quarter', 'this_quarter', true],
    ['October pipeline recap', 'last_month', true],
    ['2025 numbers', 'last_year', true],
    // Said, but with no name of ours: the summary keeps its default, the intent still sees a period.
    ['Q1 pipeline', null, true],
    ['过去30天的赢单', null, true],
    ['下周的安排', null, true],
    ['昨天', null, false],
    ['随便聊聊', null, false],
  ] as const)('%s → %s', (text, period, said) => {
    const found = detectPeriod(text, now)
    expect({ period: found.period, said: found.said }).toEqual({ period, said })
    // One with no name is kept as read, for a report to take its bounds.
    expect(found.unnamed !== undefined).toBe(period === null && text !== '随便聊聊')
  })
})
