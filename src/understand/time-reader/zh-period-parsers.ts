import { parseNumber } from '../chinese-numbers.ts'
import type { PeriodSpec, PeriodUnit } from './period-reading.ts'
import type { Parser } from './time-token.ts'

/**
 * Chinese periods (traditional and Cantonese folded to simplified first): `本周`, `上个月`, `上季度`,
 * `今年`, `呢个月`, `11月`, `2026年11月`, `过去30天`, `最近两周`. Mixed forms (`上个quarter`) read too.
 */

/** Which way a period word points: `上` last, `下下` the one after next, `本`/`这`/`当` this. */
const REFS: Record<string, number> = { 上上: -2, 上: -1, 下下: 2, 下: 1, 本: 0, 这: 0, 当: 0, 今: 0, 呢: 0 }
/** `马上`, `早上`, `晚上` end in 上; `一下`, `以下` in 下: neither points at a period. */
const LAST = '(?<![马早晚])(上上|上)'
const NEXT = '(?<![一以])(下下|下)'
/** Cantonese `今个月`, `呢个礼拜` need their `个`; `当` is only `当月`/`当季`. */
const THIS = '(本|这)'
const COUNTED = '一?个?\\s*'
const UNIT = '(周|星期|礼拜|月|季度|财季|季(?!节)|年度|财年|年|week|month|quarter|year)'
const UNITS: Record<string, PeriodUnit> = {
  周: 'week',
  星期: 'week',
  礼拜: 'week',
  week: 'week',
  月: 'month',
  month: 'month',
  季度: 'quarter',
  财季: 'quarter',
  季: 'quarter',
  quarter: 'quarter',
  年度: 'year',
  财年: 'year',
  年: 'year',
  year: 'year',
}
/** Words that name one period by themselves. */
const WORDS: Record<string, [PeriodUnit, number]> = {
  今天: ['day', 0],
  今日: ['day', 0],
  昨天: ['day', -1],
  昨日: ['day', -1],
  今年: ['year', 0],
  全年: ['year', 0],
  年初至今: ['year', 0],
  去年: ['year', -1],
  前年: ['year', -2],
  明年: ['year', 1],
}

const relative = (unit: PeriodUnit, offset: number): PeriodSpec => ({ kind: 'relative', unit, offset })
const DIGIT_MONTH = '1[0-2]|0?[1-9]'
const HAN_MONTH = '十[一二]?|[一二三四五六七八九]'
/** Before a month's number: not a weekday (`周一月会`), an ordinal or a count (`三个月`). */
const NOT_BEFORE_MONTH = '(?<![\\d周期拜第上下这本每个几两零〇一二三四五六七八九十])'
/** After `月`: not a part of it (`月底`) or a day (`11月5号`, `十一月五号`). */
const NOT_AFTER_MONTH = '(?![初底中末尾\\d一二三四五六七八九十廿卅号日])'

export const ZH_PERIOD_PARSERS: Parser<PeriodSpec>[] = [
  {
    name: 'zh-relative-period',
    need: /[上下本这当今呢]一?个?\s*(?:[周星礼月季财年]|week|month|quarter|year)/i,
    re: new RegExp(
      [
        `${LAST}${COUNTED}${UNIT}`,
        `${NEXT}${COUNTED}${UNIT}`,
        `${THIS}${COUNTED}${UNIT}`,
        '(当)(月|季度?)',
        '(今|呢)个(月|礼拜|星期)',
      ].join('|'),
      'gi',
    ),
    make: (m) => {
      const ref = m[1] ?? m[3] ?? m[5] ?? m[7] ?? m[9] ?? ''
      const word = (m[2] ?? m[4] ?? m[6] ?? m[8] ?? m[10] ?? '').toLowerCase()
      const unit = UNITS[word] ?? (word.startsWith('季') ? 'quarter' : undefined)
      const offset = REFS[ref]
      return unit && offset !== undefined ? relative(unit, offset) : null
    },
  },
  {
    name: 'zh-period-word',
    need: /[今昨年]/,
    re: new RegExp(Object.keys(WORDS).join('|'), 'g'),
    make: (m) => {
      const [unit, offset] = WORDS[m[0]] ?? ['day', 0]
      return relative(unit, offset)
    },
  },
  {
    // `11月`, `十一月份`, `2026年11月`: a month by its number, the nearest one when no year is given.
    name: 'zh-month',
    need: /月/,
    re: new RegExp(
      `(?:(20\\d\\d)\\s*年\\s*)?${NOT_BEFORE_MONTH}(${DIGIT_MONTH}|${HAN_MONTH})\\s*月(?:份)?${NOT_AFTER_MONTH}`,
      'g',
    ),
    make: (m) => {
      const index = parseNumber(m[2] ?? '')
      if (!(index >= 1 && index <= 12)) return null
      return { kind: 'named', unit: 'month', index, year: m[1] ? Number(m[1]) : undefined }
    },
  },
  {
    // `过去30天`, `最近两周`, `近7天`: the last N whole days or weeks, today included.
    name: 'zh-rolling',
    need: /过去|最近|近/,
    re: /(?:过去|最近|近)\s*的?\s*(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*个?\s*(天|日|周|星期|礼拜)/g,
    make: (m) => {
      const count = parseNumber(m[1] ?? '')
      if (!(count >= 1)) return null
      return { kind: 'rolling', unit: /天|日/.test(m[2] ?? '') ? 'day' : 'week', count }
    },
  },
]
