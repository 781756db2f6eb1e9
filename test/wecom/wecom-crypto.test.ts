import { describe, expect, it } from 'vitest'
import { openEnvelope, sealEnvelope, verifySignature } from '../../bots/wecom/wecom-crypto.ts'
import { AIBOT_KEYS, APP_KEYS, TENCENT } from './wecom-signer.ts'

const query = (v: { msg_signature: string; timestamp: string; nonce: string }) => ({
  signature: v.msg_signature,
  timestamp: v.timestamp,
  nonce: v.nonce,
})

describe('WeCom callback crypto, on Tencent test vectors', () => {
  it('verifies and decrypts the URL check echostr', () => {
    const { urlCheck } = TENCENT
    expect(verifySignature(APP_KEYS.token, query(urlCheck), urlCheck.echostr)).toBe(true)
    expect(openEnvelope(APP_KEYS, urlCheck.echostr)).toEqual({ ok: true, plaintext: urlCheck.plaintext })
  })

  it('verifies and decrypts the sample message: text "hello" from mycreate', () => {
    const { message } = TENCENT
    expect(verifySignature(APP_KEYS.token, query(message), message.encrypt)).toBe(true)
    const opened = openEnvelope(APP_KEYS, message.encrypt)
    expect(opened.ok && opened.plaintext).toContain('<Content><![CDATA[hello]]></Content>')
    expect(opened.ok && opened.plaintext).toContain('<MsgId>4561255354251345929</MsgId>')
  })

  it('rejects a signature for other content, another token or of the wrong shape', () => {
    const { message } = TENCENT
    expect(verifySignature(APP_KEYS.token, query(message), `${message.encrypt}x`)).toBe(false)
    expect(verifySignature('other', query(message), message.encrypt)).toBe(false)
    expect(verifySignature(APP_KEYS.token, { ...query(message), signature: 'abc' }, message.encrypt)).toBe(
      false,
    )
  })

  it('refuses a wrong key, a wrong receive id, bad base64 and a truncated ciphertext', () => {
    const { encrypt } = TENCENT.message
    expect(openEnvelope({ ...APP_KEYS, encodingAesKey: AIBOT_KEYS.encodingAesKey }, encrypt).ok).toBe(false)
    // With the AI bot's empty receive id a wrong key must still be caught.
    expect(openEnvelope(AIBOT_KEYS, encrypt).ok).toBe(false)
    expect(openEnvelope({ ...APP_KEYS, receiveId: 'wwother' }, encrypt)).toEqual({
      ok: false,
      reason: 'ciphertext was sealed for another receiver',
    })
    expect(openEnvelope(APP_KEYS, 'not base64!')).toMatchObject({
      ok: false,
      reason: 'ciphertext is not base64',
    })
    expect(openEnvelope(APP_KEYS, encrypt.slice(0, 40)).ok).toBe(false)
  })

  it('seals what it opens, Chinese text included', () => {
    const sealed = sealEnvelope(AIBOT_KEYS, '{"text":"查一下华为"}')
    expect(openEnvelope(AIBOT_KEYS, sealed)).toEqual({ ok: true, plaintext: '{"text":"查一下华为"}' })
  })
})
