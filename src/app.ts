import { Hono } from 'hono'
import { bearerAuth } from 'hono/bearer-auth'
import { HTTPException } from 'hono/http-exception'
import { createApiRoutes } from './api/api-routes.ts'
import type { ChatBot, ChatBotFactory, ChatPipeline, Log, WaitUntil } from './chat/chat-bot.ts'
import type { ChatSender } from './chat/chat-message.ts'
import { type ChatPipelineDeps, createChatPipeline } from './chat/chat-pipeline.ts'
import type { AppConfig } from './config.ts'
import { CrmError, type CrmErrorCode } from './crm/crm-error.ts'
import type { CrmDb } from './db/database.ts'
import { createOutboxDispatcher, type OutboxDispatcher } from './outbox/outbox-dispatcher.ts'

export interface AppDeps {
  config: AppConfig
  db: CrmDb
  now?: () => Date
  waitUntil: WaitUntil
  log: Log
  bots: ChatBotFactory[]
  /** The LLM step; absent when none is configured. */
  llm?: ChatPipelineDeps['llm']
  /** Batch inbound messages across requests (default true; false on Workers, see `createInboundStore`). */
  batchInbound?: boolean
}

export interface CrmApp {
  app: Hono
  pipeline: ChatPipeline
  bots: ChatBot[]
  /** Send channels by platform; the outbox dispatcher is their one caller. */
  senders: Map<string, ChatSender>
  /** Sends the outbox; kicked after each reply is enqueued. The Node entry point also starts its poll. */
  outbox: OutboxDispatcher
}

const STATUS: Record<CrmErrorCode, 400 | 403 | 404 | 409> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
}
/** Bodies above this are refused before parsing; a chat message is far smaller. */
export const MAX_BODY_BYTES = 1024 * 1024

/** Builds the whole HTTP app from its dependencies; runtime-neutral (Node and Workers entry points call it). */
export function createApp(deps: AppDeps): CrmApp {
  const now = deps.now ?? (() => new Date())
  // Filled once the bots are built; the dispatcher reads it at send time.
  const senders = new Map<string, ChatSender>()
  const outbox = createOutboxDispatcher({
    db: deps.db,
    senders,
    log: deps.log,
    now,
    waitUntil: deps.waitUntil,
    leaseMs: deps.config.leaseMs,
  })
  const pipeline = createChatPipeline({
    outbox,
    db: deps.db,
    now,
    defaultTimeZone: deps.config.defaultTimeZone,
    botNames: deps.config.botNames,
    waitUntil: deps.waitUntil,
    log: deps.log,
    llm: deps.llm,
    batchInbound: deps.batchInbound,
  })
  const bots = deps.bots
    .map((factory) =>
      factory({ config: deps.config, db: deps.db, pipeline, waitUntil: deps.waitUntil, log: deps.log, now }),
    )
    .filter((bot): bot is ChatBot => bot !== null)

  const app = new Hono()
  app.onError((error, c) => {
    if (error instanceof CrmError)
      return c.json({ error: error.code, message: error.message }, STATUS[error.code])
    if (error instanceof HTTPException) {
      const status = error.status
      return c.json(
        { error: status === 401 ? 'unauthorized' : 'bad_request', message: error.message || 'bad request' },
        status,
      )
    }
    deps.log('http.error', { path: c.req.path, error: String(error), stack: (error as Error).stack })
    return c.json({ error: 'internal', message: 'internal error; the request was logged' }, 500)
  })
  app.notFound((c) => c.json({ error: 'not_found', message: `no route ${c.req.method} ${c.req.path}` }, 404))
  app.use('*', async (c, next) => {
    const length = Number(c.req.header('content-length') ?? 0)
    if (length > MAX_BODY_BYTES) {
      return c.json(
        { error: 'too_large', message: `body of ${length} bytes is over the ${MAX_BODY_BYTES} limit` },
        413,
      )
    }
    return next()
  })
  app.get('/health', (c) => c.json({ ok: true }))
  if (deps.config.apiToken) {
    const auth = bearerAuth({ token: deps.config.apiToken })
    app.use('/api/*', async (c, next) => (c.req.path === '/api/v1/openapi.json' ? next() : auth(c, next)))
  }
  app.route('/api/v1', createApiRoutes({ db: deps.db, now }, deps.config.defaultTimeZone))
  for (const bot of bots) if (bot.routes) app.route('/', bot.routes)

  for (const bot of bots) if (bot.sender) senders.set(bot.sender.platform, bot.sender)
  return { app, pipeline, bots, senders, outbox }
}
