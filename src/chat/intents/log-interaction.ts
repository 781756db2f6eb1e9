import { type ContactRow, findContact, upsertContact } from '../../crm/contacts.ts'
import { logInteraction, updateInteraction } from '../../crm/interactions.ts'
import { emailInText, phonesInText } from '../../crm/normalize.ts'
import { maskContact, showsPersonalData } from '../../crm/privacy/mask.ts'
import { createReminder } from '../../crm/reminders.ts'
import {
  contactSummary,
  customerSummary,
  dealSummary,
  interactionSummary,
  reminderSummary,
  userNames,
} from '../../crm/summaries.ts'
import type { ReplyAction } from '../chat-message.ts'
import { interactionLabel, sentimentLabel } from '../labels.ts'
import type { ContactSummary, NoteLoggedData } from '../reply-data.ts'
import { closeDateFromNote, closeDateLabel } from './deal-close-date.ts'
import { type IntentContext, type IntentHandler, t } from './intent-context.ts'
import { logForeignNote } from './log-foreign-note.ts'
import { resolveCustomer } from './resolve-customer.ts'

/**
 * The person a note is about: named (`张总`, merged with 张炜 / the same phone), or, with no name, known
 * by a phone number written in the note. Phones and an email in the note are kept on the contact.
 */
async function noteContact(context: IntentContext, customerId: string): Promise<ContactRow | null> {
  const { crm, actor, parsed, text } = context
  const phones = phonesInText(text)
  if (parsed.contact) {
    const email = emailInText(text)
    const input = { customerId, name: parsed.contact, phones, ...(email && { email }) }
    return (await upsertContact(crm, actor, input)).contact
  }
  return phones.length ? ((await findContact(crm, customerId, { phones })) ?? null) : null
}

/** 跟进记录: logs the note against the customer (created if new), the contact, and the follow-up. */
export const handleLogInteraction: IntentHandler = async (context) => {
  const { crm, actor, parsed, message, lang } = context
  const resolved = await resolveCustomer(context, { createIfMissing: true, allowForeign: true })
  if (resolved.kind === 'reply') return resolved.reply
  if (resolved.kind === 'foreign') return logForeignNote(context, resolved)
  const { customer, created } = resolved
  const contact = await noteContact(context, customer.id)
  const { interaction, duplicate } = await logInteraction(crm, actor, {
    customerId: customer.id,
    contactId: contact?.id,
    type: parsed.interaction_type ?? 'note',
    rawText: context.text,
    sentiment: parsed.sentiment ?? 'neutral',
    sentimentScore: parsed.sentiment_score,
    // Typed Undo (no buttons on some platforms) needs to know the note brought its customer in.
    extracted: { offline: parsed, ...(created && { createdCustomer: true }) },
    occurredAt: message.receivedAt,
    sourcePlatform: message.platform,
    sourceMessageId: message.platformMessageId,
    enrichmentStatus: context.enqueueEnrichment ? 'pending' : 'none',
  })
  let followUp = null
  if (parsed.due_at && !duplicate) {
    const what = [customer.name, contact?.name].filter(Boolean).join(' / ')
    const reminder = await createReminder(crm, actor, {
      text: t(lang, `跟进 ${what}`, `Follow up with ${what}`),
      dueAt: new Date(parsed.due_at),
      platform: message.platform,
      chatId: message.chatId,
      customerId: customer.id,
    })
    await updateInteraction(crm, actor, interaction.id, {
      extracted: { ...interaction.extracted, followUpReminderId: reminder.id },
    })
    followUp = reminderSummary(reminder, actor, customer.name)
  }
  if (!duplicate) context.enqueueEnrichment?.(interaction.id)
  const deal = duplicate ? null : await closeDateFromNote(context, customer.id)
  const names = await userNames(crm, [customer.ownerUserId, actor.userId, deal?.ownerUserId ?? null])
  const readerView = showsPersonalData(message, actor.userId, customer)
    ? (c: ContactSummary) => c
    : maskContact
  const data: NoteLoggedData = {
    interaction: interactionSummary(interaction, actor, names),
    customer: customerSummary(customer, names),
    customerCreated: created,
    contact: contact ? readerView(contactSummary(contact)) : null,
    followUp,
    deal: deal ? dealSummary(deal, customer.name, names) : null,
  }
  const parts = [
    t(lang, '已记录', 'Logged'),
    [customer.name, contact?.name].filter(Boolean).join(' / '),
    interactionLabel(interaction.type, lang),
    interaction.sentiment ? sentimentLabel(interaction.sentiment, lang) : null,
    followUp ? t(lang, `跟进 ${followUp.dueLocal}`, `follow up ${followUp.dueLocal}`) : null,
    deal?.expectedClose ? closeDateLabel(deal.expectedClose, lang) : null,
  ].filter(Boolean)
  const createdLine = created
    ? `\n${t(lang, `新客户「${customer.name}」已创建。`, `New customer "${customer.name}" created.`)}`
    : ''
  const actions: ReplyAction[] = [
    created
      ? {
          action: 'undo_customer',
          label: t(lang, '撤销', 'Undo'),
          value: { id: interaction.id, customerId: customer.id },
          style: 'danger',
        }
      : {
          action: 'undo_interaction',
          label: t(lang, '撤销', 'Undo'),
          value: { id: interaction.id },
          style: 'danger',
        },
    { action: 'edit_interaction', label: t(lang, '修改', 'Edit'), value: { id: interaction.id } },
  ]
  if (!followUp) {
    actions.push({
      action: 'set_follow_up',
      label: t(lang, '3天后跟进', 'Follow up in 3 days'),
      value: { id: interaction.id, days: 3 },
    })
  }
  return {
    text: `${parts.join(' · ')}${createdLine}`,
    intent: 'log_interaction',
    data: data as unknown as Record<string, unknown>,
    actions,
  }
}
