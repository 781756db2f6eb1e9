import { instantOf, wallClock } from '../zoned-time.ts'
import { toHour24 } from './clock.ts'
import type { TimeToken } from './time-token.ts'

/**
 * The never-a-wrong-time refiner: a reading that leaves a time-like piece of text unused right next to
 * it (`tomorrow 3`, `周五 pm`, `2pm 25`) is unsure, and so is one in the past; both get the likely
 * readings to offer instead.
 */

/** What a number counts when it is no clock time: `3万`, `5个人`, `30%`, `2 days`, `10 seats`. */
const COUNTED_ZH = '[万千百元块个人台套份家次年月号日周天]'
const COUNTED_EN = '%|(?:x|k|m|days?|weeks?|months?|hours?|people|units?|seats?)\\b'
/** One or two digits on their own (not a price, a decimal, a date or a count): an hour or minutes. */
const BARE_NUMBER = `(?<![\\d.,:/$¥€£#-])\\d{1,2}(?![\\d.,%:/万千百kKwW])(?!\\s*(?:${COUNTED_ZH}|${COUNTED_EN}))`
/** `3点`, `一刻`, `五分`. */
const CHINESE_CLOCK_PIECE = '[\\d一二两三四五六七八九十][点刻分]'
const CLOCK_WORD = "\\b(?:half|quarter|[ap]\\.?m\\.?|o['’]?clock)(?![a-z])"
/** Zone names next to a time; `CST` too, which the zone parser leaves out as ambiguous, so it is asked about. */
const ZONE_NAME = '(?<![A-Za-z])(?:PST|PDT|EST|EDT|CST|CET|CEST|GMT|UTC|BST|IST|SGT|JST|HKT)(?![A-Za-z])'
/** Digits that may be an hour or minutes, clock words, am/pm and zone names. */
const TIME_LIKE = new RegExp([BARE_NUMBER, CHINESE_CLOCK_PIECE, CLOCK_WORD, ZONE_NAME].join('|'), 'gi')
/** What may sit between a reading and a piece it left unused for the piece to count as its own. */
const NEXT_TO = /^[\s,，、的]*(?:at|on|@|around|by|于|在|past|to|after|before)?[\s,，]*$/i

/** A time-like piece of text next to `t` that no reading used, or undefined. */
export function unusedNextTo(t: TimeToken, text: string, covered: TimeToken[]): string | undefined {
  const before = text.slice(Math.max(0, t.start - 16), t.start)
  const after = text.slice(t.end, t.end + 16)
  for (const [piece, offset, side] of [
    [after, t.end, 'after'],
    [before, t.start - before.length, 'before'],
  ] as const) {
    TIME_LIKE.lastIndex = 0
    for (let m = TIME_LIKE.exec(piece); m; m = TIME_LIKE.exec(piece)) {
      const at = offset + m.index
      if (covered.some((c) => at >= c.start && at < c.end)) continue
      const gap = side === 'after' ? piece.slice(0, m.index) : piece.slice(m.index + m[0].length)
      if (NEXT_TO.test(gap)) return m[0]
    }
  }
  return undefined
}

const HOUR_MS = 3_600_000

/**
 * Two or three likely readings, all still to come: for a number left over, that number as the hour
 * (or the minutes), either half of the day; for a reading in the past, its next occurrences.
 */
export function candidateInstants(t: TimeToken, at: Date, now: Date, zone: string, unused?: string): Date[] {
  const wall = wallClock(at, zone)
  const out: Date[] = []
  const n = unused && /^\d{1,2}$/.test(unused) ? Number(unused) : Number.NaN
  if (!t.time && n >= 0 && n <= 23) {
    const hour = toHour24(n, undefined)
    out.push(instantOf({ ...wall, hour, minute: 0 }, zone))
    if (n <= 12) out.push(instantOf({ ...wall, hour: hour >= 12 ? hour - 12 : hour + 12, minute: 0 }, zone))
  } else if (t.time && n >= 0 && n < 60) {
    out.push(instantOf({ ...wall, minute: n }, zone), at)
  } else {
    out.push(at)
    if (wall.hour < 12) out.push(new Date(at.getTime() + 12 * HOUR_MS))
  }
  // Past readings move on to the next such time: later today, tomorrow, next week.
  const future = out.filter((d) => d.getTime() > now.getTime())
  for (const step of [12, 24, 24 * 7]) {
    if (future.length >= 2) break
    const later = new Date(at.getTime() + step * HOUR_MS)
    const fresh = !future.some((d) => d.getTime() === later.getTime())
    if (fresh && later.getTime() > now.getTime() && !(step === 12 && wall.hour >= 12)) future.push(later)
  }
  const seen = new Set<number>()
  return future.filter((d) => !seen.has(d.getTime()) && Boolean(seen.add(d.getTime()))).slice(0, 3)
}

const sameWall = (a: Date, b: Date, zone: string) => {
  const x = wallClock(a, zone)
  const y = wallClock(b, zone)
  return (
    x.year === y.year && x.month === y.month && x.day === y.day && x.hour === y.hour && x.minute === y.minute
  )
}

/**
 * Both instants a clock time means in the hour the clocks go back (`1:30` on the last Sunday of October in
 * London happens at 00:30 and at 01:30 UTC), earlier first, when `at` falls in that hour; empty otherwise.
 * Nothing written tells the two apart, so the bot asks. A time given with its zone (`1:30 GMT`) is exact.
 */
export function clockTwice(t: TimeToken, at: Date, zone: string): Date[] {
  if (!t.time || t.zoneOffset !== undefined) return []
  const twin = [new Date(at.getTime() - HOUR_MS), new Date(at.getTime() + HOUR_MS)].find((d) =>
    sameWall(d, at, zone),
  )
  if (!twin) return []
  return twin < at ? [twin, at] : [at, twin]
}
