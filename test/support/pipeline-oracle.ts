import { fromMinorUnits } from '../../src/crm/money.ts'
import type { CurrencyFigures, Figures } from '../../src/crm/pipeline-figures.ts'
import type { DealStage } from '../../src/db/schema.ts'
import { DEAL_STAGES } from '../../src/db/schema.ts'

/** One deal as the oracle reads it, listed in creation order. */
export interface OracleDeal {
  ownerUserId: string | null
  ownerName: string | null
  stage: DealStage
  currency: string
  amountMinor: number
  probability: number
  closedAt: Date | null
  movedInPeriod: boolean
}

const OPEN = new Set<DealStage>(['lead', 'qualified', 'proposal', 'negotiation'])

/**
 * The pipeline card's figures worked out the slow, obvious way: every deal loaded and summed in JS (what
 * `pipelineFigures` did before SQLite summed them). Ties keep the order of the deals given.
 */
export function oracleFigures(rows: OracleDeal[], range: { start: Date; end: Date }): CurrencyFigures[] {
  const inPeriod = (d: OracleDeal) =>
    d.closedAt !== null && d.closedAt >= range.start && d.closedAt < range.end
  const counted = rows.filter((d) => OPEN.has(d.stage) || inPeriod(d))
  const byCurrency = new Map<string, OracleDeal[]>()
  for (const d of counted) byCurrency.set(d.currency, [...(byCurrency.get(d.currency) ?? []), d])
  return [...byCurrency.entries()]
    .map(([currency, deals]) => currencyFigures(currency, deals))
    .sort((a, b) => b.open.count + b.won.count - (a.open.count + a.won.count))
}

function currencyFigures(currency: string, deals: OracleDeal[]): CurrencyFigures {
  const open = deals.filter((d) => OPEN.has(d.stage))
  const won = deals.filter((d) => d.stage === 'won')
  const owners = new Map<string | null, OracleDeal[]>()
  for (const d of [...open, ...won]) owners.set(d.ownerUserId, [...(owners.get(d.ownerUserId) ?? []), d])
  const stageSum = (stage: DealStage) =>
    sum(
      deals.filter((d) => d.stage === stage),
      currency,
    )
  return {
    currency,
    open: sum(open, currency),
    won: sum(won, currency),
    lost: stageSum('lost'),
    moved: deals.filter((d) => d.movedInPeriod).length,
    stages: DEAL_STAGES.map((stage) => ({ stage, ...stageSum(stage) })),
    owners: [...owners.entries()]
      .map(([ownerId, group]) => {
        const mineWon = sum(
          group.filter((d) => d.stage === 'won'),
          currency,
        )
        return {
          owner: group[0]?.ownerName ?? '—',
          ownerId,
          ...sum(
            group.filter((d) => OPEN.has(d.stage)),
            currency,
          ),
          won_count: mineWon.count,
          won_amount: mineWon.amount,
        }
      })
      .sort((a, b) => b.weighted_amount - a.weighted_amount || b.won_amount - a.won_amount),
  }
}

function sum(deals: OracleDeal[], currency: string): Figures {
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
