import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createChatMessage, createTestCrm, TEST_NOW, type TestCrm } from '../support/test-crm.ts'

const TOKEN = 'api-token-for-history'
const HOST = 'https://crm.example.com'
let t: TestCrm
beforeEach(async () => {
  t = await createTestCrm({ env: { CRM_API_TOKEN: TOKEN, PUBLIC_URL: HOST }, now: () => TEST_NOW })
})
afterEach(() => t.close())

/** Signs `user` in through a DM link and returns the session cookie. */
async function signIn(user: string): Promise<string> {
  const reply = await t.pipeline.handle(createChatMessage({ text: '网页版', userId: user, userName: user }))
  const data = reply?.data as { signInUrl?: string } | null | undefined
  const token = new URL(String(data?.signInUrl)).searchParams.get('token')
  const res = await t.app.request(`${HOST}/auth/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: HOST },
    body: new URLSearchParams({ token: token ?? '', next: '/' }).toString(),
  })
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
}

const say = (cookie: string, text: string, id: string) =>
  t.app.request(`${HOST}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: HOST },
    body: JSON.stringify({ text, id }),
  })
const history = (cookie: string, query = '') =>
  t.app.request(`${HOST}/api/history${query}`, { headers: cookie ? { cookie } : {} })

describe('issue 15 #2: the web chat history, signed in', () => {
  it('is the signed-in user’s own, paged oldest-first within a page, and refused without a session', async () => {
    const li = await signIn('rep-li')
    const wang = await signIn('rep-wang')
    for (let i = 1; i <= 3; i++) await say(li, `第${i}条:今天给华为张总打了电话`, `li-${i}`)
    await say(wang, '拜访了小米', 'wang-1')

    expect((await history('')).status).toBe(401)
    // Asking for someone else's name does not matter: the session decides.
    const page = await (await history(li, '?user=rep-wang&limit=2')).json()
    expect(page.messages.map((m: { text: string }) => m.text)).toEqual([
      '第2条:今天给华为张总打了电话',
      '第3条:今天给华为张总打了电话',
    ])
    expect(page.messages[1].reply).toMatchObject({ intent: 'log_interaction' })
    const older = await (await history(li, `?limit=2&before=${page.next_before}`)).json()
    expect(older.messages.map((m: { text: string }) => m.text)).toEqual(['第1条:今天给华为张总打了电话'])
    expect(older.next_before).toBeNull()
  })
})
