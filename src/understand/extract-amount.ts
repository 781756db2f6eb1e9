import { parseNumber } from './chinese-numbers.ts'

/** A sum of money read from a message. */
export interface FoundAmount {
  amount: number
  /** ISO 4217; CNY unless the text names another currency. */
  currency: string
  start: number
  end: number
}

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  千: 1e3,
  w: 1e4,
  万: 1e4,
  十万: 1e5,
  百万: 1e6,
  千万: 1e7,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  mil: 1e6,
  million: 1e6,
  thousand: 1e3,
  亿: 1e8,
  bn: 1e9,
  lakh: 1e5,
  lakhs: 1e5,
  lac: 1e5,
  crore: 1e7,
  crores: 1e7,
  cr: 1e7,
  billion: 1e9,
}

/** Currency words before or after a number, longest first so `HK$` wins over `$`. */
const CURRENCY_WORDS: [RegExp, string][] = [
  [/^(?:hk\$|hkd|港币|港元)$/i, 'HKD'],
  [/^(?:us\$|\$|usd|美元|美金|dollars?|bucks)$/i, 'USD'],
  [/^(?:€|eur|euros?|欧元)$/i, 'EUR'],
  [/^(?:£|gbp|英镑)$/i, 'GBP'],
  [/^(?:jpy|yen|日元|円)$/i, 'JPY'],
  [/^(?:s\$|sgd|新币|新加坡元)$/i, 'SGD'],
  [/^(?:a\$|au\$|aud|澳元|澳币)$/i, 'AUD'],
  [/^(?:nz\$|nzd|纽币|新西兰元)$/i, 'NZD'],
  [/^(?:c\$|ca\$|cad|加元|加币)$/i, 'CAD'],
  [/^(?:nt\$|twd|台币|新台币)$/i, 'TWD'],
  [/^(?:chf|瑞郎)$/i, 'CHF'],
  [/^(?:rm|myr|令吉|马币)$/i, 'MYR'],
  [/^(?:aed|dirhams?|迪拉姆)$/i, 'AED'],
  [/^(?:sar|riyals?)$/i, 'SAR'],
  [/^(?:qar)$/i, 'QAR'],
  [/^(?:r\$|brl|reais|雷亚尔)$/i, 'BRL'],
  [/^(?:zar|rand)$/i, 'ZAR'],
  [/^(?:mxn)$/i, 'MXN'],
  [/^(?:rp|idr|印尼盾)$/i, 'IDR'],
  [/^(?:฿|thb|泰铢)$/i, 'THB'],
  [/^(?:₱|php)$/i, 'PHP'],
  [/^(?:₩|krw|韩元)$/i, 'KRW'],
  [/^(?:krw|韩元)$/i, 'KRW'],
  [/^(?:₹|rs\.?|inr|卢比)$/i, 'INR'],
  [/^(?:¥|￥|rmb|cny|元|块钱?|人民币)$/i, 'CNY'],
]

const PREFIX =
  '(HK\\$|US\\$|NT\\$|NZ\\$|AU\\$|CA\\$|S\\$|A\\$|C\\$|\\$|€|£|¥|￥|₹|₱|฿|₩|(?<![A-Za-z])Rs\\.?|(?<![A-Za-z])RM|(?<![A-Za-z])Rp\\.?|R\\$|USD|NZD|INR|MYR|IDR|THB|AED|SAR|QAR|BRL|ZAR|MXN|RMB|CNY|EUR|GBP|HKD|JPY|SGD|AUD|CAD|TWD|CHF|人民币|港币|港元|美元|美金|欧元|英镑|日元|新币|新台币|台币|澳元|加元)?'
const NUM =
  '(\\d+(?:,\\d{3})*(?:\\.\\d+)?|[零一二两三四五六七八九十][零一二两三四五六七八九十百千]*(?:点[零一二三四五六七八九])?)'
const MULT = '(十万|百万|千万|万|亿|千|million|thousand|billion|lakhs?|lac|crores?|cr|mil|mn|bn|mm|[kKwWmM])?'
const SUFFIX =
  '(港币|港元|美元|美金|欧元|英镑|日元|新币|新加坡元|新台币|台币|澳元|澳币|加元|加币|瑞郎|韩元|卢比|人民币|元|块钱?|dollars?|bucks|euros?|usd|rmb|cny|eur|gbp|hkd|jpy|sgd|aud|cad|twd|chf|krw|inr|nzd|myr|idr|thb|yen|aed|sar|qar|brl|zar|mxn)?'
/** `一个亿`: the measure word people put before 亿. */
const GE = '(?:个(?=亿))?'
/** `45k/yr USD`, `$3k per month`: how often, between the sum and its currency. */
const PER = '(?:\\s?/\\s?(?:yr|year|y|mo|month|年|月)|\\s?(?:per|a|an) (?:year|month)|\\s?每(?:年|月))?'
const AMOUNT = new RegExp(
  `${PREFIX}\\s?${NUM}\\s?(?:来|多|余)?${GE}${MULT}(?![a-zA-Z0-9])${PER}\\s?${SUFFIX}(?![a-zA-Z])`,
  'gi',
)
/** Every sum has a digit or a Chinese numeral in it. */
const HAS_NUMBER = /[\d零一二两三四五六七八九十]/
/** `一亿两千万`, `1亿2000万`: the 万 part after 亿. */
const AFTER_YI = new RegExp(`^${NUM}(千万|百万|十万|万)?`)
/** Words that make a bare number a sum of money (`金额 500000`, `budget 20000`). */
const MONEY_CONTEXT =
  /(金额|报价|预算|合同额|合同|价格|总价|单价|费用|成交价|price|budget|amount|deal size|value|worth|quote|valued at|contract)[^\d]{0,6}$/i
/** A number followed by these is a count or a date, not money. */
const NOT_MONEY_AFTER =
  /^\s*(?:%|个|人|台|套|天|周|月|年|点|号|日|小时|分钟|次|家|位|hours?|days?|weeks?|months?|years?|people|users?|seats?|licen[cs]es?)/i
/** Around `3M`, words that make it a company, not three million. */
const NAME_AFTER =
  /^\s*(?:的|这个|那个|那边|这边|公司|团队|team|kickoff|deal|account|opp|renewal|QBR|today|['’]s)/i
const NAME_BEFORE =
  /(?:\bat|\bwith|\bw\/|\bto|\bthe|\bfor|\bvisited|\bcalled|跟|和|去|给|拜访了?|查一?下?)\s*$/i
/** `从50万调整为60万`: the figure after these is the new one. */
const NEW_VALUE =
  /(?:调整为|改为|改成|更新为|变更为|调到|调为|提高到|降到|降为|降至|加到|涨到|升到|提到|增加到|增至|减到|砍到|变成|变为|to|->|→)\s*$/i

function toValue(num: string): number {
  if (/\d/.test(num)) return Number(num.replace(/,/g, ''))
  const [whole = '', fraction] = num.split('点')
  const value = parseNumber(whole)
  return fraction ? value + parseNumber(fraction) / 10 : value
}

function currencyOf(word: string | undefined): string | null {
  if (!word) return null
  for (const [re, code] of CURRENCY_WORDS) if (re.test(word)) return code
  return null
}

/**
 * The sum of money a message mentions: a number with a multiplier (`200万`, `45k`, `1.2亿`, `30w`)
 * or a currency (`$120k`, `5000元`, `USD 20,000`), or a plain number right after a money word.
 * With several, the one after `调整为`/`to` wins, else the first.
 */
export function extractAmount(text: string): FoundAmount | null {
  // Most messages hold no number at all; the long regex is not worth running on them.
  if (!HAS_NUMBER.test(text)) return null
  const found: (FoundAmount & { preferred: boolean })[] = []
  AMOUNT.lastIndex = 0
  for (let m = AMOUNT.exec(text); m; m = AMOUNT.exec(text)) {
    const [whole, prefix, num = '', multRaw, suffix] = m
    const before = text.slice(Math.max(0, m.index - 12), m.index)
    const after = text.slice(m.index + whole.length)
    const mult = multRaw ? (MULTIPLIERS[multRaw.toLowerCase()] ?? MULTIPLIERS[multRaw]) : undefined
    const currency = currencyOf(prefix) ?? currencyOf(suffix)
    if (!/\d/.test(num) && !mult && !currency) continue
    if (!mult && !currency && !MONEY_CONTEXT.test(before)) continue
    if (!currency && NOT_MONEY_AFTER.test(after)) continue
    // `Q4`, `2个`, times and dates are never money; `1.5` without anything around it neither.
    if (
      /[qQ]$/.test(before) ||
      /[:：]$/.test(before) ||
      (/^m/i.test(multRaw ?? '') && /\bin\s*$/i.test(before))
    )
      continue
    // `3M 的李经理`, `at 3M today`: a company named like a sum.
    if (!currency && /^\d[A-Z]$/.test(whole.trim()) && (NAME_AFTER.test(after) || NAME_BEFORE.test(before)))
      continue
    let value = toValue(num) * (mult ?? 1)
    let end = m.index + whole.length
    if (mult === 1e8) {
      const rest = AFTER_YI.exec(text.slice(end))
      if (rest) {
        const [restWhole, restNum = '', restMult] = rest
        value += toValue(restNum) * (restMult ? (MULTIPLIERS[restMult] ?? 1) : 1e4)
        end += restWhole.length
      }
    }
    if (!Number.isFinite(value) || value <= 0) continue
    found.push({
      amount: Math.round(value * 100) / 100,
      currency: currency ?? 'CNY',
      start: m.index,
      end,
      preferred: NEW_VALUE.test(before),
    })
  }
  const best = found.find((f) => f.preferred) ?? found[0]
  return best ? { amount: best.amount, currency: best.currency, start: best.start, end: best.end } : null
}
