import { describe, expect, it } from 'vitest'
import { createSlackVerifier, verifySlackSignature } from '../../bots/slack/verify-slack-signature.ts'
import { signedInit } from './sign-slack-request.ts'

// Slack's documented example (api.slack.com/authentication/verifying-requests-from-slack).
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5'
const TIMESTAMP = '1531420618'
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c'
const SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503'
const at = (seconds: number) => () => new Date(seconds * 1000)
const THEN = at(1531420618)

describe('verifySlackSignature', () => {
  it("accepts Slack's documented example with the clock at its timestamp", async () => {
    expect(
      await verifySlackSignature(SECRET, { timestamp: TIMESTAMP, signature: SIGNATURE, body: BODY }, THEN),
    ).toBe(true)
  })

  it('gives the same answers through Web Crypto, the path Workers take', async () => {
    const web = createSlackVerifier(SECRET, THEN, 'web-crypto')
    expect(await web({ timestamp: TIMESTAMP, signature: SIGNATURE, body: BODY })).toBe(true)
    expect(await web({ timestamp: TIMESTAMP, signature: SIGNATURE, body: `${BODY}&x=1` })).toBe(false)
    const stale = createSlackVerifier(SECRET, at(1531420618 + 301), 'web-crypto')
    expect(await stale({ timestamp: TIMESTAMP, signature: SIGNATURE, body: BODY })).toBe(false)
  })

  it('refuses a forged signature, a changed body, and another secret', async () => {
    const forged = `${SIGNATURE.slice(0, -1)}${SIGNATURE.endsWith('3') ? '4' : '3'}`
    expect(
      await verifySlackSignature(SECRET, { timestamp: TIMESTAMP, signature: forged, body: BODY }, THEN),
    ).toBe(false)
    expect(
      await verifySlackSignature(
        SECRET,
        { timestamp: TIMESTAMP, signature: SIGNATURE, body: `${BODY}&x=1` },
        THEN,
      ),
    ).toBe(false)
    expect(
      await verifySlackSignature(
        `${SECRET}0`,
        { timestamp: TIMESTAMP, signature: SIGNATURE, body: BODY },
        THEN,
      ),
    ).toBe(false)
  })

  it('refuses timestamps more than five minutes from the clock, either way, and accepts within', async () => {
    const verify = (clock: () => Date) =>
      verifySlackSignature(SECRET, { timestamp: TIMESTAMP, signature: SIGNATURE, body: BODY }, clock)
    expect(await verify(at(1531420618 + 301))).toBe(false)
    expect(await verify(at(1531420618 - 301))).toBe(false)
    expect(await verify(at(1531420618 + 299))).toBe(true)
  })

  it('refuses missing or malformed headers without throwing', async () => {
    const verify = createSlackVerifier(SECRET, THEN)
    expect(await verify({ timestamp: null, signature: SIGNATURE, body: BODY })).toBe(false)
    expect(await verify({ timestamp: TIMESTAMP, signature: undefined, body: BODY })).toBe(false)
    expect(await verify({ timestamp: 'soon', signature: SIGNATURE, body: BODY })).toBe(false)
    expect(
      await verify({ timestamp: TIMESTAMP, signature: SIGNATURE.replace('v0=', 'v1='), body: BODY }),
    ).toBe(false)
    expect(await verify({ timestamp: TIMESTAMP, signature: 'v0=zz', body: BODY })).toBe(false)
  })

  it('agrees with an independent node:crypto signer on a UTF-8 JSON body', async () => {
    const body = JSON.stringify({ text: '今天给华为张总打了电话 🎉' })
    const init = signedInit(body, { timestamp: 1531420618, secret: SECRET })
    const headers = new Headers(init.headers)
    const request = {
      timestamp: headers.get('x-slack-request-timestamp'),
      signature: headers.get('x-slack-signature'),
      body,
    }
    expect(await verifySlackSignature(SECRET, request, THEN)).toBe(true)
  })

  it('verifies the raw bytes as it verifies their text, through node:crypto and Web Crypto', async () => {
    const bytes = new TextEncoder().encode(BODY)
    for (const hmac of ['auto', 'web-crypto'] as const) {
      const verify = createSlackVerifier(SECRET, THEN, hmac)
      expect(await verify({ timestamp: TIMESTAMP, signature: SIGNATURE, body: bytes })).toBe(true)
      const changed = bytes.slice()
      changed[10] = (changed[10] ?? 0) ^ 1
      expect(await verify({ timestamp: TIMESTAMP, signature: SIGNATURE, body: changed })).toBe(false)
    }
    const utf8 = JSON.stringify({ text: '今天给华为张总打了电话 🎉' })
    const headers = new Headers(signedInit(utf8, { timestamp: 1531420618, secret: SECRET }).headers)
    const signed = {
      timestamp: headers.get('x-slack-request-timestamp'),
      signature: headers.get('x-slack-signature'),
    }
    for (const hmac of ['auto', 'web-crypto'] as const)
      expect(
        await createSlackVerifier(SECRET, THEN, hmac)({ ...signed, body: new TextEncoder().encode(utf8) }),
      ).toBe(true)
  })
})
