/**
 * Wall-clock arithmetic in an IANA zone with nothing but Intl: offsets are read from a cached
 * formatter per zone, because building an Intl.DateTimeFormat costs far more than using one.
 */

/** A calendar day plus a wall-clock time, as the user reads it in their zone. */
export interface WallTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

/** A wall-clock moment plus its weekday (0 = Sunday). */
export interface ZonedNow extends WallTime {
  weekday: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** Offsets only change at zone transitions, which fall on quarter hours; so one lookup per quarter. */
const QUARTER_HOUR = 15 * 60_000
const SLOTS = 256

/**
 * Per zone, a small direct-mapped cache of quarter-hour → offset: a message's dates touch a few
 * quarters (now, a follow-up next week), and a slot compare is far cheaper than a Map lookup.
 */
interface ZoneCache {
  buckets: Float64Array
  offsets: Int16Array
  /** UTC days whose offset was the same at both ends, so holds all day (DST changes are months apart). */
  days: Float64Array
  dayOffsets: Int16Array
}
const DAY = 86_400_000
const DAY_SLOTS = 1024
const zones = new Map<string, ZoneCache>()
let lastZone = ''
let lastCache: ZoneCache | undefined

function measureOffset(at: number, timeZone: string): number {
  const p = { year: 0, month: 0, day: 0, hour: 0, minute: 0 }
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type in p) p[part.type as keyof typeof p] = Number(part.value)
  }
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute)
  return Math.round((asUtc - Math.floor(at / 60_000) * 60_000) / 60_000)
}

function cacheFor(timeZone: string): ZoneCache {
  if (timeZone === lastZone && lastCache) return lastCache
  let cache = zones.get(timeZone)
  if (!cache) {
    cache = {
      buckets: new Float64Array(SLOTS).fill(Number.NaN),
      offsets: new Int16Array(SLOTS),
      days: new Float64Array(DAY_SLOTS).fill(Number.NaN),
      dayOffsets: new Int16Array(DAY_SLOTS),
    }
    zones.set(timeZone, cache)
  }
  lastZone = timeZone
  lastCache = cache
  return cache
}

/** Minutes east of UTC that `timeZone` is at the instant `at` (Shanghai: 480). Throws RangeError for an unknown zone. */
export function offsetMinutes(at: Date, timeZone: string): number {
  const t = at.getTime()
  const cache = cacheFor(timeZone)
  const day = Math.floor(t / DAY)
  const daySlot = ((day % DAY_SLOTS) + DAY_SLOTS) % DAY_SLOTS
  if (cache.days[daySlot] === day) return cache.dayOffsets[daySlot] ?? 0
  const bucket = Math.floor(t / QUARTER_HOUR)
  const slot = ((bucket % SLOTS) + SLOTS) % SLOTS
  if (cache.buckets[slot] === bucket) return cache.offsets[slot] ?? 0
  const offset = measureOffset(bucket * QUARTER_HOUR, timeZone)
  cache.buckets[slot] = bucket
  cache.offsets[slot] = offset
  // One more lookup tells whether the whole UTC day shares it; most days do, and then every
  // instant in it is answered from the day cache.
  const first = measureOffset(day * DAY, timeZone)
  if (first === offset && measureOffset((day + 1) * DAY - QUARTER_HOUR, timeZone) === offset) {
    cache.days[daySlot] = day
    cache.dayOffsets[daySlot] = offset
  }
  return offset
}

/** The wall clock of `at` in `timeZone`. Throws RangeError for an unknown zone. */
export function wallClock(at: Date, timeZone: string): ZonedNow {
  const local = new Date(at.getTime() + offsetMinutes(at, timeZone) * 60_000)
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    weekday: local.getUTCDay(),
  }
}

/**
 * The instant a wall-clock time names in `timeZone`. Out-of-range parts roll over (day 32 is the
 * 1st of the next month), which keeps date arithmetic in callers trivial. The offset is checked
 * twice so that times next to a DST change land on the right side of it.
 */
export function instantOf(wall: WallTime, timeZone: string): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute)
  let instant = guess - offsetMinutes(new Date(guess), timeZone) * 60_000
  instant = guess - offsetMinutes(new Date(instant), timeZone) * 60_000
  return new Date(instant)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** ISO 8601 with the zone's own offset, e.g. `2026-11-25T09:00:00+08:00`. */
export function formatZoned(at: Date, timeZone: string): string {
  const w = wallClock(at, timeZone)
  const off = offsetMinutes(at, timeZone)
  const sign = off < 0 ? '-' : '+'
  const abs = Math.abs(off)
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** The calendar day `days` after the given one (negative goes back), normalised. */
export function addDays(d: { year: number; month: number; day: number }, days: number) {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days))
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() }
}

/** Number of days in a month (1-based). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}
