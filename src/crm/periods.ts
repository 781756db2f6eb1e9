import type { Period } from '../understand/parsed-message.ts'
import { instantFromZoned, zonedParts } from './local-time.ts'

export interface PeriodRange {
  start: Date
  end: Date
}

/** The [start, end) instants of a named period in the user's zone; weeks start on Monday. */
export function periodRange(period: Period, now: Date, timeZone: string): PeriodRange {
  const p = zonedParts(now, timeZone)
  const day = (y: number, m: number, d: number) => instantFromZoned({ year: y, month: m, day: d }, timeZone)
  const mondayOffset = (p.weekday + 6) % 7
  const quarterStart = Math.floor((p.month - 1) / 3) * 3 + 1
  switch (period) {
    case 'today':
      return { start: day(p.year, p.month, p.day), end: day(p.year, p.month, p.day + 1) }
    case 'this_week':
      return {
        start: day(p.year, p.month, p.day - mondayOffset),
        end: day(p.year, p.month, p.day - mondayOffset + 7),
      }
    case 'last_week':
      return {
        start: day(p.year, p.month, p.day - mondayOffset - 7),
        end: day(p.year, p.month, p.day - mondayOffset),
      }
    case 'this_month':
      return { start: day(p.year, p.month, 1), end: day(p.year, p.month + 1, 1) }
    case 'last_month':
      return { start: day(p.year, p.month - 1, 1), end: day(p.year, p.month, 1) }
    case 'this_quarter':
      return { start: day(p.year, quarterStart, 1), end: day(p.year, quarterStart + 3, 1) }
    case 'last_quarter':
      return { start: day(p.year, quarterStart - 3, 1), end: day(p.year, quarterStart, 1) }
    case 'this_year':
      return { start: day(p.year, 1, 1), end: day(p.year + 1, 1, 1) }
    case 'last_year':
      return { start: day(p.year - 1, 1, 1), end: day(p.year, 1, 1) }
  }
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
