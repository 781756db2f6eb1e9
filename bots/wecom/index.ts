/** WeCom's three ways in: the AI bot, the self-built app, and the group webhook robot (push only). */
export { createWecomAibot, createWecomAibotFactory } from './aibot-bot.ts'
export { createWecomAppBot } from './app-bot.ts'
export { createWecomWebhookBot } from './webhook-bot.ts'
