/**
 * The platforms the Workers entry serves: every webhook-driven one. Slack's Socket Mode, WeCom's AI bot long
 * connection and Wechaty hold sockets open and load Node-only SDKs, so they run on the Node server only
 * (`bots/index.ts`); their modules are not imported from here, so wrangler never bundles them.
 */
import type { ChatBotFactory } from '../src/chat/chat-bot.ts'
import { buildSlackBot } from './slack/slack-bot.ts'
import { createWebBot } from './web/web-bot.ts'
import { createWecomAibotFactory } from './wecom/aibot-bot.ts'
import { createWecomAppBot } from './wecom/app-bot.ts'
import { createWecomWebhookBot } from './wecom/webhook-bot.ts'

export const WORKER_BOT_FACTORIES: ChatBotFactory[] = [
  createWebBot,
  buildSlackBot(),
  createWecomAppBot,
  createWecomAibotFactory(),
  createWecomWebhookBot,
]
