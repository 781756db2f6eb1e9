import type { ChartRenderer } from '../../src/charts/chart-renderer.ts'
import { summaryCharts } from '../../src/charts/summary-charts.ts'
import type { ChatSender, ChatTarget, Reply } from '../../src/chat/chat-message.ts'
import { WECOM_APP_PLATFORM } from './app-callback.ts'
import { renderMarkdown } from './render-markdown.ts'
import { renderButtonCard } from './render-template-card.ts'
import type { WecomApiClient } from './wecom-api-client.ts'
import { truncateBytes, type WecomMessageBody } from './wecom-message.ts'

/** App chats (groups the app created with appchat/create) are addressed as `appchat:<chatid>`. */
export const APPCHAT_PREFIX = 'appchat:'
/** message/send and appchat/send refuse markdown over 2048 bytes. */
const APP_MARKDOWN_BYTES = 2048

/** The messages one reply becomes: markdown, then a button card when the reply has buttons. */
export function appMessagesFor(reply: Reply, withCard: boolean): WecomMessageBody[] {
  const messages: WecomMessageBody[] = [
    { msgtype: 'markdown', markdown: { content: truncateBytes(renderMarkdown(reply), APP_MARKDOWN_BYTES) } },
  ]
  const card = withCard ? renderButtonCard(reply) : null
  if (card) messages.push({ msgtype: 'template_card', template_card: card })
  return messages
}

/**
 * Sends replies and pushes as the self-built app: `message/send` to a user, `appchat/send` to an app chat
 * (which takes no template cards, so buttons are left out there).
 */
export function createAppSender(
  api: WecomApiClient,
  charts?: ChartRenderer,
): ChatSender & {
  deliver(chatId: string, reply: Reply): Promise<void>
} {
  async function deliver(chatId: string, reply: Reply) {
    const appChat = chatId.startsWith(APPCHAT_PREFIX) ? chatId.slice(APPCHAT_PREFIX.length) : null
    const send = (message: WecomMessageBody) =>
      appChat ? api.sendToAppChat(appChat, message) : api.sendToUser(chatId, message)
    for (const message of appMessagesFor(reply, !appChat)) await send(message)
    // A summary's charts follow it as image messages: uploaded as media first, then sent by media_id.
    for (const image of await summaryCharts(reply, charts))
      await send({ msgtype: 'image', image: { media_id: await api.uploadImage(image.filename, image.png) } })
  }
  return {
    platform: WECOM_APP_PLATFORM,
    deliver,
    send: (target: ChatTarget, reply: Reply) => deliver(target.chatId, reply),
  }
}
