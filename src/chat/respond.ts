import type { Actor, CrmContext } from '../crm/crm-context.ts'
import { parseMessage } from '../understand/parse-message.ts'
import type { ParsedMessage } from '../understand/parsed-message.ts'
import { isLongNote } from '../understand/read-clauses.ts'
import type { Reply } from './chat-message.ts'
import type { ChatPipelineDeps } from './chat-pipeline.ts'
import { AUDIT_TRAIL_COMMAND, handleAuditTrailCommand } from './commands/audit-trail-command.ts'
import { CANCEL_REMINDER_COMMAND, cancelReminderCommand } from './commands/cancel-reminder-command.ts'
import { CONSENT_COMMAND, handleConsentCommand } from './commands/consent-command.ts'
import {
  CORRECTION_COMMAND,
  CORRECTION_REMARK,
  correctNote,
  lastNoteInChat,
} from './commands/correct-note.ts'
import { DEDUP_COMMAND, handleDedupCommand } from './commands/dedup-command.ts'
import {
  handleMergeCommand,
  handleUndoMergeCommand,
  MERGE_COMMAND,
  UNDO_MERGE_COMMAND,
} from './commands/merge-command.ts'
import { handleMyList, MY_LIST_COMMAND } from './commands/my-lists.ts'
import {
  claimCommand,
  listPoolCommand,
  POOL_CLAIM_COMMAND,
  POOL_LIST_COMMAND,
  POOL_RULES_COMMAND,
  poolRulesCommand,
} from './commands/pool-commands.ts'
import { QUIET_HOURS_COMMAND, quietHoursCommand } from './commands/quiet-hours-command.ts'
import { answerReminder, readReminderAnswer } from './commands/reminder-reply.ts'
import { handleRoleCommand, ROLE_COMMAND } from './commands/role-command.ts'
import {
  handleCollaboratorCommand,
  handleSharingCommand,
  readCollaboratorCommand,
  SHARING_COMMAND,
} from './commands/sharing-commands.ts'
import { UNDO_COMMAND, undoLastNote } from './commands/undo-note.ts'
import { handleWebSignIn, WEB_SIGN_IN_COMMAND } from './commands/web-sign-in.ts'
import { answerTypedConfirmation } from './confirm/answer-confirmation.ts'
import { askAboutReading } from './confirm/confirm-reading.ts'
import { readConfirmationAnswer } from './confirm/confirmation-answer.ts'
import type { InboundRow } from './inbound-store.ts'
import { helpReply } from './intents/help.ts'
import type { IntentContext, Lang } from './intents/intent-context.ts'
import { handlerFor, WRITE_INTENTS } from './intents/route-reading.ts'

/**
 * What the user settled by answering the bot's question: the reading to act on (instead of parsing again),
 * the customer picked or to create, and that the write is confirmed (the handler asks nothing more).
 */
export interface SettledWrite {
  parsed?: ParsedMessage
  customerId?: string
  createCustomerName?: string
  confirmed?: boolean
}

/** Re-runs a stored message once the user has answered the bot's question about it. */
export type Reprocess = (message: InboundRow, settled: SettledWrite) => Promise<Reply>

export interface RespondInput {
  crm: CrmContext
  actor: Actor
  message: InboundRow
  lang: Lang
  deps: ChatPipelineDeps
  reprocess: Reprocess
  settled?: SettledWrite
}

/** Below this offline confidence the LLM, when configured, gets a say in what the message means. */
const UNSURE = 0.6
/** Below this confidence (after the LLM, if any) a write is confirmed with the user before it is made. */
export const CONFIRM_BELOW = 0.6

/** Understands one stored message and acts on it: commands first, then an answer to a question, then intents. */
export async function respond(input: RespondInput): Promise<Reply> {
  const { crm, actor, message, lang, deps } = input
  const text = stripMentions(message.text, deps.botNames)
  if (!text) return helpReply(lang, lang === 'zh' ? '在的,有什么可以帮你?' : "Hi! Here's what I can do:")
  if (WEB_SIGN_IN_COMMAND.test(text)) return handleWebSignIn(crm, actor, message, lang, deps.signInBaseUrl)
  if (ROLE_COMMAND.test(text)) return handleRoleCommand(crm, actor, text, lang)
  const rules = { quietHours: deps.quietHours ?? null }
  if (CANCEL_REMINDER_COMMAND.test(text)) return cancelReminderCommand(crm, actor, text, lang)
  if (POOL_LIST_COMMAND.test(text)) return listPoolCommand(crm, actor, lang)
  if (POOL_CLAIM_COMMAND.test(text)) return claimCommand(crm, actor, text, rules, lang)
  if (POOL_RULES_COMMAND.test(text)) return poolRulesCommand(crm, actor, text, rules, lang)
  if (QUIET_HOURS_COMMAND.test(text)) return quietHoursCommand(crm, actor, text, rules.quietHours, lang)
  if (MY_LIST_COMMAND.test(text)) return handleMyList(crm, actor, text, lang)
  if (SHARING_COMMAND.test(text)) return handleSharingCommand(crm, actor, text, lang)
  const collaborator = readCollaboratorCommand(text)
  if (collaborator) return handleCollaboratorCommand(crm, actor, collaborator, lang)
  if (UNDO_COMMAND.test(text)) return undoLastNote(crm, actor, message, lang)
  if (DEDUP_COMMAND.test(text)) return handleDedupCommand(crm, actor, lang)
  if (CONSENT_COMMAND.test(text)) return handleConsentCommand(crm, actor, text, lang)
  if (UNDO_MERGE_COMMAND.test(text)) return handleUndoMergeCommand(crm, actor, text, lang)
  if (MERGE_COMMAND.test(text)) return handleMergeCommand(crm, actor, text, lang)
  if (AUDIT_TRAIL_COMMAND.test(text)) {
    const reply = await handleAuditTrailCommand(crm, actor, text, lang)
    if (reply) return reply
  }
  const confirmation = input.settled ? null : readConfirmationAnswer(text)
  if (confirmation) {
    const reply = await answerTypedConfirmation(
      { crm, actor, lang, reprocess: input.reprocess },
      message.chatId,
      confirmation,
    )
    if (reply) return reply
  }
  const reminderAnswer = readReminderAnswer(text)
  if (reminderAnswer) {
    const reply = await answerReminder(crm, actor, message, reminderAnswer, lang)
    if (reply) return reply
  }
  const correction = CORRECTION_COMMAND.exec(text) ?? CORRECTION_REMARK.exec(text)
  if (correction?.[1]) {
    const note = await lastNoteInChat(crm, actor, message.platform, message.chatId)
    if (note) return correctNote(crm, actor, { id: note.id, chatId: message.chatId }, correction[1], lang)
  }
  const parsed = input.settled?.parsed ?? (await readMessage(text, message, actor, deps))
  const context: IntentContext = {
    crm,
    actor,
    message,
    text,
    parsed,
    lang,
    chosenCustomerId: input.settled?.customerId,
    createCustomerName: input.settled?.createCustomerName,
    confirmed: input.settled?.confirmed ?? false,
    enqueueEnrichment: deps.llm
      ? (id) => deps.waitUntil(deps.llm?.enrichInteraction(id) ?? Promise.resolve())
      : undefined,
    waitUntil: deps.waitUntil,
    log: deps.log,
  }
  // An unsure reading that would write is shown back to the user first; confirming writes it as read.
  if (!context.confirmed && WRITE_INTENTS.has(parsed.intent) && parsed.confidence < CONFIRM_BELOW) {
    return askAboutReading(context)
  }
  return handlerFor(parsed)(context)
}

/**
 * The offline reading, or with an LLM configured the model's whole reading of a long note or of one the
 * offline parser is unsure of (checked, with the offline reading as the fallback).
 */
async function readMessage(
  text: string,
  message: InboundRow,
  actor: Actor,
  deps: ChatPipelineDeps,
): Promise<ParsedMessage> {
  const parseContext = {
    now: message.receivedAt,
    timeZone: actor.timeZone,
    locale: actor.locale,
    botNames: deps.botNames,
  }
  const offline = parseMessage(text, parseContext)
  // Only these wait for the model; this runs after the platform was acknowledged.
  const ask = deps.llm && (offline.confidence < UNSURE || isLongNote(text))
  return ask && deps.llm ? deps.llm.understand(text, parseContext, offline) : offline
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
