import { chronoTokens } from './chrono-dates.ts'
import { EN_DATE_HINT, enDateTokens } from './date-rules-en.ts'
import { ZH_DATE_HINT, zhDateTokens } from './date-rules-zh.ts'
import type { DateToken, TimeOfDay } from './date-token.ts'
import { toHour24 } from './date-token.ts'
import { formatZoned, instantOf, wallClock, type ZonedNow } from './zoned-time.ts'

/** A date phrase resolved to an instant in the user's zone. */
export interface FoundDate {
  start: number
  end: number
  at: Date
  /** ISO 8601 with the zone's offset. */
  iso: string
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
}

const LATIN = /[a-z]/i
/** What may sit between a day and its time: `明天 下午3点`, `Friday at 3pm`, `Dec 1, 10am`. */
const JOINER = /^[\s,，、的]*(?:at|on|@|around|by|于|在)?[\s,，]*$/i
const DEFAULT_HOUR = 9

const kind = (t: DateToken) => (t.day ? 'day' : t.afterMs !== undefined ? 'after' : 'time')
const overlaps = (a: DateToken, b: DateToken) => a.start < b.end && b.start < a.end

/** Keeps the longest of same-kind tokens that overlap (`11月30日` over `30日`). */
function dedupe(tokens: DateToken[]): DateToken[] {
  if (tokens.length < 2) return tokens
  const sorted = [...tokens].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: DateToken[] = []
  for (const t of sorted) {
    if (!kept.some((k) => overlaps(k, t) && (kind(k) === kind(t) || kind(k) !== 'time'))) kept.push(t)
  }
  return kept.sort((a, b) => a.start - b.start)
}

function near(a: DateToken, b: DateToken, text: string): boolean {
  if (overlaps(a, b)) return true
  return a.end <= b.start ? JOINER.test(text.slice(a.end, b.start)) : JOINER.test(text.slice(b.end, a.start))
}

/** Joins each day with a clock time next to it, on either side. */
function joinDayAndTime(tokens: DateToken[], text: string): DateToken[] {
  if (tokens.length < 2) return tokens
  const out: DateToken[] = []
  const used = new Set<DateToken>()
  for (const day of tokens) {
    if (!day.day) continue
    let time: DateToken | undefined
    for (const t of tokens) {
      if (kind(t) === 'time' && !used.has(t) && near(day, t, text)) {
        time = t
        break
      }
    }
    if (!time?.time) {
      out.push(day)
      continue
    }
    used.add(time)
    const hour = time.bareHour !== undefined && day.pod ? toHour24(time.bareHour, day.pod) : time.time.hour
    out.push({
      start: Math.min(day.start, time.start),
      end: Math.max(day.end, time.end),
      day: day.day,
      time: { hour, minute: time.time.minute },
    })
  }
  for (const t of tokens) if (!t.day && !used.has(t)) out.push(t)
  return out.sort((a, b) => a.start - b.start)
}

function resolve(t: DateToken, now: Date, wall: ZonedNow, timeZone: string): Date {
  if (t.afterMs !== undefined) return new Date(now.getTime() + t.afterMs)
  const time: TimeOfDay = t.time ?? { hour: DEFAULT_HOUR, minute: 0 }
  if (t.day) return instantOf({ ...t.day(wall), ...time }, timeZone)
  // A bare clock time already gone today means tomorrow's.
  const today = instantOf({ year: wall.year, month: wall.month, day: wall.day, ...time }, timeZone)
  return today.getTime() > now.getTime()
    ? today
    : instantOf({ ...wall, day: wall.day + 1, ...time }, timeZone)
}

function isSameDay(at: Date, wall: ZonedNow, opts: DateOptions): boolean {
  const day = wallClock(at, opts.timeZone)
  return day.year === wall.year && day.month === wall.month && day.day === wall.day
}

/** Every date phrase in `text`, resolved in the user's zone, in text order. */
export function extractDates(text: string, opts: DateOptions): FoundDate[] {
  const zh = ZH_DATE_HINT.test(text)
  const en = LATIN.test(text) && EN_DATE_HINT.test(text)
  const fromChrono = chronoTokens(text, opts.now, opts.timeZone)
  if (!zh && !en && !fromChrono.length) return []
  const own = [...(zh ? zhDateTokens(text) : []), ...(en ? enDateTokens(text) : [])].filter(
    (t) => !fromChrono.some((c) => overlaps(c, t)),
  )
  const joined = joinDayAndTime(dedupe([...fromChrono, ...own]), text).filter(
    (t) => opts.allowWeak || !t.weak,
  )
  if (!joined.length) return []
  const wall = wallClock(opts.now, opts.timeZone)
  return joined.map((t) => {
    const at = resolve(t, opts.now, wall, opts.timeZone)
    return {
      start: t.start,
      end: t.end,
      at,
      iso: formatZoned(at, opts.timeZone),
      past:
        at.getTime() < opts.now.getTime() || (t.day !== undefined && !t.time && isSameDay(at, wall, opts)),
    }
  })
}
