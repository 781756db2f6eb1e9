import { daysInMonth } from '../zoned-time.ts'
import { inDays, isBefore, nextDate, nthWeekday, shiftMonth } from './calendar.ts'
import {
  MONTH_NAME_NEED,
  MONTH_SRC,
  monthIndex,
  ORDINAL_DAY_SRC,
  ordinalNumber,
  WEEKDAY_NEED,
  WEEKDAY_SRC,
  weekdayIndex,
  wordNumber,
} from './lexicon-en.ts'
import type { CivilDay, TimeParser } from './time-token.ts'

/** Calendar dates: month names, ordinal weekdays of a month, numeric and ISO dates, spans from now. */

const HOUR_MS = 3_600_000
const SPAN_COUNT: Record<string, number> = { a: 1, an: 1, few: 3, couple: 2, half: 0.5 }
const NOT_SINCE = /\b(?:hasn['’]?t|haven['’]?t|hadn['’]?t|not|no|never|nothing|first time)\b[^,.;!?]*$/i
const NTH: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, last: -1 }

const dayOfMonth = (raw: string) => (/^\d+$/.test(raw) ? Number(raw) : ordinalNumber(raw))

/** A month and day with or without a year; without one, the next such day by `nextDate`. */
const calendarDay = (year: number | undefined, month: number, day: number) =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year ?? 2024, month)
    ? {
        day: (now: Parameters<typeof nextDate>[0]): CivilDay =>
          year ? { year, month, day } : nextDate(now, month, day),
      }
    : null

const fullYear = (raw: string | undefined) =>
  raw === undefined ? undefined : raw.length === 2 ? 2000 + Number(raw) : Number(raw)

export const EN_CALENDAR_PARSERS: TimeParser[] = [
  {
    // `the second Monday of January`, `last Friday of March`, `first Monday of next month`.
    name: 'en-nth-weekday',
    // Every match names a weekday; the need is the weekday parser's, tested once for both.
    need: WEEKDAY_NEED,
    re: new RegExp(
      `\\b(?:the\\s+)?(first|second|third|fourth|fifth|last|[1-5](?:st|nd|rd|th))\\s+(${WEEKDAY_SRC})\\s+(?:of|in)\\s+(?:(?:the\\s+)?(next|this)\\s+month|(${MONTH_SRC})(?:\\s+(\\d{4}))?)\\b`,
      'gi',
    ),
    make: (m) => {
      const word = (m[1] ?? '').toLowerCase()
      const n = NTH[word] ?? Number.parseInt(word, 10)
      const target = weekdayIndex(m[2] ?? '')
      return {
        day: (now) => {
          if (m[3]) {
            const { year, month } = shiftMonth(now.year, now.month, m[3].toLowerCase() === 'next' ? 1 : 0)
            return nthWeekday(year, month, target, n)
          }
          const month = monthIndex(m[4] ?? '')
          if (m[5]) return nthWeekday(Number(m[5]), month, target, n)
          const day = nthWeekday(now.year, month, target, n)
          // This month's, once gone, and earlier months are next year's.
          return isBefore(day, now) ? nthWeekday(now.year + 1, month, target, n) : day
        },
      }
    },
  },
  {
    // `Dec 1`, `December 3rd, 2027`, `March first`.
    name: 'en-month-day',
    need: MONTH_NAME_NEED,
    re: new RegExp(
      `\\b(?:on\\s+)?(${MONTH_SRC})\\.?\\s+(${ORDINAL_DAY_SRC}|\\d{1,2})\\b(?:,?\\s*(\\d{4})\\b)?`,
      'gi',
    ),
    make: (m) => {
      // `may 5 people come`: a lower-case `may` is the verb.
      if (m[1] === 'may') return null
      return calendarDay(fullYear(m[3]), monthIndex(m[1] ?? ''), dayOfMonth((m[2] ?? '').toLowerCase()))
    },
  },
  {
    // `3rd of December`, `1 Dec 2027`, `first of march`.
    name: 'en-day-month',
    need: MONTH_NAME_NEED,
    re: new RegExp(
      `\\b(?:on\\s+)?(?:the\\s+)?(${ORDINAL_DAY_SRC}|\\d{1,2})\\s+(?:of\\s+)?(${MONTH_SRC})\\b\\.?(?:,?\\s*(\\d{4})\\b)?`,
      'gi',
    ),
    make: (m) => calendarDay(fullYear(m[3]), monthIndex(m[2] ?? ''), dayOfMonth((m[1] ?? '').toLowerCase())),
  },
  {
    // `2027-01-05`, `2027/1/5`, `2026-12-01 14:00`.
    name: 'iso-date',
    anyScript: true,
    need: /\d{4}[-/.]\d/,
    re: /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2}))?\b/g,
    make: (m) => {
      const date = calendarDay(Number(m[1]), Number(m[2]), Number(m[3]))
      if (!date) return null
      return m[4] ? { ...date, time: { hour: Number(m[4]), minute: Number(m[5]) } } : date
    },
  },
  {
    // `7/4` and `7/4/2027`: month first, or day first for a locale that writes it so.
    name: 'numeric-date',
    anyScript: true,
    need: /\d\/\d/,
    re: /(?<![\d./])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])/g,
    make: (m, ctx) => {
      const a = Number(m[1])
      const b = Number(m[2])
      return ctx.dayFirst ? calendarDay(fullYear(m[3]), b, a) : calendarDay(fullYear(m[3]), a, b)
    },
  },
  {
    name: 'en-span-from-now',
    need: /\b(?:in|within|after)\s|from\s+now/i,
    re: /\b(?:in|within|after)\s+(?:(?:a|an)\s+)?(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|couple|half)\s*(?:of\s+)?(?:an?\s+)?(minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?)\b|\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(minutes?|mins?|hours?|hrs?|days?|weeks?)\s+from\s+now\b/gi,
    make: (m) => {
      // `hasn't replied in 3 weeks`, `no news in a month`: how long something has not happened.
      if (m[1] && NOT_SINCE.test(m.input.slice(Math.max(0, m.index - 40), m.index))) return null
      const raw = (m[1] ?? m[3] ?? '').toLowerCase()
      const n = SPAN_COUNT[raw] ?? wordNumber(raw)
      const unit = (m[2] ?? m[4] ?? '').toLowerCase()
      if (!Number.isFinite(n)) return null
      if (unit.startsWith('mi')) return { afterMs: n * 60_000 }
      if (unit.startsWith('h')) return { afterMs: n * HOUR_MS }
      if (unit.startsWith('d')) return { day: inDays(Math.round(n)) }
      if (unit.startsWith('w')) return { day: inDays(Math.round(n * 7)) }
      return { day: (now) => ({ ...shiftMonth(now.year, now.month, n), day: now.day }) }
    },
  },
]
