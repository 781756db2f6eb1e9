import { eq } from 'drizzle-orm'
import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { inboundMessages, users } from '../../db/schema.ts'
import type { Reply } from '../chat-message.ts'
import { type Lang, t } from '../intents/intent-context.ts'
import type { Reprocess } from '../respond.ts'
import type { ConfirmationAnswer } from './confirmation-answer.ts'
import {
  type ClaimRefusal,
  claimProposal,
  openProposalFor,
  type ProposalOption,
} from './pending-confirmation.ts'

export interface AnswerInput {
  crm: CrmContext
  actor: Actor
  lang: Lang
  reprocess: Reprocess
}

const said = (text: string): Reply => ({ text, intent: 'action', data: null })

/**
 * Applies an answer to proposal `id`: option `chosen` is written by re-running the stored message with that
 * option's reading; `null` (不是 / no) writes nothing. A refused answer says why, politely, and writes nothing.
 */
export async function answerConfirmation(
  input: AnswerInput,
  id: string,
  chosen: number | null,
): Promise<Reply> {
  const { crm, actor, lang } = input
  const claim = await claimProposal(crm, actor, id, chosen)
  if (claim.kind === 'rejected') return said(t(lang, '好的,这条没有记录。', 'OK, nothing was saved.'))
  if (claim.kind === 'refused') return said(await refusalText(crm, claim.reason, claim.row?.userId, lang))
  const [original] = await crm.db
    .select()
    .from(inboundMessages)
    .where(eq(inboundMessages.id, claim.row.inboundMessageId))
  if (!original) return said(await refusalText(crm, 'missing', undefined, lang))
  return input.reprocess(original, { ...claim.write, confirmed: true })
}

/**
 * A typed `是` / `不是` / `2` answers this user's newest open question in this chat; null when there is none
 * (the text is then read as a message of its own). `是` to a question with several options asks for a number.
 */
export async function answerTypedConfirmation(
  input: AnswerInput,
  chatId: string,
  answer: ConfirmationAnswer,
): Promise<Reply | null> {
  const open = await openProposalFor(input.crm, input.actor, chatId)
  if (!open) return null
  const count = (open.options as ProposalOption[]).length
  if (answer.kind === 'no') return answerConfirmation(input, open.id, null)
  if (answer.kind === 'yes' && count > 1) {
    return said(t(input.lang, `请回复序号 1–${count},或「不是」。`, `Please reply with 1–${count}, or "no".`))
  }
  const index = answer.kind === 'pick' ? answer.index : 0
  if (index >= count) return null
  return answerConfirmation(input, open.id, index)
}

async function refusalText(
  crm: CrmContext,
  reason: ClaimRefusal,
  ownerId: string | undefined,
  lang: Lang,
): Promise<string> {
  switch (reason) {
    case 'answered':
      return t(lang, '这个问题已经回答过了。', 'That question was already answered.')
    case 'expired':
      return t(
        lang,
        '这个确认已过期,没有记录。需要的话请再发一次。',
        'That question expired; nothing was saved. Please send it again.',
      )
    case 'not_yours': {
      const [owner] = ownerId
        ? await crm.db.select({ name: users.displayName }).from(users).where(eq(users.id, ownerId))
        : []
      const who = owner?.name ?? t(lang, '发消息的同事', 'the colleague who sent it')
      return t(
        lang,
        `这个确认是问 ${who} 的,只有 ${who} 本人可以确认,谢谢。`,
        `This question is for ${who}; only they can answer it. Thanks!`,
      )
    }
    case 'no_option':
      return t(lang, '没有这个选项。', 'There is no such option.')
    case 'missing':
      return t(lang, '找不到这个问题了,没有记录。', 'That question is gone; nothing was saved.')
  }
}
