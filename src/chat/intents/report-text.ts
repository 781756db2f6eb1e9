import type { ReportData } from '../../crm/reports/report-data.ts'
import { interactionLabel, moneyLabel, sentimentLabel, stageLabel } from '../labels.ts'
import type { DealSummary } from '../reply-data.ts'
import { type Lang, t } from './intent-context.ts'

/** The questions a report answers, offered when one cannot be read or answered. */
export function reportExamples(lang: Lang): string[] {
  return lang === 'zh'
    ? [
        '小张这周拜访了几个客户',
        '哪些客户超过两周没跟进了',
        '本月预计成交的单子',
        '谈判阶段的单子有哪些',
        '金额最大的前5个单子',
        '上季度赢单率多少',
        '这个月新增了几个客户',
        '最近有哪些客户情绪负面',
        '华为最近怎么样',
        '按月的加权预测',
      ]
    : [
        'who logged the most calls last week',
        'customers not contacted in 30 days',
        'deals closing this month',
        'deals in negotiation',
        'top 5 deals',
        'win rate last quarter',
        'new customers this month',
        'customers with negative sentiment lately',
        'how is Acme doing lately',
        'forecast by month',
      ]
}

const dealLine = (d: DealSummary, lang: Lang) =>
  `- ${d.customerName} · ${d.title} · ${moneyLabel(d.amount, d.currency, lang)} · ${stageLabel(d.stage, lang)}${
    d.expectedClose ? ` · ${t(lang, '预计', 'close')} ${d.expectedClose}` : ''
  }${d.ownerName ? ` · ${d.ownerName}` : ''}`

type Render<M extends ReportData['metric']> = (
  data: Extract<ReportData, { metric: M }>,
  lang: Lang,
) => string[]

const RENDER: { [M in ReportData['metric']]: Render<M> } = {
  activity(d, lang) {
    const what = d.channel ? interactionLabel(d.channel, lang) : t(lang, '跟进', 'activity')
    const lines = [t(lang, `📈 ${d.periodLabel}${what}统计`, `📈 ${what}, ${d.periodLabel}`)]
    if (d.rows.length === 0) lines.push(t(lang, '没有记录。', 'Nothing logged.'))
    for (const r of d.rows) {
      const parts = Object.entries(r.byType).map(([k, n]) => `${interactionLabel(k as never, lang)} ${n}`)
      lines.push(
        t(
          lang,
          `- ${r.owner}: ${r.total} 条 · ${r.customers} 个客户 (${parts.join(', ')})`,
          `- ${r.owner}: ${r.total} · ${r.customers} customers (${parts.join(', ')})`,
        ),
      )
    }
    if (d.customers.length > 0)
      lines.push(`${t(lang, '客户', 'Customers')}: ${d.customers.map((c) => c.name).join('、')}`)
    return lines
  },
  stale_customers(d, lang) {
    const lines = [
      t(
        lang,
        `🧊 ${d.staleDays} 天以上没跟进的客户: ${d.total} 个`,
        `🧊 Not contacted for ${d.staleDays}+ days: ${d.total}`,
      ),
    ]
    for (const c of d.customers)
      lines.push(
        `- ${c.name} · ${t(lang, `${c.daysSilent} 天`, `${c.daysSilent} days`)}${c.ownerName ? ` · ${c.ownerName}` : ''}`,
      )
    if (d.total > d.customers.length)
      lines.push(
        t(lang, `…另有 ${d.total - d.customers.length} 个`, `…and ${d.total - d.customers.length} more`),
      )
    return lines
  },
  closing_deals: (d, lang) => [
    t(
      lang,
      `📅 ${d.periodLabel}预计成交: ${d.deals.length} 个`,
      `📅 Expected to close ${d.periodLabel}: ${d.deals.length}`,
    ),
    ...d.deals.map((x) => dealLine(x, lang)),
  ],
  deals_by_stage: (d, lang) => [
    t(
      lang,
      `📋 ${d.stage ? stageLabel(d.stage, lang) : '在途'}阶段的商机: ${d.total} 个`,
      `📋 Deals in ${d.stage ? stageLabel(d.stage, lang) : 'open stages'}: ${d.total}`,
    ),
    ...d.deals.map((x) => dealLine(x, lang)),
  ],
  top_deals: (d, lang) => [
    t(lang, `🏆 金额最大的 ${d.limit} 个在途商机`, `🏆 Top ${d.limit} open deals`),
    ...d.deals.map((x) => dealLine(x, lang)),
  ],
  win_rate(d, lang) {
    const sums = (xs: typeof d.won) =>
      xs.map((a) => `${a.count} · ${moneyLabel(a.amount, a.currency, lang)}`).join('; ') || '0'
    const rate = d.winRate === null ? '—' : `${Math.round(d.winRate * 100)}%`
    return [
      t(lang, `🎯 ${d.periodLabel}赢单率: ${rate}`, `🎯 Win rate ${d.periodLabel}: ${rate}`),
      `${t(lang, '赢单', 'Won')}: ${sums(d.won)}`,
      `${t(lang, '丢单', 'Lost')}: ${sums(d.lost)}`,
    ]
  },
  new_customers: (d, lang) => [
    t(lang, `🆕 ${d.periodLabel}新增客户: ${d.total} 个`, `🆕 New customers ${d.periodLabel}: ${d.total}`),
    ...d.customers.map((c) => `- ${c.name}${c.ownerName ? ` · ${c.ownerName}` : ''}`),
  ],
  negative_customers: (d, lang) => [
    t(
      lang,
      `😟 近 ${d.days} 天有负面反馈的客户: ${d.customers.length} 个`,
      `😟 Negative notes in the last ${d.days} days: ${d.customers.length}`,
    ),
    ...d.customers.map(
      (c) =>
        `- ${c.name} (${c.negatives}) · ${c.lastNote.slice(0, 40)}${c.ownerName ? ` · ${c.ownerName}` : ''}`,
    ),
  ],
  customer_history(d, lang) {
    if (!d.customer)
      return [
        t(
          lang,
          `没找到你能查看的客户「${d.asked ?? ''}」。`,
          `No customer "${d.asked ?? ''}" that you can see.`,
        ),
      ]
    const lines = [t(lang, `🗂 ${d.customer.name} 最近动态`, `🗂 ${d.customer.name}, recently`)]
    for (const i of d.interactions)
      lines.push(
        `- ${i.occurredLocal} ${interactionLabel(i.type, lang)}${i.sentiment ? ` ${sentimentLabel(i.sentiment, lang)}` : ''}: ${i.summary.slice(0, 60)}`,
      )
    if (d.interactions.length === 0) lines.push(t(lang, '还没有跟进记录。', 'No interactions yet.'))
    for (const x of d.deals) lines.push(dealLine(x, lang))
    return lines
  },
  forecast: (d, lang) => [
    t(lang, '🔮 按预计成交月份的加权预测', '🔮 Weighted forecast by expected close month'),
    ...d.months.map(
      (m) =>
        `- ${m.month === 'none' ? t(lang, '未填日期', 'no date') : m.month}: ${m.count} · ${moneyLabel(m.amount, m.currency, lang)} (${t(lang, '加权', 'weighted')} ${moneyLabel(m.weighted_amount, m.currency, lang)})`,
    ),
  ],
}

/** The chat text of a report answer, in the reader's language. */
export function reportText(data: ReportData, lang: Lang): string {
  if (data.ownerUnknown)
    return t(
      lang,
      `你能查看的同事里没有「${data.ownerUnknown}」。`,
      `Nobody called "${data.ownerUnknown}" among the people you can see.`,
    )
  const lines = (RENDER[data.metric] as Render<typeof data.metric>)(data as never, lang)
  if (data.owner) lines[0] = `${lines[0]} · ${data.owner}`
  if (data.narrowed)
    lines.push(
      t(
        lang,
        '(群聊里只显示你自己的数据,私聊我查看团队数据)',
        "(In a group I show only your own records; DM me for the team's.)",
      ),
    )
  return lines.join('\n')
}
