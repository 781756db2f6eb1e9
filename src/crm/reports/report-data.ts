import type { CustomerSummary, DealSummary, InteractionSummary } from '../../chat/reply-data.ts'
import type { DealStage, InteractionType, ReportMetric } from '../../understand/parsed-message.ts'

/** A deal in a report, with its customer's id so pages can link to it. */
export type ReportDeal = DealSummary & { customerId: string }

/** One rep's interactions in a period, by channel, and how many customers they touched. */
export interface ActivityRow {
  ownerId: string | null
  owner: string
  total: number
  byType: Partial<Record<InteractionType, number>>
  customers: number
}

/** Money in one currency: whole units, as every reply carries it. */
export interface CurrencyAmount {
  currency: string
  count: number
  amount: number
}

export interface StaleCustomer {
  id: string
  name: string
  ownerName: string | null
  daysSilent: number
}

export interface ForecastMonth {
  /** `2026-12`; `none` for open deals with no expected close. */
  month: string
  currency: string
  count: number
  amount: number
  weighted_amount: number
}

/** The answer to a `report` question: what each kind found, plus whose records it read. */
export type ReportResult =
  | {
      metric: 'activity'
      periodLabel: string
      channel: InteractionType | null
      rows: ActivityRow[]
      customers: { id: string; name: string }[]
    }
  | { metric: 'stale_customers'; staleDays: number; total: number; customers: StaleCustomer[] }
  | { metric: 'closing_deals'; periodLabel: string; deals: ReportDeal[] }
  | { metric: 'deals_by_stage'; stage: DealStage | null; total: number; deals: ReportDeal[] }
  | { metric: 'top_deals'; limit: number; deals: ReportDeal[] }
  | {
      metric: 'win_rate'
      periodLabel: string
      won: CurrencyAmount[]
      lost: CurrencyAmount[]
      /** Won / (won + lost) by count; null with nothing closed. */
      winRate: number | null
    }
  | { metric: 'new_customers'; periodLabel: string; total: number; customers: CustomerSummary[] }
  | {
      metric: 'negative_customers'
      days: number
      customers: (StaleCustomer & { negatives: number; lastNote: string })[]
    }
  | {
      metric: 'customer_history'
      customer: CustomerSummary | null
      asked: string | null
      interactions: InteractionSummary[]
      deals: DealSummary[]
    }
  | { metric: 'forecast'; months: ForecastMonth[] }

/** `Reply.data` of a report: the result plus whose records it read. */
export type ReportData = ReportResult & {
  /** The rep the question was about, resolved; null for everyone in scope. */
  owner: string | null
  /** A rep named in the question that nobody within reach is called. */
  ownerUnknown: string | null
  /** True in a group chat, where a manager's answer covers only their own records. */
  narrowed: boolean
}

export type { ReportMetric }
