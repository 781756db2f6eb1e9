import type { DealStage } from '../db/schema.ts'
import { DEAL_STAGES } from '../db/schema.ts'
import { fromMinorUnits } from './money.ts'
import { OPEN_STAGES, type PipelineGroup } from './pipeline-groups.ts'

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

const OPEN = new Set<DealStage>(OPEN_STAGES)

/**
 * Every number of a pipeline card, from the same groups of deals (`pipelineGroups`): the headline, the
 * stage table and the owner table are sums of the same rows, so they cannot disagree. Sums never mix
 * currencies: one result per currency, the one with most open and won deals first (ties: the currency of
 * the earliest deal). Owners with the largest weighted open amount first, then the largest won amount;
 * ties keep the order of their earliest open deal, then of their earliest won deal. `names` maps owner
 * ids to display names (`—` for none).
 */
export function pipelineFigures(groups: PipelineGroup[], names: Map<string, string>): CurrencyFigures[] {
  const byCurrency = new Map<string, PipelineGroup[]>()
  for (const g of groups) {
    const list = byCurrency.get(g.currency)
    if (list) list.push(g)
    else byCurrency.set(g.currency, [g])
  }
  return [...byCurrency.entries()]
    .map(([currency, list]) => ({
      figures: currencyFigures(currency, list, names),
      firstId: earliest(list),
    }))
    .sort(
      (a, b) =>
        b.figures.open.count + b.figures.won.count - (a.figures.open.count + a.figures.won.count) ||
        compareIds(a.firstId, b.firstId),
    )
    .map((c) => c.figures)
}

function currencyFigures(
  currency: string,
  groups: PipelineGroup[],
  names: Map<string, string>,
): CurrencyFigures {
  const open = groups.filter((g) => OPEN.has(g.stage))
  const won = groups.filter((g) => g.stage === 'won')
  const ownerIds = new Set([...open, ...won].map((g) => g.ownerUserId))
  return {
    currency,
    open: sum(open, currency),
    won: sum(won, currency),
    lost: sum(
      groups.filter((g) => g.stage === 'lost'),
      currency,
    ),
    moved: groups.reduce((n, g) => n + g.moved, 0),
    stages: DEAL_STAGES.map((stage) => ({
      stage,
      ...sum(
        groups.filter((g) => g.stage === stage),
        currency,
      ),
    })),
    owners: [...ownerIds]
      .map((ownerId) => {
        const mine = open.filter((g) => g.ownerUserId === ownerId)
        const mineWon = won.filter((g) => g.ownerUserId === ownerId)
        const wonFigures = sum(mineWon, currency)
        return {
          owner: (ownerId !== null ? names.get(ownerId) : undefined) ?? '—',
          ownerId,
          ...sum(mine, currency),
          won_count: wonFigures.count,
          won_amount: wonFigures.amount,
          order: mine.length > 0 ? `0${earliest(mine)}` : `1${earliest(mineWon)}`,
        }
      })
      .sort(
        (a, b) =>
          b.weighted_amount - a.weighted_amount ||
          b.won_amount - a.won_amount ||
          compareIds(a.order, b.order),
      )
      .map(({ order: _, ...owner }) => owner),
  }
}

function sum(groups: PipelineGroup[], currency: string): Figures {
  let count = 0
  let amountMinor = 0
  let weightedMinor = 0
  for (const g of groups) {
    count += g.count
    amountMinor += g.amountMinor
    weightedMinor += g.weightedMinor
  }
  return {
    count,
    amount: fromMinorUnits(amountMinor, currency),
    weighted_amount: fromMinorUnits(weightedMinor, currency),
  }
}

const earliest = (groups: PipelineGroup[]) =>
  groups.reduce(
    (first, g) => (compareIds(g.firstId, first) < 0 ? g.firstId : first),
    groups[0]?.firstId ?? '',
  )

/** Ids compared as SQLite compares text (by code unit), not by locale. */
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
