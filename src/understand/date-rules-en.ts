import {
  type CivilDay,
  type DateToken,
  daysToWeekday,
  inDays,
  PART_OF_DAY_HOUR,
  toHour24,
  type WeekRef,
} from './date-token.ts'
import { daysInMonth, type ZonedNow } from './zoned-time.ts'

/** English relative date phrases, read with the same week rules as the Chinese ones. */

const HOUR_MS = 3_600_000
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
const WEEKDAY_SRC =
  '(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)'
const NUM_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  few: 3,
  couple: 2,
  half: 0.5,
}
const UNIT_MS: Record<string, number> = { m: 60_000, h: HOUR_MS }

type Rule = {
  /** Letters every match holds; the rule's regex is only run when the text has them. */
  need: RegExp
  re: RegExp
  make: (m: RegExpExecArray) => Omit<DateToken, 'start' | 'end'> | null
}

const count = (raw: string) => NUM_WORDS[raw.toLowerCase()] ?? Number(raw)
const endOfMonth =
  (offset: number) =>
  (now: ZonedNow): CivilDay => {
    const month = now.month + offset
    const year = now.year + Math.floor((month - 1) / 12)
    const m = ((month - 1) % 12) + 1
    return { year, month: m, day: daysInMonth(year, m) }
  }

const NOT_SINCE = /\b(?:hasn['’]?t|haven['’]?t|hadn['’]?t|not|no|never|nothing|first time)\b[^,.;!?]*$/i
const DAY_LEAD =
  /(?:f\/u|follow[- ]?up|\bby|\bbefore|\buntil|\btill|\bdue|\bping|\bcall|\bremind me|\bsee you|,)\s*$/i

const RULES: Rule[] = [
  {
    need: /to[dnm]|tmr|yesterday|this/i,
    re: /\b(?:the\s+)?(day\s+after\s+tomorrow|today|tonight|tomorrow|tmrw?|tomorow|yesterday|this(?=\s+(?:morning|afternoon|evening)))(?:\s+(morning|afternoon|evening|night))?\b/gi,
    make: (m) => {
      const word = (m[1] ?? '').toLowerCase()
      const rel = word.startsWith('day')
        ? 2
        : word === 'yesterday'
          ? -1
          : /^(today|tonight|this)$/.test(word)
            ? 0
            : 1
      const pod = m[2]?.toLowerCase() ?? (word === 'tonight' ? 'tonight' : undefined)
      return {
        day: inDays(rel),
        ...(pod ? { pod, time: { hour: PART_OF_DAY_HOUR[pod] ?? 9, minute: 0 } } : {}),
      }
    },
  },
  {
    need: /mon|tue|wed|thu|fri|sat|sun/i,
    re: new RegExp(
      `\\b(?:(next|this|coming|this\\s+coming|last|on)\\s+)?${WEEKDAY_SRC}\\b(?:\\s+(next\\s+week|this\\s+week|after\\s+next))?`,
      'gi',
    ),
    make: (m) => {
      const target = WEEKDAYS.indexOf((m[2] ?? '').slice(0, 3).toLowerCase())
      const lead = (m[1] ?? '').toLowerCase()
      const tail = (m[3] ?? '').toLowerCase()
      // `sat`/`sun`/`wed` alone are too often other words; only believe them with a lead word.
      // `f/u Mon`, `by Wed`: a capitalised short form after a word that sets a date is the day.
      if (
        !lead &&
        !tail &&
        /^(sat|sun|wed|mon)$/i.test(m[2] ?? '') &&
        !(/^[A-Z]/.test(m[2] ?? '') && DAY_LEAD.test(m.input.slice(Math.max(0, m.index - 14), m.index)))
      )
        return null
      let ref: WeekRef = 'bare'
      if (lead === 'next' || tail.startsWith('next')) ref = 'next'
      else if (tail.startsWith('after')) ref = 'after_next'
      else if (lead === 'this' || tail.startsWith('this')) ref = 'this'
      else if (lead === 'last') ref = 'last'
      return { day: (now) => inDays(daysToWeekday(now, target, ref))(now) }
    },
  },
  {
    // `end of next week` is that week's Friday; `end of next month` its last day.
    need: /end/i,
    re: /\bend\s+of\s+(?:the\s+)?next\s+(week|month)\b/gi,
    make: (m) =>
      /^w/i.test(m[1] ?? '')
        ? { day: (now) => inDays(daysToWeekday(now, 4, 'next'))(now) }
        : { day: endOfMonth(1) },
  },
  {
    need: /next|this|last|end|eo[wmyd]/i,
    re: /\b(next|this|last)\s+(week(?:end)?|month)\b|\b(?:end\s+of\s+(?:the\s+)?(week|month|year|day)|eo([wmyd]))\b|\b(?:(?:early|beginning\s+of|start\s+of)\s+next\s+month)\b/gi,
    make: (m) => {
      const which = (m[1] ?? '').toLowerCase()
      const unit = (m[2] ?? m[3] ?? m[4] ?? 'month').toLowerCase()
      if (!m[1] && !m[3] && !m[4]) return { day: (now) => ({ year: now.year, month: now.month + 1, day: 1 }) }
      if (m[3] || m[4]) {
        if (unit.startsWith('d')) return { day: inDays(0), time: { hour: 17, minute: 0 } }
        if (unit.startsWith('w')) return { day: (now) => inDays(daysToWeekday(now, 4, 'this'))(now) }
        if (unit.startsWith('y')) return { day: (now) => ({ year: now.year, month: 12, day: 31 }) }
        return { day: endOfMonth(0) }
      }
      const ref: WeekRef = which === 'next' ? 'next' : which === 'last' ? 'last' : 'this'
      if (unit === 'month') {
        const offset = ref === 'next' ? 1 : ref === 'last' ? -1 : 0
        return { day: (now) => ({ year: now.year, month: now.month + offset, day: offset ? 1 : now.day }) }
      }
      return { day: (now) => inDays(daysToWeekday(now, unit === 'weekend' ? 5 : 0, ref))(now) }
    },
  },
  {
    need: /in|after|now/i,
    re: /\b(?:in|within|after)\s+(?:(?:a|an)\s+)?(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|couple|half)\s*(?:of\s+)?(?:an?\s+)?(minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?)\b|\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(minutes?|mins?|hours?|hrs?|days?|weeks?)\s+from\s+now\b/gi,
    make: (m) => {
      // `hasn't replied in 3 weeks`, `no news in a month`: how long something has not happened.
      if (m[1] && NOT_SINCE.test(m.input.slice(Math.max(0, m.index - 40), m.index))) return null
      const n = count(m[1] ?? m[3] ?? '')
      const unit = (m[2] ?? m[4] ?? '').toLowerCase()
      if (!Number.isFinite(n)) return null
      if (unit.startsWith('mi')) return { afterMs: n * (UNIT_MS.m ?? 0) }
      if (unit.startsWith('h')) return { afterMs: n * (UNIT_MS.h ?? 0) }
      if (unit.startsWith('d')) return { day: inDays(Math.round(n)) }
      if (unit.startsWith('w')) return { day: inDays(Math.round(n * 7)) }
      return { day: (now) => ({ year: now.year, month: now.month + n, day: now.day }) }
    },
  },
  {
    // `on the 25th`: this month's, or next month's once it has passed.
    need: /\d(?:st|nd|rd|th)/i,
    re: /\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/gi,
    make: (m) => {
      const day = Number(m[1])
      if (!(day >= 1 && day <= 31)) return null
      return {
        day: (now) => (day >= now.day ? { ...now, day } : { year: now.year, month: now.month + 1, day }),
      }
    },
  },
  {
    need: /\d|noon|midday|midnight|morning|afternoon|evening/i,
    re: /\b(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?![a-z])|\b(?:at|@|by|around)\s*(\d{1,2})(?::(\d{2}))?(?![\d%kKmMwW万.:/-])(?!\s*[ap]\.?m)(?!\s*(?:hours?|days?|min|people|percent|%))|\b(\d{1,2}):(\d{2})\b|\b(noon|midday|midnight)\b|\b(?:in\s+the\s+)?(morning|afternoon|evening)(?:\s+(?:at|@|around)\s*(\d{1,2})(?::(\d{2}))?(?!\s*[ap]\.?m|[\d:]))?\b/gi,
    make: (m) => {
      if (m[8]) {
        const word = m[8].toLowerCase()
        return { time: { hour: word === 'midnight' ? 0 : 12, minute: 0 } }
      }
      // `afternoon at 4`: the part of day places the hour.
      if (m[9] && m[10]) return { time: { hour: toHour24(Number(m[10]), m[9]), minute: Number(m[11] ?? 0) } }
      if (m[9]) return { time: { hour: PART_OF_DAY_HOUR[m[9].toLowerCase()] ?? 9, minute: 0 }, weak: true }
      const hour = Number(m[1] ?? m[4] ?? m[6])
      const minute = Number(m[2] ?? m[5] ?? m[7] ?? 0)
      if (!(hour >= 0 && hour <= 24 && minute < 60)) return null
      const meridiem = m[3]?.toLowerCase()
      if (meridiem) return { time: { hour: toHour24(hour, meridiem), minute } }
      return { time: { hour: toHour24(hour, undefined), minute }, bareHour: hour }
    },
  },
]

/** One cheap scan for anything a rule could match; most messages without a date stop here. */
export const EN_DATE_HINT =
  /\b(?:today|tonight|tomorrow|tmrw?|tomorow|yesterday|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|end of|eo[wmyd]|from now|noon|midday|midnight|morning|afternoon|evening)\b|\b(?:next|this|last|coming)\s+(?:week|month)|\b(?:in|within|after)\s+(?:\d|an?\b|one|two|three|four|five|six|seven|eight|nine|ten|few|couple|half)|\d\s*[ap]\.?m|\b(?:at|by|around|@)\s*\d|\d:\d\d|\d(?:st|nd|rd|th)\b/i

/** Date and time tokens in an English message, in rule order (the caller sorts them). */
export function enDateTokens(text: string): DateToken[] {
  const out: DateToken[] = []
  for (const rule of RULES) {
    if (!rule.need.test(text)) continue
    rule.re.lastIndex = 0
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const made = rule.make(m)
      if (made) out.push({ start: m.index, end: m.index + m[0].length, ...made })
    }
  }
  return out
}
