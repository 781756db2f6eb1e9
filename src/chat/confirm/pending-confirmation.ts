/**
 * Pending confirmations: a write the bot proposes and holds until the user it was meant for says yes.
 *
 * A proposal is the stored message plus, per option, the reading to act on (`ProposedWrite`): the parsed
 * message as it should be written (another due time, the won stage, a chosen customer). The bot asks one
 * question with 1–3 options (or a longer list for "which customer"); confirming option *i* re-runs the stored
 * message through its intent handler with option *i*'s reading and `confirmed: true`, so nothing asks again.
 *
 * Guarantees, all held by the `pending_confirmations` row (so they survive a restart):
 * - nothing is written before a confirmation; `不是` / `no` / the reject button writes nothing;
 * - only the user the question was for can answer (another user's press is refused politely);
 * - at most once: the answer claims the row with one conditional UPDATE … RETURNING;
 * - it expires: after `expiresAt` (default `CONFIRMATION_TTL_MS`, one hour) an answer is refused.
 *
 * To ask, an intent handler returns `askToConfirm(context, { question, options })` (ask-confirmation.ts).
 * For example, offering the likely due times of an unsure reminder as buttons:
 *
 *     return askToConfirm(context, {
 *       question: t(lang, '是哪个时间?', 'Which time did you mean?'),
 *       options: parsed.due_candidates.map((iso) => ({
 *         label: formatLocal(iso),
 *         write: { parsed: { ...parsed, due_at: iso, due_unsure: false } },
 *       })),
 *     })
 *
 * The handler then runs again with that option's `parsed` and `context.confirmed === true`.
 * Answers arrive as buttons (`confirm_write` / `reject_write` actions, rendered as Block Kit buttons on
 * Slack and a template card on WeCom) or typed where there are no buttons (`confirmation-answer.ts`).
 */
import { and, desc, eq, gt, isNull } from 'drizzle-orm'
import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { newId } from '../../db/database.ts'
import { pendingConfirmations } from '../../db/schema.ts'
import type { ParsedMessage } from '../../understand/parsed-message.ts'

/** How long a proposal waits for its answer unless the proposal says otherwise: one hour. */
export const CONFIRMATION_TTL_MS = 60 * 60 * 1000

/** What confirming one option writes: the stored message acted on with this reading instead of a new parse. */
export interface ProposedWrite {
  /** The reading to write, as the handler would have got it from the parser. */
  parsed: ParsedMessage
  /** Act on this existing customer (the user picked it). */
  customerId?: string
  /** Create this customer (the user said the new name is right). */
  createCustomerName?: string
}

/** One answer the user can give: a button label and what it writes. */
export interface ProposalOption {
  label: string
  write: ProposedWrite
}

/** A question the bot asks before writing: one option is yes/no, several are "which one". */
export interface Proposal {
  /** The question as shown, e.g. `把「三一重工」的商机标为输单?`. */
  question: string
  options: ProposalOption[]
  /** How long to wait for the answer; `CONFIRMATION_TTL_MS` when absent. */
  ttlMs?: number
  /** Reply intent (and data) the question is shown as: `confirm` unless the caller renders its own. */
  kind?: 'confirm' | 'choice'
}

export type ConfirmationRow = typeof pendingConfirmations.$inferSelect

/** Where a proposal was made: the user it is for, their chat and the stored message it reads. */
export interface ProposalOrigin {
  actor: Pick<Actor, 'userId' | 'workspaceId'>
  platform: string
  chatId: string
  inboundMessageId: string
}

/** Stores a proposal and returns its id, the `id` every answer to it carries. */
export async function storeProposal(crm: CrmContext, origin: ProposalOrigin, proposal: Proposal) {
  const id = newId()
  const now = crm.now()
  await crm.db.insert(pendingConfirmations).values({
    id,
    workspaceId: origin.actor.workspaceId,
    userId: origin.actor.userId,
    platform: origin.platform,
    chatId: origin.chatId,
    inboundMessageId: origin.inboundMessageId,
    question: proposal.question,
    options: proposal.options,
    createdAt: now,
    expiresAt: new Date(now.getTime() + (proposal.ttlMs ?? CONFIRMATION_TTL_MS)),
  })
  return id
}

/** The newest unanswered, unexpired proposal for this user in this chat: what a typed `是` answers. */
export async function openProposalFor(
  crm: CrmContext,
  actor: Pick<Actor, 'userId'>,
  chatId: string,
): Promise<ConfirmationRow | undefined> {
  const [row] = await crm.db
    .select()
    .from(pendingConfirmations)
    .where(
      and(
        eq(pendingConfirmations.userId, actor.userId),
        eq(pendingConfirmations.chatId, chatId),
        isNull(pendingConfirmations.resolvedAt),
        gt(pendingConfirmations.expiresAt, crm.now()),
      ),
    )
    .orderBy(desc(pendingConfirmations.createdAt))
    .limit(1)
  return row
}

export async function getProposal(crm: CrmContext, id: string): Promise<ConfirmationRow | undefined> {
  const [row] = await crm.db.select().from(pendingConfirmations).where(eq(pendingConfirmations.id, id))
  return row
}

/** Why an answer did not take: already answered, expired, someone else's, gone, or no such option. */
export type ClaimRefusal = 'answered' | 'expired' | 'not_yours' | 'missing' | 'no_option'

export type ClaimResult =
  | { kind: 'confirmed'; row: ConfirmationRow; write: ProposedWrite }
  | { kind: 'rejected'; row: ConfirmationRow }
  | { kind: 'refused'; reason: ClaimRefusal; row?: ConfirmationRow }

/**
 * Records the answer (`chosen` = an option's index, or null for "no") if the proposal is still open and
 * belongs to `actor`. The claim is one conditional UPDATE, so two presses at once write once.
 */
export async function claimProposal(
  crm: CrmContext,
  actor: Pick<Actor, 'userId'>,
  id: string,
  chosen: number | null,
): Promise<ClaimResult> {
  const row = await getProposal(crm, id)
  if (!row) return { kind: 'refused', reason: 'missing' }
  if (row.userId !== actor.userId) return { kind: 'refused', reason: 'not_yours', row }
  const options = row.options as ProposalOption[]
  const option = chosen === null ? null : options[chosen]
  if (chosen !== null && !option) return { kind: 'refused', reason: 'no_option', row }
  if (row.resolvedAt) return { kind: 'refused', reason: 'answered', row }
  const now = crm.now()
  if (row.expiresAt.getTime() <= now.getTime()) return { kind: 'refused', reason: 'expired', row }
  const claimed = await crm.db
    .update(pendingConfirmations)
    .set({ resolvedAt: now, outcome: option ? 'confirmed' : 'rejected', chosen })
    .where(
      and(
        eq(pendingConfirmations.id, id),
        isNull(pendingConfirmations.resolvedAt),
        gt(pendingConfirmations.expiresAt, now),
      ),
    )
    .returning({ id: pendingConfirmations.id })
  if (claimed.length === 0) return { kind: 'refused', reason: 'answered', row }
  return option ? { kind: 'confirmed', row, write: option.write } : { kind: 'rejected', row }
}
