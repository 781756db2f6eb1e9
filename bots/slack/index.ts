import type { ChatBotFactory } from '../../src/chat/chat-bot.ts'
import { buildSlackBot as buildSlackHttpBot, type SlackBotOptions } from './slack-bot.ts'
import { createSocketMode } from './socket-mode.ts'

export type { SlackBotOptions } from './slack-bot.ts'

/** The Slack bot for the Node server: HTTP routes plus Socket Mode when `SLACK_APP_TOKEN` is set. */
export function buildSlackBot(options: SlackBotOptions = {}): ChatBotFactory {
  return buildSlackHttpBot({ socketMode: createSocketMode, ...options })
}

/** The registered factory: `bots/index.ts` lists it in `BOT_FACTORIES`. */
export const createSlackBot: ChatBotFactory = buildSlackBot()
