import { and, asc, eq, lte } from 'drizzle-orm'
import type { AppConfig } from '../config.ts'
import { auditInsert } from '../crm/audit.ts'
import type { CrmDb } from '../db/database.ts'
import { interactions, users } from '../db/schema.ts'
import { checkReading } from '../enrich/check-reading.ts'
import { createLlmClient } from '../enrich/create-llm-client.ts'
import type { NoteEnrichment } from '../enrich/enrichment-schema.ts'
import type { NoteEnricher } from '../enrich/note-enricher.ts'
import { nextEnrichAttemptAt } from '../enrich/retry-backoff.ts'
import type { ParseContext, ParsedMessage } from '../understand/parsed-message.ts'
import type { Log } from './chat-bot.ts'

export interface NoteEnrichmentDeps {
  db: CrmDb
  now: () => Date
  enricher: NoteEnricher
  log: Log
}

/**
 * The LLM step around the chat pipeline. A logged note is enriched after the reply; a failed call keeps
 * the offline reading and is retried with backoff by `retryDue` on the scheduler's ticks. The model's answer
 * only ever updates that one note's own row: nothing it says can touch another record.
 */
export function createNoteEnrichment(deps: NoteEnrichmentDeps) {
  async function enrichInteraction(id: string): Promise<void> {
    const [row] = await deps.db
      .select({ note: interactions, timeZone: users.timeZone })
      .from(interactions)
      .leftJoin(users, eq(users.id, interactions.authorUserId))
      .where(eq(interactions.id, id))
    if (row?.note.enrichmentStatus !== 'pending') return
    const { note } = row
    const offline = note.extracted.offline as ParsedMessage | undefined
    const result = await deps.enricher.enrich({
      text: note.rawText,
      now: note.occurredAt,
      timeZone: row.timeZone ?? 'Asia/Shanghai',
      ...(offline && { offline }),
    })
    const now = deps.now()
    if (result.ok) {
      const e = result.enrichment
      const patch = {
        summary: e.summary,
        sentiment: e.sentiment ?? note.sentiment,
        sentimentScore: e.sentiment_score ?? note.sentimentScore,
        type: note.type === 'note' && e.interaction_type ? e.interaction_type : note.type,
        extracted: { ...note.extracted, llm: e, promptVersion: result.promptVersion, usage: result.usage },
        enrichmentStatus: 'done' as const,
        enrichmentAttempts: note.enrichmentAttempts + 1,
        enrichmentNextAt: null,
      }
      await deps.db.batch([
        deps.db.update(interactions).set(patch).where(eq(interactions.id, id)),
        auditInsert(
          deps.db,
          null,
          note.workspaceId,
          {
            action: 'update',
            entityType: 'interaction',
            entityId: id,
            before: note,
            after: { ...note, ...patch },
          },
          now,
        ),
      ])
      return
    }
    const attempts = note.enrichmentAttempts + 1
    const next = result.retryable ? nextEnrichAttemptAt(attempts, now) : null
    deps.log('enrich.failed', {
      interactionId: id,
      reason: result.reason,
      attempts,
      retryAt: next?.toISOString() ?? null,
    })
    await deps.db
      .update(interactions)
      .set({
        enrichmentAttempts: attempts,
        enrichmentNextAt: next,
        enrichmentStatus: next ? 'pending' : 'failed',
      })
      .where(eq(interactions.id, id))
  }

  /**
   * Leaves a pending note for the next `retryDue` instead of calling the model now: on Workers the call
   * then runs from the cron tick, with its own CPU and wall-time budget, not inside a webhook's waitUntil.
   */
  async function deferToTick(id: string): Promise<void> {
    await deps.db
      .update(interactions)
      .set({ enrichmentNextAt: deps.now() })
      .where(and(eq(interactions.id, id), eq(interactions.enrichmentStatus, 'pending')))
  }

  /** Enriches notes whose retry time has come; returns how many were tried. */
  async function retryDue(limit = 20): Promise<number> {
    const due = await deps.db
      .select({ id: interactions.id })
      .from(interactions)
      .where(
        and(eq(interactions.enrichmentStatus, 'pending'), lte(interactions.enrichmentNextAt, deps.now())),
      )
      .orderBy(asc(interactions.enrichmentNextAt))
      .limit(limit)
    for (const { id } of due) await enrichInteraction(id)
    return due.length
  }

  /**
   * The model's whole reading of a long note or of a message the offline parser is unsure of. Keeps the
   * offline result when the model fails, does not know either, or gives a reading that fails
   * `checkReading` (won and lost at once, a customer the text never names).
   */
  async function understand(
    text: string,
    context: ParseContext,
    offline: ParsedMessage,
  ): Promise<ParsedMessage> {
    const result = await deps.enricher.enrich({ text, now: context.now, timeZone: context.timeZone, offline })
    if (!result.ok || result.enrichment.intent === 'unknown') return offline
    const rejected = checkReading(result.enrichment, text)
    if (rejected) {
      deps.log('llm.reading_rejected', { reason: rejected })
      return offline
    }
    return mergeReadings(offline, result.enrichment)
  }

  return { enrichInteraction, deferToTick, retryDue, understand }
}

export type NoteEnrichmentService = ReturnType<typeof createNoteEnrichment>

/** The LLM step for the configured endpoint, or undefined when none is configured (offline only). */
export function noteEnrichmentFromConfig(
  llm: AppConfig['llm'],
  deps: Omit<NoteEnrichmentDeps, 'enricher'>,
): NoteEnrichmentService | undefined {
  if (!llm) return undefined
  return createNoteEnrichment({ ...deps, enricher: createLlmClient({ ...llm, log: deps.log }) })
}

/**
 * The model's checked reading, field by field, with the offline one filling what the model leaves out. The
 * stage is the model's alone: a won or lost read offline from a long note is the mistake it is asked to
 * catch. A message the parser heard as not a statement (a question, congratulations…) never becomes a write.
 */
export function mergeReadings(offline: ParsedMessage, llm: NoteEnrichment): ParsedMessage {
  const act = offline.speech_act ?? 'statement'
  const intent = act !== 'statement' && WRITES.has(llm.intent) ? offline.intent : llm.intent
  return {
    ...offline,
    intent,
    customer: llm.customer ?? offline.customer,
    contact: llm.contact ?? offline.contact,
    interaction_type: llm.interaction_type ?? offline.interaction_type,
    sentiment: llm.sentiment ?? offline.sentiment,
    sentiment_score: llm.sentiment_score ?? offline.sentiment_score,
    // A time the reader was unsure of is asked about, never filled in by the model's guess.
    due_at: offline.due_unsure ? null : (llm.next_step_at ?? offline.due_at),
    amount: llm.amount ?? offline.amount,
    currency: llm.currency ?? offline.currency,
    stage: llm.stage ?? llm.deal_outcome ?? null,
    // Two readers agreeing is surer than either; disagreeing stays at the bar, never below it.
    confidence: intent === offline.intent ? Math.max(offline.confidence, 0.8) : 0.6,
  }
}

const WRITES: ReadonlySet<string> = new Set(['log_interaction', 'update_deal', 'set_reminder'])
