import type { Reply } from '../chat/chat-message.ts'
import type { PipelineSummaryData } from '../chat/reply-data.ts'
import type { ChartRenderer } from './chart-renderer.ts'

/** One chart ready to attach: PNG bytes with a file name and a title in the reader's language. */
export interface ChartImage {
  filename: string
  title: string
  png: Uint8Array
}

const isSummary = (reply: Reply): reply is Reply & { data: Record<string, unknown> } =>
  reply.intent === 'pipeline_summary' && reply.data !== null && Array.isArray(reply.data.stages)

/**
 * The charts a reply carries: the funnel for a pipeline summary, and the by-owner bars when it covers
 * more than one owner. Empty for every other reply, or with no renderer.
 */
export async function summaryCharts(reply: Reply, charts: ChartRenderer | undefined): Promise<ChartImage[]> {
  if (!charts || !isSummary(reply)) return []
  const summary = reply.data as unknown as PipelineSummaryData
  const lang = /[\u3400-\u9fff]/.test(summary.periodLabel) ? 'zh' : 'en'
  const out: ChartImage[] = [
    {
      filename: 'pipeline-funnel.png',
      title: lang === 'zh' ? '销售漏斗' : 'Pipeline funnel',
      png: await charts.pipelineFunnel(summary, lang),
    },
  ]
  if (summary.owners.length > 1)
    out.push({
      filename: 'pipeline-by-owner.png',
      title: lang === 'zh' ? '按负责人' : 'By owner',
      png: await charts.ownerBars(summary, lang),
    })
  return out
}
