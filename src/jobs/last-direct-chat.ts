import { and, desc, eq, like, or } from 'drizzle-orm'
import type { CrmContext } from '../crm/crm-context.ts'
import { inboundMessages } from '../db/schema.ts'

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
