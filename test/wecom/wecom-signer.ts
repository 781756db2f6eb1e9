import { randomBytes } from 'node:crypto'
import {
  openEnvelope,
  sealEnvelope,
  signEncrypted,
  type WecomCryptoKeys,
} from '../../bots/wecom/wecom-crypto.ts'
import { TEST_NOW } from '../support/test-crm.ts'

/** Tencent's own sample for the self-built app callback scheme. */
export const TENCENT = {
  token: 'QDG6eK',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  corpId: 'wx5823bf96d3bd56c7',
  urlCheck: {
    msg_signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
    timestamp: '1409659589',
    nonce: '263014780',
    echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
    plaintext: '1616140317555161061',
  },
  message: {
    msg_signature: '477715d11cdb4164915debcba66cb864d751f3e6',
    timestamp: '1409659813',
    nonce: '1372623149',
    encrypt:
      'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
  },
}

/** The AI bot's own keys in these tests (receive id "" as WeCom uses for it). */
export const AIBOT_KEYS: WecomCryptoKeys = {
  token: 'aibotToken123',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  receiveId: '',
}

export const APP_KEYS: WecomCryptoKeys = {
  token: TENCENT.token,
  encodingAesKey: TENCENT.encodingAesKey,
  receiveId: TENCENT.corpId,
}

let nonceCounter = 0

/**
 * `?msg_signature=…&timestamp=…&nonce=…` signed for `encrypted`, as WeCom builds it, stamped with the test
 * CRM's clock (`at`, default `TEST_NOW`) since callbacks more than 5 minutes off are refused.
 */
export function signedQuery(
  keys: WecomCryptoKeys,
  encrypted: string,
  extra: Record<string, string> = {},
  at: Date = TEST_NOW,
) {
  const timestamp = String(Math.floor(at.getTime() / 1000))
  const nonce = String(++nonceCounter + 1_000_000)
  const msg_signature = signEncrypted(keys.token, timestamp, nonce, encrypted)
  return new URLSearchParams({ msg_signature, timestamp, nonce, ...extra }).toString()
}

/** A POST to the self-built app's callback carrying `xml`, encrypted and signed like WeCom's at `at`. */
export function appCallbackRequest(
  xml: string,
  keys: WecomCryptoKeys = APP_KEYS,
  at: Date = TEST_NOW,
): [string, RequestInit] {
  const encrypt = sealEnvelope(keys, xml)
  const body = `<xml><ToUserName><![CDATA[${keys.receiveId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`
  return [`/wecom/callback?${signedQuery(keys, encrypt, {}, at)}`, { method: 'POST', body }]
}

/** A text message from a user to the app, as WeCom's plaintext XML. */
export function appTextXml(fields: { from: string; content: string; msgId: string; createTime?: number }) {
  return `<xml><ToUserName><![CDATA[${TENCENT.corpId}]]></ToUserName><FromUserName><![CDATA[${fields.from}]]></FromUserName><CreateTime>${fields.createTime ?? 1_700_000_000}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${fields.content}]]></Content><MsgId>${fields.msgId}</MsgId><AgentID>1000002</AgentID></xml>`
}

/** An event (enter_agent, template_card_event…) from a user to the app. */
export function appEventXml(fields: { from: string; event: string; createTime: number; eventKey?: string }) {
  return `<xml><ToUserName><![CDATA[${TENCENT.corpId}]]></ToUserName><FromUserName><![CDATA[${fields.from}]]></FromUserName><CreateTime>${fields.createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[${fields.event}]]></Event><EventKey><![CDATA[${fields.eventKey ?? ''}]]></EventKey><TaskId><![CDATA[task-1]]></TaskId><CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[rc-1]]></ResponseCode><AgentID>1000002</AgentID></xml>`
}

/** A POST to the AI bot's callback carrying `payload` as WeCom's encrypted JSON. */
export function aibotRequest(payload: object, keys: WecomCryptoKeys = AIBOT_KEYS): [string, RequestInit] {
  const encrypt = sealEnvelope(keys, JSON.stringify(payload), randomBytes(16))
  return [
    `/wecom/aibot?${signedQuery(keys, encrypt)}`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ encrypt }) },
  ]
}

/** Decrypts an AI bot passive reply (after checking its signature), as WeCom would. */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary fields of the reply
export function openAibotReply(reply: any, keys: WecomCryptoKeys = AIBOT_KEYS): any {
  const expected = signEncrypted(keys.token, reply.timestamp, reply.nonce, reply.encrypt)
  if (expected !== reply.msgsignature) throw new Error('passive reply signature does not match')
  const opened = openEnvelope(keys, reply.encrypt)
  if (!opened.ok) throw new Error(opened.reason)
  return JSON.parse(opened.plaintext)
}
