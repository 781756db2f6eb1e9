/**
 * The structured part of each reply (`Reply.data`), by intent. Platforms render these their own way;
 * amounts here are whole currency units, instants are ISO 8601 UTC, `*Local` strings are already
 * formatted in the user's zone and language.
 */
import type { DealStage, InteractionType, Sentiment } from '../understand/parsed-message.ts'

export interface CustomerSummary {
  id: string
  name: string
  ownerName: string | null
  industry: string | null
  tags: string[]
  inPool: boolean
}

export interface ContactSummary {
  id: string
  name: string
  title: string | null
  phones: string[]
  email: string | null
}

export interface DealSummary {
  id: string
  title: string
  customerName: string
  stage: DealStage
  amount: number
  currency: string
  probability: number
  ownerName: string | null
  expectedClose: string | null
}

export interface InteractionSummary {
  id: string
  type: InteractionType
  summary: string
  sentiment: Sentiment | null
  authorName: string | null
  occurredAt: string
  occurredLocal: string
}

export interface ReminderSummary {
  id: string
  text: string
  dueAt: string
  dueLocal: string
  status: string
  customerName: string | null
  /** How a recurring reminder repeats (`每周一 09:00`, `every Mon 09:00`); null for a one-off. */
  repeats?: string | null
}

/** `log_interaction` */
export interface NoteLoggedData {
  interaction: InteractionSummary
  customer: CustomerSummary
  /** True when this note created the customer (the reply offers Undo). */
  customerCreated: boolean
  contact: ContactSummary | null
  followUp: ReminderSummary | null
  deal: DealSummary | null
}

/** `lookup_customer` */
export interface CustomerCardData {
  customer: CustomerSummary
  contacts: ContactSummary[]
  deals: DealSummary[]
  interactions: InteractionSummary[]
  nextReminder: ReminderSummary | null
}

/** `set_reminder` */
export interface ReminderSetData {
  reminder: ReminderSummary
}

/** `list_reminders` */
export interface ReminderListData {
  reminders: ReminderSummary[]
}

/** `update_deal` */
export interface DealUpdatedData {
  deal: DealSummary
  previousStage: DealStage | null
  created: boolean
}

export interface StageTotals {
  stage: DealStage
  count: number
  amount: number
  weighted_amount: number
}

/** One owner's open deals (`count`, `amount`, `weighted_amount`) and deals won in the period. */
export interface OwnerTotals {
  owner: string
  ownerId: string | null
  count: number
  amount: number
  weighted_amount: number
  /** Optional for replies stored before these existed; `pipelineSummary` always sets them. */
  won_count?: number
  won_amount?: number
}

export interface PipelineTotals {
  count: number
  amount: number
  weighted_amount: number
}

/**
 * `pipeline_summary`. `total` is the open pipeline now; `won`, `lost` and `moved` happened within the period;
 * `stages` (open stages now, won/lost in the period) and `owners` add up to them exactly. All in `currency`;
 * deals in any other currency are one `other_currencies` line each, never dropped or converted.
 */
export interface PipelineSummaryData {
  period: string
  periodLabel: string
  /** Set when the card is one owner's (`张伟的管道`). */
  ownerName?: string | null
  currency: string
  stages: StageTotals[]
  owners: OwnerTotals[]
  total: PipelineTotals
  // Optional below for replies stored (and rendered from history) before they existed; `pipelineSummary`
  // always sets them.
  won?: PipelineTotals
  lost?: PipelineTotals
  /** Deals whose stage changed within the period. */
  moved?: number
  other_currencies?: {
    currency: string
    /** All deals counted in this currency: open now plus won and lost in the period. */
    count: number
    /** The open amount, as `total.amount` is for the main currency. */
    amount: number
    open: PipelineTotals
    won: PipelineTotals
    lost: PipelineTotals
  }[]
}

/** `choice`: the bot asks which customer was meant; each option is also a `choose_customer` action. */
export interface CustomerChoiceData {
  question: string
  name: string
  options: { id: string; name: string }[]
}

/**
 * `confirm`: the bot asks before a write (src/chat/confirm/); each option is a `confirm_write` action with
 * `{ id, option }`, and `reject_write` with `{ id }` says no.
 */
export interface ConfirmationData {
  id: string
  question: string
  options: { label: string }[]
}

/** `reminder_due`: pushed by the scheduler. */
export interface ReminderDueData {
  reminder: ReminderSummary
}

/** `digest`: the morning digest for managers, and the going-cold list. */
export interface DigestData {
  dueToday: ReminderSummary[]
  staleCustomers: { id: string; name: string; ownerName: string | null; daysSilent: number }[]
  staleDeals: (DealSummary & { daysSilent: number })[]
  pipeline: PipelineSummaryData | null
  /** Managers: customers that went back to the 公海 in the last day. */
  poolReturns?: { id: string; name: string }[]
  /** The user's own records to look at (each at most once a week), with buttons in the reply. */
  nudges?: NudgeItem[]
  /** The user's customers near their 公海 deadline, and those that went back since yesterday. */
  pool?: {
    warnings: { id: string; name: string; returnsAt: string; returnsLocal: string; reason: string }[]
    returned: { id: string; name: string }[]
  }
}

/** A record an owner should look at: a deal gone quiet or past its close date, or a sleeping customer. */
export interface NudgeItem {
  key: string
  kind: 'stale_deal' | 'overdue_deal' | 'sleeping_customer'
  customerId: string
  customerName: string
  dealId: string | null
  dealTitle: string | null
  days: number
}

/** `list`: the user's own customers or deals (`我的客户`, `my deals`); `send` is what tapping an item says. */
export interface ListData {
  kind: 'customers' | 'deals'
  title: string
  empty: string
  items: { id: string; title: string; detail: string; send: string }[]
}
