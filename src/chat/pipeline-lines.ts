import { type Lang, t } from './intents/intent-context.ts'
import { moneyLabel } from './labels.ts'
import type { PipelineSummaryData } from './reply-data.ts'

/** Won, lost and moved within the period, in the card's main currency. */
export function periodLine(summary: PipelineSummaryData, lang: Lang): string {
  const money = (n: number) => moneyLabel(n, summary.currency, lang)
  const won = summary.won ?? { count: 0, amount: 0 }
  const lost = summary.lost ?? { count: 0, amount: 0 }
  const p = summary.periodLabel
  return t(
    lang,
    `${p}赢单 ${won.count} 个 · ${money(won.amount)};丢单 ${lost.count} 个;阶段推进 ${summary.moved ?? 0} 个`,
    `Won ${p}: ${won.count} · ${money(won.amount)}; lost ${lost.count}; moved ${summary.moved ?? 0}`,
  )
}

/** One line per currency other than the card's: never converted at a made-up rate, never left out. */
export function otherCurrencyLines(summary: PipelineSummaryData, lang: Lang): string[] {
  const money = (n: number, currency: string) => moneyLabel(n, currency, lang)
  return (summary.other_currencies ?? []).map((o) =>
    t(
      lang,
      `${o.currency}(另计,不折算): 在途 ${o.open.count} 个 · ${money(o.open.amount, o.currency)};赢单 ${o.won.count} 个 · ${money(o.won.amount, o.currency)}`,
      `${o.currency} (separate, not converted): open ${o.open.count} · ${money(o.open.amount, o.currency)}; won ${o.won.count} · ${money(o.won.amount, o.currency)}`,
    ),
  )
}
