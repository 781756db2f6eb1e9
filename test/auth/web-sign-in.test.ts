import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BOT_FACTORIES } from '../../bots/index.ts'
import { createApp } from '../../src/app.ts'
import { createBackgroundWork } from '../../src/background-work.ts'
import { interactions, signInTokens, users } from '../../src/db/schema.ts'
import { createChatMessage, createTestCrm, TEST_NOW, type TestCrm } from '../support/test-crm.ts'

const TOKEN = 'api-token-for-tests'
let t: TestCrm
let clock: Date
beforeEach(async () => {
  clock = TEST_NOW
  t = await createTestCrm({
    env: { CRM_API_TOKEN: TOKEN, PUBLIC_URL: 'https://crm.example.com' },
    now: () => clock,
  })
})
afterEach(() => t.close())

const HOST = 'https://crm.example.com'

/** Asks the bot for a link in a DM, as `user`, and returns the token inside it. */
async function linkFor(user: string): Promise<string> {
  const reply = await t.pipeline.handle(createChatMessage({ text: '网页版', userId: user, userName: user }))
  const url = new URL(String((reply?.data as { signInUrl?: string } | null)?.signInUrl))
  expect(url.origin + url.pathname).toBe(`${HOST}/auth/redeem`)
  return url.searchParams.get('token') ?? ''
}

/** Spends a token the way the redeem page's form does. */
function redeem(token: string, headers: Record<string, string> = { origin: HOST }) {
  return t.app.request(`${HOST}/auth/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ token, next: '/dashboard' }).toString(),
  })
}

const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''

describe('web sign-in', () => {
  it('sends a link only in a DM, stores only its hash, and the link signs in once', async () => {
    const group = await t.pipeline.handle(
      createChatMessage({ text: '@CRM助手 网页版', chatKind: 'group', chatId: 'g1', userId: 'alice' }),
    )
    expect(group?.data).toBeNull()
    expect(group?.text).toMatch(/私聊/)
    const token = await linkFor('alice')
    const [row] = await t.db.select().from(signInTokens)
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(await t.db.select().from(signInTokens))).not.toContain(token)

    const page = await t.app.request(`${HOST}/auth/redeem?token=${token}`)
    expect(await page.text()).toContain('method="post"')
    expect((await t.db.select().from(signInTokens))[0]?.usedAt).toBeNull()

    const first = await redeem(token)
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe('/dashboard')
    const setCookie = first.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    expect(setCookie).toMatch(/Secure/)
    expect((await redeem(token)).status).toBe(401)

    const me = await t.app.request(`${HOST}/auth/me`, { headers: { cookie: cookieOf(first) } })
    expect(await me.json()).toMatchObject({
      displayName: 'alice',
      workspace: { platform: 'web', externalId: 'local' },
    })
  })

  it('refuses a link after 15 minutes, a forged cookie, and a token posted from another site', async () => {
    const token = await linkFor('alice')
    expect((await redeem(token, { origin: 'https://evil.example' })).status).toBe(403)
    clock = new Date(TEST_NOW.getTime() + 15 * 60 * 1000 + 1)
    expect((await redeem(token)).status).toBe(401)

    clock = TEST_NOW
    const fresh = await linkFor('alice')
    const cookie = cookieOf(await redeem(fresh))
    const [name, value] = cookie.split('=')
    const [userId] = decodeURIComponent(value ?? '').split('|')
    const [alice] = await t.db.select().from(users).where(eq(users.platformUserId, 'alice'))
    expect(userId).toBe(alice?.id)
    // Someone else's id with alice's signature.
    const forged = `${name}=${encodeURIComponent(decodeURIComponent(value ?? '').replace(/^[^|]+/, 'someone'))}`
    const forgedMe = await t.app.request(`${HOST}/auth/me`, { headers: { cookie: forged } })
    expect(await forgedMe.json()).toEqual({ signedIn: false })
    const signedOut = await t.app.request(`${HOST}/auth/sign-out`, {
      method: 'POST',
      headers: { cookie, origin: HOST, 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(signedOut.headers.get('set-cookie')).toMatch(/crm_session=;/)
  })

  it('with a token set, the web chat speaks as who signed in, not as the name typed', async () => {
    const anonymous = await t.app.request(`${HOST}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ user: 'admin', text: '今天给华为张总打了电话' }),
    })
    expect(anonymous.status).toBe(401)
    await t.pipeline.handle(createChatMessage({ text: '帮助', userId: 'boss', userName: 'boss' }))
    const cookie = cookieOf(await redeem(await linkFor('rep-li')))
    const res = await t.app.request(`${HOST}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: HOST },
      body: JSON.stringify({ user: 'boss', text: '今天给华为张总打了电话,他对报价满意' }),
    })
    expect(res.status).toBe(200)
    const [note] = await t.db.select().from(interactions)
    const [li] = await t.db.select().from(users).where(eq(users.platformUserId, 'rep-li'))
    expect(note?.authorUserId).toBe(li?.id)
  })

  it('keeps sessions across a restart: the generated secret is kept in the database', async () => {
    const cookie = cookieOf(await redeem(await linkFor('alice')))
    const background = createBackgroundWork(() => {})
    const restarted = createApp({
      config: t.config,
      db: t.db,
      now: () => clock,
      waitUntil: background.waitUntil,
      log: () => {},
      bots: BOT_FACTORIES,
    })
    const me = await restarted.app.request(`${HOST}/auth/me`, { headers: { cookie } })
    expect(await me.json()).toMatchObject({ signedIn: true, displayName: 'alice' })
  })
})
