import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import { z } from 'zod'
import type { ChatPipeline, Log, WaitUntil } from '../../src/chat/chat-bot.ts'
import type { Reply } from '../../src/chat/chat-message.ts'
import type { SeenDeliveries } from '../../src/chat/seen-deliveries.ts'
import {
  AibotBody,
  aibotChatAction,
  aibotChatMessage,
  aibotWelcomeMessage,
  aibotWorkspaceId,
} from './aibot-message.ts'
import { streamBody } from './aibot-reply.ts'
import type { createAibotStreams } from './aibot-streams.ts'
import {
  answerUrlVerification,
  openSignedCallback,
  readSignedQuery,
  rejectCallback,
} from './callback-verification.ts'
import { renderResultCard } from './render-template-card.ts'
import { sealEnvelope, signEncrypted, type WecomCryptoKeys } from './wecom-crypto.ts'

export interface AibotRoutesDeps {
  /** The AI bot's token and EncodingAESKey; its receive id is always "". */
  keys: WecomCryptoKeys
  corpId: string | undefined
  /** BOT_NAMES: the `@name` in front of a group message is dropped when it is one of these. */
  botNames: readonly string[]
  pipeline: ChatPipeline
  waitUntil: WaitUntil
  log: Log
  now: () => Date
  streams: ReturnType<typeof createAibotStreams>
  /** Button presses already run, kept in the store so a replay after a restart runs nothing. */
  seen: SeenDeliveries
}

const EncryptedBody = z.object({ encrypt: z.string().min(1) })

/**
 * The AI bot's callback URL, `/wecom/aibot`: the self-built app's signature and AES scheme around JSON.
 * A message is stored and answered at once with an open stream; the pipeline works after, and WeCom's
 * stream refreshes pick the answer up (see `aibot-streams.ts`). Button presses are answered passively by
 * replacing the pressed card with what the press did.
 */
export function createAibotRoutes(deps: AibotRoutesDeps): Hono {
  const { keys, pipeline, log } = deps
  const routes = new Hono()

  routes.get('/wecom/aibot', answerUrlVerification(keys, log, deps.now))

  routes.post('/wecom/aibot', async (c) => {
    const query = readSignedQuery(c, log, deps.now())
    const envelope = EncryptedBody.safeParse(await c.req.json().catch(() => null))
    if (!envelope.success) rejectCallback(400, 'body is not JSON {"encrypt": …}', log)
    const plaintext = openSignedCallback(keys, query, envelope.data.encrypt, log)
    const raw = parseJson(plaintext)
    const parsed = AibotBody.safeParse(raw)
    if (!parsed.success) {
      // A kind of message this bot does not know yet (WeCom adds some): acknowledged, so it is not retried.
      if (isUnknownMsgtype(raw)) return c.text('')
      rejectCallback(400, 'decrypted callback is not an AI bot message', log)
    }
    const reply = await answer(parsed.data)
    return reply === null ? c.text('') : c.json(seal(reply))
  })

  /** The passive reply's plaintext, or null for an empty answer. */
  async function answer(body: AibotBody): Promise<object | null> {
    const workspaceId = aibotWorkspaceId(body, deps.corpId)
    if (body.msgtype === 'stream') return streamBody(body.stream.id, ...(await refresh(body.stream.id)))
    const click = aibotChatAction(body, workspaceId, deps.now())
    if (click) {
      if (!click.taskId || !(await deps.seen.firstTime(`wecom-aibot:${body.msgid}`))) return null
      const result = await pipeline.act(click.action)
      return { response_type: 'update_template_card', template_card: renderResultCard(result, click.taskId) }
    }
    const welcome = aibotWelcomeMessage(body, workspaceId, deps.now())
    if (welcome) {
      const greeting = await pipeline.handle(welcome)
      // enter_chat is the one callback a plain text passive reply is allowed for.
      return greeting ? { msgtype: 'text', text: { content: greeting.text } } : null
    }
    const message = aibotChatMessage(body, workspaceId, deps.now(), deps.botNames)
    if (!message) return null
    const accepted = await pipeline.accept(message)
    // A redelivery: the first delivery's stream is already open and answers it.
    if (accepted.status === 'duplicate') return null
    const work = pipeline.process(accepted.inboxId)
    deps.waitUntil(deps.streams.open(accepted.inboxId, work, body.response_url))
    return streamBody(accepted.inboxId, null, false)
  }

  /** A stream refresh; a stream this process does not know (a restart) is answered from the stored reply. */
  async function refresh(streamId: string): Promise<[Reply | null, boolean]> {
    const polled = deps.streams.poll(streamId)
    if (polled.state === 'finished') return [polled.reply, true]
    if (polled.state === 'pending') return [null, false]
    const stored = await pipeline.process(streamId).catch(() => null)
    return [stored, true]
  }

  function seal(plaintext: object) {
    const timestamp = String(Math.floor(deps.now().getTime() / 1000))
    const nonce = randomBytes(8).toString('hex')
    const encrypt = sealEnvelope(keys, JSON.stringify(plaintext))
    return { encrypt, msgsignature: signEncrypted(keys.token, timestamp, nonce, encrypt), timestamp, nonce }
  }
  return routes
}

const KNOWN_MSGTYPES = new Set(AibotBody.options.map((option) => option.shape.msgtype.value))

function isUnknownMsgtype(raw: unknown): boolean {
  const msgtype = (raw as { msgtype?: unknown } | null)?.msgtype
  return typeof msgtype === 'string' && !KNOWN_MSGTYPES.has(msgtype as never)
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
