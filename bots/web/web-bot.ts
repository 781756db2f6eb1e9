import { Hono } from 'hono'
import { z } from 'zod'
import type { ChatBotFactory } from '../../src/chat/chat-bot.ts'
import { chatHistory } from '../../src/chat/chat-history.ts'
import { ACTION_NAMES } from '../../src/chat/chat-message.ts'
import { newId } from '../../src/db/database.ts'
import { CHAT_PAGE_HTML } from './chat-page.ts'
import { createWebOutbox } from './web-outbox.ts'

/** The web chat's one workspace: everyone who opens the page on this server. */
export const WEB_WORKSPACE_ID = 'local'

const MessageBody = z.object({
  user: z.string().trim().min(1, 'user: pick a user name').max(80),
  text: z.string().max(200_000, 'text: longer than 200,000 characters'),
  chat: z.string().trim().min(1).max(120).optional(),
  /** The client's id for this message, so a resent request is not logged twice. */
  id: z.string().max(120).optional(),
})

const HistoryQuery = z.object({
  user: z.string().trim().min(1, 'pick a user name').max(80),
  chat: z.string().trim().min(1).max(120).optional(),
  before: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
})

const ActionBody = z.object({
  user: z.string().trim().min(1).max(80),
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

/**
 * The built-in web chat: a page at `/`, `POST /api/messages`, button presses at `POST /api/actions`, and the
 * chat's stored history at `GET /api/history?user=&before=&limit=` so a reload keeps the conversation.
 */
export const createWebBot: ChatBotFactory = ({ pipeline, now, db }) => {
  const outbox = createWebOutbox()
  const routes = new Hono()
  routes.get('/', (c) => c.html(CHAT_PAGE_HTML))
  routes.post('/api/messages', async (c) => {
    const body = await readJson(c.req.raw, MessageBody)
    if (!body.ok) return c.json({ error: 'invalid_request', message: body.message }, 400)
    const { user, text, chat, id } = body.value
    if (!text.trim())
      return c.json({ error: 'invalid_request', message: 'text: say something, the message is empty' }, 400)
    const reply = await pipeline.handle({
      platform: 'web',
      workspaceId: WEB_WORKSPACE_ID,
      chatId: chat ?? `dm:${user}`,
      chatKind: 'direct',
      userId: user,
      userName: user,
      text,
      mentionsBot: true,
      platformMessageId: id ?? newId(),
      receivedAt: now(),
    })
    if (!reply) return c.json({ reply: null, duplicate: true })
    return c.json({
      reply: { text: reply.text, intent: reply.intent, data: reply.data, actions: reply.actions ?? [] },
    })
  })
  routes.post('/api/actions', async (c) => {
    const body = await readJson(c.req.raw, ActionBody)
    if (!body.ok) return c.json({ error: 'invalid_request', message: body.message }, 400)
    const { user, chat, action, value, text } = body.value
    const reply = await pipeline.act({
      platform: 'web',
      workspaceId: WEB_WORKSPACE_ID,
      chatId: chat ?? `dm:${user}`,
      userId: user,
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
    const { user, chat, before, limit } = query.data
    const page = await chatHistory(db, {
      platform: 'web',
      workspaceId: WEB_WORKSPACE_ID,
      chatId: chat ?? `dm:${user}`,
      platformUserId: user,
      before,
      limit,
    })
    return c.json({ messages: page.messages, next_before: page.nextBefore })
  })
  routes.get('/api/outbox', (c) => {
    const chat = c.req.query('chat')
    if (!chat) return c.json({ error: 'invalid_request', message: 'chat: query parameter required' }, 400)
    return c.json({ messages: outbox.take(chat) })
  })
  return { name: 'web', routes, sender: outbox.sender }
}
