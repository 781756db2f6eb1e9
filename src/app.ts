import { Scalar } from '@scalar/hono-api-reference'
import { Hono } from 'hono'
import { bearerAuth } from 'hono/bearer-auth'
import { HTTPException } from 'hono/http-exception'
import { createApiRoutes } from './api/api-routes.ts'
import { createAuthRoutes } from './auth/auth-routes.ts'
import { createSessionSecret } from './auth/session-secret.ts'
import { signInBaseUrl } from './auth/sign-in-tokens.ts'
import { resolveWebActor } from './auth/web-session.ts'
import type { ChartRenderer } from './charts/chart-renderer.ts'
import type { ChatBot, ChatBotFactory, ChatPipeline, Log, WaitUntil } from './chat/chat-bot.ts'
import type { ChatSender } from './chat/chat-message.ts'
import { type ChatPipelineDeps, createChatPipeline } from './chat/chat-pipeline.ts'
import type { AppConfig } from './config.ts'
import { CrmError, type CrmErrorCode } from './crm/crm-error.ts'
import { createDashboardRoutes } from './dashboard/dashboard-routes.tsx'
import type { CrmDb } from './db/database.ts'
import { cleanJsonBody } from './http/clean-json-body.ts'
import { checkHost, checkOrigin, limitBody } from './http/edge-guards.ts'
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
  /** Draws charts as PNG (Node only: src/node/resvg-chart-renderer.ts); without one, replies carry none. */
  charts?: ChartRenderer | undefined
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

export { MAX_BODY_BYTES } from './http/edge-guards.ts'

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
    quietHours: deps.config.quietHours,
    waitUntil: deps.waitUntil,
    log: deps.log,
    llm: deps.llm,
    signInBaseUrl: signInBaseUrl(deps.config),
    batchInbound: deps.batchInbound,
  })
  const bots = deps.bots
    .map((factory) =>
      factory({
        config: deps.config,
        db: deps.db,
        pipeline,
        waitUntil: deps.waitUntil,
        log: deps.log,
        now,
        charts: deps.charts,
      }),
    )
    .filter((bot): bot is ChatBot => bot !== null)

  const app = new Hono()
  app.onError((error, c) => {
    if (error instanceof CrmError)
      return c.json(
        { error: error.code, message: error.message, ...(error.field && { field: error.field }) },
        STATUS[error.code],
      )
    // A reference the store did not check first still answers as the client's mistake, not a fault.
    if (/FOREIGN KEY constraint failed/.test(String((error as Error).cause ?? error)))
      return c.json({ error: 'invalid', message: 'the body refers to a record that does not exist' }, 400)
    if (error instanceof HTTPException) {
      const status = error.status
      return c.json(
        {
          error: status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'bad_request',
          message: error.message || (status === 403 ? 'cross-origin write refused' : 'bad request'),
        },
        status,
      )
    }
    deps.log('http.error', { path: c.req.path, error: String(error), stack: (error as Error).stack })
    return c.json({ error: 'internal', message: 'internal error; the request was logged' }, 500)
  })
  app.notFound((c) => c.json({ error: 'not_found', message: `no route ${c.req.method} ${c.req.path}` }, 404))
  app.use('*', limitBody)
  if (!deps.config.apiToken) app.use('*', checkHost(deps.config))
  app.use('*', checkOrigin(deps.config))
  app.use('/api/*', cleanJsonBody)
  const crm = { db: deps.db, now }
  const sessionSecret = createSessionSecret(deps.db, deps.config.sessionSecret)
  app.use('*', resolveWebActor(crm, sessionSecret))
  app.get('/health', (c) => c.json({ ok: true }))
  app.route(
    '/',
    createAuthRoutes({
      crm,
      secret: sessionSecret,
      secureCookie: deps.config.publicUrl?.startsWith('https:') ?? false,
    }),
  )
  if (deps.config.apiToken) {
    // The web chat's own routes (/api/messages…) are guarded by the web session, not the API token.
    const auth = bearerAuth({ token: deps.config.apiToken })
    app.use('/api/v1/*', async (c, next) => (c.req.path === '/api/v1/openapi.json' ? next() : auth(c, next)))
  }
  app.get('/api/docs', Scalar({ url: '/api/v1/openapi.json', pageTitle: 'Chat CRM API' }))
  app.route(
    '/api/v1',
    createApiRoutes({ db: deps.db, now }, deps.config.defaultTimeZone, deps.config.quietHours),
  )
  app.route('/', createDashboardRoutes({ crm, charts: deps.charts }))
  for (const bot of bots) if (bot.routes) app.route('/', bot.routes)

  for (const bot of bots) if (bot.sender) senders.set(bot.sender.platform, bot.sender)
  return { app, pipeline, bots, senders, outbox }
}
