import { addDays, instantOf, type ZonedNow } from '../zoned-time.ts'
import { mondayIndex, shiftMonth } from './calendar.ts'
import type { Span } from './run-parsers.ts'
import type { CivilDay } from './time-token.ts'

/** The calendar units a period is counted in. */
export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'year'

/**
 * What a period parser read, before it is placed on the calendar: whole units counted from the current
 * one (`上周`, `this quarter`), a month, quarter or year named by its number (`11月`, `Q3`, `2025年`), or
 * the last N days or weeks up to today (`过去30天`, `last 2 weeks`).
 */
export type PeriodSpec = (
  | { kind: 'relative'; unit: PeriodUnit; offset: number }
  | { kind: 'named'; unit: 'month' | 'quarter' | 'year'; index: number; year?: number | undefined }
  | { kind: 'rolling'; unit: 'day' | 'week'; count: number }
) & {
  /** Easily something else (`May`, `2025`): believed only when nothing surer names a period. */
  weak?: boolean
}

/** A calendar period counted from the current one: `{ unit: 'quarter', offset: -1 }` is last quarter. */
export interface CalendarPeriod {
  unit: PeriodUnit
  /** 0 this, -1 last, 1 next. */
  offset: number
}

/** The last `count` whole days or weeks, today included. */
export interface RollingPeriod {
  unit: 'rolling_days' | 'rolling_weeks'
  count: number
}

/**
 * A period read from the text, placed relative to now in the user's calendar. Its instants come from
 * `periodBounds`: [start, end) in the user's zone.
 */
export type PeriodReading = Span &
  (CalendarPeriod | RollingPeriod) & {
    weak?: boolean
    /** A month or quarter named without its year (`3月`, `Q1`), placed at the nearest one. */
    yearless?: boolean
  }

/**
 * The reading for a question about what has happened (`三月份新增了几个客户` asked in November): a month or
 * quarter named without its year is the latest one gone or going, not the next one to come.
 */
export function lookingBack(p: PeriodReading): PeriodReading {
  if (!p.yearless || !('offset' in p) || p.offset <= 0) return p
  return { ...p, offset: p.offset - (p.unit === 'month' ? 12 : 4) }
}

/** The nearest of a repeating index (a month 1–12, a quarter 1–4) to the current one; the past on a tie. */
function nearest(index: number, current: number, size: number): number {
  const ahead = (((index - current) % size) + size) % size
  return ahead >= size / 2 ? ahead - size : ahead
}

const quarterOf = (month: number) => Math.floor((month - 1) / 3) + 1

/**
 * Where a spec sits relative to now. A month or quarter named without a year is the nearest one (`Q3`
 * said in November is this year's, `Q1` next year's, `11月` said in January last year's).
 */
export function placePeriod(spec: PeriodSpec, now: ZonedNow): CalendarPeriod | RollingPeriod {
  if (spec.kind === 'relative') return { unit: spec.unit, offset: spec.offset }
  if (spec.kind === 'rolling')
    return { unit: spec.unit === 'day' ? 'rolling_days' : 'rolling_weeks', count: spec.count }
  if (spec.unit === 'year') return { unit: 'year', offset: spec.index - now.year }
  const [current, size] = spec.unit === 'month' ? [now.month, 12] : [quarterOf(now.month), 4]
  const offset =
    spec.year === undefined
      ? nearest(spec.index, current, size)
      : (spec.year - now.year) * size + spec.index - current
  return { unit: spec.unit, offset }
}

/** The first day of a period and the day after its last, in the user's calendar (days may overflow). */
export function periodDays(
  p: CalendarPeriod | RollingPeriod,
  now: ZonedNow,
): { first: CivilDay; after: CivilDay } {
  const today = { year: now.year, month: now.month, day: now.day }
  if (!('offset' in p)) {
    const days = p.unit === 'rolling_weeks' ? p.count * 7 : p.count
    return { first: addDays(today, 1 - days), after: addDays(today, 1) }
  }
  const offset = p.offset
  switch (p.unit) {
    case 'day':
      return { first: addDays(today, offset), after: addDays(today, offset + 1) }
    case 'week': {
      const monday = now.day - mondayIndex(now) + offset * 7
      return { first: { ...today, day: monday }, after: { ...today, day: monday + 7 } }
    }
    case 'year':
      return {
        first: { year: now.year + offset, month: 1, day: 1 },
        after: { year: now.year + offset + 1, month: 1, day: 1 },
      }
    default: {
      const size = p.unit === 'month' ? 1 : 3
      const from = p.unit === 'month' ? now.month : (quarterOf(now.month) - 1) * 3 + 1
      const first = shiftMonth(now.year, from, offset * size)
      return { first: { ...first, day: 1 }, after: { ...shiftMonth(first.year, first.month, size), day: 1 } }
    }
  }
}

/** The [start, end) instants of a period in the user's zone: midnight of its first day to midnight after its last. */
export function periodBounds(
  p: CalendarPeriod | RollingPeriod,
  now: ZonedNow,
  timeZone: string,
): { start: Date; end: Date } {
  const { first, after } = periodDays(p, now)
  return {
    start: instantOf({ ...first, hour: 0, minute: 0 }, timeZone),
    end: instantOf({ ...after, hour: 0, minute: 0 }, timeZone),
  }
}
