import type {
  DealStage,
  InteractionType,
  Period,
  ReportMetric,
  ReportQuery,
  Sentiment,
} from './parsed-message.ts'

const ZH_DIGITS: Record<string, number> = {
  一: 1,
  两: 2,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  半: 0.5,
}
const EN_NUMBERS: Record<string, number> = {
  a: 1,
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
}

/** `3`, `三`, `十五`, `两`: a small count written in digits or Chinese numerals. */
function readCount(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word)
  const en = EN_NUMBERS[word.toLowerCase()]
  if (en) return en
  if (word.length === 2 && word[0] === '十') return 10 + (ZH_DIGITS[word[1] ?? ''] ?? 0)
  if (word.length === 2 && word[1] === '十') return (ZH_DIGITS[word[0] ?? ''] ?? 0) * 10
  return ZH_DIGITS[word] ?? null
}

const UNIT_DAYS: Record<string, number> = { 天: 1, 日: 1, 周: 7, 星期: 7, 礼拜: 7, 月: 30 }
const SPAN_ZH = /([\d]+|[一两二三四五六七八九十半]{1,2})\s*(?:个)?(天|日|周|星期|礼拜|月)/
const SPAN_EN = /\b(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month)s?\b/i
const EN_UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30 }

/** `超过两周` → 14, `30 days` → 30, `半个月` → 15; 14 when no span is written. */
function readStaleDays(text: string): number {
  const zh = SPAN_ZH.exec(text)
  if (zh?.[1] && zh[2]) {
    const n = readCount(zh[1])
    if (n) return Math.round(n * (UNIT_DAYS[zh[2]] ?? 1))
  }
  const en = SPAN_EN.exec(text)
  if (en?.[1] && en[2]) {
    const n = readCount(en[1])
    if (n) return n * (EN_UNIT_DAYS[en[2].toLowerCase()] ?? 1)
  }
  return 14
}

const LIMIT =
  /\btop\s*(\d+|three|five|ten)\b|前\s*(\d+|[一二三四五六七八九十]{1,2})|\b(\d+|three|five|ten) (?:biggest|largest)\b|(?:最大|最高)的?\s*(\d+|[一二三四五六七八九十]{1,2})\s*(?:个|笔|单)/i

function readLimit(text: string): number | null {
  const m = LIMIT.exec(text)
  const word = m?.slice(1).find(Boolean)
  return word ? readCount(word) : null
}

/** A person at the start of the question: `小张这周…`, `张伟跟进了…`; not we, the team, or who. */
const OWNER_ZH =
  /^(小[\u4e00-\u9fff]|老[\u4e00-\u9fff]|[\u4e00-\u9fff]{2,3}?)(?=的|这周|本周|上周|今天|昨天|这个?月|本月|上个?月|今年|去年|本季度|这个?季度|上个?季度|最近|近\d|过去|前\d|拜访|跟进|打了|联系|一共|总共|都|这礼拜|这星期)/
const NOT_OWNER =
  /^(?:按|最|金额|前|大单|本季|这季|我们?|咱们|团队|大家|各位|全员|谁|哪些|哪个|哪位|哪几|本周|这周|上周|今天|本月|这个|上个|今年|去年|最近|过去|客户|所有|全部|公司|销售|每个|每人|各人|帮我|请问|看看|查下|查一下)/
const OWNER_EN =
  /\b(?:did|has|have)\s+([A-Z][a-z]+)\s+(?:log|make|do|have|had|visit|call|meet)\b|\b([A-Z][a-z]+)(?:'s|’s)\s+(?:activity|calls|visits|notes|meetings|deals|pipeline|customers|accounts)\b|\b(?:for|by)\s+([A-Z][a-z]+)\s*[?？.]*$/
const SELF = /^我(?!们)|我的|\bmy\b|\bI\b|\bme\b/

function readOwner(text: string): string | null {
  if (SELF.test(text)) return 'me'
  const zh = OWNER_ZH.exec(text.trim())
  if (zh?.[1] && !NOT_OWNER.test(zh[1])) return zh[1]
  const en = OWNER_EN.exec(text)
  const name = en?.slice(1).find(Boolean)
  return name && !/^(?:Q[1-4]|This|Last|The|Who|What)$/.test(name) ? name : null
}

const CHANNELS: readonly [InteractionType, RegExp][] = [
  ['visit', /拜访|上门|走访|\bvisit/i],
  ['call', /电话|打了|\bcalls?\b/i],
  ['meeting', /会议|开会|见面|\bmeetings?\b/i],
  ['email', /邮件|\bemails?\b/i],
  ['note', /笔记|备注|\bnotes?\b/i],
]

function readChannel(text: string): InteractionType | null {
  for (const [type, re] of CHANNELS) if (re.test(text)) return type
  return null
}

/** The filters of a report question whose metric is known; unused filters stay null. */
export function readReportFilters(
  text: string,
  metric: ReportMetric,
  period: Period | null,
  stage: DealStage | null,
): ReportQuery {
  const sentiment: Sentiment | null = metric === 'negative_customers' ? 'negative' : null
  return {
    metric,
    owner: metric === 'customer_history' ? null : readOwner(text),
    period,
    stage: metric === 'deals_by_stage' ? stage : null,
    stale_days: metric === 'stale_customers' ? readStaleDays(text) : null,
    sentiment,
    limit: metric === 'top_deals' ? (readLimit(text) ?? 5) : null,
    channel: metric === 'activity' ? readChannel(text) : null,
  }
}
