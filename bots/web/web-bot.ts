import { type Context, Hono, type Next } from 'hono'
import { z } from 'zod'
import type { WebSession } from '../../src/auth/web-session.ts'
import { requireWebActor } from '../../src/auth/web-session.ts'
import { summaryCharts } from '../../src/charts/summary-charts.ts'
import type { ChatBotFactory } from '../../src/chat/chat-bot.ts'
import { chatHistory } from '../../src/chat/chat-history.ts'
import { ACTION_NAMES, type ChatSender } from '../../src/chat/chat-message.ts'
import { newId } from '../../src/db/database.ts'
import { takeMessages } from '../../src/outbox/outbox-store.ts'
import { CHAT_PAGE_HTML } from './chat-page.ts'

/** Most pushes one poll takes; more wait for the next. */
const PUSHES_PER_POLL = 100

/**
 * Pushes for the web chat (due reminders, digests, replies to resumed messages) wait in the outbox until
 * the page polls `/api/outbox`: nobody may have the page open when they are due, and a restart must not
 * lose them.
 */
const WEB_SENDER: ChatSender = {
  platform: 'web',
  pulled: true,
  send() {
    throw new Error('web pushes are taken by the page from the outbox, never sent')
  },
}

/** The web chat's one workspace: everyone who opens the page on this server. */
export const WEB_WORKSPACE_ID = 'local'

const MessageBody = z.object({
  /** The typed name, in local mode only; a signed-in session decides who the user is. */
  user: z.string().trim().min(1, 'user: pick a user name').max(80).optional(),
  text: z.string().max(200_000, 'text: longer than 200,000 characters'),
  chat: z.string().trim().min(1).max(120).optional(),
  /** The client's id for this message, so a resent request is not logged twice. */
  id: z.string().max(120).optional(),
})

const HistoryQuery = z.object({
  /** The typed name, in local mode only; a signed-in session decides whose history it is. */
  user: z.string().trim().min(1, 'pick a user name').max(80).optional(),
  chat: z.string().trim().min(1).max(120).optional(),
  before: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
})

const ActionBody = z.object({
  user: z.string().trim().min(1).max(80).optional(),
  chat: z.string().trim().min(1).max(120).optional(),
  action: z.enum(ACTION_NAMES),
  value: z.record(z.string(), z.union([z.string(), z.number()])),
  text: z.string().max(20_000).optional(),
})

async function readJson<T>(
  request: Request,
  schema: z.ZodType<T>,
): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  let raw: unknown
  try {
    raw = await request.json()
  } catch {
    return { ok: false, message: 'body is not valid JSON; expected {"user","text","chat"?}' }
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join('; ') }
  return { ok: true, value: parsed.data }
}

/** Base64 with web-standard APIs only (the web bot runs on Workers too). */
function base64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * The built-in web chat: a page at `/`, `POST /api/messages`, button presses at `POST /api/actions`, and the
 * chat's stored history at `GET /api/history?before=&limit=` so a reload keeps the conversation.
 * The user is whoever signed in (`c.get('webSession')`); with no API token set, a typed name stands in for
 * someone who has not signed in, since the server then answers only on this machine.
 */
export const createWebBot: ChatBotFactory = ({ pipeline, now, config, db, charts }) => {
  const routes = new Hono()
  routes.get('/', (c) => c.html(CHAT_PAGE_HTML))
  routes.use('/api/messages', requireUserInTokenMode)
  routes.use('/api/actions', requireUserInTokenMode)
  routes.use('/api/outbox', requireUserInTokenMode)
  routes.use('/api/history', requireUserInTokenMode)

  async function requireUserInTokenMode(c: Context, next: Next) {
    return config.apiToken ? requireWebActor(c, next) : next()
  }

  routes.post('/api/messages', async (c) => {
    const body = await readJson(c.req.raw, MessageBody)
    if (!body.ok) return c.json({ error: 'invalid_request', message: body.message }, 400)
    const { text, id } = body.value
    if (!text.trim())
      return c.json({ error: 'invalid_request', message: 'text: say something, the message is empty' }, 400)
    const who = webUser(c.get('webSession'), body.value)
    if (!who) return c.json({ error: 'invalid_request', message: 'user: pick a user name' }, 400)
    const reply = await pipeline.handle({
      platform: who.platform,
      workspaceId: who.workspaceId,
      chatId: who.chatId,
      chatKind: 'direct',
      userId: who.userId,
      userName: who.userName,
      text,
      mentionsBot: true,
      platformMessageId: id ?? newId(),
      receivedAt: now(),
    })
    if (!reply) return c.json({ reply: null, duplicate: true })
    const images = await summaryCharts(reply, charts)
    return c.json({
      reply: {
        text: reply.text,
        intent: reply.intent,
        data: reply.data,
        actions: reply.actions ?? [],
        charts: images.map((i) => ({ title: i.title, src: `data:image/png;base64,${base64(i.png)}` })),
      },
    })
  })
  routes.post('/api/actions', async (c) => {
    const body = await readJson(c.req.raw, ActionBody)
    if (!body.ok) return c.json({ error: 'invalid_request', message: body.message }, 400)
    const { action, value, text } = body.value
    const who = webUser(c.get('webSession'), body.value)
    if (!who) return c.json({ error: 'invalid_request', message: 'user: pick a user name' }, 400)
    const reply = await pipeline.act({
      platform: who.platform,
      workspaceId: who.workspaceId,
      chatId: who.chatId,
      userId: who.userId,
      action,
      value,
      ...(text !== undefined && { text }),
      receivedAt: now(),
    })
    return c.json({
      reply: { text: reply.text, intent: reply.intent, data: reply.data, actions: reply.actions ?? [] },
    })
  })
  routes.get('/api/history', async (c) => {
    const query = HistoryQuery.safeParse(c.req.query())
    if (!query.success)
      return c.json(
        {
          error: 'invalid_request',
          message: query.error.issues.map((i) => `${i.path}: ${i.message}`).join('; '),
        },
        400,
      )
    const { before, limit } = query.data
    const who = webUser(c.get('webSession'), query.data)
    if (!who) return c.json({ error: 'invalid_request', message: 'user: pick a user name' }, 400)
    const page = await chatHistory(db, {
      platform: who.platform,
      workspaceId: who.workspaceId,
      chatId: who.chatId,
      platformUserId: who.userId,
      before,
      limit,
    })
    return c.json({ messages: page.messages, next_before: page.nextBefore })
  })
  routes.get('/api/outbox', async (c) => {
    const session = c.get('webSession')
    // A signed-in user reads only their own chat's pushes.
    const who = session ? webUser(session, {}) : null
    const chatId = who?.chatId ?? c.req.query('chat')
    if (!chatId) return c.json({ error: 'invalid_request', message: 'chat: query parameter required' }, 400)
    const chat = {
      platform: who?.platform ?? 'web',
      workspaceId: who?.workspaceId ?? WEB_WORKSPACE_ID,
      chatId,
    }
    const taken = await takeMessages(db, chat, now().getTime(), PUSHES_PER_POLL)
    return c.json({ messages: taken.map((m) => m.reply) })
  })
  return { name: 'web', routes, sender: WEB_SENDER }
}

/** Who a web chat request speaks for, in the shape a `ChatMessage` wants. */
interface WebUser {
  platform: string
  workspaceId: string
  chatId: string
  userId: string
  userName: string
}

/** The signed-in user's own chat in the web page. */
function webChatId(session: WebSession): string {
  return `dm:${session.platformUserId}`
}

/**
 * The signed-in user when there is one: their own platform and workspace (a Slack user who signed in from a
 * Slack DM works on the Slack team's records, as `slack-web`, which shares the Slack workspace), their own
 * chat, whatever name the body carries. Otherwise the typed name in the local workspace.
 */
function webUser(
  session: WebSession | undefined,
  body: { user?: string | undefined; chat?: string | undefined },
): WebUser | null {
  if (session) {
    const { platform, externalId } = session.workspace
    return {
      platform: platform === 'web' ? 'web' : `${platform}-web`,
      workspaceId: externalId,
      chatId: webChatId(session),
      userId: session.platformUserId,
      userName: session.actor.displayName,
    }
  }
  if (!body.user) return null
  return {
    platform: 'web',
    workspaceId: WEB_WORKSPACE_ID,
    chatId: body.chat ?? `dm:${body.user}`,
    userId: body.user,
    userName: body.user,
  }
}
