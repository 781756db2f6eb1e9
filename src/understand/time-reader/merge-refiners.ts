import { toHour24 } from './clock.ts'
import { kindOf, type TimeToken } from './time-token.ts'

/**
 * Refiners that join what the parsers found apart: a bare hour with its part of day (`6 in the
 * morning`), a time with its zone (`3pm CET`), a day with its time (`明天` + `下午3点`).
 */

/** What may sit between two pieces of one time: `明天 下午3点`, `Friday at 3pm`, `Dec 1, 10am`. */
const JOINER = /^[\s,，、的]*(?:at|on|@|around|by|于|在)?[\s,，]*$/i

const overlaps = (a: TimeToken, b: TimeToken) => a.start < b.end && b.start < a.end

/** Whether two tokens touch, with at most a joining word between them. */
export function adjacent(a: TimeToken, b: TimeToken, text: string): boolean {
  if (overlaps(a, b)) return true
  return a.end <= b.start ? JOINER.test(text.slice(a.end, b.start)) : JOINER.test(text.slice(b.end, a.start))
}

const span = (a: TimeToken, b: TimeToken) => ({
  start: Math.min(a.start, b.start),
  end: Math.max(a.end, b.end),
})
const byStart = (a: TimeToken, b: TimeToken) => a.start - b.start

/** Keeps the longest of overlapping tokens of one kind, and a day over a time inside it (`11月30日` over `30日`). */
export function dropOverlaps(tokens: TimeToken[]): TimeToken[] {
  if (tokens.length < 2) return tokens
  const sorted = [...tokens].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: TimeToken[] = []
  for (const t of sorted) {
    const kind = kindOf(t)
    if (!kept.some((k) => overlaps(k, t) && (kindOf(k) === kind || kindOf(k) === 'day'))) kept.push(t)
  }
  return kept.sort(byStart)
}

/** `6 in the morning`, `8 in the evening`, `evening at 6`: the part of day places a bare hour. */
export function mergePartOfDay(tokens: TimeToken[], text: string): TimeToken[] {
  const pods = tokens.filter((t) => t.podOnly)
  if (!pods.length) return tokens
  const dropped = new Set<TimeToken>()
  const out = tokens.map((t) => {
    if (t.bareHour === undefined || !t.time || t.podOnly) return t
    const pod = pods.find((p) => !dropped.has(p) && adjacent(p, t, text))
    if (!pod?.pod) return t
    dropped.add(pod)
    const { weak: _weak, bareHour: _bare, ...rest } = t
    return {
      ...rest,
      ...span(t, pod),
      pod: pod.pod,
      time: { hour: toHour24(t.bareHour, pod.pod), minute: t.time.minute },
    }
  })
  return out.filter((t) => !dropped.has(t))
}

/** A zone next to a time (or, failing that, a day) is that time's: `10am PST`, `北京时间15点`. */
export function attachZones(tokens: TimeToken[], text: string, to: 'time' | 'day'): TimeToken[] {
  const zones = tokens.filter((t) => kindOf(t) === 'zone')
  if (!zones.length) return tokens
  const used = new Set<TimeToken>()
  const out = tokens.map((t) => {
    const k = kindOf(t)
    if (t.zoneOffset !== undefined || (to === 'time' ? k !== 'time' : k !== 'day')) return t
    const zone = zones.find((z) => !used.has(z) && adjacent(z, t, text))
    if (!zone) return t
    used.add(zone)
    const { bareHour: _bare, weak: _weak, ...rest } = t
    // `3pm CET`: a zone makes a bare hour sure, and says it is a clock time, not "3 points".
    const hour =
      t.bareHour !== undefined && t.time
        ? { time: { hour: toHour24(t.bareHour, undefined), minute: t.time.minute } }
        : {}
    return { ...rest, ...hour, ...span(t, zone), zoneOffset: zone.zoneOffset, zoneName: zone.zoneName }
  })
  return out.filter((t) => !used.has(t))
}

/** Joins each day with a clock time next to it, on either side. */
export function joinDayAndTime(tokens: TimeToken[], text: string): TimeToken[] {
  if (tokens.length < 2) return tokens
  const out: TimeToken[] = []
  const used = new Set<TimeToken>()
  for (const day of tokens) {
    if (kindOf(day) !== 'day') continue
    const time = tokens.find((t) => {
      const k = kindOf(t)
      return (k === 'time' || k === 'pod') && !used.has(t) && adjacent(day, t, text)
    })
    if (!time?.time) {
      out.push(day)
      continue
    }
    used.add(time)
    const hour = time.bareHour !== undefined && day.pod ? toHour24(time.bareHour, day.pod) : time.time.hour
    const { weak: _weak, ...dayRest } = day
    out.push({
      ...dayRest,
      ...span(day, time),
      time: { hour, minute: time.time.minute },
      ...(time.zoneOffset !== undefined ? { zoneOffset: time.zoneOffset, zoneName: time.zoneName } : {}),
      ...(time.pod && !day.pod ? { pod: time.pod } : {}),
      // A weak day (`sat`) next to a time is sure; a weak time next to a day is too.
    })
  }
  for (const t of tokens) if (kindOf(t) !== 'day' && !used.has(t)) out.push(t)
  return out.sort(byStart)
}
