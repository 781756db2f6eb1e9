import { NAMED_PERIODS } from '../understand/detect-period.ts'
import type { Period } from '../understand/parsed-message.ts'
import { periodBounds } from '../understand/time-reader/period-reading.ts'
import { wallClock } from '../understand/zoned-time.ts'

export interface PeriodRange {
  start: Date
  end: Date
}

/**
 * The [start, end) instants of a named period in the user's zone; weeks start on Monday. The time reader
 * places it (`periodBounds`), so a period asked about and a period reported on are one calendar.
 */
export function periodRange(period: Period, now: Date, timeZone: string): PeriodRange {
  return periodBounds(NAMED_PERIODS[period], wallClock(now, timeZone), timeZone)
}

const LABELS: Record<Period, [zh: string, en: string]> = {
  today: ['今天', 'today'],
  this_week: ['本周', 'this week'],
  last_week: ['上周', 'last week'],
  this_month: ['本月', 'this month'],
  last_month: ['上月', 'last month'],
  this_quarter: ['本季度', 'this quarter'],
  last_quarter: ['上季度', 'last quarter'],
  this_year: ['今年', 'this year'],
  last_year: ['去年', 'last year'],
}

export function periodLabel(period: Period, locale: string): string {
  return LABELS[period][locale.startsWith('zh') ? 0 : 1]
}
