/** Every chat platform the app knows. Adding one is a folder under bots/ and one line here. */
import type { ChatBotFactory } from '../src/chat/chat-bot.ts'
import { createSlackBot } from './slack/index.ts'
import { createWebBot } from './web/web-bot.ts'
import { createWechatyBot } from './wechaty/wechaty-bot.ts'
import { WECOM_BOTS } from './wecom/index.ts'

export const BOT_FACTORIES: ChatBotFactory[] = [createWebBot, createSlackBot, ...WECOM_BOTS, createWechatyBot]
