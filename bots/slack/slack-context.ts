import type { BotDeps } from '../../src/chat/chat-bot.ts'
import type { ResponseUrls } from './response-url.ts'
import type { SlackSender } from './slack-sender.ts'
import type { SlackWeb } from './slack-web.ts'
import type { UserDirectory } from './user-directory.ts'

/** What every Slack handler works with; built once per bot in index.ts. */
export interface SlackContext {
  deps: Pick<BotDeps, 'pipeline' | 'waitUntil' | 'log' | 'now'>
  web: SlackWeb
  sender: SlackSender
  users: UserDirectory
  responseUrls: ResponseUrls
}

/**
 * The acknowledgement a handler gives, the same over HTTP and Socket Mode: an HTTP status (Socket Mode acks
 * every 2xx) and an optional body (a challenge, or a slash command's immediate answer).
 */
export interface SlackAck {
  status: 200 | 400
  body?: Record<string, unknown>
}

export const OK: SlackAck = { status: 200 }
