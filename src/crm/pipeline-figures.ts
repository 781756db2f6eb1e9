import type { DealStage } from '../db/schema.ts'
import { DEAL_STAGES } from '../db/schema.ts'
import { fromMinorUnits } from './money.ts'

/** One deal as the pipeline reads it. */
export interface PipelineDeal {
  ownerUserId: string | null
  ownerName: string | null
  stage: DealStage
  currency: string
  amountMinor: number
  probability: number
  closedAt: Date | null
  /** Whether the deal changed stage within the period (from the stage history). */
  movedInPeriod: boolean
}

export interface Figures {
  count: number
  amount: number
  weighted_amount: number
}

/** The figures of one currency: open now, and won/lost/moved within the period. */
export interface CurrencyFigures {
  currency: string
  open: Figures
  won: Figures
  lost: Figures
  moved: number
  stages: (Figures & { stage: DealStage })[]
  owners: (Figures & { owner: string; ownerId: string | null; won_count: number; won_amount: number })[]
}

const OPEN = new Set<DealStage>(['lead', 'qualified', 'proposal', 'negotiation'])

/**
 * Every number of a pipeline card, from one pass over the deals: the headline, the stage table and the
 * owner table are sums of the same rows, so they cannot disagree. Open deals count as they stand now;
 * won and lost only when closed within [start, end). Sums never mix currencies: one result per currency.
 */
export function pipelineFigures(rows: PipelineDeal[], range: { start: Date; end: Date }): CurrencyFigures[] {
  const inPeriod = (d: PipelineDeal) =>
    d.closedAt !== null && d.closedAt >= range.start && d.closedAt < range.end
  const counted = rows.filter((d) => OPEN.has(d.stage) || inPeriod(d))
  const byCurrency = new Map<string, PipelineDeal[]>()
  for (const d of counted) byCurrency.set(d.currency, [...(byCurrency.get(d.currency) ?? []), d])
  return [...byCurrency.entries()]
    .map(([currency, deals]) => currencyFigures(currency, deals))
    .sort((a, b) => b.open.count + b.won.count - (a.open.count + a.won.count))
}

function currencyFigures(currency: string, deals: PipelineDeal[]): CurrencyFigures {
  const open = deals.filter((d) => OPEN.has(d.stage))
  const won = deals.filter((d) => d.stage === 'won')
  const owners = new Map<string | null, PipelineDeal[]>()
  for (const d of [...open, ...won]) owners.set(d.ownerUserId, [...(owners.get(d.ownerUserId) ?? []), d])
  return {
    currency,
    open: sum(open, currency),
    won: sum(won, currency),
    lost: sum(
      deals.filter((d) => d.stage === 'lost'),
      currency,
    ),
    moved: deals.filter((d) => d.movedInPeriod).length,
    stages: DEAL_STAGES.map((stage) => ({
      stage,
      ...sum(
        deals.filter((d) => d.stage === stage),
        currency,
      ),
    })),
    owners: [...owners.entries()]
      .map(([ownerId, group]) => {
        const mine = sum(
          group.filter((d) => OPEN.has(d.stage)),
          currency,
        )
        const mineWon = sum(
          group.filter((d) => d.stage === 'won'),
          currency,
        )
        return {
          owner: group[0]?.ownerName ?? '—',
          ownerId,
          ...mine,
          won_count: mineWon.count,
          won_amount: mineWon.amount,
        }
      })
      .sort((a, b) => b.weighted_amount - a.weighted_amount || b.won_amount - a.won_amount),
  }
}

function sum(deals: PipelineDeal[], currency: string): Figures {
  let amountMinor = 0
  let weightedMinor = 0
  for (const d of deals) {
    amountMinor += d.amountMinor
    weightedMinor += Math.round((d.amountMinor * d.probability) / 100)
  }
  return {
    count: deals.length,
    amount: fromMinorUnits(amountMinor, currency),
    weighted_amount: fromMinorUnits(weightedMinor, currency),
  }
}
