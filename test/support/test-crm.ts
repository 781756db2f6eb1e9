import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BOT_FACTORIES } from '../../bots/index.ts'
import { createApp } from '../../src/app.ts'
import { createBackgroundWork } from '../../src/background-work.ts'
import type { ChartRenderer } from '../../src/charts/chart-renderer.ts'
import type { ChatBotFactory } from '../../src/chat/chat-bot.ts'
import type { ChatAction, ChatMessage, Reply, ReplyAction } from '../../src/chat/chat-message.ts'
import { noteEnrichmentFromConfig } from '../../src/chat/note-enrichment.ts'
import { type AppConfig, parseConfig } from '../../src/config.ts'
import { openDatabase } from '../../src/node/open-database.ts'

export interface TestCrmOptions {
  /** Environment variables, as the server would read them. */
  env?: Record<string, string>
  /** The clock; defaults to 2026-11-18T10:00:00+08:00 (a Wednesday), the eval corpus' `now`. */
  now?: () => Date
  bots?: ChatBotFactory[]
  /** A chart renderer for replies and pages (the Node one, or none as on Workers). */
  charts?: ChartRenderer
  /** The store: a libSQL file (default) or a local D1 database, as a Worker would use. */
  store?: 'libsql' | 'd1'
}

export const TEST_NOW = new Date('2026-11-18T02:00:00.000Z')

/**
 * A whole CRM on a real libSQL file in a fresh temp folder (or a local D1 database with `store: 'd1'`),
 * migrations applied, with every registered bot.
 * `settle()` waits for the work that runs after responses; `close()` removes the folder.
 */
export async function createTestCrm(options: TestCrmOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'crm-test-'))
  const config: AppConfig = parseConfig({ DATABASE_URL: `file:${join(dir, 'crm.db')}`, ...options.env })
  // Loaded only when asked for: wrangler is a heavy import that every other test file can skip.
  const { db, close } =
    options.store === 'd1'
      ? await (await import('./test-d1.ts')).openTestD1()
      : await openDatabase(config.database)
  const events: { event: string; fields: Record<string, unknown> }[] = []
  const log = (event: string, fields: Record<string, unknown> = {}) => void events.push({ event, fields })
  const background = createBackgroundWork(log)
  const now = options.now ?? (() => TEST_NOW)
  const llm = noteEnrichmentFromConfig(config.llm, { db, now, log })
  const crmApp = createApp({
    config,
    db,
    now,
    waitUntil: background.waitUntil,
    log,
    bots: options.bots ?? BOT_FACTORIES,
    llm,
    charts: options.charts,
  })
  return {
    ...crmApp,
    llm,
    config,
    db,
    dir,
    events,
    now,
    crm: { db, now },
    settle: background.settle,
    async close() {
      await background.settle()
      await close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export type TestCrm = Awaited<ReturnType<typeof createTestCrm>>

let sequence = 0

/** A web-chat-like message; override any field. */
export function createChatMessage(overrides: Partial<ChatMessage> = {}): ChatMessage {
  sequence++
  return {
    platform: 'web',
    workspaceId: 'local',
    chatId: 'dm:alice',
    chatKind: 'direct',
    userId: 'alice',
    userName: 'alice',
    text: '帮助',
    mentionsBot: true,
    platformMessageId: `msg-${sequence}-${Date.now()}`,
    receivedAt: TEST_NOW,
    ...overrides,
  }
}

/** Says `text` in the default web chat (alice, `dm:alice`) and returns the bot's reply. */
export async function say(t: TestCrm, text: string, overrides: Partial<ChatMessage> = {}): Promise<Reply> {
  return (await t.pipeline.handle(createChatMessage({ text, ...overrides }))) as Reply
}

/** Presses one of a reply's buttons as the default web chat user, as the web page posts it. */
export function pressButton(t: TestCrm, button: ReplyAction, overrides: Partial<ChatAction> = {}) {
  return t.pipeline.act({
    platform: 'web',
    workspaceId: 'local',
    chatId: 'dm:alice',
    userId: 'alice',
    action: button.action,
    value: button.value,
    receivedAt: TEST_NOW,
    ...overrides,
  })
}
