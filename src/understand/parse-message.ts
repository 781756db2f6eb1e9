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
  readonly sentiment: FoundSentiment
}

type Fields = Omit<ParsedMessage, 'intent' | 'confidence'>

const EMPTY: Fields = {
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
}

const who = (r: Reading) => ({ customer: r.entities.customer, contact: r.entities.contact })
const money = (r: Reading) => ({ amount: r.amount?.amount ?? null, currency: r.amount?.currency ?? null })

/** Which fields each intent reports; the rest stay null so downstream code never acts on noise. */
const FIELDS: Record<Intent, (r: Reading) => Partial<Fields>> = {
  log_interaction: (r) => ({
    ...who(r),
    ...money(r),
    interaction_type: r.channel,
    sentiment: r.sentiment.sentiment,
    sentiment_score: r.sentiment.score,
    // The follow-up is the first date still to come; past ones (`今天上午`) say when it happened.
    due_at: r.dates.find((d) => !d.past)?.iso ?? null,
  }),
  lookup_customer: (r) => who(r),
  set_reminder: (r) => {
    const due = r.dates.find((d) => !d.past) ?? r.dates[0]
    return { ...who(r), due_at: due?.iso ?? null, task: extractTask(r.text, due ? [due] : []) }
  },
  list_reminders: (r) => ({ period: r.period }),
  update_deal: (r) => ({ ...who(r), ...money(r), stage: r.stage?.stage ?? null }),
  pipeline_summary: (r) => ({ period: r.period }),
  help: () => ({}),
  unknown: () => ({}),
}

/**
 * Reads one chat message offline: intent, customer, contact, channel, sentiment, due time, amount,
 * stage, period and reminder task. Never throws for odd text; an unknown time zone throws RangeError.
 */
export function parseMessage(raw: string, ctx: ParseContext): ParsedMessage {
  const text = normalizeText(raw, ctx.botNames)
  const reminder = hasReminderWord(text)
  const dates = extractDates(text, { now: ctx.now, timeZone: ctx.timeZone, allowWeak: reminder })
  const amount = extractAmount(text)
  const masked = amount ? [...dates, amount] : dates
  const entities = extractEntities(text, masked, hasLookupVerb(text))
  const stage = extractStage(text)
  let sentiment: FoundSentiment | undefined
  const reading: Reading = {
    text,
    dates,
    amount,
    entities,
    stage,
    channel: interactionType(text),
    period: detectPeriod(text, wallClock(ctx.now, ctx.timeZone).month),
    get sentiment() {
      sentiment ??= extractSentiment(text)
      return sentiment
    },
  }
  const { intent, confidence } = detectIntent({
    text,
    customer: entities.customer,
    contact: entities.contact,
    channel: reading.channel,
    stage,
    hasAmount: amount !== null,
    hasPeriod: reading.period !== null,
    hasFutureDate: dates.some((d) => !d.past),
    get sentimentHits() {
      return reading.sentiment.hits
    },
  })
  return { intent, ...EMPTY, ...FIELDS[intent](reading), confidence }
}
