import type { ZonedNow } from './zoned-time.ts'

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

/**
 * One date phrase found in a message. Day and time phrases are found separately and joined when
 * they sit next to each other, so `明天` + `下午3点` and `Friday` + `3pm` need no combined rules.
 */
export interface DateToken {
  start: number
  end: number
  /** Resolves the calendar day against the user's wall clock now. */
  day?: (now: ZonedNow) => CivilDay
  time?: TimeOfDay
  /** A clock time that is only believed when it sits next to a day (`三点` may be "three points"). */
  weak?: boolean
  /** The hour as written when no part of day came with it, so a neighbouring `明晚` can place it. */
  bareHour?: number
  /** The part of day a day phrase carries itself (`明晚` → `晚`). */
  pod?: string
  /** Milliseconds from now, for `半小时后` / `in 2 hours`. */
  afterMs?: number
}

/** Monday-based weekday index (Monday 0 … Sunday 6) of a zoned now. */
export const mondayIndex = (now: ZonedNow) => (now.weekday + 6) % 7

/** How a weekday phrase places its day relative to the current week. */
export type WeekRef = 'bare' | 'this' | 'next' | 'after_next' | 'last'

/**
 * Days from today to weekday `target` (Monday 0): weeks start on Monday, `next` is that day in the
 * following week, a bare weekday is the next such day still to come (never today).
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

/** Default clock time for a part of the day named without a number (`下午`, `morning`). */
export const PART_OF_DAY_HOUR: Record<string, number> = {
  凌晨: 6,
  早: 9,
  早上: 9,
  早晨: 9,
  上午: 9,
  中午: 12,
  午: 12,
  下午: 14,
  傍晚: 18,
  晚: 20,
  晚上: 20,
  夜里: 21,
  morning: 9,
  noon: 12,
  midday: 12,
  lunch: 12,
  afternoon: 14,
  evening: 19,
  night: 20,
  tonight: 20,
}

/**
 * The 24-hour clock for an hour said with a part of day. With none, 1–7 o'clock is read as
 * afternoon, since sales staff rarely schedule work at 3 in the morning.
 */
export function toHour24(hour: number, part: string | undefined): number {
  if (hour > 12) return hour
  if (!part) return hour >= 1 && hour <= 7 ? hour + 12 : hour
  if (/下午|傍晚|晚|夜|afternoon|evening|night|tonight|pm|p\.m\./i.test(part))
    return hour < 12 ? hour + 12 : hour
  if (/中午|午|noon/.test(part)) return hour <= 2 ? hour + 12 : hour
  if (/am|a\.m\./i.test(part) && hour === 12) return 0
  return hour
}
