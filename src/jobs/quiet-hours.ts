import type { QuietHours } from '../config.ts'
import { addDays, instantOf, wallClock } from '../understand/zoned-time.ts'

const minuteOfDay = (at: Date, timeZone: string) => {
  const local = wallClock(at, timeZone)
  return local.hour * 60 + local.minute
}

/** Whether `at` falls inside the quiet window in `timeZone`; a window whose start is after its end wraps midnight. */
export function isQuietAt(at: Date, timeZone: string, quiet: QuietHours | null): boolean {
  if (!quiet || quiet.startMinute === quiet.endMinute) return false
  const m = minuteOfDay(at, timeZone)
  return quiet.startMinute < quiet.endMinute
    ? m >= quiet.startMinute && m < quiet.endMinute
    : m >= quiet.startMinute || m < quiet.endMinute
}

/**
 * Whether a push may go out now. Pushes wait through quiet hours, except a reminder the user set for a time
 * inside them (`提醒我晚上10点…` was asked for at 22:00, so 22:00 it is).
 */
export function mayPushNow(
  now: Date,
  timeZone: string,
  quiet: QuietHours | null,
  reminderSetFor?: Date,
): boolean {
  if (!isQuietAt(now, timeZone, quiet)) return true
  return reminderSetFor !== undefined && isQuietAt(reminderSetFor, timeZone, quiet)
}

/** When the quiet window that `at` falls in ends (the first minute pushes may go again) in `timeZone`. */
export function quietEndsAt(at: Date, timeZone: string, quiet: QuietHours): Date {
  const local = wallClock(at, timeZone)
  // Past the start of a window that wraps midnight, it ends on the next local day.
  const wrapsToTomorrow =
    quiet.startMinute > quiet.endMinute && local.hour * 60 + local.minute >= quiet.startMinute
  const day = wrapsToTomorrow ? addDays(local, 1) : local
  return instantOf(
    {
      year: day.year,
      month: day.month,
      day: day.day,
      hour: Math.floor(quiet.endMinute / 60),
      minute: quiet.endMinute % 60,
    },
    timeZone,
  )
}
