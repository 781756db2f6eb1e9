import { Hono } from 'hono'
import type { ChatPipeline, Log, WaitUntil } from '../../src/chat/chat-bot.ts'
import type { Reply } from '../../src/chat/chat-message.ts'
import { translateAppCallback } from './app-callback.ts'
import {
  answerUrlVerification,
  openSignedCallback,
  readSignedQuery,
  rejectCallback,
} from './callback-verification.ts'
import { parseAppCallbackXml, parseEnvelopeXml } from './callback-xml.ts'
import { createRecentKeys } from './recent-keys.ts'
import type { WecomCryptoKeys } from './wecom-crypto.ts'

export interface CallbackRoutesDeps {
  /** Token, EncodingAESKey and the corp id as receive id. */
  keys: WecomCryptoKeys
  pipeline: ChatPipeline
  waitUntil: WaitUntil
  log: Log
  now: () => Date
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
  const pressed = createRecentKeys()
  const routes = new Hono()

  routes.get('/wecom/callback', answerUrlVerification(keys, log))

  routes.post('/wecom/callback', async (c) => {
    const query = readSignedQuery(c, log)
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
      // The reply leaves through the outbox (the app's sender), which survives a restart before it is sent.
      if (accepted.status === 'accepted') {
        if (!deps.deliver) log('wecom.no_sender', { hint: 'set WECOM_SECRET and WECOM_AGENT_ID' })
        waitUntil(pipeline.process(accepted.inboxId, {}, deps.deliver ? { deliver: {} } : {}))
      }
    } else if (callback.kind === 'action' && pressed.firstTime(callback.key)) {
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
