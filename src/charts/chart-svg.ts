import { moneyLabel, stageLabel } from '../chat/labels.ts'
import type { PipelineSummaryData } from '../chat/reply-data.ts'

/** The font family the PNG renderer loads; SVG text names it so CJK labels find their glyphs. */
export const CHART_FONT = 'Noto Sans CJK SC'
const WIDTH = 640
const COLORS = ['#8fb3e0', '#5f93d1', '#3a74bd', '#1f5aa0']

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  )

/** Rough rendered width: CJK glyphs are square, Latin ones a bit over half as wide. */
function textWidth(text: string, size: number): number {
  let w = 0
  for (const ch of text) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.6
  return Math.round(w)
}

function frame(height: number, title: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${CHART_FONT}, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="24" y="36" font-size="20" font-weight="bold" fill="#1d2330">${escapeXml(title)}</text>`,
    ...body,
    '</svg>',
  ].join('\n')
}

/**
 * The open pipeline as a funnel: one centred bar a stage, its width the stage's share of the largest
 * amount, labelled with the stage, count and amount. Won and lost are not part of the funnel.
 */
export function pipelineFunnelSvg(summary: PipelineSummaryData, lang: 'zh' | 'en'): string {
  const open = summary.stages.filter((s) => s.stage !== 'won' && s.stage !== 'lost')
  const max = Math.max(1, ...open.map((s) => s.amount))
  const rowHeight = 56
  const title =
    lang === 'zh' ? `销售漏斗 · ${summary.periodLabel}` : `Pipeline funnel · ${summary.periodLabel}`
  const body = open.flatMap((s, i) => {
    const label = `${stageLabel(s.stage, lang)} · ${s.count} · ${moneyLabel(s.amount, summary.currency, lang)}`
    // A narrow stage still gets a bar its label fits in.
    const width = Math.max(textWidth(label, 16) + 32, Math.round((s.amount / max) * (WIDTH - 80)))
    const x = (WIDTH - width) / 2
    const y = 60 + i * rowHeight
    return [
      `<rect x="${x}" y="${y}" width="${width}" height="${rowHeight - 8}" rx="6" fill="${COLORS[i % COLORS.length]}"/>`,
      `<text x="${WIDTH / 2}" y="${y + 30}" font-size="16" text-anchor="middle" fill="${i < 2 ? '#0b1a2e' : '#ffffff'}">${escapeXml(label)}</text>`,
    ]
  })
  return frame(80 + open.length * rowHeight, title, body)
}

/** Weighted open amount by owner: one horizontal bar each, largest first, the amount after the bar. */
export function ownerBarsSvg(summary: PipelineSummaryData, lang: 'zh' | 'en'): string {
  const owners = summary.owners.slice(0, 12)
  const max = Math.max(1, ...owners.map((o) => o.weighted_amount))
  const rowHeight = 36
  const labelWidth = 140
  const title =
    lang === 'zh'
      ? `按负责人 (加权) · ${summary.periodLabel}`
      : `By owner (weighted) · ${summary.periodLabel}`
  const body = owners.flatMap((o, i) => {
    const y = 60 + i * rowHeight
    const width = Math.max(2, Math.round((o.weighted_amount / max) * (WIDTH - labelWidth - 160)))
    return [
      `<text x="${labelWidth - 8}" y="${y + 20}" font-size="15" text-anchor="end" fill="#1d2330">${escapeXml(o.owner)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${width}" height="${rowHeight - 10}" rx="4" fill="#3a74bd"/>`,
      `<text x="${labelWidth + width + 8}" y="${y + 20}" font-size="14" fill="#1d2330">${escapeXml(moneyLabel(o.weighted_amount, summary.currency, lang))}</text>`,
    ]
  })
  if (owners.length === 0)
    body.push(
      `<text x="24" y="80" font-size="15" fill="#667085">${lang === 'zh' ? '暂无商机' : 'No deals yet'}</text>`,
    )
  return frame(80 + Math.max(1, owners.length) * rowHeight, title, body)
}
