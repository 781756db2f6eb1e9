import { pipelineSummary } from '../../crm/pipeline-summary.ts'
import { moneyLabel, stageLabel } from '../labels.ts'
import type { PipelineSummaryData } from '../reply-data.ts'
import { type IntentHandler, type Lang, t } from './intent-context.ts'

/** 本周管道汇总 / pipeline this month: by stage and by owner, over what the asker may see. */
export const handlePipelineSummary: IntentHandler = async ({ crm, actor, parsed, lang }) => {
  const summary = await pipelineSummary(crm, actor, parsed.period ?? 'this_month')
  return {
    text: pipelineText(summary, lang),
    intent: 'pipeline_summary',
    data: summary as unknown as Record<string, unknown>,
  }
}

export function pipelineText(summary: PipelineSummaryData, lang: Lang): string {
  const money = (n: number) => moneyLabel(n, summary.currency, lang)
  const lines = [t(lang, `📊 ${summary.periodLabel}销售管道`, `📊 Pipeline, ${summary.periodLabel}`)]
  for (const s of summary.stages) {
    if (s.count === 0) continue
    lines.push(
      `${stageLabel(s.stage, lang)}: ${s.count} · ${money(s.amount)} (${t(lang, '加权', 'weighted')} ${money(s.weighted_amount)})`,
    )
  }
  if (summary.stages.every((s) => s.count === 0)) lines.push(t(lang, '暂无商机。', 'No deals yet.'))
  lines.push(
    t(
      lang,
      `在途合计: ${summary.total.count} 个 · ${money(summary.total.amount)} · 加权 ${money(summary.total.weighted_amount)}`,
      `Open total: ${summary.total.count} · ${money(summary.total.amount)} · weighted ${money(summary.total.weighted_amount)}`,
    ),
  )
  if (summary.owners.length > 1) {
    lines.push(t(lang, '按负责人:', 'By owner:'))
    for (const o of summary.owners)
      lines.push(
        `- ${o.owner}: ${o.count} · ${money(o.amount)} (${t(lang, '加权', 'weighted')} ${money(o.weighted_amount)})`,
      )
  }
  return lines.join('\n')
}
