import { detectIntent, hasLookupVerb, type IntentFeatures, reminderWordAt } from './detect-intent.ts'
import { detectPeriod, type PeriodSaid } from './detect-period.ts'
import { readReport } from './detect-report.ts'
import { extractAmount, type FoundAmount } from './extract-amount.ts'
import { extractDates, type FoundDate } from './extract-dates.ts'
import { extractEntities, type FoundEntities } from './extract-entities.ts'
import { extractSentiment, type FoundSentiment } from './extract-sentiment.ts'
import { extractStage, type FoundStage } from './extract-stage.ts'
import { extractTask } from './extract-task.ts'
import { interactionType } from './interaction-type.ts'
import { normalizeText } from './normalize-text.ts'
import { looksLikeOrganisation } from './organisation-name.ts'
import type {
  Intent,
  InteractionType,
  ParseContext,
  ParsedMessage,
  Period,
  PeriodRange,
} from './parsed-message.ts'
import { type Clause, isAllBackground, isHedged, maskBackground, readClauses } from './read-clauses.ts'
import { readSpeechAct } from './speech-act.ts'
import { lookingBack, periodBounds } from './time-reader/period-reading.ts'
import { type CloseDate, mayHaveCloseDate, readCloseDate } from './time-reader/read-close-date.ts'
import { formatZoned, wallClock } from './zoned-time.ts'

/**
 * Everything read from a message before the intent decides which of it to report. Each part is
 * read on first use: the intent rules stop early for most messages (a reminder never asks for the
 * period), and only the fields an intent reports are filled.
 */
class Reading implements IntentFeatures {
  #dates: FoundDate[] | undefined
  #amount: FoundAmount | null | undefined
  #entities: FoundEntities | undefined
  #stage: FoundStage | null | undefined
  #channel: InteractionType | null | undefined
  #period: PeriodSaid | undefined
  #sentiment: FoundSentiment | undefined
  #reminderAt: { start: number; end: number } | null | undefined
  #closeDate: CloseDate | null | undefined
  #lookupVerb: boolean | undefined
  #today: ReturnType<typeof wallClock> | undefined

  constructor(
    readonly text: string,
    private readonly ctx: ParseContext,
    /** The whole message, background included: the feeling of a note is read from all of it. */
    private readonly fullText: string = text,
  ) {}

  get dates(): FoundDate[] {
    this.#dates ??= extractDates(this.text, {
      now: this.ctx.now,
      timeZone: this.ctx.timeZone,
      allowWeak: this.reminderWord,
      ...(this.ctx.locale ? { locale: this.ctx.locale } : {}),
    })
    return this.#dates
  }
  get amount(): FoundAmount | null {
    if (this.#amount === undefined) this.#amount = extractAmount(this.text)
    return this.#amount
  }
  get entities(): FoundEntities {
    const amount = this.amount
    this.#entities ??= extractEntities(
      this.text,
      amount ? [...this.dates, amount] : this.dates,
      this.lookupVerb,
    )
    return this.#entities
  }
  get stage(): FoundStage | null {
    if (this.#stage === undefined) this.#stage = stageSaid(this)
    return this.#stage
  }
  get channel(): InteractionType | null {
    if (this.#channel === undefined) this.#channel = interactionType(this.text)
    return this.#channel
  }
  get period(): Period | null {
    return this.periodSaid.period
  }
  get periodSaid(): PeriodSaid {
    this.#period ??= detectPeriod(this.text, wallClock(this.ctx.now, this.ctx.timeZone))
    return this.#period
  }
  get sentiment(): FoundSentiment {
    this.#sentiment ??= extractSentiment(this.fullText)
    return this.#sentiment
  }
  get customer(): string | null {
    return this.entities.customer
  }
  get contact(): string | null {
    return this.entities.contact
  }
  get hasAmount(): boolean {
    return this.amount !== null
  }
  /**
   * The bounds of a period said without a name of ours (`过去30天`), for a report to read; `back` for a
   * question about what has happened, where `3月` asked in November is the March gone by.
   */
  periodRange(towards: 'back' | 'ahead'): PeriodRange | null {
    const unnamed = this.periodSaid.unnamed
    if (!unnamed) return null
    const said = towards === 'back' ? lookingBack(unnamed) : unnamed
    const { start, end } = periodBounds(said, wallClock(this.ctx.now, this.ctx.timeZone), this.ctx.timeZone)
    return {
      start: formatZoned(start, this.ctx.timeZone),
      end: formatZoned(end, this.ctx.timeZone),
      text: this.text.slice(said.start, said.end),
    }
  }
  /** A period is named, even one without a name of ours (`Q1` said in November). */
  get hasPeriod(): boolean {
    return this.periodSaid.said
  }
  get reminderWord(): boolean {
    return this.reminderAt !== null
  }
  /** Where `remind me` / `提醒我` sits, read once per message. */
  get reminderAt(): { start: number; end: number } | null {
    if (this.#reminderAt === undefined) this.#reminderAt = reminderWordAt(this.text)
    return this.#reminderAt
  }
  get lookupVerb(): boolean {
    this.#lookupVerb ??= hasLookupVerb(this.text)
    return this.#lookupVerb
  }
  get hasFutureDate(): boolean {
    return hasOwnFutureDate(this)
  }
  /** The deal's expected close said in the message, read once. */
  get closeDate(): CloseDate | null {
    if (this.#closeDate === undefined)
      this.#closeDate = mayHaveCloseDate(this.text) ? readCloseDate(this.text, this.ctx, this.dates) : null
    return this.#closeDate
  }
  get hasCloseDate(): boolean {
    return this.closeDate !== null
  }
  /** Whether `date` falls on the user's today. */
  isToday(date: FoundDate): boolean {
    const a = wallClock(date.at, this.ctx.timeZone)
    this.#today ??= wallClock(this.ctx.now, this.ctx.timeZone)
    const b = this.#today
    return a.year === b.year && a.month === b.month && a.day === b.day
  }
}

/** The follow-up is the first date still to come; past ones (`今天上午`) say when it happened. */
const firstFuture = (r: { dates: FoundDate[] }) => r.dates.find((d) => !d.past)

/** A date still to come that is not a deal's close (`月底能签` plans nothing of ours). */
function hasOwnFutureDate(r: Reading): boolean {
  if (!firstFuture(r)) return false
  const close = r.closeDate
  return !close || r.dates.some((d) => !d.past && (d.start >= close.end || close.start >= d.end))
}

/** The stage; close words with a date still to come (`预计Q1签约`) are a signing expected, not one won. */
function stageSaid(r: Reading): FoundStage | null {
  const stage = extractStage(r.text)
  const words = stage?.stage === 'won' ? r.closeDate?.words : undefined
  if (!words) return stage
  return extractStage(
    `${r.text.slice(0, words.start)}${' '.repeat(words.end - words.start)}${r.text.slice(words.end)}`,
  )
}

/**
 * With several dates, the one said with `remind me` is the reminder's: `Site visit is on 3 Dec, remind me
 * on 1 Dec to confirm`.
 */
function reminderDate(r: Reading): FoundDate | undefined {
  if (r.dates.length < 2) return undefined
  const at = r.reminderAt
  if (!at) return undefined
  return (
    r.dates.find((d) => d.end <= at.start && /^\s*$/.test(r.text.slice(d.end, at.start))) ??
    r.dates.find(
      (d) =>
        d.start >= at.end && /^[\s,，]*(?:on|at|in|by|for|于|在)?\s*$/i.test(r.text.slice(at.end, d.start)),
    )
  )
}

/** Words right after a date that make it our next step: `下周一再电话确认`, `Friday to follow up`. */
const OUR_STEP_AFTER =
  /^\s*(?:我|我们)?(?:再|要|去|会|还){0,3}(?:一趟|跑一趟|看看|见|聊|跟进|回访|联系|确认|催|拜访|电话|打电话|打给|约|发|寄|送|跟他|跟她|和他|和她|follow|f\/u|to (?:follow|call|check|send|email|ping|chase))/i

/** Right after a date, a verb in the past: the date is the event's (`下午去了`, `this morning met`). */
const DONE_AFTER =
  /^[^,，。;；.!?]{0,4}?(?:去了|见了|拜访了?|打了|开了|聊了|来了|到了|跑了|通了|吃了|约了|\b(?:visited|met|called|had|went|spoke|talked|emailed)\b)/i

/** `so I'll check in with her Dec 3`: our next step said before its date. */
const OUR_STEP_BEFORE =
  /(?:\bI['’]ll|\bI will|\bwe['’]ll|\bwe will|\bto)\s+(?:check in|follow up|call|ping|email|chase|circle back|touch base|send|reach out)\b[^.;!?]{0,25}$|(?:我|我们)(?:再|会|要)(?:跟进|联系|打电话|回访|确认|催)[^，。;；]{0,6}$/i

/**
 * A note's follow-up: the first date still to come, but a later day before one today, since a note's
 * `今天下午` mostly says when it happened (`今天下午去了电建…下周一之前把报价发过去`).
 */
function followUp(r: Reading): FoundDate | undefined {
  const future = r.dates.filter((d) => !d.past)
  if (future.length > 1) {
    // `他们说12月初开评审会,我跟他约了下周一再电话确认`: our own next step beats their date.
    const ours = future.find(
      (d) =>
        OUR_STEP_AFTER.test(r.text.slice(d.end, d.end + 10)) ||
        OUR_STEP_BEFORE.test(r.text.slice(Math.max(0, d.start - 40), d.start)),
    )
    if (ours) return ours
  }
  // `今儿下午去了趟正泰`: a date followed by what was done says when it happened.
  const ahead = future.filter((d) => !DONE_AFTER.test(r.text.slice(d.end, d.end + 8)))
  const first = ahead[0]
  if (!first || !r.isToday(first)) return first
  return ahead.find((d) => !r.isToday(d)) ?? first
}

function fillWho(out: ParsedMessage, r: Reading): void {
  out.customer = r.entities.customer
  out.contact = r.entities.contact
}

/** A deal's expected close; one before today is marked unsure, and the bot asks before setting it. */
function fillClose(out: ParsedMessage, r: Reading): void {
  const close = r.closeDate
  if (!close) return
  out.expected_close = close.date
  if (close.past) out.expected_close_unsure = true
}

function fillMoney(out: ParsedMessage, r: Reading): void {
  out.amount = r.amount?.amount ?? null
  out.currency = r.amount?.currency ?? null
}

/**
 * A reminder's time: never a guess. One read with a time-like piece left over, or in the past, is
 * unsure: no time is set and the likely readings are offered instead.
 */
function fillDue(out: ParsedMessage, due: FoundDate | undefined): void {
  if (due?.unsure || due?.beforeNow) {
    out.due_at = null
    out.due_unsure = true
    out.due_candidates = due.candidates ?? []
  } else out.due_at = due?.iso ?? null
  if (due?.recurrence) out.recurrence = due.recurrence
  if (due?.zone) out.due_zone = due.zone
}

/**
 * Which fields each intent reports; the rest stay null so downstream code never acts on noise.
 * They fill a result created with every field in one shape, which keeps the hot path monomorphic.
 */
const FILL: Record<Intent, (out: ParsedMessage, r: Reading) => void> = {
  log_interaction(out, r) {
    fillWho(out, r)
    fillMoney(out, r)
    const s = r.sentiment
    out.interaction_type = r.channel
    out.sentiment = s.sentiment
    out.sentiment_score = s.score
    out.due_at = followUp(r)?.iso ?? null
    fillClose(out, r)
  },
  lookup_customer: fillWho,
  set_reminder(out, r) {
    const own = reminderDate(r)
    const due = own ?? firstFuture(r) ?? r.dates[0]
    fillWho(out, r)
    fillDue(out, due)
    // `Site visit is on 3 Dec, remind me on 1 Dec to confirm`: the clause before is background.
    const at = own ? r.reminderAt : null
    const from = at && /[,，;；。.]\s*$/.test(r.text.slice(0, at.start)) ? at.start : 0
    out.task = extractTask(r.text.slice(from), due ? [{ start: due.start - from, end: due.end - from }] : [])
  },
  list_reminders(out, r) {
    out.period = r.period
  },
  update_deal(out, r) {
    fillWho(out, r)
    fillMoney(out, r)
    out.stage = r.stage?.stage ?? null
    fillClose(out, r)
  },
  pipeline_summary(out, r) {
    out.period = r.period
  },
  report(out, r) {
    out.period = r.period
    if (out.report?.metric === 'customer_history') out.customer = r.customer
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
  const clauses = readClauses(text)
  const act = readSpeechAct(text, clauses, addressedToColleague(raw, ctx))
  // Background clauses (a competitor's deal, the customer's own plans, a boss's wish) are blanked, so
  // the stage, amount, dates and names come from what this note reports.
  const r = new Reading(maskBackground(text, clauses), ctx, text)
  const detected = detectIntent(r, () => r.sentiment.hits)
  const writes = WRITES.has(detected.intent)
  const guarded =
    writes && (act !== 'statement' || isAllBackground(clauses)) ? readOnlyIntent(act, r) : detected
  // A question about the team (`张伟这周跟进了哪些客户`) is a report whatever the guard made of it.
  const { intent, confidence, report } = readReport(r, guarded)
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
    speech_act: act,
    report,
  }
  FILL[intent](out, r)
  if ((out.stage === 'won' || out.stage === 'lost') && !outcomeSaidOutright(clauses)) {
    // `和美的李总通了电话,可能要去深圳签约`: a hedged outcome is no stage change; the rest is a note.
    out.stage = null
    if (out.intent === 'update_deal' && out.amount === null) {
      out.intent = r.customer && (r.channel || r.contact) ? 'log_interaction' : 'unknown'
      out.confidence = out.intent === 'unknown' ? 0.4 : 0.6
      FILL[out.intent](out, r)
    }
  }
  return out
}

/** In a note of several clauses, a won/lost must come from a clause that says it without a hedge. */
function outcomeSaidOutright(clauses: readonly Clause[]): boolean {
  if (clauses.length < 2) return true
  return clauses.some((c) => {
    if (c.role === 'background' || isHedged(c.text)) return false
    const stage = extractStage(c.text)?.stage
    return stage === 'won' || stage === 'lost'
  })
}

const WRITES: ReadonlySet<Intent> = new Set(['log_interaction', 'update_deal', 'set_reminder'])

/**
 * What a message that must not write is read as: a question about a named customer is a look-up (it
 * answers, and writes nothing); anything else is `unknown`, which the chat answers by its speech act.
 */
function readOnlyIntent(act: string, r: Reading): { intent: Intent; confidence: number } {
  if (act === 'question' && r.customer && looksLikeOrganisation(r.customer, r.text))
    return { intent: 'lookup_customer', confidence: 0.6 }
  return { intent: 'unknown', confidence: 0.4 }
}

/** `@小李 明天把合同发给客户`: opens by mentioning someone; known only when the bot's own names are. */
function addressedToColleague(raw: string, ctx: ParseContext): boolean {
  if (!ctx.botNames?.length) return false
  let rest = raw.trimStart()
  for (let again = true; again; ) {
    again = false
    for (const name of ctx.botNames) {
      if (rest.startsWith(`@${name}`)) {
        rest = rest.slice(name.length + 1).trimStart()
        again = true
      }
    }
  }
  return /^(?:@\S|<@[A-Z0-9]+)/.test(rest)
}
