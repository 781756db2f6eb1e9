import type { ChatBotFactory } from '../../src/chat/chat-bot.ts'
import { createWecomAibot } from './aibot-bot.ts'
import { createWecomAppBot } from './app-bot.ts'
import { createWecomWebhookBot } from './webhook-bot.ts'

export { createWecomAibot, createWecomAibotFactory } from './aibot-bot.ts'
export { createWecomAppBot } from './app-bot.ts'
export { createWecomWebhookBot } from './webhook-bot.ts'

/**
 * WeCom's three ways in, each built only when its settings are present: the self-built app, the AI bot
 * (callback and/or long connection) and the group webhook robot (push only).
 */
export const WECOM_BOTS: ChatBotFactory[] = [createWecomAppBot, createWecomAibot, createWecomWebhookBot]
