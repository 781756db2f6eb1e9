import { existsSync } from 'node:fs'
import { Resvg } from '@resvg/resvg-js'
import type { ChartRenderer } from '../charts/chart-renderer.ts'
import { CHART_FONT, ownerBarsSvg, pipelineFunnelSvg } from '../charts/chart-svg.ts'

/**
 * Where Debian's fonts-noto-cjk puts Noto Sans CJK (CI installs it). Only the regular weight: each file is
 * parsed on every render, and titles read well enough in it. No npm package on our registry list
 * ships the CJK font as TTF/OTF (the fontsource ones are WOFF2, which resvg cannot read).
 */
export const CJK_FONT_FILES = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc']

/**
 * Renders the chart SVGs to PNG with resvg. With the CJK font files present it loads only them (fast,
 * and the same glyphs everywhere); without them it falls back to the system's fonts and says so once
 * through `log`, since Chinese labels may then render as boxes.
 */
export function createResvgChartRenderer(
  options: { fontFiles?: string[]; log?: (event: string, fields?: Record<string, unknown>) => void } = {},
): ChartRenderer {
  const fontFiles = (options.fontFiles ?? CJK_FONT_FILES).filter((f) => existsSync(f))
  if (fontFiles.length === 0)
    options.log?.('charts.cjk_font_missing', {
      expected: options.fontFiles ?? CJK_FONT_FILES,
      fix: 'apt-get install fonts-noto-cjk',
    })
  const render = (svg: string) =>
    new Resvg(svg, {
      background: '#ffffff',
      font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: CHART_FONT },
    })
      .render()
      .asPng()
  return {
    pipelineFunnel: async (summary, lang) => render(pipelineFunnelSvg(summary, lang)),
    ownerBars: async (summary, lang) => render(ownerBarsSvg(summary, lang)),
  }
}
