import { isClock, PART_OF_DAY_HOUR, toHour24 } from './clock.ts'
import { HOUR_WORD_SRC, MINUTE_WORD_SRC, wordNumber } from './lexicon-en.ts'
import type { TimeParser, TimeToken } from './time-token.ts'

/** English clock times in every form people write them, and parts of the day. */

const MERIDIEM_SRC = '(a\\.m\\.?|p\\.m\\.?|am|pm)(?![a-z])'
const OCLOCK_SRC = "o['’]?clock"
/** Shared by the part-of-day parsers, so a text is tested once. */
const PART_OF_DAY_NEED = /morning|afternoon|evening|night/i
/** A clock time not to be read: `5 to 10 people`, `2 hours`, `3 days`. */
const NOT_A_TIME =
  /^\s*(?:hours?|hrs?|days?|weeks?|months?|years?|min|minutes|people|percent|%|times|calls|of\b)/i

function clock(
  hour: number,
  minute: number,
  meridiem: string | undefined,
): Omit<TimeToken, 'start' | 'end'> | null {
  if (!isClock(hour, minute)) return null
  if (meridiem) return hour > 12 ? null : { time: { hour: toHour24(hour, meridiem.toLowerCase()), minute } }
  return { time: { hour: toHour24(hour, undefined), minute }, ...(hour <= 12 ? { bareHour: hour } : {}) }
}

export const EN_CLOCK_PARSERS: TimeParser[] = [
  {
    // `half past nine`, `quarter to five`, `25 minutes past 2pm`, `20 to 5`, `ten past three`.
    name: 'en-minutes-past',
    need: /past|after|to\b|till/i,
    re: new RegExp(
      `\\b(half|(?:a\\s+)?quarter|${MINUTE_WORD_SRC})(\\s*(?:minutes?|mins?))?\\s+(past|after|to|till|til)\\s+(${HOUR_WORD_SRC})(?:\\s*${OCLOCK_SRC})?(?:\\s*${MERIDIEM_SRC})?`,
      'gi',
    ),
    make: (m) => {
      const raw = (m[1] ?? '').toLowerCase().replace(/^a\s+/, '')
      const minutes = raw === 'half' ? 30 : raw === 'quarter' ? 15 : wordNumber(raw)
      const hour = wordNumber(m[4] ?? '')
      const way = (m[3] ?? '').toLowerCase()
      const spelled = !/^\d/.test(raw) || m[2]
      const rest = m.input.slice(m.index + m[0].length)
      // `from 2 to 5`, `5 to 10 people`: a range, not a time; `half past 3` needs no such care.
      if (!spelled && (NOT_A_TIME.test(rest) || /\b(?:from|between)\s*$/i.test(m.input.slice(0, m.index))))
        return null
      if (!spelled && !m[5] && !/\b(?:at|@|by|around|about)\s*$/i.test(m.input.slice(0, m.index))) return null
      if (!(minutes > 0 && minutes < 60) || !(hour >= 1 && hour <= 12)) return null
      if (way === 'past' || way === 'after') return clock(hour, minutes, m[5])
      const before = clock(hour, 0, m[5])
      if (!before?.time) return null
      const total = before.time.hour * 60 - minutes
      const hour24 = (Math.floor(total / 60) + 24) % 24
      return {
        ...before,
        time: { hour: hour24, minute: total % 60 < 0 ? (total % 60) + 60 : total % 60 },
        ...(before.bareHour ? { bareHour: hour - 1 || 12 } : {}),
      }
    },
  },
  {
    // `4:08`, `4:30pm`, `16h30`, `4.30pm`, `2pm`, `2 p.m.`, `6 o'clock`.
    name: 'en-digit-clock',
    anyScript: true,
    need: /\d\s*(?::|h\d|[ap]\.?m|o['’]?c|\.\d\d\s*[ap])/i,
    re: new RegExp(
      `(?<![\\d:.])(\\d{1,2})(?::(\\d{2})|h(\\d{2})|\\.(\\d{2})(?=\\s*[ap]\\.?m))?(?![\\d:])\\s*(?:${OCLOCK_SRC}\\s*)?(?:${MERIDIEM_SRC})?`,
      'gi',
    ),
    make: (m) => {
      const hour = Number(m[1])
      const minutes = m[2] ?? m[3] ?? m[4]
      const oclock = /o['’]?clock/i.test(m[0])
      if (!minutes && !m[5] && !oclock) return null
      // `01:00`, `07:30`: a leading zero is the 24-hour clock, not an afternoon guess.
      if (minutes && /^0\d/.test(m[1] ?? '') && !m[5]) return { time: { hour, minute: Number(minutes) } }
      return clock(hour, Number(minutes ?? 0), m[5])
    },
  },
  {
    // `at 3`, `at nine`, `at 4 30`, `at twelve thirty`, `by 5`.
    name: 'en-at-hour',
    need: /\b(?:at|@|by|around)\b|@/i,
    re: new RegExp(
      `(?:\\b(?:at|by|around)|@)\\s*(${HOUR_WORD_SRC})(?:[\\s.]+(${MINUTE_WORD_SRC}))?(?![\\d%kKmMwW万.:/-])(?!\\s*${MERIDIEM_SRC})(?!\\s*${OCLOCK_SRC})`,
      'gi',
    ),
    make: (m) => {
      const rest = m.input.slice(m.index + m[0].length)
      if (NOT_A_TIME.test(rest)) return null
      const minute = m[2] === undefined ? 0 : wordNumber(m[2])
      // `at 4 people`: a digit minute must look like one (`at 4 30`, `at 4 05`).
      if (m[2] && /^\d$/.test(m[2])) return null
      return clock(wordNumber(m[1] ?? ''), minute, undefined)
    },
  },
  {
    // `nine am`, `twelve thirty`, `ten o'clock`, `four fifteen pm`.
    name: 'en-spelled-clock',
    need: /one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve/i,
    re: new RegExp(
      `\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\\s+((?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|oh[- ](?:one|two|three|four|five|six|seven|eight|nine)|ten|fifteen|eleven|twelve|thirteen|fourteen|sixteen|seventeen|eighteen|nineteen))?\\s*(?:(${OCLOCK_SRC})|${MERIDIEM_SRC})?\\b`,
      'gi',
    ),
    make: (m) => {
      if (!m[2] && !m[3] && !m[4]) return null
      const minute = m[2] ? wordNumber(m[2]) : 0
      if (NOT_A_TIME.test(m.input.slice(m.index + m[0].length))) return null
      return clock(wordNumber(m[1] ?? ''), minute, m[4])
    },
  },
  {
    name: 'en-noon',
    need: /noon|midday|midnight/i,
    re: /\b(noon|midday|midnight)\b/gi,
    make: (m) => ({ time: { hour: (m[1] ?? '').toLowerCase() === 'midnight' ? 0 : 12, minute: 0 } }),
  },
  {
    // `6 in the morning`, `8:30 in the evening`, `10 at night`.
    name: 'en-hour-part-of-day',
    need: PART_OF_DAY_NEED,
    re: new RegExp(
      `\\b(${HOUR_WORD_SRC})(?::(\\d{2}))?\\s+(?:in\\s+the\\s+(morning|afternoon|evening)|at\\s+(night))\\b`,
      'gi',
    ),
    make: (m) => {
      const hour = wordNumber(m[1] ?? '')
      const minute = Number(m[2] ?? 0)
      const pod = (m[3] ?? m[4] ?? '').toLowerCase()
      if (!(hour >= 1 && hour <= 12) || !isClock(hour, minute)) return null
      return { time: { hour: toHour24(hour, pod), minute }, pod }
    },
  },
  {
    // `Fri pm`, `tmrw am`: chat shorthand for that day's afternoon or morning.
    name: 'en-day-am-pm',
    need: /[ap]m\b/i,
    re: /(?<=\b(?:today|tomorrow|tmrw?|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+)([ap])m\b/gi,
    make: (m) => {
      const pod = (m[1] ?? '').toLowerCase() === 'p' ? 'afternoon' : 'morning'
      return { time: { hour: PART_OF_DAY_HOUR[pod] ?? 9, minute: 0 }, pod, podOnly: true }
    },
  },
  {
    // `in the morning`, `evening`, `at night`: alone a default hour; next to a bare hour, its half of the day.
    name: 'en-part-of-day',
    need: PART_OF_DAY_NEED,
    re: /\b(?:(?:in|during)\s+the\s+|at\s+)?(morning|afternoon|evening|night)\b/gi,
    make: (m) => {
      const pod = (m[1] ?? '').toLowerCase()
      if (pod === 'night' && !/^at\s/i.test(m[0])) return null
      return { time: { hour: PART_OF_DAY_HOUR[pod] ?? 9, minute: 0 }, pod, podOnly: true, weak: true }
    },
  },
]
