import { anyOf } from './any-of.ts'
import type { DealStage, Intent, Period, PeriodRange, ReportMetric, ReportQuery } from './parsed-message.ts'
import { readReportFilters } from './report-filters.ts'

/** What the report reader needs from the rest of the parse, each read only when a rule asks. */
export interface ReportFeatures {
  readonly text: string
  readonly customer: string | null
  readonly period: Period | null
  /** A period said without a name of ours (`过去30天`), as its bounds; read only once a report is asked. */
  periodRange?(towards: 'back' | 'ahead'): PeriodRange | null
  readonly stage: { stage?: string } | null
}

/** `几个`, `多少`, `哪些`, `who`, `which`: a report is asked, never told. */
const ASK =
  /几|多少|哪些|哪几|哪个|谁|最多|最少|排名|排行|列(?:出|一下|表)|有没有|统计|\b(?:how many|how much|who|which|list|show|top|rank|most|fewest)\b/i

interface Needs {
  /** An asking word somewhere in the text. */
  ask?: boolean
  /** A customer named (`华为最近怎么样`). */
  customer?: boolean
  /** Not a count told in passing: `打了几个电话都没人接` is a note. */
  asked?: boolean
  /** Not said of one named customer without asking: `华为预计下个月底签约` updates its deal. */
  notOfOne?: boolean
}
/** After a count, words that make it a statement rather than a question. */
const TOLD_AFTER = /^[^?？]{0,4}(?:都|也|没|但|就|才|，|,)/

/** The words for a deal in Chinese, and in English, shared by the rules below. */
const DEAL_ZH = '(?:单子|商机|订单|项目)'
const DEALS_EN = '(?:deals|opportunities|opps)'
/** One rule's words, kept per language so neither grows into one unreadable alternation. */
const words = (...parts: string[]) => new RegExp(parts.join('|'), 'i')

/**
 * Each kind of question with the words that name it, most specific first: Chinese (and mixed) words, then
 * English. A rule that needs an asking word says so; the others (`top 5 deals`, `赢单率`) are questions by
 * themselves.
 */
const METRICS: readonly [ReportMetric, readonly RegExp[], Needs][] = [
  [
    'stale_customers',
    [
      words(
        String.raw`(?:天|周|星期|礼拜|月)(?:以上|多|了)?(?:都|还)?(?:没|未|没有)(?:人)?(?:跟进|联系|拜访|沟通|互动|动静|碰|理)`,
        String.raw`(?:没|未|没有)(?:人)?(?:跟进|联系|拜访)(?:过)?的客户`,
        String.raw`(?:没|未)跟进(?:的)?客户`,
        '沉睡客户',
        '冷掉的客户',
        String.raw`快(?:要)?(?:冷|凉)了的客户`,
      ),
      words(
        String.raw`\b(?:not|haven'?t|hasn'?t|have not|has not)\s+(?:been\s+)?(?:contacted|touched|followed up|called|visited|heard from|talked to|spoken to|reached)\b`,
        String.raw`\bno (?:contact|touch|activity|follow-?up)s? (?:in|for|since)\b`,
        String.raw`\b(?:stale|dormant|neglected|untouched) (?:customers|accounts|clients)\b`,
        String.raw`\bgone (?:cold|quiet|dark)\b`,
      ),
    ],
    {},
  ],
  [
    'forecast',
    [
      words(
        String.raw`加权.{0,8}(?:预测|金额|管道)`,
        String.raw`(?:预测|forecast).{0,6}(?:按月|每月|各月|分月|\bby month\b|\bmonthly\b|\bper month\b)`,
        String.raw`(?:按月|每月|各月|分月).{0,6}(?:预测|forecast|预计)`,
      ),
      words(String.raw`\bweighted (?:forecast|pipeline|amount)\b`, String.raw`\bmonthly forecast\b`),
    ],
    {},
  ],
  [
    'win_rate',
    [
      words(
        '赢单率|胜率|成单率|赢率',
        String.raw`(?:赢单|成交|赢)(?:和|与|及|、|跟)(?:丢单|输单|丢)(?:的)?(?:金额|多少)`,
      ),
      words(
        String.raw`win[- ]?rate`,
        String.raw`win\s*\/\s*loss`,
        String.raw`\bwon (?:and|vs\.?|versus) lost\b`,
        String.raw`\bwins? and loss(?:es)? (?:amount|total)s?\b`,
      ),
    ],
    {},
  ],
  [
    'top_deals',
    [
      words(
        String.raw`(?:金额)?(?:最大|最高|前[\d一二三四五六七八九十]+)(?:的)?(?:前?[\d一二三四五六七八九十]+)?(?:个|笔|单|大)?${DEAL_ZH}`,
        '大单(?:有哪些|排名|前)',
      ),
      words(
        String.raw`\btop\s*\d*\s*${DEALS_EN}\b`,
        String.raw`\b(?:biggest|largest) (?:\d+ )?${DEALS_EN}\b`,
      ),
    ],
    {},
  ],
  [
    'closing_deals',
    [
      words(
        String.raw`(?:预计|预期|计划|能|要|将|会)(?:在)?[^,，。?？]{0,6}?(?:成交|签约|关单|签单|结单|落地)的${DEAL_ZH}`,
        String.raw`${DEAL_ZH}[^,，。?？]{0,6}(?:预计|预期)(?:在)?[^,，。?？]{0,6}?(?:成交|签约|关单|签单)`,
      ),
      words(
        String.raw`\bdeals? (?:closing|expected to close|due to close|slated to close|set to close|forecast to close)\b`,
        String.raw`\bexpected (?:to )?close\b`,
      ),
    ],
    { notOfOne: true },
  ],
  [
    'negative_customers',
    [
      words(
        String.raw`(?:负面|不满|不满意|不高兴|生气|投诉|抱怨|情绪(?:不好|差|负面|低落)|不开心|有意见)(?:的)?客户`,
        String.raw`客户[^,，。]{0,6}(?:情绪(?:不好|差|负面)|负面|不满|投诉|抱怨)`,
      ),
      words(
        String.raw`\b(?:negative|unhappy|upset|angry|dissatisfied|frustrated|complaining) (?:sentiment|customers|clients|accounts|feedback)\b`,
        String.raw`\bcustomers? (?:with|showing) negative\b`,
        String.raw`\bwho(?:'s| is| are)? (?:unhappy|upset|complaining)\b`,
      ),
    ],
    {},
  ],
  [
    'new_customers',
    [
      words(
        String.raw`新(?:增|建|开|录入?|加)(?:了)?(?:几|多少|哪些)(?:个|家)?(?:新)?客户`,
        String.raw`(?:几|多少|哪些)(?:个|家)?新客户`,
      ),
      words(
        String.raw`\bnew (?:customers|accounts|clients)\b`,
        String.raw`\b(?:customers|accounts|clients) (?:added|created)\b`,
      ),
    ],
    {},
  ],
  [
    'deals_by_stage',
    [
      words(
        String.raw`(?:阶段|stage)[^,，。]{0,4}(?:的)?(?:单子|商机|订单|项目|deals|opportunities|opps)`,
        String.raw`(?:谈判|方案|报价|线索|需求确认)(?:中)?的(?:单子|商机)`,
      ),
      words(
        String.raw`\b${DEALS_EN} (?:in|at) (?:the )?(?:lead|qualified|qualification|proposal|negotiation)\b`,
        String.raw`\b(?:lead|qualified|proposal|negotiation)(?:[- ]stage)? ${DEALS_EN}\b`,
      ),
    ],
    {},
  ],
  [
    'activity',
    [
      words(
        String.raw`(?:拜访|跟进|联系|打|记录|写|录|约见|见)(?:了|过)?(?:几|多少|哪些)(?:个|家|次|条|通|位)?(?:客户|电话|笔记|记录|跟进|拜访)?`,
        String.raw`谁(?:的)?(?:拜访|打电话|电话|跟进|记录|笔记|见客户)(?:打|写|做)?(?:得|的)?最多`,
        String.raw`(?:拜访|电话|跟进|活动|工作)量`,
        String.raw`(?:团队|大家|各人|每个人|每人)的?(?:跟进|拜访|活动|工作)(?:情况)?`,
      ),
      words(
        String.raw`\bwho (?:logged|made|did|had|took|ran|booked) the (?:most|fewest)\b`,
        String.raw`\bhow many (?:calls|visits|notes|meetings|interactions|touches|activities)\b`,
        String.raw`\bactivity (?:by|per) (?:rep|owner|person|seller)\b`,
        String.raw`\b(?:team|rep)(?:'s)? activity\b`,
        String.raw`\bactivity report\b`,
      ),
    ],
    { ask: true, asked: true },
  ],
  [
    'customer_history',
    [
      words('最近怎么样|最近如何', String.raw`最近(?:的)?(?:情况|进展|动态)`, '近况|最近咋样'),
      words(
        String.raw`\bhow(?:'s| is| are)\b[^?]{1,40}\b(?:doing|going)\b[^?]{0,10}\b(?:lately|recently)\b`,
        String.raw`\b(?:recent|latest) (?:history|activity|interactions)\b`,
      ),
    ],
    { customer: true },
  ],
]

/** Questions about what is still to come; every other kind asks about what has happened. */
const LOOKS_AHEAD: ReadonlySet<ReportMetric> = new Set(['closing_deals', 'forecast'])

/** Intents a report reading never replaces: an order to remind or a request for help is not a question. */
const KEEP: ReadonlySet<Intent> = new Set(['set_reminder', 'list_reminders', 'help'])
/**
 * Questions the labelled corpora call a pipeline summary (`上季度赢单率多少`, `deals closing this month`)
 * keep that intent and carry the report, which the summary's handler answers instead of the plain card.
 */
const SUMMARY: Intent = 'pipeline_summary'

/** The reading with the report, if the message asks one; intent and confidence otherwise untouched. */
export function readReport(
  f: ReportFeatures,
  base: { intent: Intent; confidence: number },
): { intent: Intent; confidence: number; report: ReportQuery | null } {
  if (KEEP.has(base.intent)) return { ...base, report: null }
  const metric = detectMetric(f)
  if (!metric) return { ...base, report: null }
  const stage = f.stage?.stage as DealStage | undefined
  // `各阶段的商机数量` asks for the summary by stage, which the plain card is.
  if (metric === 'deals_by_stage' && !stage) return { ...base, report: null }
  const report = readReportFilters(f.text, metric, f.period, stage ?? null)
  const range = f.period ? null : f.periodRange?.(LOOKS_AHEAD.has(metric) ? 'ahead' : 'back')
  if (range) report.period_range = range
  // `华为最近怎么样` stays the look-up the corpora call it; its report answers with the recent history.
  if (base.intent === SUMMARY || (metric === 'customer_history' && base.intent === 'lookup_customer'))
    return { ...base, report }
  return { intent: 'report', confidence: 0.86, report }
}

/** Every rule's words at once: most messages hold none. */
const ANY_METRIC = anyOf(METRICS.flatMap(([, rules]) => rules))

function detectMetric(f: ReportFeatures): ReportMetric | null {
  if (!ANY_METRIC.test(f.text)) return null
  for (const [metric, rules, needs] of METRICS) {
    const m = leftmostMatch(rules, f.text)
    if (!m) continue
    if (needs.asked && TOLD_AFTER.test(f.text.slice(m.index + m[0].length))) continue
    if (needs.ask && !ASK.test(f.text)) continue
    if (needs.customer && !f.customer) continue
    if (needs.notOfOne && f.customer && !ASK.test(f.text)) continue
    return metric
  }
  return null
}

/** The earliest match of any of `rules`, as one alternation of them all would find it. */
function leftmostMatch(rules: readonly RegExp[], text: string): RegExpExecArray | null {
  let best: RegExpExecArray | null = null
  for (const rule of rules) {
    const m = rule.exec(text)
    if (m && (!best || m.index < best.index)) best = m
  }
  return best
}
