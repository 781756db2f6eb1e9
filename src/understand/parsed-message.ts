/** What the bot understood of one chat message. Field names follow ../shared/eval/README.md. */
export const INTENTS = [
  'log_interaction',
  'lookup_customer',
  'set_reminder',
  'list_reminders',
  'update_deal',
  'pipeline_summary',
  'report',
  'help',
  'unknown',
] as const
export type Intent = (typeof INTENTS)[number]

export const INTERACTION_TYPES = ['call', 'visit', 'meeting', 'message', 'email', 'note'] as const
export type InteractionType = (typeof INTERACTION_TYPES)[number]

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const
export type Sentiment = (typeof SENTIMENTS)[number]

export const DEAL_STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const
export type DealStage = (typeof DEAL_STAGES)[number]

export const PERIODS = [
  'today',
  'this_week',
  'last_week',
  'this_month',
  'last_month',
  'this_quarter',
  'last_quarter',
  'this_year',
  'last_year',
] as const
export type Period = (typeof PERIODS)[number]

export type SpeechAct =
  | 'statement'
  | 'question'
  | 'congratulation'
  | 'instruction'
  | 'complaint'
  | 'correction'

/** The kinds of question the `report` intent answers from the store. */
export const REPORT_METRICS = [
  'activity',
  'stale_customers',
  'closing_deals',
  'deals_by_stage',
  'top_deals',
  'win_rate',
  'new_customers',
  'negative_customers',
  'customer_history',
  'forecast',
] as const
export type ReportMetric = (typeof REPORT_METRICS)[number]

/** A question about the team read into a query; filters a kind does not use are null. */
/** A period read as its bounds: [start, end) as ISO 8601 instants with the user's offset. */
export interface PeriodRange {
  start: string
  end: string
  /** As written: `过去30天`, `Q1`. */
  text: string
}

export interface ReportQuery {
  metric: ReportMetric
  /** The rep asked about as written (`小张`, `Tom`), `me` for the asker; null for everyone visible. */
  owner: string | null
  period: Period | null
  /**
   * A period said without one of the names above (`过去30天`, `Q1` in November, `3月`): its [start, end) as
   * ISO instants in the user's zone, and the words as written, which the answer repeats.
   */
  period_range?: PeriodRange
  stage: DealStage | null
  /** Customers silent this many days or more (`stale_customers`; 14 when unsaid). */
  stale_days: number | null
  sentiment: Sentiment | null
  /** How many rows (`top_deals`; 5 when unsaid). */
  limit: number | null
  /** Which interactions count (`activity`; all when null). */
  channel: InteractionType | null
}

export interface ParsedMessage {
  intent: Intent
  /** The customer organisation as written (`华为`, `Acme`). */
  customer: string | null
  /** The person at the customer as written (`张总`, `Jane`). */
  contact: string | null
  interaction_type: InteractionType | null
  sentiment: Sentiment | null
  /** -1 (very negative) .. 1 (very positive); null when no sentiment was read. */
  sentiment_score: number | null
  /** ISO 8601 instant with the user's offset, of the reminder or the follow-up. */
  due_at: string | null
  /** Whole currency units (`200万` → 2000000). */
  amount: number | null
  /** ISO 4217; `CNY` when an amount is given without a currency. */
  currency: string | null
  stage: DealStage | null
  period: Period | null
  /** For reminders: what to be reminded of, with the time phrase and `remind me` removed. */
  task: string | null
  /** 0..1: how sure the offline parser is of the intent; below 0.6 the LLM step is asked. */
  confidence: number
  /**
   * True when a time-like phrase was written but could not be read surely (a token left unused, a
   * reading in the past): `due_at` is then null and `due_candidates` holds the likely readings, which
   * the bot offers as buttons, setting nothing until one is chosen.
   */
  due_unsure?: boolean
  /** Up to three ISO 8601 instants (user's offset) offered when `due_unsure`. */
  due_candidates?: string[]
  /** The zone written with the time (`PST`, `UTC+8`, `北京时间`): the reply shows the time there too. */
  due_zone?: string
  /**
   * What the message does: only a `statement` writes. A `question` is answered, a `correction` edits the
   * last note; congratulations, instructions to colleagues and complaints about the bot write nothing.
   */
  speech_act?: SpeechAct
  /** RFC 5545 RRULE of a recurring reminder (`FREQ=WEEKLY;BYDAY=MO`); its first occurrence is `due_at`. */
  recurrence?: string | null
  /** The query of a question about the team (`report`, and a summary asked a particular way). */
  report?: ReportQuery | null
  /**
   * A deal's expected close said in the message (`预计下个月底签约`, `expected to close end of Q1`), as
   * `2026-12-31` in the user's calendar; deal updates and notes only.
   */
  expected_close?: string
  /** The close date is before today: the bot asks before setting it. */
  expected_close_unsure?: boolean
}

export interface ParseContext {
  /** The instant the message was received. */
  now: Date
  /** IANA zone of the user, e.g. `Asia/Shanghai`. */
  timeZone: string
  /** BCP 47 locale of the user; a day-first one (`en-GB`) reads `7/4` as 7 April. Month first when absent. */
  locale?: string
  /** Names the bot answers to, stripped with their `@` (`CRM助手`). Slack's `<@U123>` is always stripped. */
  botNames?: readonly string[]
}
