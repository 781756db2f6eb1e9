import type { ChatBotFactory } from '../../src/chat/chat-bot.ts'
import { WECOM_WEBHOOK_PLATFORM, webhookSenderFor } from './webhook-sender.ts'

/**
 * The 消息推送 group robot, for teams that have only that: push only (reminders, digests, summaries) into the
 * chats listed in WECOM_WEBHOOK_KEYS. It never receives messages, so it has no routes.
 */
export const createWecomWebhookBot: ChatBotFactory = ({ config }) => {
  if (Object.keys(config.wecom.webhookKeys).length === 0) return null
  return { name: WECOM_WEBHOOK_PLATFORM, sender: webhookSenderFor(config.wecom) }
}
