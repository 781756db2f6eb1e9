import { recordConsent } from '../../crm/consents.ts'
import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { findContactsByHandle } from '../../crm/privacy/export-contact.ts'
import type { Reply } from '../chat-message.ts'
import { type Lang, t } from '../intents/intent-context.ts'

/** `记录同意 张伟 营销`, `撤回同意 张伟 电话`, `consent granted Jane email`, `consent withdrawn Jane`. */
export const CONSENT_COMMAND =
  /^(?:(记录同意|撤回同意)\s*(\S+?)(?:\s+(电话|短信|邮件|微信|营销))?|consent\s+(granted|withdrawn)\s+(.+?)(?:\s+(phone|sms|email|wechat|marketing))?)[。.!！]?$/i

const CHANNELS: Record<string, string> = {
  电话: 'phone',
  短信: 'sms',
  邮件: 'email',
  微信: 'wechat',
  营销: 'marketing',
}

/** Records a contact's consent (PIPL/GDPR) on a channel, `marketing` unless one is named. */
export async function handleConsentCommand(
  crm: CrmContext,
  actor: Actor,
  text: string,
  lang: Lang,
): Promise<Reply> {
  const m = CONSENT_COMMAND.exec(text)
  const granted = m?.[1] === '记录同意' || m?.[4]?.toLowerCase() === 'granted'
  const name = (m?.[2] ?? m?.[5] ?? '').trim()
  const said = m?.[3] ?? m?.[6]?.toLowerCase()
  const channel = said ? (CHANNELS[said] ?? said) : 'marketing'
  const found = await findContactsByHandle(crm, actor, name)
  const [contact] = found
  if (!contact || found.length > 1)
    return {
      text: t(
        lang,
        `⚠️ 「${name}」对应 ${found.length} 位联系人,请用手机号或邮箱。`,
        `⚠️ "${name}" fits ${found.length} contacts; use a phone or email.`,
      ),
      intent: 'error',
      data: null,
    }
  const row = await recordConsent(crm, actor, {
    contactId: contact.id,
    channel,
    status: granted ? 'granted' : 'withdrawn',
    basis: 'chat',
  })
  return {
    text: t(
      lang,
      `✅ 已记录:${contact.name} ${granted ? '同意' : '撤回同意'}(${channel})。`,
      `✅ Recorded: ${contact.name} ${granted ? 'granted' : 'withdrew'} consent (${channel}).`,
    ),
    intent: 'action',
    data: { consentId: row.id, contactId: contact.id, channel, status: row.status },
  }
}
