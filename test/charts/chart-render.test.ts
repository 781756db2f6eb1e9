import { describe, expect, it } from 'vitest'
import { ownerBarsSvg, pipelineFunnelSvg } from '../../src/charts/chart-svg.ts'
import type { PipelineSummaryData } from '../../src/chat/reply-data.ts'
import { createResvgChartRenderer } from '../../src/node/resvg-chart-renderer.ts'

const summary: PipelineSummaryData = {
  period: 'this_month',
  periodLabel: '本月',
  currency: 'CNY',
  stages: [
    { stage: 'lead', count: 2, amount: 300_000, weighted_amount: 30_000 },
    { stage: 'qualified', count: 0, amount: 0, weighted_amount: 0 },
    { stage: 'proposal', count: 1, amount: 200_000, weighted_amount: 100_000 },
    { stage: 'negotiation', count: 1, amount: 1_000_000, weighted_amount: 750_000 },
    { stage: 'won', count: 1, amount: 150_000, weighted_amount: 150_000 },
    { stage: 'lost', count: 0, amount: 0, weighted_amount: 0 },
  ],
  owners: [{ owner: '张伟 <admin>', ownerId: 'u1', count: 3, amount: 1_200_000, weighted_amount: 850_000 }],
  total: { count: 4, amount: 1_500_000, weighted_amount: 880_000 },
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

describe('charts', () => {
  it('draws the open stages as a funnel with Chinese labels, and escapes names', () => {
    const svg = pipelineFunnelSvg(summary, 'zh')
    expect(svg).toContain('商务谈判 · 1 · ¥1,000,000')
    expect(svg).not.toContain('赢单')
    expect(ownerBarsSvg(summary, 'zh')).toContain('张伟 &lt;admin&gt;')
  })

  it('renders PNGs with the CJK font', async () => {
    const events: string[] = []
    const charts = createResvgChartRenderer({ log: (e) => events.push(e) })
    const funnel = await charts.pipelineFunnel(summary, 'zh')
    expect([...funnel.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(pngSize(funnel)).toEqual({ width: 640, height: 80 + 4 * 56 })
    expect(events).toEqual([])
  })

  it('says which font is missing and still renders with the system fonts', async () => {
    const events: string[] = []
    const charts = createResvgChartRenderer({
      fontFiles: ['/nonexistent/font.ttc'],
      log: (e) => events.push(e),
    })
    expect(events).toEqual(['charts.cjk_font_missing'])
    expect(pngSize(await charts.ownerBars(summary, 'en')).width).toBe(640)
  })
})
