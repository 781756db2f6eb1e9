import type { Period } from './parsed-message.ts'

/** Reporting periods; the phrase that comes first in the text wins. */
const PERIODS: readonly [Period, RegExp][] = [
  ['today', /今天|今日|\btoday(?:'s)?\b/i],
  ['last_week', /上一?个?(?:周|星期|礼拜)|\b(?:last|past|previous|prior) (?:week|wk)\b/i],
  ['this_week', /本周|这一?周|这一?个?(?:星期|礼拜)|\bthis (?:week|wk)\b|\bwtd\b|week to date/i],
  ['last_month', /上一?个?月|\b(?:last|past|previous|prior) month\b/i],
  ['this_month', /本月|(?:这个?|本)\s*month|这一?个?月|当月|\bthis month\b|\bmtd\b|month to date/i],
  ['last_quarter', /上一?个?季度?|上个?\s*quarter|\b(?:last|past|previous|prior) (?:quarter|qtr)\b/i],
  [
    'this_quarter',
    /本季度?|(?:这个?|本)\s*quarter|本财季|这一?个?季度|当季|\bthis (?:quarter|qtr)\b|(?<!(?:last|next|of|per|a) )\bthe quarter\b|\bqtd\b|quarter to date/i,
  ],
  ['last_year', /去年|上一?年|上个?财年|\b(?:last|past|previous|prior) (?:fiscal )?year\b/i],
  [
    'this_year',
    /今年|本年度?|全年|本财年|\bthis (?:fiscal )?year\b|(?<!(?:last|next|of|per|a) )\bthe year\b|\bfy\b|\bytd\b|year to date/i,
  ],
]
const QUARTER = /\bq([1-4])\b|第?([一二三四1-4])季度/i
const MONTH = /(?<!\d)(1[0-2]|[1-9])\s*月(?:份)?(?![初底中末\d])/
/** `October pipeline`, `Oct numbers`: `May` only capitalised, since `may` is mostly a verb. */
const EN_MONTH =
  /\b(?:(jan)(?:uary)?|(feb)(?:ruary)?|(mar)(?:ch)?|(apr)(?:il)?|(May)|(jun)e?|(jul)y?|(aug)(?:ust)?|(sep)(?:t|tember)?|(oct)(?:ober)?|(nov)(?:ember)?|(dec)(?:ember)?)\b/i

/** `2025年`, `FY2026`, `numbers for 2025`: a year named by number. */
const YEAR = /(?<![\d.,])(?:fy\s?)?(20\d\d)(?!\s*年\s*\d{1,2}\s*月)(?:\s*年|(?![\d/.-]))/i

/** The period a summary asks about, read against the user's current year and month (1-12). */
export function detectPeriod(text: string, now: { year: number; month: number }): Period | null {
  const { month } = now
  let best: Period | null = null
  let at = Number.POSITIVE_INFINITY
  for (const [period, re] of PERIODS) {
    const m = re.exec(text)
    if (m && m.index < at) {
      at = m.index
      best = period
    }
  }
  const q = QUARTER.exec(text)
  if (q && q.index < at) {
    const n = q[1] ? Number(q[1]) : '一二三四'.indexOf(q[2] ?? '') + 1 || Number(q[2])
    const current = Math.floor((month - 1) / 3) + 1
    best =
      n === current
        ? 'this_quarter'
        : n === current - 1 || (current === 1 && n === 4)
          ? 'last_quarter'
          : 'this_quarter'
    at = q.index
  }
  const mo = MONTH.exec(text)
  // An English month name is looked for only when nothing else named the period.
  const en = mo || best ? null : EN_MONTH.exec(text)
  const n = mo
    ? Number(mo[1])
    : en && en[0] !== 'may' && en[0] !== 'MAY'
      ? en.slice(1).findIndex(Boolean) + 1
      : 0
  const monthAt = mo?.index ?? en?.index ?? Number.POSITIVE_INFINITY
  if (n && monthAt < at) {
    if (n === month) best = 'this_month'
    else if (n === (month === 1 ? 12 : month - 1)) best = 'last_month'
  }
  if (best) return best
  const y = YEAR.exec(text)
  const year = y ? Number(y[1]) : 0
  return year === now.year ? 'this_year' : year === now.year - 1 ? 'last_year' : null
}
