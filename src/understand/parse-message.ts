import { detectIntent, hasLookupVerb, hasReminderWord } from './detect-intent.ts'
import { detectPeriod } from './detect-period.ts'
import { extractAmount, type FoundAmount } from './extract-amount.ts'
import { extractDates, type FoundDate } from './extract-dates.ts'
import { extractEntities, type FoundEntities } from './extract-entities.ts'
import { extractSentiment, type FoundSentiment } from './extract-sentiment.ts'
import { extractStage, type FoundStage } from './extract-stage.ts'
import { extractTask } from './extract-task.ts'
import { interactionType } from './interaction-type.ts'
import { normalizeText } from './normalize-text.ts'
import type { Intent, InteractionType, ParseContext, ParsedMessage, Period } from './parsed-message.ts'
import { wallClock } from './zoned-time.ts'

/** Everything read from a message before the intent decides which of it to report. */
interface Reading {
  text: string
  dates: FoundDate[]
  amount: FoundAmount | null
  entities: FoundEntities
  stage: FoundStage | null
  channel: InteractionType | null
  period: Period | null
  /** Read on first use: only logged interactions report it and most intent rules never ask. */
  sentiment: FoundSentiment | null
}

function sentimentOf(r: Reading): FoundSentiment {
  r.sentiment ??= extractSentiment(r.text)
  return r.sentiment
}

/** The follow-up is the first date still to come; past ones (`今天上午`) say when it happened. */
const firstFuture = (r: Reading) => r.dates.find((d) => !d.past)

function fillWho(out: ParsedMessage, r: Reading): void {
  out.customer = r.entities.customer
  out.contact = r.entities.contact
}

function fillMoney(out: ParsedMessage, r: Reading): void {
  out.amount = r.amount?.amount ?? null
  out.currency = r.amount?.currency ?? null
}

/**
 * Which fields each intent reports; the rest stay null so downstream code never acts on noise.
 * They fill a result created with every field in one shape, which keeps the hot path monomorphic.
 */
const FILL: Record<Intent, (out: ParsedMessage, r: Reading) => void> = {
  log_interaction(out, r) {
    fillWho(out, r)
    fillMoney(out, r)
    const s = sentimentOf(r)
    out.interaction_type = r.channel
    out.sentiment = s.sentiment
    out.sentiment_score = s.score
    out.due_at = firstFuture(r)?.iso ?? null
  },
  lookup_customer: fillWho,
  set_reminder(out, r) {
    const due = firstFuture(r) ?? r.dates[0]
    fillWho(out, r)
    out.due_at = due?.iso ?? null
    out.task = extractTask(r.text, due ? [due] : [])
  },
  list_reminders(out, r) {
    out.period = r.period
  },
  update_deal(out, r) {
    fillWho(out, r)
    fillMoney(out, r)
    out.stage = r.stage?.stage ?? null
  },
  pipeline_summary(out, r) {
    out.period = r.period
  },
  help() {},
  unknown() {},
}

/**
 * Reads one chat message offline: intent, customer, contact, channel, sentiment, due time, amount,
 * stage, period and reminder task. Never throws for odd text; an unknown time zone throws RangeError.
 */
export function parseMessage(raw: string, ctx: ParseContext): ParsedMessage {
  const text = normalizeText(raw, ctx.botNames)
  const dates = extractDates(text, { now: ctx.now, timeZone: ctx.timeZone, allowWeak: hasReminderWord(text) })
  const amount = extractAmount(text)
  const entities = extractEntities(text, amount ? [...dates, amount] : dates, hasLookupVerb(text))
  const r: Reading = {
    text,
    dates,
    amount,
    entities,
    stage: extractStage(text),
    channel: interactionType(text),
    period: detectPeriod(text, wallClock(ctx.now, ctx.timeZone)),
    sentiment: null,
  }
  const { intent, confidence } = detectIntent(
    {
      text,
      customer: entities.customer,
      contact: entities.contact,
      channel: r.channel,
      stage: r.stage,
      hasAmount: amount !== null,
      hasPeriod: r.period !== null,
      hasFutureDate: firstFuture(r) !== undefined,
    },
    () => sentimentOf(r).hits,
  )
  const out: ParsedMessage = {
    intent,
    customer: null,
    contact: null,
    interaction_type: null,
    sentiment: null,
    sentiment_score: null,
    due_at: null,
    amount: null,
    currency: null,
    stage: null,
    period: null,
    task: null,
    confidence,
  }
  FILL[intent](out, r)
  return out
}
