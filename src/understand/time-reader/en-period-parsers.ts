import { parseNumber } from '../chinese-numbers.ts'
import { MINUTE_WORD_SRC, MONTH_NAME_NEED, MONTH_SRC, monthIndex, wordNumber } from './lexicon-en.ts'
import type { PeriodSpec, PeriodUnit } from './period-reading.ts'
import type { Parser } from './time-token.ts'

/**
 * English periods (`this week`, `last quarter`, `MTD`, `the year`, `November 2026`, `past 30 days`), and
 * those written in digits in any script: quarters (`Q3`, `2026 Q3`, `第三季度`) and years (`2025`, `FY2026`).
 */

const WAY: Record<string, number> = {
  this: 0,
  last: -1,
  past: -1,
  previous: -1,
  prior: -1,
  next: 1,
  coming: 1,
}
const UNIT: Record<string, PeriodUnit> = {
  wk: 'week',
  week: 'week',
  month: 'month',
  qtr: 'quarter',
  quarter: 'quarter',
  year: 'year',
}
/** `wtd`, `mtd`, `qtd`, `ytd`: this period to date. */
const TO_DATE: Record<string, PeriodUnit> = { w: 'week', m: 'month', q: 'quarter', y: 'year' }
const relative = (unit: PeriodUnit, offset: number): PeriodSpec => ({ kind: 'relative', unit, offset })

/** `the quarter`, `the year`, unless another word already placed it (`of the year`, `a year`). */
const THE_PERIOD = '(?<!(?:last|next|of|per|a) )\\bthe (quarter|year)\\b'
const TO_DATE_SRC = '\\b([wmqy])td\\b|\\b(week|month|quarter|year)[- ]to[- ]date\\b|\\b(fy)\\b'

export const EN_PERIOD_PARSERS: Parser<PeriodSpec>[] = [
  {
    name: 'en-relative-period',
    need: /(?:this|last|past|previous|prior|next|coming)\s+(?:fiscal\s+)?(?:wk|week|month|q|year)/i,
    re: /\b(this|last|past|previous|prior|next|coming)\s+(?:fiscal\s+)?(week|wk|month|quarter|qtr|year)\b/gi,
    make: (m) => {
      const unit = UNIT[(m[2] ?? '').toLowerCase()]
      return unit ? relative(unit, WAY[(m[1] ?? '').toLowerCase()] ?? 0) : null
    },
  },
  {
    name: 'en-this-period',
    need: /td\b|to[- ]date|fy|the (?:quarter|year)/i,
    re: new RegExp(`${TO_DATE_SRC}|${THE_PERIOD}`, 'gi'),
    make: (m) => {
      const letter = (m[1] ?? '').toLowerCase()
      const word = (m[2] ?? m[4] ?? '').toLowerCase()
      const unit = m[3] ? 'year' : (TO_DATE[letter] ?? UNIT[word])
      return unit ? relative(unit, 0) : null
    },
  },
  {
    name: 'en-day-period',
    need: /today|yesterday/i,
    re: /\b(today|yesterday)(?:['’]s)?\b/gi,
    make: (m) => relative('day', (m[1] ?? '').toLowerCase() === 'today' ? 0 : -1),
  },
  {
    // `past 30 days`, `the last two weeks`: the last N whole days or weeks, today included.
    name: 'en-rolling',
    need: /days|weeks/i,
    re: new RegExp(
      `\\b(?:last|past|previous|prior|trailing)\\s+(\\d{1,3}|${MINUTE_WORD_SRC})\\s+(days|weeks)\\b`,
      'gi',
    ),
    make: (m) => {
      const count = wordNumber(m[1] ?? '')
      if (!(count >= 1)) return null
      return { kind: 'rolling', unit: /^d/i.test(m[2] ?? '') ? 'day' : 'week', count }
    },
  },
  {
    // `October pipeline`, `Nov 2026`: `May` only capitalised, since `may` is mostly a verb; `Dec 15` is a day.
    name: 'en-month-period',
    need: MONTH_NAME_NEED,
    re: new RegExp(`\\b(${MONTH_SRC})\\b(?:,?\\s+(20\\d\\d)\\b)?(?!\\s+\\d)`, 'gi'),
    make: (m) => {
      if (m[1] === 'may' || m[1] === 'MAY') return null
      const year = m[2] ? Number(m[2]) : undefined
      return { kind: 'named', unit: 'month', index: monthIndex(m[1] ?? ''), year, weak: true }
    },
  },
]

export const ANY_PERIOD_PARSERS: Parser<PeriodSpec>[] = [
  {
    // `Q3`, `2026 Q3`, `Q1 of 2027`, `第三季度`, `2026年一季度`.
    name: 'quarter',
    need: /q[1-4]|季度/i,
    re: /(?:(20\d\d)\s*(?:年\s*)?|(?<![a-z\d]))(?:第?([一二三四1-4])季度|q([1-4])(?![a-z\d]))(?:\s*(?:of\s+)?(20\d\d)(?!\d))?/gi,
    make: (m) => {
      const index = m[3] ? Number(m[3]) : parseNumber(m[2] ?? '')
      const year = m[1] ?? m[4]
      return { kind: 'named', unit: 'quarter', index, year: year ? Number(year) : undefined }
    },
  },
  {
    // `2025年`, `FY2026`, `numbers for 2025`; not the year of a month and day (`2026年11月`).
    name: 'year',
    need: /20\d\d/,
    re: /(?<![\d.,])(?:fy\s?)?(20\d\d)(?!\s*年\s*\d{1,2}\s*月)(?:\s*年度?|(?![\d/.-]))/gi,
    make: (m) => ({ kind: 'named', unit: 'year', index: Number(m[1]), weak: true }),
  },
]
