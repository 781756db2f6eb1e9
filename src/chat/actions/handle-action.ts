import { eq } from 'drizzle-orm'
import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { CrmError } from '../../crm/crm-error.ts'
import { getInteraction } from '../../crm/interactions.ts'
import { instantFromZoned, zonedParts } from '../../crm/local-time.ts'
import { createReminder } from '../../crm/reminders.ts'
import { reminderSummary } from '../../crm/summaries.ts'
import { customers, pendingChoices } from '../../db/schema.ts'
import type { ActionName, ChatAction, Reply } from '../chat-message.ts'
import type { ChatPipelineDeps } from '../chat-pipeline.ts'
import { correctNote } from '../commands/correct-note.ts'
import { undoNote } from '../commands/undo-note.ts'
import type { InboundStore } from '../inbound-store.ts'
import { type Lang, languageOf, t } from '../intents/intent-context.ts'
import { type Reprocess, resolveChoice } from '../respond.ts'
import { type AskOwnerKind, askOwner } from './ask-owner.ts'
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
  async choose_customer({ crm, actor, action, reprocess }, lang) {
    const reply = await resolveChoice(
      crm,
      actor,
      str(action.value.choiceId, 'choiceId'),
      str(action.value.customerId, 'customerId'),
      reprocess,
    )
    return reply ?? done(t(lang, '这个问题已经回答过了。', 'That question was already answered.'))
  },
  async create_customer({ crm, actor, action, reprocess }, lang) {
    const choiceId = str(action.value.choiceId, 'choiceId')
    const [choice] = await crm.db.select().from(pendingChoices).where(eq(pendingChoices.id, choiceId))
    const offersNew = choice?.options.some((o) => o.id === 'new')
    const reply = offersNew ? await resolveChoice(crm, actor, choiceId, 'new', reprocess) : null
    return reply ?? done(t(lang, '这个问题已经回答过了。', 'That question was already answered.'))
  },
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

/** Runs a button press or modal submission as the user who made it. */
export function handleAction(input: ActionInput): Promise<Reply> {
  const lang = input.action.text
    ? languageOf(input.action.text)
    : input.actor.locale.startsWith('en')
      ? 'en'
      : 'zh'
  return HANDLERS[input.action.action](input, lang)
}
