import { maskContact, showsPersonalData } from '../../crm/privacy/mask.ts'
import { customerCard } from '../../crm/summaries.ts'
import { interactionLabel, moneyLabel, stageLabel } from '../labels.ts'
import type { CustomerCardData } from '../reply-data.ts'
import { type IntentHandler, type Lang, t } from './intent-context.ts'
import { resolveCustomer } from './resolve-customer.ts'

/** 查一下华为: the customer card. */
export const handleLookupCustomer: IntentHandler = async (context) => {
  const resolved = await resolveCustomer(context, { createIfMissing: false })
  if (resolved.kind === 'reply') return resolved.reply
  const full = await customerCard(context.crm, context.actor, resolved.customer)
  // In a group, only the customer's owner sees phones and emails in full.
  const card = showsPersonalData(context.message, context.actor.userId, resolved.customer)
    ? full
    : { ...full, contacts: full.contacts.map(maskContact) }
  return {
    text: customerCardText(card, context.lang),
    intent: 'lookup_customer',
    data: card as unknown as Record<string, unknown>,
  }
}

/** The card as plain text, for platforms and logs that show no rich layout. */
export function customerCardText(card: CustomerCardData, lang: Lang): string {
  const { customer } = card
  const lines = [`📇 ${customer.name}${customer.industry ? ` · ${customer.industry}` : ''}`]
  lines.push(`${t(lang, '负责人', 'Owner')}: ${customer.ownerName ?? t(lang, '公海', 'pool')}`)
  if (card.contacts.length) {
    lines.push(
      `${t(lang, '联系人', 'Contacts')}: ${card.contacts.map((c) => [c.name, c.title, c.phones[0]].filter(Boolean).join(' ')).join('; ')}`,
    )
  }
  for (const deal of card.deals) {
    lines.push(
      `💼 ${deal.title} · ${stageLabel(deal.stage, lang)} · ${moneyLabel(deal.amount, deal.currency, lang)}`,
    )
  }
  if (card.interactions.length) lines.push(t(lang, '最近跟进:', 'Recent activity:'))
  for (const i of card.interactions) {
    lines.push(`- ${i.occurredLocal} ${interactionLabel(i.type, lang)} ${i.summary.slice(0, 80)}`)
  }
  if (!card.interactions.length) lines.push(t(lang, '还没有跟进记录。', 'No activity yet.'))
  if (card.nextReminder) lines.push(`⏰ ${card.nextReminder.dueLocal} ${card.nextReminder.text}`)
  return lines.join('\n')
}
