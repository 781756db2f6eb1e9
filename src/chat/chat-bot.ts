import type { Hono } from 'hono'
import type { AppConfig } from '../config.ts'
import type { CrmDb } from '../db/database.ts'
import type { ChatAction, ChatMessage, ChatSender, Reply } from './chat-message.ts'
import type { DealSummary, ReminderSummary } from './reply-data.ts'

export type AcceptResult =
  | { status: 'accepted'; inboxId: string }
  /** The platform redelivered a message already stored: acknowledge it and do nothing else. */
  | { status: 'duplicate' }

/** The one path every platform's messages take: store raw → understand → act → reply. */
export interface ChatPipeline {
  /** Durably stores the raw message; resolves once it is committed. Safe to call before acknowledging. */
  accept(message: ChatMessage): Promise<AcceptResult>
  /** Understands and acts on an accepted message. `null` when the bot should stay silent (a group chat
   * message that does not mention it). Never throws for bad input: that becomes an error reply. With
   * `deliver`, the reply is also put in the outbox (in the same batch that marks the message processed)
   * and sent into the message's chat from there. */
  process(inboxId: string, hints?: UserHints, options?: ProcessOptions): Promise<Reply | null>
  /** `accept` then `process`; `null` for a duplicate. */
  handle(message: ChatMessage): Promise<Reply | null>
  /** A button press or modal submission. */
  act(action: ChatAction): Promise<Reply>
  /** The user's open reminders and deals (Slack's App Home, a WeCom menu). */
  homeView(platform: string, workspaceId: string, platformUserId: string): Promise<HomeViewData>
}

export interface ProcessOptions {
  /** Send the reply through the outbox into the message's chat, under `threadId` when given. */
  deliver?: { threadId?: string | undefined }
}

/** What a platform learnt about the user after acknowledging (Slack's `users.info`), applied on processing. */
export interface UserHints {
  userName?: string
  timeZone?: string
  locale?: string
}

export interface HomeViewData {
  userName: string
  reminders: ReminderSummary[]
  deals: DealSummary[]
}

/** Runs work after the platform has been answered: Workers' `ctx.waitUntil`, or a tracked promise on Node. */
export type WaitUntil = (work: Promise<unknown>) => void

export type Log = (event: string, fields?: Record<string, unknown>) => void

/** What the app hands every bot factory. */
export interface BotDeps {
  config: AppConfig
  db: CrmDb
  pipeline: ChatPipeline
  waitUntil: WaitUntil
  log: Log
  now: () => Date
}

/** A chat platform plugged into the app. */
export interface ChatBot {
  name: string
  /** Routes mounted at the root of the app (e.g. `/slack/events`). */
  routes?: Hono
  /** How the scheduler pushes reminders and digests into this platform's chats. */
  sender?: ChatSender
  /** Long connections (Slack Socket Mode, WeCom AI bot, Wechaty); started by the Node entry point. */
  start?(): Promise<void>
  stop?(): Promise<void>
}

/** Builds a bot from the app's deps, or returns null when its platform is not configured. */
export type ChatBotFactory = (deps: BotDeps) => ChatBot | null
