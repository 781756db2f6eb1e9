import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSignInToken } from '../../src/auth/sign-in-tokens.ts'
import type { Actor } from '../../src/crm/crm-context.ts'
import { customers } from '../../src/db/schema.ts'
import { seedReportFixture } from '../support/report-fixture.ts'
import { createTestCrm, type TestCrm } from '../support/test-crm.ts'

const HOST = 'http://localhost:3000'
let t: TestCrm
let people: Awaited<ReturnType<typeof seedReportFixture>>
beforeEach(async () => {
  t = await createTestCrm()
  people = await seedReportFixture(t.crm)
})
afterEach(() => t.close())

/** Signs `actor` in through a real one-time link and returns the session cookie. */
async function signIn(actor: Actor): Promise<string> {
  const token = await createSignInToken(t.crm, { id: actor.userId, workspaceId: actor.workspaceId })
  const res = await t.app.request(`${HOST}/auth/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: HOST, host: 'localhost:3000' },
    body: new URLSearchParams({ token, next: '/dashboard' }).toString(),
  })
  expect(res.status).toBe(303)
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
}

const page = async (path: string, cookie = '') => {
  const res = await t.app.request(`${HOST}${path}`, { headers: { cookie, host: 'localhost:3000' } })
  return { status: res.status, html: await res.text() }
}

const customerId = async (name: string) =>
  (await t.db.select().from(customers)).find((c) => c.name === name)?.id ?? ''

describe('dashboard', () => {
  it('refuses everyone not signed in, saying how to sign in', async () => {
    for (const path of [
      '/dashboard',
      '/dashboard/customers',
      '/dashboard/reminders',
      '/dashboard/activity',
    ]) {
      const { status, html } = await page(path)
      expect(status, path).toBe(401)
      expect(html).toMatch(/网页版/)
    }
  })

  it('shows a manager the team’s board, in Chinese by their locale, and not the other team', async () => {
    const { status, html } = await page('/dashboard', await signIn(people.manager))
    expect(status).toBe(200)
    expect(html).toMatch(/<html lang="zh-CN">/)
    expect(html).toMatch(/商务谈判 · 1/)
    expect(html).toContain('华为云')
    expect(html).toContain('小米手机')
    expect(html).not.toContain('阿里云')
  })

  it('gives a rep only their own board, customers, customer pages and activity', async () => {
    const cookie = await signIn(people.wang)
    const board = await page('/dashboard', cookie)
    expect(board.html).toContain('阿里云')
    expect(board.html).not.toMatch(/华为|小米|腾讯|京东/)
    const list = await page('/dashboard/customers', cookie)
    expect(list.html).toContain('阿里')
    expect(list.html).not.toMatch(/华为|小米|腾讯|京东/)
    expect((await page(`/dashboard/customers/${await customerId('华为')}`, cookie)).status).toBe(404)
    const activity = await page('/dashboard/activity', cookie)
    expect(activity.html).toContain('王强')
    expect(activity.html).not.toMatch(/张伟|李娜|京东/)
  })

  it('opens a customer with its timeline and sentiment, and searches customers', async () => {
    const cookie = await signIn(people.li)
    const found = await page('/dashboard/customers?q=腾', cookie)
    expect(found.html).toContain('腾讯')
    expect(found.html).not.toContain('京东')
    const tencent = await page(`/dashboard/customers/${await customerId('腾讯')}`, cookie)
    expect(tencent.status).toBe(200)
    expect(tencent.html).toContain('电话腾讯,发报价')
    expect(tencent.html).toContain('客户对价格很不满意')
    expect(tencent.html).toMatch(/消极 1/)
  })
})
