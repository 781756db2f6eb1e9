import { pipelineSummary } from '../../crm/pipeline-summary.ts'
import { findUserByHandle } from '../../crm/users.ts'
import { moneyLabel, stageLabel } from '../labels.ts'
import { otherCurrencyLines, periodLine } from '../pipeline-lines.ts'
import type { PipelineSummaryData } from '../reply-data.ts'
import { type IntentHandler, type Lang, t } from './intent-context.ts'

/** `张伟的管道`, `张伟本月的销售管道`, `Zhang Wei's pipeline`: the owner a pipeline question names. */
const OWNER_PATTERNS = [
  /^(.+?)(?:本周|上周|本月|上月|本季度?|上季度?|今年|去年|今天)?的(?:销售)?管道/,
  /^(.+?)'s\s+pipeline/i,
]
const SELF = /^(?:我|my|我自己)$/i

/** 本周管道汇总 / pipeline this month / 张伟的管道: by stage and by owner, over what the asker may see. */
export const handlePipelineSummary: IntentHandler = async (context) => {
  const { crm, actor, parsed, lang } = context
  const named = ownerNamed(context.text)
  let owner: { id: string; name: string } | undefined
  if (named && SELF.test(named)) owner = { id: actor.userId, name: actor.displayName }
  else if (named) {
    const user = await findUserByHandle(crm, actor.workspaceId, named)
    if (!user)
      return {
        text: t(lang, `⚠️ 找不到用户「${named}」。`, `⚠️ No user called "${named}".`),
        intent: 'error',
        data: null,
      }
    owner = { id: user.id, name: user.displayName }
  }
  const summary = await pipelineSummary(crm, actor, parsed.period ?? 'this_month', { owner })
  return {
    text: pipelineText(summary, lang),
    intent: 'pipeline_summary',
    data: summary as unknown as Record<string, unknown>,
  }
}

function ownerNamed(text: string): string | null {
  for (const re of OWNER_PATTERNS) {
    const name = re.exec(text.trim())?.[1]?.trim()
    // `本周的管道`, `看看管道`: a period or a verb, not a person.
    if (name && !/^(本周|上周|本月|上月|本季度?|上季度?|今年|去年|今天|看看|查看|查一下|show)$/i.test(name))
      return name
  }
  return null
}

/** The card as text: the headline first (open now; won, lost and moved in the period), then the tables. */
export function pipelineText(summary: PipelineSummaryData, lang: Lang): string {
  const money = (n: number, currency = summary.currency) => moneyLabel(n, currency, lang)
  const whose = summary.ownerName ? `${summary.ownerName} · ` : ''
  const p = summary.periodLabel
  const lines = [
    t(lang, `📊 ${whose}${p}销售管道`, `📊 Pipeline, ${whose}${p}`),
    t(
      lang,
      `在途 ${summary.total.count} 个 · ${money(summary.total.amount)} · 加权 ${money(summary.total.weighted_amount)}`,
      `Open now: ${summary.total.count} · ${money(summary.total.amount)} · weighted ${money(summary.total.weighted_amount)}`,
    ),
    periodLine(summary, lang),
  ]
  for (const s of summary.stages) {
    if (s.count === 0) continue
    lines.push(
      `${stageLabel(s.stage, lang)}: ${s.count} · ${money(s.amount)} (${t(lang, '加权', 'weighted')} ${money(s.weighted_amount)})`,
    )
  }
  if (summary.stages.every((s) => s.count === 0)) lines.push(t(lang, '暂无商机。', 'No deals yet.'))
  if (summary.owners.length > 1) {
    lines.push(t(lang, '按负责人(在途 / 赢单):', 'By owner (open / won):'))
    for (const o of summary.owners)
      lines.push(
        `- ${o.owner}: ${o.count} · ${money(o.amount)} / ${o.won_count ?? 0} · ${money(o.won_amount ?? 0)}`,
      )
  }
  lines.push(...otherCurrencyLines(summary, lang))
  return lines.join('\n')
}
