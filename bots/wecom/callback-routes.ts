import { Hono } from 'hono'
import type { ChatPipeline, Log, WaitUntil } from '../../src/chat/chat-bot.ts'
import type { Reply } from '../../src/chat/chat-message.ts'
import type { SeenDeliveries } from '../../src/chat/seen-deliveries.ts'
import { translateAppCallback } from './app-callback.ts'
import {
  answerUrlVerification,
  openSignedCallback,
  readSignedQuery,
  rejectCallback,
} from './callback-verification.ts'
import { parseAppCallbackXml, parseEnvelopeXml } from './callback-xml.ts'
import type { WecomCryptoKeys } from './wecom-crypto.ts'

export interface CallbackRoutesDeps {
  /** Token, EncodingAESKey and the corp id as receive id. */
  keys: WecomCryptoKeys
  pipeline: ChatPipeline
  waitUntil: WaitUntil
  log: Log
  now: () => Date
  /** Button presses already run, kept in the store so a replay after a restart runs nothing. */
  seen: SeenDeliveries
  /** Sends a reply into a chat through the server API; absent when no secret is configured. */
  deliver?: ((chatId: string, reply: Reply) => Promise<void>) | undefined
}

/**
 * The self-built app's callback URL, `/wecom/callback`. GET is the URL check; POST carries encrypted XML.
 * WeCom waits 5 s and then retries up to 3 times, and a passive XML reply would have to be built within that
 * time, so the handler stores the message, answers an empty body at once ("no passive reply") and sends
 * the real answer through the API afterwards. The MsgId dedup in the inbound store absorbs the retries.
 */
export function createCallbackRoutes(deps: CallbackRoutesDeps): Hono {
  const { keys, pipeline, waitUntil, log } = deps
  const routes = new Hono()

  routes.get('/wecom/callback', answerUrlVerification(keys, log, deps.now))

  routes.post('/wecom/callback', async (c) => {
    const query = readSignedQuery(c, log, deps.now())
    const envelope = parseEnvelopeXml(await c.req.text())
    if (!envelope) rejectCallback(400, 'body is not <xml> with an <Encrypt> element', log)
    const parsed = parseAppCallbackXml(openSignedCallback(keys, query, envelope.Encrypt, log))
    if (!parsed.ok) {
      if (parsed.unsupported) return c.text('')
      rejectCallback(400, 'decrypted callback is not a message WeCom sends', log)
    }
    const callback = translateAppCallback(parsed.value, keys.receiveId, deps.now())
    if (callback.kind === 'message') {
      const accepted = await pipeline.accept(callback.message)
      if (accepted.status === 'accepted')
        waitUntil(
          pipeline
            .process(accepted.inboxId)
            .then((reply) => (reply ? send(callback.message.chatId, reply) : undefined)),
        )
    } else if (callback.kind === 'action' && (await deps.seen.firstTime(`wecom:${callback.key}`))) {
      waitUntil(pipeline.act(callback.action).then((reply) => send(callback.action.chatId, reply)))
    }
    return c.text('')
  })

  async function send(chatId: string, reply: Reply) {
    if (!deps.deliver) return log('wecom.no_sender', { chatId, hint: 'set WECOM_SECRET and WECOM_AGENT_ID' })
    await deps.deliver(chatId, reply)
  }
  return routes
}
