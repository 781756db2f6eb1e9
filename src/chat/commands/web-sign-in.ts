import { createSignInToken, signInUrl } from '../../auth/sign-in-tokens.ts'
import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import type { Reply } from '../chat-message.ts'
import type { InboundRow } from '../inbound-store.ts'
import { type Lang, t } from '../intents/intent-context.ts'

/** `网页版`, `登录网页`, `web`, `/crm web`: asks for a one-time link into the web pages. */
export const WEB_SIGN_IN_COMMAND = /^\s*(?:网页版|登录网页|网页登录|(?:\/?crm\s+)?web)\s*[。.!!]?\s*$/i

/**
 * Answers with a one-time sign-in link (15 minutes, single use) for the asker, only in a direct message: in a
 * group anyone reading along could open it first.
 */
export async function handleWebSignIn(
  crm: CrmContext,
  actor: Actor,
  message: Pick<InboundRow, 'chatKind'>,
  lang: Lang,
  baseUrl: string | undefined,
): Promise<Reply> {
  if (message.chatKind !== 'direct')
    return {
      text: t(
        lang,
        '🔒 登录链接只在私聊里发,请私聊我「网页版」。',
        '🔒 I send sign-in links only in a direct message; DM me "web".',
      ),
      intent: 'help',
      data: null,
    }
  if (!baseUrl)
    return {
      text: t(
        lang,
        '⚠️ 服务器没有设置 PUBLIC_URL,无法生成网页链接。',
        '⚠️ PUBLIC_URL is not set, so I cannot make a web link.',
      ),
      intent: 'error',
      data: null,
    }
  const url = signInUrl(
    baseUrl,
    await createSignInToken(crm, { id: actor.userId, workspaceId: actor.workspaceId }),
  )
  return {
    text: t(
      lang,
      `🔑 网页版登录链接(15 分钟内有效,只能用一次,请勿转发):\n${url}`,
      `🔑 Your web sign-in link (works once, for 15 minutes; do not forward it):\n${url}`,
    ),
    intent: 'help',
    data: { signInUrl: url },
  }
}
