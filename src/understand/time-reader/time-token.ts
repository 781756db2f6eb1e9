import type { ZonedNow } from '../zoned-time.ts'

/** A calendar day, 1-based month; day may overflow and is normalised when turned into an instant. */
export interface CivilDay {
  year: number
  month: number
  day: number
}

/** A wall-clock time of day read from the text. */
export interface TimeOfDay {
  hour: number
  minute: number
}

/** How a weekday phrase places its day relative to the current week. */
export type WeekRef = 'bare' | 'this' | 'next' | 'after_next' | 'last'

/** A weekday as written, placed on the calendar by the week-rules refiner. */
export interface WeekdayRef {
  /** Monday 0 … Sunday 6. */
  target: number
  ref: WeekRef
  /** `two weeks from Monday`: whole weeks after the day the rules give. */
  weeksLater?: number
}

/** The repeating part of a reminder (`每周一`, `every other Friday`), an RFC 5545 rule in pieces. */
export interface Recurrence {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY'
  interval?: number
  /** Monday-0 weekday indexes. */
  byDay?: number[]
  byMonthDay?: number
}

/**
 * One piece a parser found, or several pieces a refiner merged. Day, time, zone and repetition are
 * found separately and joined when they sit next to each other, so `明天` + `下午3点` + `PST` need
 * no combined rules.
 */
export interface TimeToken {
  start: number
  end: number
  /** Resolves the calendar day against the user's wall clock now. */
  day?: (now: ZonedNow) => CivilDay
  weekday?: WeekdayRef
  time?: TimeOfDay
  /** Believed only in a reminder, or next to a day (`三点` may be "three points", `sat` a verb). */
  weak?: boolean
  /** The hour as written when no part of day came with it, so a neighbouring `明晚` can place it. */
  bareHour?: number
  /** The part of day a token carries (`明晚` → `晚`, `in the morning`). */
  pod?: string
  /** A part of day said alone (`in the evening`): it places a neighbouring bare hour. */
  podOnly?: boolean
  /** Milliseconds from now, for `半小时后` / `in 2 hours`. */
  afterMs?: number
  /** Minutes east of UTC of a zone written in the text (`PST` → -480). */
  zoneOffset?: number
  /** The zone as written. */
  zoneName?: string
  recurrence?: Recurrence
}

export type TokenKind = 'day' | 'time' | 'after' | 'zone' | 'pod'

/** What a token is, for the refiners: a day (or repetition), a clock time, an offset, a zone. */
export function kindOf(t: TimeToken): TokenKind {
  if (t.day || t.weekday || t.recurrence) return 'day'
  if (t.afterMs !== undefined) return 'after'
  if (t.zoneOffset !== undefined && !t.time) return 'zone'
  if (t.podOnly) return 'pod'
  return 'time'
}

/**
 * A parser of the grammar: a cheap hint the text must hold, a pattern, and what one match means. Time
 * parsers make `TimeToken`s, period parsers `PeriodSpec`s; both run through `runParsers`.
 */
export interface Parser<T> {
  name: string
  /** Reads digits only (`4:08`, `7/4`), so it runs whatever the script; others run for their own. */
  anyScript?: boolean
  /** The pattern only runs when the text has this. */
  need: RegExp
  re: RegExp
  make: (m: RegExpExecArray, ctx: ParserContext) => T | null
}

/** A parser of instants: days, clock times, zones, repetitions. */
export type TimeParser = Parser<Omit<TimeToken, 'start' | 'end'>>

/** What a parser may know beyond the match. */
export interface ParserContext {
  /** Numeric dates are day-first (`7/4` is 7 April). */
  dayFirst: boolean
}
