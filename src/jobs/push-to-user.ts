import { and, desc, eq, like, or } from 'drizzle-orm'
import type { Log } from '../chat/chat-bot.ts'
import type { ChatSender, Reply } from '../chat/chat-message.ts'
import type { CrmContext } from '../crm/crm-context.ts'
import { inboundMessages, type users, type workspaces } from '../db/schema.ts'

/** Where the user last talked to the bot one to one, on any way into the workspace's platform. */
export async function lastDirectChatOf(
  crm: CrmContext,
  platform: string,
  workspaceId: string,
  platformUserId: string,
) {
  const [row] = await crm.db
    .select({
      platform: inboundMessages.platform,
      chatId: inboundMessages.chatId,
      text: inboundMessages.text,
    })
    .from(inboundMessages)
    .where(
      and(
        or(eq(inboundMessages.platform, platform), like(inboundMessages.platform, `${platform}-%`)),
        eq(inboundMessages.platformWorkspaceId, workspaceId),
        eq(inboundMessages.platformUserId, platformUserId),
        eq(inboundMessages.chatKind, 'direct'),
      ),
    )
    .orderBy(desc(inboundMessages.receivedAt), desc(inboundMessages.id))
    .limit(1)
  return row
}

/**
 * Pushes a reply to a user in the chat they last DMed the bot in; false when they never did or the platform
 * has no sender here. Pushes the bot starts itself (digests, nudges, 公海 notices) all leave this way.
 */
export async function pushToUser(
  crm: CrmContext,
  senders: Map<string, ChatSender>,
  log: Log,
  to: { user: typeof users.$inferSelect; workspace: typeof workspaces.$inferSelect },
  reply: (lastText: string) => Reply,
): Promise<boolean> {
  const { user, workspace } = to
  const chat = await lastDirectChatOf(crm, workspace.platform, workspace.externalId, user.platformUserId)
  const sender = chat && senders.get(chat.platform)
  if (!chat || !sender) return false
  try {
    await sender.send(
      {
        platform: chat.platform,
        workspaceId: workspace.externalId,
        chatId: chat.chatId,
        userPlatformId: user.platformUserId,
      },
      reply(chat.text),
    )
    return true
  } catch (error) {
    log('push.failed', { userId: user.id, intent: reply(chat.text).intent, error: String(error) })
    return false
  }
}
