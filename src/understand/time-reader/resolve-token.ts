import { addDays, instantOf, wallClock, type ZonedNow } from '../zoned-time.ts'
import { daysToWeekday, inDays, weekdayOf } from './calendar.ts'
import type { CivilDay, Recurrence, TimeOfDay, TimeToken } from './time-token.ts'

/** Refiners that place a reading on the calendar: the week rules, zones, and a repetition's first day. */

const DEFAULT_TIME: TimeOfDay = { hour: 9, minute: 0 }
const DAY_MS = 86_400_000

/**
 * The product's week rules (../shared/eval/README.md), on top of what the parsers read: weeks start
 * on Monday, `下周二`/`next Tuesday` is in the week after this one, a bare weekday is the next to come.
 */
export function applyWeekRules(t: TimeToken): TimeToken {
  const w = t.weekday
  if (!w || t.day) return t
  const extra = (w.weeksLater ?? 0) * 7
  return { ...t, day: weekdayDay(w, extra) }
}

/** The day of a weekday rule; made by a plain function so the token's closure carries no name to set. */
function weekdayDay(w: NonNullable<TimeToken['weekday']>, extra: number): NonNullable<TimeToken['day']> {
  return (now) => inDays(daysToWeekday(now, w.target, w.ref) + extra)(now)
}

/** The instant of a wall time written in a fixed offset (`10am PST` is 18:00 UTC). */
const inOffset = (d: CivilDay, time: TimeOfDay, offset: number) =>
  new Date(Date.UTC(d.year, d.month - 1, d.day, time.hour, time.minute) - offset * 60_000)

function matches(r: Recurrence, d: CivilDay, first: CivilDay): boolean {
  if (r.byMonthDay) return d.day === r.byMonthDay
  if (r.byDay) return r.byDay.includes(weekdayOf(d))
  if (r.freq === 'MONTHLY') return d.day === first.day
  return true
}

/** The first occurrence of a repetition still to come, at its time of day. */
function firstOccurrence(r: Recurrence, time: TimeOfDay, now: Date, wall: ZonedNow, zone: string): Date {
  const today = { year: wall.year, month: wall.month, day: wall.day }
  for (let i = 0; i < 62; i++) {
    const day = addDays(today, i)
    const at = instantOf({ ...day, ...time }, zone)
    if (at.getTime() > now.getTime() && matches(r, day, today)) return at
  }
  return instantOf({ ...today, ...time }, zone)
}

/** The instant a refined token names, seen from `now` in the user's zone. */
export function resolveToken(t: TimeToken, now: Date, wall: ZonedNow, zone: string): Date {
  if (t.afterMs !== undefined) return new Date(now.getTime() + t.afterMs)
  const time = t.time ?? DEFAULT_TIME
  if (t.recurrence && !t.day) return firstOccurrence(t.recurrence, time, now, wall, zone)
  const offset = t.zoneOffset
  if (t.day) {
    const day = t.day(wall)
    return offset === undefined ? instantOf({ ...day, ...time }, zone) : inOffset(day, time, offset)
  }
  if (offset !== undefined) {
    // A bare time in another zone is that zone's next such time.
    const there = wallClock(new Date(now.getTime() + offset * 60_000), 'UTC')
    const at = inOffset(there, time, offset)
    return at.getTime() > now.getTime() ? at : new Date(at.getTime() + DAY_MS)
  }
  // A bare clock time already gone today means tomorrow's.
  const today = instantOf({ year: wall.year, month: wall.month, day: wall.day, ...time }, zone)
  return today.getTime() > now.getTime() ? today : instantOf({ ...wall, day: wall.day + 1, ...time }, zone)
}
