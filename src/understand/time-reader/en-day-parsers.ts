import { daysInMonth } from '../zoned-time.ts'
import { endOfMonth, endOfNamedQuarter, endOfQuarter, inDays, nextMonthDay, shiftMonth } from './calendar.ts'
import { PART_OF_DAY_HOUR } from './clock.ts'
import {
  ORDINAL_DAY_SRC,
  ordinalNumber,
  WEEKDAY_NEED,
  WEEKDAY_SRC,
  weekdayIndex,
  wordNumber,
} from './lexicon-en.ts'
import type { TimeParser, WeekRef } from './time-token.ts'

/** English days said relative to today or to this week: `tomorrow`, `next Tuesday`, `two weeks from Monday`. */

const COUNT_SRC = '(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|couple)'
const count = (raw: string) => ({ a: 1, an: 1, few: 3, couple: 2 })[raw.toLowerCase()] ?? wordNumber(raw)
/** `f/u Mon`, `by Wed`: a capitalised short form after a word that sets a date is the day. */
const DAY_LEAD =
  /(?:f\/u|follow[- ]?up|\bby|\bbefore|\buntil|\btill|\bdue|\bping|\bcall|\bremind me|\bsee you|,)\s*$/i

/** After `sat`/`sun`/`wed`/`mon`: a capitalised word (a name) or what follows the verb `sat`. */
const NOT_A_DAY_AFTER = /^\s+(?:[A-Z][a-z]|(?:down|with|in|on|at|there|through|for|together|next|beside)\b)/

export const EN_DAY_PARSERS: TimeParser[] = [
  {
    name: 'en-relative-day',
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
    name: 'en-weekday',
    need: WEEKDAY_NEED,
    re: new RegExp(
      `\\b(?:${COUNT_SRC}\\s+weeks?\\s+(?:from|after)\\s+)?(?:(next|this|coming|this\\s+coming|last|on)\\s+)?(${WEEKDAY_SRC})\\b(?:\\s+(next\\s+week|this\\s+week|after\\s+next))?`,
      'gi',
    ),
    make: (m) => {
      const word = m[3] ?? ''
      const target = weekdayIndex(word)
      const lead = (m[2] ?? '').toLowerCase()
      const tail = (m[4] ?? '').toLowerCase()
      // `sat`/`sun`/`wed`/`mon` alone are often other words: `Sun Life`, `Blue Sun`, `sat down with`.
      const ambiguous = !lead && !tail && !m[1] && /^(sat|sun|wed|mon)$/i.test(word)
      if (ambiguous && NOT_A_DAY_AFTER.test(m.input.slice(m.index + m[0].length))) return null
      if (
        ambiguous &&
        /^[A-Z]/.test(word) &&
        /[A-Z][a-z]*\s+$/.test(m.input.slice(Math.max(0, m.index - 20), m.index))
      )
        return null
      // Believed in a reminder, or capitalised after a word that sets a date (`f/u Mon`, `by Wed`).
      const weak =
        ambiguous &&
        !(/^[A-Z]/.test(word) && DAY_LEAD.test(m.input.slice(Math.max(0, m.index - 14), m.index)))
      let ref: WeekRef = 'bare'
      if (lead === 'next' || tail.startsWith('next')) ref = 'next'
      else if (tail.startsWith('after')) ref = 'after_next'
      else if (lead === 'this' || tail.startsWith('this')) ref = 'this'
      else if (lead === 'last') ref = 'last'
      const weeks = m[1] ? count(m[1]) : 0
      if (!Number.isFinite(weeks)) return null
      return { weekday: { target, ref, ...(weeks ? { weeksLater: weeks } : {}) }, ...(weak ? { weak } : {}) }
    },
  },
  {
    // `two weeks from today`, `3 days from tomorrow`.
    name: 'en-from-day',
    need: /from\s+to/i,
    re: new RegExp(`\\b${COUNT_SRC}\\s+(days?|weeks?)\\s+from\\s+(today|tomorrow)\\b`, 'gi'),
    make: (m) => {
      const n = count(m[1] ?? '')
      if (!Number.isFinite(n)) return null
      const days = /^w/i.test(m[2] ?? '') ? n * 7 : n
      return { day: inDays(days + (/^tom/i.test(m[3] ?? '') ? 1 : 0)) }
    },
  },
  {
    // `end of next week` is that week's Friday; `end of next month`/`quarter` their last day; `end of Q1`,
    // `end of Q3 2027`, `Q1 end` that quarter's last day, the next one to come without a year.
    name: 'en-end-of',
    need: /end/i,
    re: /\bend\s+of\s+(?:the\s+)?next\s+(week|month|quarter)\b|\bend\s+of\s+(?:the\s+)?q([1-4])\b(?:\s*(20\d\d)\b)?|\bq([1-4])\s+end\b/gi,
    make: (m) => {
      const quarter = m[2] ?? m[4]
      if (quarter) return { day: endOfNamedQuarter(Number(quarter), m[3] ? Number(m[3]) : undefined) }
      const unit = (m[1] ?? '').toLowerCase()
      if (unit === 'week') return { weekday: { target: 4, ref: 'next' } }
      return { day: unit === 'month' ? endOfMonth(1) : endOfQuarter(1) }
    },
  },
  {
    name: 'en-week-month',
    need: /next|this|last|end|eo[wmqyd]/i,
    re: /\b(next|this|last)\s+(week(?:end)?|month)\b|\b(?:end\s+of\s+(?:the\s+)?(?:this\s+)?(week|month|quarter|year|day)|eo([wmqyd]))\b|\b(?:(?:early|beginning\s+of|start\s+of)\s+next\s+month)\b/gi,
    make: (m) => {
      const which = (m[1] ?? '').toLowerCase()
      const unit = (m[2] ?? m[3] ?? m[4] ?? 'month').toLowerCase()
      if (!m[1] && !m[3] && !m[4])
        return { day: (now) => ({ ...shiftMonth(now.year, now.month, 1), day: 1 }) }
      if (m[3] || m[4]) {
        if (unit.startsWith('d')) return { day: inDays(0), time: { hour: 17, minute: 0 } }
        if (unit.startsWith('w')) return { weekday: { target: 4, ref: 'this' } }
        if (unit.startsWith('y')) return { day: (now) => ({ year: now.year, month: 12, day: 31 }) }
        if (unit.startsWith('q')) return { day: endOfQuarter(0) }
        return { day: endOfMonth(0) }
      }
      const ref: WeekRef = which === 'next' ? 'next' : which === 'last' ? 'last' : 'this'
      if (unit === 'month') {
        const offset = ref === 'next' ? 1 : ref === 'last' ? -1 : 0
        return {
          day: (now) => ({ ...shiftMonth(now.year, now.month, offset), day: offset ? 1 : now.day }),
        }
      }
      return { weekday: { target: unit === 'weekend' ? 5 : 0, ref } }
    },
  },
  {
    // `on the 25th`: this month's, or next month's once it has passed; `the 15th of next month`.
    name: 'en-day-of-month',
    need: /\d(?:st|nd|rd|th)|next month/i,
    re: new RegExp(
      `\\b(?:the\\s+)?(${ORDINAL_DAY_SRC})\\s+(?:of\\s+)?(?:the\\s+)?(next|this)\\s+month\\b|\\bthe\\s+(\\d{1,2})(?:st|nd|rd|th)\\b(?!\\s+(?:of\\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))`,
      'gi',
    ),
    make: (m) => {
      const day = m[1] ? ordinalNumber(m[1]) : Number(m[3])
      if (!(day >= 1 && day <= 31)) return null
      if (!m[2]) return { day: (now) => nextMonthDay(now, day) }
      const offset = m[2].toLowerCase() === 'next' ? 1 : 0
      return {
        day: (now) => {
          const { year, month } = shiftMonth(now.year, now.month, offset)
          return { year, month, day: Math.min(day, daysInMonth(year, month)) }
        },
      }
    },
  },
]
