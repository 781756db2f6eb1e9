import { readTimes, type TimeReading } from './time-reader/read-times.ts'
import { wallClock } from './zoned-time.ts'

/** A date phrase resolved to an instant in the user's zone. */
export interface FoundDate extends TimeReading {
  /**
   * True when the phrase names a moment before now (`昨天`, `今天上午` said at noon), or today with no
   * clock time: in a note, `今天` says when it happened, even when its 09:00 default is still to come.
   */
  past: boolean
}

export interface DateOptions {
  now: Date
  timeZone: string
  /** Also believe clock times that are easily something else (`三点`, `下午` alone): reminders. */
  allowWeak?: boolean
  /** BCP 47 locale of the user (`en-GB` reads `7/4` as 7 April); month first when absent. */
  locale?: string
}

function isToday(at: Date, opts: DateOptions): boolean {
  const day = wallClock(at, opts.timeZone)
  const now = wallClock(opts.now, opts.timeZone)
  return day.year === now.year && day.month === now.month && day.day === now.day
}

/**
 * Every date phrase in `text`, read by the one time reader (src/understand/time-reader/) and
 * resolved in the user's zone, in text order.
 */
export function extractDates(text: string, opts: DateOptions): FoundDate[] {
  return readTimes(text, opts).map((r) => {
    const found = r as FoundDate
    found.past = r.beforeNow || (!r.timed && !r.recurrence && isToday(r.at, opts))
    return found
  })
}
