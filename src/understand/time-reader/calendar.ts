import { daysInMonth, type ZonedNow } from '../zoned-time.ts'
import type { CivilDay, WeekRef } from './time-token.ts'

/** Monday-based weekday index (Monday 0 … Sunday 6) of a zoned now. */
export const mondayIndex = (now: ZonedNow) => (now.weekday + 6) % 7

/** Monday-based weekday index of a civil day. */
export const weekdayOf = (d: CivilDay) => (new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7

/**
 * Days from today to weekday `target` (Monday 0), by the product's week rules: weeks start on
 * Monday, `next` is that day in the following week, a bare weekday is the next such day still to
 * come (never today).
 */
export function daysToWeekday(now: ZonedNow, target: number, ref: WeekRef): number {
  const today = mondayIndex(now)
  switch (ref) {
    case 'this':
      return target - today
    case 'next':
      return 7 - today + target
    case 'after_next':
      return 14 - today + target
    case 'last':
      return target - today - 7
    default:
      return (target - today + 7) % 7 || 7
  }
}

/** A resolver for "today plus n days". */
export const inDays =
  (n: number) =>
  (now: ZonedNow): CivilDay => ({ year: now.year, month: now.month, day: now.day + n })

/** Year and month after adding `offset` months to a 1-based month. */
export function shiftMonth(year: number, month: number, offset: number): { year: number; month: number } {
  const index = year * 12 + month - 1 + offset
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

/** The day of the `n`th (1-based; -1 for last) weekday `target` in a month. */
export function nthWeekday(year: number, month: number, target: number, n: number): CivilDay {
  if (n < 0) {
    const last = daysInMonth(year, month)
    const lastWeekday = weekdayOf({ year, month, day: last })
    return { year, month, day: last - ((lastWeekday - target + 7) % 7) }
  }
  const firstWeekday = weekdayOf({ year, month, day: 1 })
  return { year, month, day: 1 + ((target - firstWeekday + 7) % 7) + (n - 1) * 7 }
}

/** Whether civil day `a` is before day `b`. */
export const isBefore = (a: CivilDay, b: CivilDay) =>
  a.year !== b.year ? a.year < b.year : a.month !== b.month ? a.month < b.month : a.day < b.day

/**
 * A month named without a year is the next one to come: `March` said in November is next March;
 * a month already under way stays this year's, and `day` decides (see `nextDate`).
 */
export function yearOfMonth(now: ZonedNow, month: number): number {
  return month < now.month ? now.year + 1 : now.year
}

/**
 * A month and day without a year. One already gone this year is next year's, unless it is only
 * just gone (a note about last week's meeting), which stays in this year so it reads as past.
 */
export function nextDate(now: ZonedNow, month: number, day: number): CivilDay {
  const past = month < now.month || (month === now.month && day < now.day)
  const longPast = past && (now.month - month) * 31 + (now.day - day) > 60
  return { year: longPast ? now.year + 1 : now.year, month, day }
}

/** Day `day` of this month, or of next month once it has gone. */
export function nextMonthDay(now: ZonedNow, day: number): CivilDay {
  if (day >= now.day) return { year: now.year, month: now.month, day }
  const next = shiftMonth(now.year, now.month, 1)
  return { ...next, day }
}

/** The last day of the month `offset` months from now. */
export function endOfMonth(offset: number) {
  return (now: ZonedNow): CivilDay => {
    const { year, month } = shiftMonth(now.year, now.month, offset)
    return { year, month, day: daysInMonth(year, month) }
  }
}

/** The last day of the quarter `offset` quarters from now (`季度末`, `end of next quarter`). */
export function endOfQuarter(offset: number) {
  return (now: ZonedNow): CivilDay => {
    const first = Math.floor((now.month - 1) / 3) * 3 + 1
    const { year, month } = shiftMonth(now.year, first, offset * 3 + 2)
    return { year, month, day: daysInMonth(year, month) }
  }
}

/** The last day of quarter `n` (1–4) of `year`, or, with no year, the next one still to come (`end of Q1`). */
export function endOfNamedQuarter(n: number, year?: number) {
  return (now: ZonedNow): CivilDay => {
    const end = (y: number) => ({ year: y, month: n * 3, day: daysInMonth(y, n * 3) })
    if (year !== undefined) return end(year)
    const thisYear = end(now.year)
    return isBefore(thisYear, now) ? end(now.year + 1) : thisYear
  }
}
