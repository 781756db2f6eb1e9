import { addCollaborator } from '../../crm/collaborators.ts'
import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { matchCustomer } from '../../crm/customers.ts'
import { setSharingMode } from '../../crm/sharing.ts'
import { findUserByHandle } from '../../crm/users.ts'
import type { Reply } from '../chat-message.ts'
import { type Lang, t } from '../intents/intent-context.ts'

/** `把李娜加为华为的协作人`, `add 李娜 as collaborator on Huawei` (not `share X with Y`: notes say that). */
const COLLABORATOR_COMMANDS = [
  { re: /^把\s*@?(.+?)\s*(?:加为|设为|添加为)\s*(.+?)\s*的协作人\s*[。.!!]?$/, user: 1, customer: 2 },
  { re: /^add\s+@?(.+?)\s+as\s+(?:a\s+)?collaborator\s+(?:on|to|for)\s+(.+?)\s*\.?$/i, user: 1, customer: 2 },
] as const

/** `共享模式 团队` / `共享模式 私有`, `sharing team` / `sharing private`. */
export const SHARING_COMMAND = /^(?:\/?crm\s+)?(?:共享模式|sharing(?:\s+mode)?)\s*[::]?\s*(\S+)\s*$/i
const MODE_WORDS: Record<string, string> = { 团队: 'team', 私有: 'private', 个人: 'private' }

/** The (user, customer) a collaborator command names, or null when the text is not one. */
export function readCollaboratorCommand(text: string): { user: string; customer: string } | null {
  for (const { re, user, customer } of COLLABORATOR_COMMANDS) {
    const m = re.exec(text.trim())
    if (m?.[user] && m[customer]) return { user: m[user], customer: m[customer] }
  }
  return null
}

/** Shares a customer with a colleague from the chat; the core decides whether the asker may. */
export async function handleCollaboratorCommand(
  crm: CrmContext,
  actor: Actor,
  command: { user: string; customer: string },
  lang: Lang,
): Promise<Reply> {
  const user = await findUserByHandle(crm, actor.workspaceId, command.user)
  if (!user)
    return error(
      t(
        lang,
        `找不到用户「${command.user}」(对方需要先和我说过话)。`,
        `No user "${command.user}" (they need to have talked to me first).`,
      ),
    )
  const match = await matchCustomer(crm, actor, command.customer)
  if (match.kind !== 'found')
    return error(
      t(
        lang,
        `找不到你能共享的客户「${command.customer}」。`,
        `No customer "${command.customer}" that you can share.`,
      ),
    )
  const { added } = await addCollaborator(crm, actor, match.customer.id, user)
  const name = match.customer.name
  return {
    text: added
      ? t(
          lang,
          `✅ ${user.displayName} 现在是「${name}」的协作人。`,
          `✅ ${user.displayName} now collaborates on ${name}.`,
        )
      : t(lang, `${user.displayName} 已经可以查看「${name}」。`, `${user.displayName} already has ${name}.`),
    intent: 'action',
    data: { customerId: match.customer.id, userId: user.id, added },
  }
}

/** Switches the workspace between `team` and `private` sharing; admins only. */
export async function handleSharingCommand(
  crm: CrmContext,
  actor: Actor,
  text: string,
  lang: Lang,
): Promise<Reply> {
  const word = SHARING_COMMAND.exec(text)?.[1] ?? ''
  const mode = await setSharingMode(crm, actor, actor.workspaceId, MODE_WORDS[word] ?? word.toLowerCase())
  return {
    text:
      mode === 'team'
        ? t(
            lang,
            '✅ 共享模式:团队(所有人可查看和记录所有客户)。',
            '✅ Sharing: team (everyone reads and writes every customer).',
          )
        : t(
            lang,
            '✅ 共享模式:私有(只看自己的、团队的和共享给你的客户)。',
            '✅ Sharing: private (own, team and shared customers only).',
          ),
    intent: 'action',
    data: { sharingMode: mode },
  }
}

function error(text: string): Reply {
  return { text: `⚠️ ${text}`, intent: 'error', data: null }
}
