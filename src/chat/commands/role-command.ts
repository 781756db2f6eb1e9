import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { findUserByHandle, setUserRole } from '../../crm/users.ts'
import { ROLES, type Role } from '../../db/schema.ts'
import type { Reply } from '../chat-message.ts'
import { type Lang, t } from '../intents/intent-context.ts'

/** `role @user manager`, `crm role <@U123|li> rep`, `/crm role 李四 admin`. */
export const ROLE_COMMAND = /^(?:\/?crm\s+)?role\s+(.+?)\s+(rep|manager|admin)\s*$/i

/** Changes a user's role from the chat; the core decides whether the asker may. */
export async function handleRoleCommand(
  crm: CrmContext,
  actor: Actor,
  text: string,
  lang: Lang,
): Promise<Reply> {
  const match = ROLE_COMMAND.exec(text)
  const handle = match?.[1] ?? ''
  const role = (match?.[2] ?? '').toLowerCase() as Role
  if (!ROLES.includes(role))
    return { text: `⚠️ role must be one of ${ROLES.join(', ')}`, intent: 'error', data: null }
  // Slack writes a mention as <@U123|name>; WeCom and the web chat as @name.
  const id = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(handle)?.[1] ?? handle.replace(/^@/, '')
  const target = await findUserByHandle(crm, actor.workspaceId, id)
  if (!target) {
    return {
      text: t(
        lang,
        `⚠️ 找不到用户「${id}」(对方需要先和我说过话)。`,
        `⚠️ No user "${id}" (they need to have talked to me first).`,
      ),
      intent: 'error',
      data: null,
    }
  }
  const updated = await setUserRole(crm, actor, target, role)
  return {
    text: t(lang, `✅ ${updated.displayName} 现在是 ${role}。`, `✅ ${updated.displayName} is now ${role}.`),
    intent: 'action',
    data: { userId: updated.id, role },
  }
}
