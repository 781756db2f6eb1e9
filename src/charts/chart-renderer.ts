import type { PipelineSummaryData } from '../chat/reply-data.ts'

/**
 * Draws the summary's charts as PNG. Rendering SVG to pixels needs a native module on Node
 * (`src/node/resvg-chart-renderer.ts`), so the core only knows this interface and works without one:
 * no renderer, no chart.
 */
export interface ChartRenderer {
  /** The open pipeline as a funnel, one bar a stage, widest at the top. */
  pipelineFunnel(summary: PipelineSummaryData, lang: 'zh' | 'en'): Promise<Uint8Array>
  /** Weighted open amount by owner, one horizontal bar each. */
  ownerBars(summary: PipelineSummaryData, lang: 'zh' | 'en'): Promise<Uint8Array>
}
