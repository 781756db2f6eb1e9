import { logInteraction } from '../../crm/interactions.ts'
import type { Reply } from '../chat-message.ts'
import { type IntentContext, t } from './intent-context.ts'
import type { ForeignCustomer } from './resolve-customer.ts'

/**
 * A note about a colleague's customer in a `private` workspace: the note is kept (append-only, under its
 * author), and the writer is offered to tell the owner or to ask to become a 协作人. Nothing about the
 * customer beyond its name and owner is shown.
 */
export async function logForeignNote(context: IntentContext, foreign: ForeignCustomer): Promise<Reply> {
  const { crm, actor, parsed, message, lang } = context
  const { customer, ownerName } = foreign
  const { interaction } = await logInteraction(
    crm,
    actor,
    {
      customerId: customer.id,
      type: parsed.interaction_type ?? 'note',
      rawText: context.text,
      sentiment: parsed.sentiment ?? 'neutral',
      sentimentScore: parsed.sentiment_score,
      extracted: { offline: parsed, foreign: true },
      occurredAt: message.receivedAt,
      sourcePlatform: message.platform,
      sourceMessageId: message.platformMessageId,
    },
    { appendOnly: true },
  )
  const value = { id: interaction.id, customerId: customer.id }
  return {
    text: t(
      lang,
      `已记录到「${customer.name}」(负责人 ${ownerName})。你还不是协作人,看不到它的其他资料:要通知 ${ownerName},还是申请协作?`,
      `Logged on ${customer.name} (owned by ${ownerName}). You are not a collaborator, so the rest stays hidden: tell ${ownerName}, or ask for access?`,
    ),
    intent: 'log_interaction',
    data: { foreign: true, interactionId: interaction.id, customer: customer.name, owner: ownerName },
    actions: [
      {
        action: 'ask_owner',
        label: t(lang, `通知 ${ownerName}`, `Tell ${ownerName}`),
        value: { ...value, kind: 'notify' },
      },
      {
        action: 'ask_owner',
        label: t(lang, '申请协作', 'Ask for access'),
        value: { ...value, kind: 'access' },
        style: 'primary',
      },
    ],
  }
}
