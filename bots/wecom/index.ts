import type { ChatBotFactory } from '../../src/chat/chat-bot.ts'
import { type AibotBotOptions, createWecomAibotFactory as createAibotFactory } from './aibot-bot.ts'
import { createWecomAppBot } from './app-bot.ts'
import { createWecomWebhookBot } from './webhook-bot.ts'

export { createWecomAppBot } from './app-bot.ts'
export { createWecomWebhookBot } from './webhook-bot.ts'

/** The AI bot for the Node server: callback mode and, with WECOM_AIBOT_ID/SECRET, the long connection. */
export function createWecomAibotFactory(options: AibotBotOptions = {}): ChatBotFactory {
  return createAibotFactory({ loadLongConnection: () => import('./aibot-long-connection.ts'), ...options })
}

/** The AI bot as registered in `bots/index.ts`. */
export const createWecomAibot: ChatBotFactory = createWecomAibotFactory()

/**
 * WeCom's three ways in, each built only when its settings are present: the self-built app, the AI bot
 * (callback and/or long connection) and the group webhook robot (push only).
 */
export const WECOM_BOTS: ChatBotFactory[] = [createWecomAppBot, createWecomAibot, createWecomWebhookBot]
