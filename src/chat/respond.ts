import { and, desc, eq, isNull } from 'drizzle-orm'
import type { Actor, CrmContext } from '../crm/crm-context.ts'
import { inboundMessages, pendingChoices } from '../db/schema.ts'
import { parseMessage } from '../understand/parse-message.ts'
import type { Intent } from '../understand/parsed-message.ts'
import type { Reply } from './chat-message.ts'
import type { ChatPipelineDeps } from './chat-pipeline.ts'
import { CORRECTION_COMMAND, correctNote, lastNoteInChat } from './commands/correct-note.ts'
import { answerReminder, readReminderAnswer } from './commands/reminder-reply.ts'
import { handleRoleCommand, ROLE_COMMAND } from './commands/role-command.ts'
import { UNDO_COMMAND, undoLastNote } from './commands/undo-note.ts'
import { handleWebSignIn, WEB_SIGN_IN_COMMAND } from './commands/web-sign-in.ts'
import type { InboundRow } from './inbound-store.ts'
import { handleHelp, handleUnknown, helpReply } from './intents/help.ts'
import type { IntentContext, IntentHandler, Lang } from './intents/intent-context.ts'
import { handleLogInteraction } from './intents/log-interaction.ts'
import { handleLookupCustomer } from './intents/lookup-customer.ts'
import { handlePipelineSummary } from './intents/pipeline-summary.ts'
import { handleListReminders, handleSetReminder } from './intents/reminders.ts'
import { handleReport } from './intents/report.ts'
import { handleUpdateDeal } from './intents/update-deal.ts'

const HANDLERS: Record<Intent, IntentHandler> = {
  log_interaction: handleLogInteraction,
  lookup_customer: handleLookupCustomer,
  set_reminder: handleSetReminder,
  list_reminders: handleListReminders,
  update_deal: handleUpdateDeal,
  pipeline_summary: handlePipelineSummary,
  report: handleReport,
  help: handleHelp,
  unknown: handleUnknown,
}

/** Re-runs a stored message once the user has answered the bot's question about which customer. */
export type Reprocess = (
  message: InboundRow,
  choice: { customerId?: string; createName?: string },
) => Promise<Reply>

export interface RespondInput {
  crm: CrmContext
  actor: Actor
  message: InboundRow
  lang: Lang
  deps: ChatPipelineDeps
  reprocess: Reprocess
  choice?: { customerId?: string; createName?: string }
}

const CHOICE_ANSWER = /^\s*([1-9])\s*$/
const CHOICE_TTL_MS = 60 * 60 * 1000
/** Below this offline confidence the LLM, when configured, gets a say in what the message means. */
const UNSURE = 0.6

/** Understands one stored message and acts on it: commands first, then an answer to a question, then intents. */
export async function respond(input: RespondInput): Promise<Reply> {
  const { crm, actor, message, lang, deps } = input
  const text = stripMentions(message.text, deps.botNames)
  if (!text) return helpReply(lang, lang === 'zh' ? '在的,有什么可以帮你?' : "Hi! Here's what I can do:")
  if (WEB_SIGN_IN_COMMAND.test(text)) return handleWebSignIn(crm, actor, message, lang, deps.signInBaseUrl)
  if (ROLE_COMMAND.test(text)) return handleRoleCommand(crm, actor, text, lang)
  if (UNDO_COMMAND.test(text)) return undoLastNote(crm, actor, message, lang)
  const reminderAnswer = readReminderAnswer(text)
  if (reminderAnswer) {
    const reply = await answerReminder(crm, actor, message, reminderAnswer, lang)
    if (reply) return reply
  }
  const correction = CORRECTION_COMMAND.exec(text)
  if (correction?.[1]) {
    const note = await lastNoteInChat(crm, actor, message.platform, message.chatId)
    if (note) return correctNote(crm, actor, { id: note.id, chatId: message.chatId }, correction[1], lang)
  }
  const answer = CHOICE_ANSWER.exec(text)
  if (answer && !input.choice) {
    const reply = await answerPendingChoice(input, Number(answer[1]))
    if (reply) return reply
  }
  const parseContext = { now: message.receivedAt, timeZone: actor.timeZone, botNames: deps.botNames }
  const offline = parseMessage(text, parseContext)
  // Only an unsure reading waits for the model; this runs after the platform was acknowledged.
  const parsed =
    offline.confidence < UNSURE && deps.llm ? await deps.llm.understand(text, parseContext, offline) : offline
  const context: IntentContext = {
    crm,
    actor,
    message,
    text,
    parsed,
    lang,
    chosenCustomerId: input.choice?.customerId,
    createCustomerName: input.choice?.createName,
    enqueueEnrichment: deps.llm
      ? (id) => deps.waitUntil(deps.llm?.enrichInteraction(id) ?? Promise.resolve())
      : undefined,
    waitUntil: deps.waitUntil,
    log: deps.log,
  }
  // A summary asked a particular way (`上季度赢单率多少`) carries its report, which answers it.
  return HANDLERS[parsed.report ? 'report' : parsed.intent](context)
}

async function answerPendingChoice(input: RespondInput, index: number): Promise<Reply | null> {
  const { crm, actor, message } = input
  const [choice] = await crm.db
    .select()
    .from(pendingChoices)
    .where(
      and(
        eq(pendingChoices.userId, actor.userId),
        eq(pendingChoices.chatId, message.chatId),
        isNull(pendingChoices.resolvedAt),
      ),
    )
    .orderBy(desc(pendingChoices.createdAt))
    .limit(1)
  if (!choice || crm.now().getTime() - choice.createdAt.getTime() > CHOICE_TTL_MS) return null
  const option = choice.options[index - 1]
  if (!option) return null
  return resolveChoice(input.crm, choice.id, option, input.reprocess)
}

/** Marks a question answered and re-runs the message it was about with the chosen (or a new) customer. */
export async function resolveChoice(
  crm: CrmContext,
  choiceId: string,
  option: { id: string; name: string },
  reprocess: Reprocess,
): Promise<Reply | null> {
  const [choice] = await crm.db.select().from(pendingChoices).where(eq(pendingChoices.id, choiceId))
  if (!choice || choice.resolvedAt) return null
  const original = await loadInbound(crm, choice.inboundMessageId)
  if (!original) return null
  await crm.db.update(pendingChoices).set({ resolvedAt: crm.now() }).where(eq(pendingChoices.id, choiceId))
  return reprocess(original, option.id === 'new' ? { createName: option.name } : { customerId: option.id })
}

async function loadInbound(crm: CrmContext, id: string): Promise<InboundRow | undefined> {
  const [row] = await crm.db.select().from(inboundMessages).where(eq(inboundMessages.id, id))
  return row
}

/**
 * Removes the bot's own mention (`@CRM助手`, or a leading Slack `<@U123>`) so the parser sees only what the user
 * said. Mentions later in the text stay: `role <@U456> manager` names its target that way.
 */
export function stripMentions(text: string, botNames: string[]): string {
  let out = text.replace(/^(\s*<@[A-Z0-9]+(\|[^>]*)?>)+/, ' ')
  for (const name of botNames) out = out.split(`@${name}`).join(' ')
  return out.replace(/\s+/g, ' ').trim()
}
