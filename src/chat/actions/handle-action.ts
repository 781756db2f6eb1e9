import { eq } from 'drizzle-orm'
import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { CrmError } from '../../crm/crm-error.ts'
import { getInteraction } from '../../crm/interactions.ts'
import { instantFromZoned, zonedParts } from '../../crm/local-time.ts'
import { createReminder } from '../../crm/reminders.ts'
import { reminderSummary } from '../../crm/summaries.ts'
import { customers } from '../../db/schema.ts'
import type { ActionName, ChatAction, Reply } from '../chat-message.ts'
import type { ChatPipelineDeps } from '../chat-pipeline.ts'
import { correctNote } from '../commands/correct-note.ts'
import { undoNote } from '../commands/undo-note.ts'
import { answerConfirmation } from '../confirm/answer-confirmation.ts'
import { getProposal, type ProposalOption, type ProposedWrite } from '../confirm/pending-confirmation.ts'
import type { InboundStore } from '../inbound-store.ts'
import { type Lang, languageOf, t } from '../intents/intent-context.ts'
import type { Reprocess } from '../respond.ts'
import { type AskOwnerKind, askOwner } from './ask-owner.ts'
import { markNudgedDealLost, promptNudgeNote, snoozeNudgeNow } from './nudge-actions.ts'
import { cancelReminderNow, markReminderDone, snoozeReminderFor } from './reminder-actions.ts'

export interface ActionInput {
  crm: CrmContext
  actor: Actor
  action: ChatAction
  deps: ChatPipelineDeps
  reprocess: Reprocess
  inbound: InboundStore
}

type ActionHandler = (input: ActionInput, lang: Lang) => Promise<Reply>

const str = (value: string | number | undefined, name: string): string => {
  if (value === undefined || value === '') throw new CrmError('invalid', `action is missing "${name}"`)
  return String(value)
}
const done = (text: string, data: Record<string, unknown> | null = null): Reply => ({
  text,
  intent: 'action',
  data,
})

const HANDLERS: Record<ActionName, ActionHandler> = {
  undo_interaction: ({ crm, actor, action }, lang) =>
    undoNote(crm, actor, { noteId: str(action.value.id, 'id') }, lang),
  undo_customer: ({ crm, actor, action }, lang) =>
    undoNote(
      crm,
      actor,
      { noteId: str(action.value.id, 'id'), createdCustomerId: str(action.value.customerId, 'customerId') },
      lang,
    ),
  async edit_interaction({ crm, actor, action }, lang) {
    const id = str(action.value.id, 'id')
    if (action.text) return correctNote(crm, actor, { id, chatId: action.chatId }, action.text, lang)
    const note = await getInteraction(crm, actor, id)
    return done(
      t(
        lang,
        `请回复一行修改,例如「修改: 是拜访不是电话」「修改: 下周五跟进」。原文:\n${note.rawText}`,
        `Reply with one line, e.g. "edit: it was a meeting" or "edit: follow up next Friday". It was:\n${note.rawText}`,
      ),
      { id },
    )
  },
  async set_follow_up({ crm, actor, action }, lang) {
    const note = await getInteraction(crm, actor, str(action.value.id, 'id'))
    const days = Number(action.value.days ?? 3)
    const local = zonedParts(new Date(crm.now().getTime() + days * 86_400_000), actor.timeZone)
    const dueAt = instantFromZoned(
      { year: local.year, month: local.month, day: local.day, hour: 9 },
      actor.timeZone,
    )
    const [customer] = await crm.db
      .select({ name: customers.name })
      .from(customers)
      .where(eq(customers.id, note.customerId))
    const reminder = await createReminder(crm, actor, {
      text: t(lang, `跟进 ${customer?.name ?? ''}`, `Follow up with ${customer?.name ?? ''}`),
      dueAt,
      platform: action.platform,
      chatId: action.chatId,
      customerId: note.customerId,
    })
    const summary = reminderSummary(
      reminder,
      { timeZone: actor.timeZone, locale: lang === 'zh' ? 'zh-CN' : 'en-US' },
      customer?.name ?? null,
    )
    return done(t(lang, `⏰ 已设跟进提醒 ${summary.dueLocal}`, `⏰ Follow-up set for ${summary.dueLocal}`), {
      reminder: summary,
    })
  },
  choose_customer: async (input, lang) => {
    const id = str(input.action.value.choiceId, 'choiceId')
    const customerId = str(input.action.value.customerId, 'customerId')
    return answerOption(input, lang, id, (write) => write.customerId === customerId)
  },
  create_customer: (input, lang) =>
    answerOption(input, lang, str(input.action.value.choiceId, 'choiceId'), (w) => !!w.createCustomerName),
  confirm_write: ({ crm, actor, reprocess, action }, lang) =>
    answerConfirmation(
      { crm, actor, lang, reprocess },
      str(action.value.id, 'id'),
      Number(action.value.option ?? 0),
    ),
  reject_write: ({ crm, actor, reprocess, action }, lang) =>
    answerConfirmation({ crm, actor, lang, reprocess }, str(action.value.id, 'id'), null),
  ask_owner: ({ crm, actor, action }, lang) =>
    askOwner(
      crm,
      actor,
      {
        customerId: str(action.value.customerId, 'customerId'),
        interactionId: str(action.value.id, 'id'),
        kind: (action.value.kind === 'access' ? 'access' : 'notify') as AskOwnerKind,
      },
      lang,
    ),
  reminder_done: ({ crm, actor, action }, lang) =>
    markReminderDone(crm, actor, str(action.value.id, 'id'), lang),
  reminder_cancel: ({ crm, actor, action }, lang) =>
    cancelReminderNow(crm, actor, str(action.value.id, 'id'), lang),
  nudge_log_note: ({ crm, actor, action }, lang) =>
    promptNudgeNote(crm, actor, str(action.value.customerId, 'customerId'), lang),
  nudge_snooze: ({ crm, actor, action }, lang) =>
    snoozeNudgeNow(crm, actor, str(action.value.key, 'key'), lang),
  nudge_mark_lost: ({ crm, actor, action }, lang) =>
    markNudgedDealLost(crm, actor, str(action.value.id, 'id'), lang),
  reminder_snooze: ({ crm, actor, action }, lang) =>
    snoozeReminderFor(
      crm,
      actor,
      str(action.value.id, 'id'),
      action.value.until === 'tomorrow'
        ? { until: 'tomorrow' }
        : { minutes: Number(action.value.minutes ?? 60) },
      lang,
    ),
}

/** Answers a proposal with the option whose write `matches` (a customer button carries the customer, not an index). */
async function answerOption(
  { crm, actor, reprocess }: ActionInput,
  lang: Lang,
  id: string,
  matches: (write: ProposedWrite) => boolean,
): Promise<Reply> {
  const proposal = await getProposal(crm, id)
  const options = (proposal?.options ?? []) as ProposalOption[]
  const index = options.findIndex((option) => matches(option.write))
  return answerConfirmation({ crm, actor, lang, reprocess }, id, index < 0 ? options.length : index)
}

/** Runs a button press or modal submission as the user who made it. */
export function handleAction(input: ActionInput): Promise<Reply> {
  const lang = input.action.text
    ? languageOf(input.action.text)
    : input.actor.locale.startsWith('en')
      ? 'en'
      : 'zh'
  return HANDLERS[input.action.action](input, lang)
}
