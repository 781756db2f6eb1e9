import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Log } from '../../src/chat/chat-bot.ts'
import {
  openEnvelope,
  restoreBase64,
  type SignedQuery,
  verifySignature,
  type WecomCryptoKeys,
} from './wecom-crypto.ts'

/**
 * The one error path for callbacks that are not WeCom's: a missing parameter or undecryptable body is 400,
 * a bad signature 401. Both are thrown as `HTTPException`, which the app's `onError` turns into JSON, before
 * anything is stored.
 */
export function rejectCallback(status: 400 | 401, message: string, log: Log): never {
  log('wecom.callback_rejected', { status, message })
  throw new HTTPException(status, { message })
}

/** How far a callback's signed timestamp may be from our clock: WeCom retries within seconds, not days. */
export const CALLBACK_WINDOW_SECONDS = 5 * 60

/**
 * The signature parameters WeCom adds to every callback URL. A timestamp more than 5 minutes from `now` is
 * refused (401): the signature covers it, so a recorded callback cannot be replayed later with a new one.
 */
export function readSignedQuery(c: Context, log: Log, now: Date): SignedQuery {
  const signature = c.req.query('msg_signature')
  const timestamp = c.req.query('timestamp')
  const nonce = c.req.query('nonce')
  if (!signature || !timestamp || !nonce)
    rejectCallback(400, 'msg_signature, timestamp and nonce are required', log)
  const skew = Math.abs(Number(timestamp) - now.getTime() / 1000)
  if (!/^\d{1,12}$/.test(timestamp) || skew > CALLBACK_WINDOW_SECONDS)
    rejectCallback(
      401,
      `timestamp ${timestamp.slice(0, 20)} is outside ±5 minutes of the server's clock`,
      log,
    )
  return { signature, timestamp, nonce }
}

/** Checks the signature over `encrypted` and decrypts it; throws through `rejectCallback` otherwise. */
export function openSignedCallback(
  keys: WecomCryptoKeys,
  query: SignedQuery,
  encrypted: string,
  log: Log,
): string {
  if (!verifySignature(keys.token, query, encrypted)) rejectCallback(401, 'msg_signature does not match', log)
  const opened = openEnvelope(keys, encrypted)
  if (!opened.ok) rejectCallback(400, opened.reason, log)
  return opened.plaintext
}

/**
 * `GET` URL verification, the same for the self-built app and the AI bot: check the signature over
 * `echostr`, decrypt it, and answer its plain text.
 */
export function answerUrlVerification(keys: WecomCryptoKeys, log: Log, now: () => Date) {
  return (c: Context) => {
    const query = readSignedQuery(c, log, now())
    const echostr = c.req.query('echostr')
    if (!echostr) rejectCallback(400, 'echostr is required', log)
    return c.text(openSignedCallback(keys, query, restoreBase64(echostr), log))
  }
}
