import type { Reply, ReplyAction } from '../chat-message.ts'
import { type IntentContext, t } from '../intents/intent-context.ts'
import type { ConfirmationData } from '../reply-data.ts'
import { type Proposal, storeProposal } from './pending-confirmation.ts'

/**
 * Stores `proposal` for the user who sent the message and returns the question as a reply: buttons for
 * platforms that have them (one option: 确认 / 不是; several: one button each plus 都不是), and a last line
 * saying what to type for those that do not (web chat, Wechaty, WeCom app text).
 */
export async function askToConfirm(context: IntentContext, proposal: Proposal): Promise<Reply> {
  const { crm, actor, message, lang } = context
  const id = await storeProposal(
    crm,
    { actor, platform: message.platform, chatId: message.chatId, inboundMessageId: message.id },
    proposal,
  )
  const kind = proposal.kind ?? 'confirm'
  const single = proposal.options.length === 1
  const actions: ReplyAction[] = single
    ? [
        {
          action: 'confirm_write',
          label: t(lang, '确认', 'Confirm'),
          value: { id, option: 0 },
          style: 'primary',
        },
        { action: 'reject_write', label: t(lang, '不是', 'No'), value: { id } },
      ]
    : [
        ...proposal.options.map((option, index) => ({
          action: 'confirm_write' as const,
          label: option.label,
          value: { id, option: index },
        })),
        { action: 'reject_write', label: t(lang, '都不是', 'None'), value: { id } },
      ]
  const list = single ? '' : `\n${proposal.options.map((o, i) => `${i + 1}. ${o.label}`).join('\n')}`
  const hint = single
    ? t(lang, '回复「确认」或「不是」。', 'Reply "yes" or "no".')
    : t(lang, '回复序号选择,或「不是」。', 'Reply with a number, or "no".')
  const data: ConfirmationData = {
    id,
    question: proposal.question,
    options: proposal.options.map((o) => ({ label: o.label })),
  }
  return {
    text: `${proposal.question}${list}\n${hint}`,
    intent: kind,
    data: data as unknown as Record<string, unknown>,
    actions,
  }
}
