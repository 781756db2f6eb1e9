/**
 * Issue 10, items 5–7 through the API and the chat: money, control characters, unknown references, LIKE
 * wildcards, writes that point at another rep's records, and a button pressed by the wrong user. Each case
 * failed on the code before.
 */
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Reply } from '../../src/chat/chat-message.ts'
import {
  customers,
  deals,
  interactions,
  pendingConfirmations,
  reminders,
  users,
} from '../../src/db/schema.ts'
import { createChatMessage, createTestCrm, TEST_NOW, type TestCrm } from '../support/test-crm.ts'

const TOKEN = 'store-edges-token'
let t: TestCrm

/** An API call as `user` (a platform user id of the local workspace), or as the API's admin. */
function api(method: string, path: string, body?: unknown, user?: string) {
  return t.app.request(`/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      ...(user && { 'x-crm-user': user }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
}
const json = async (res: Response) => (await res.json()) as Record<string, unknown>

beforeEach(async () => {
  t = await createTestCrm({ env: { CRM_API_TOKEN: TOKEN } })
  for (const user of ['boss', 'rep-a', 'rep-b'])
    await t.pipeline.handle(createChatMessage({ text: '帮助', userId: user, userName: user }))
})
afterEach(() => t.close())

async function customerOf(user: string, name: string): Promise<string> {
  const res = await api('POST', '/customers', { name }, user)
  expect(res.status).toBe(201)
  return (await json(res)).id as string
}

describe('money', () => {
  it('refuses a currency change without an amount, and unknown codes', async () => {
    const customer = await customerOf('rep-a', '华为')
    const deal = await json(await api('POST', '/deals', { customer_id: customer, amount: 800000 }, 'rep-a'))
    const alone = await api('PATCH', `/deals/${deal.id}`, { currency: 'JPY' }, 'rep-a')
    expect(alone.status).toBe(400)
    expect(await json(alone)).toMatchObject({ field: 'amount' })
    const [row] = await t.db.select().from(deals)
    expect(row).toMatchObject({ currency: 'CNY', amountMinor: 80_000_000 })
    const both = await api('PATCH', `/deals/${deal.id}`, { currency: 'JPY', amount: 16_000_000 }, 'rep-a')
    expect(await json(both)).toMatchObject({ currency: 'JPY', amount: 16_000_000 })
    for (const [method, path, body] of [
      ['POST', '/deals', { customer_id: customer, amount: 1, currency: 'XYZ' }],
      ['PATCH', `/deals/${deal.id}`, { currency: 'XYZ', amount: 1 }],
    ] as const) {
      const res = await api(method, path, body, 'rep-a')
      expect(res.status).toBe(400)
      expect(String((await json(res)).message)).toMatch(/currency/)
    }
  })
})

describe('text and references', () => {
  it('strips NUL and other control characters at every edge, so what is stored is read back', async () => {
    await t.pipeline.handle(
      createChatMessage({ text: '帮助', userId: 'al\u0000ice', userName: 'al\u0000ice' }),
    )
    const names = (await t.db.select().from(users)).map((u) => u.platformUserId)
    expect(names).toContain('alice')
    expect(names.some((n) => n.includes('\u0000'))).toBe(false)
    const res = await api('POST', '/customers', { name: 'Ac\u0000me\u0007 Ltd\u009b' })
    expect(await json(res)).toMatchObject({ name: 'Acme Ltd' })
  })

  it('answers 400 naming owner_id for an owner who does not exist', async () => {
    const customer = await customerOf('rep-a', '华为')
    const deal = await json(await api('POST', '/deals', { customer_id: customer, amount: 1 }, 'rep-a'))
    for (const [path, body] of [
      [`/deals/${deal.id}`, { owner_id: 'no-such-user' }],
      [`/customers/${customer}`, { owner_id: 'no-such-user' }],
    ] as const) {
      const res = await api('PATCH', path, body)
      expect(res.status).toBe(400)
      expect(await json(res)).toMatchObject({ error: 'invalid', field: 'owner_id' })
    }
    const created = await api('POST', '/deals', { customer_id: customer, owner_id: 'ghost' })
    expect(created.status).toBe(400)
  })

  it('matches % and _ in a search literally', async () => {
    for (const name of ['华为', 'Acme', '100%纯']) await customerOf('rep-a', name)
    const search = async (q: string) =>
      (
        (await json(await api('GET', `/customers?q=${encodeURIComponent(q)}`, undefined, 'rep-a'))).items as {
          name: string
        }[]
      ).map((c) => c.name)
    expect(await search('%')).toEqual(['100%纯'])
    expect(await search('_')).toEqual([])
    expect(await search('acm')).toEqual(['Acme'])
  })
})

describe('writes that reference another record', () => {
  it('refuses a reminder, note or contact on another rep’s customer, and a note with another customer’s deal', async () => {
    // Another rep's customer is hidden only in a private workspace (new ones share everything: issue 15).
    expect((await api('PUT', '/workspace/sharing', { mode: 'private' })).status).toBe(200)
    const theirs = await customerOf('rep-b', '腾讯')
    const mine = await customerOf('rep-a', '华为')
    const theirDeal = await json(await api('POST', '/deals', { customer_id: theirs, amount: 5 }, 'rep-b'))
    const reminder = await api(
      'POST',
      '/reminders',
      { text: '跟进', due_at: '2026-11-20T15:00:00+08:00', customer_id: theirs },
      'rep-a',
    )
    expect(reminder.status).toBe(404)
    const viaDeal = await api(
      'POST',
      '/reminders',
      { text: '跟进', due_at: '2026-11-20T15:00:00+08:00', deal_id: theirDeal.id },
      'rep-a',
    )
    expect(viaDeal.status).toBe(404)
    expect(await t.db.$count(reminders)).toBe(0)
    expect((await api('POST', '/interactions', { customer_id: theirs, text: 'x' }, 'rep-a')).status).toBe(404)
    expect((await api('POST', '/contacts', { customer_id: theirs, name: '马总' }, 'rep-a')).status).toBe(404)
    const crossDeal = await api(
      'POST',
      '/interactions',
      { customer_id: mine, deal_id: theirDeal.id, text: '电话' },
      'rep-a',
    )
    expect(crossDeal.status).toBe(400)
    expect(await json(crossDeal)).toMatchObject({ field: 'deal_id' })
    expect(await t.db.$count(interactions)).toBe(0)
  })

  it('lets only a note’s author edit it through the Edit button', async () => {
    const pool = await json(await api('POST', '/customers', { name: '公海客户', in_pool: true }))
    const note = await json(
      await api('POST', '/interactions', { customer_id: pool.id, type: 'call', text: '电话沟通' }, 'rep-a'),
    )
    const edit = (userId: string) =>
      t.pipeline.act({
        platform: 'web',
        workspaceId: 'local',
        chatId: `dm:${userId}`,
        userId,
        action: 'edit_interaction',
        value: { id: String(note.id) },
        text: '修改: 是拜访不是电话',
        receivedAt: TEST_NOW,
      })
    expect((await edit('rep-b')).intent).toBe('error')
    const [unchanged] = await t.db.select().from(interactions)
    expect(unchanged?.type).toBe('call')
    expect((await edit('rep-a')).intent).not.toBe('error')
    const [edited] = await t.db.select().from(interactions)
    expect(edited?.type).toBe('visit')
  })

  it('never archives another customer through a forged Undo button', async () => {
    const theirs = await customerOf('rep-b', '腾讯')
    const logged = await t.pipeline.handle(
      createChatMessage({ text: '今天给华为张总打了电话', userId: 'rep-a', chatId: 'dm:rep-a' }),
    )
    const undo = logged?.actions?.find((a) => a.action === 'undo_customer')
    expect(undo).toBeDefined()
    const reply = await t.pipeline.act({
      platform: 'web',
      workspaceId: 'local',
      chatId: 'dm:rep-a',
      userId: 'rep-a',
      action: 'undo_customer',
      value: { ...undo?.value, customerId: theirs },
      receivedAt: TEST_NOW,
    })
    expect(reply.intent).toBe('action')
    const [tencent] = await t.db.select().from(customers).where(eq(customers.id, theirs))
    expect(tencent?.status).toBe('active')
    const [huawei] = await t.db.select().from(customers).where(eq(customers.name, '华为'))
    expect(huawei?.status).toBe('archived')
  })

  it('lets only the asked user answer a which-customer question with its button', async () => {
    await customerOf('rep-a', '平安保险')
    const bank = await customerOf('rep-a', '平安银行')
    const question = await t.pipeline.handle(
      createChatMessage({
        text: '@CRM助手 拜访了平安的孙总,聊得很愉快',
        chatKind: 'group',
        chatId: 'g',
        userId: 'rep-a',
      }),
    )
    expect(question?.intent).toBe('choice')
    const button = question?.actions?.find(
      (a) => a.action === 'choose_customer' && a.value.customerId === bank,
    )
    const press = (userId: string, value = button?.value ?? {}): Promise<Reply> =>
      t.pipeline.act({
        platform: 'web',
        workspaceId: 'local',
        chatId: 'g',
        userId,
        action: 'choose_customer',
        value,
        receivedAt: TEST_NOW,
      })
    // Refused politely, with nothing written and the question still open for the one it was put to.
    const stranger = await press('rep-b')
    expect(stranger.intent).not.toBe('log_interaction')
    const forged = await press('rep-a', { ...button?.value, customerId: 'someone-elses-customer' })
    expect(forged.intent).not.toBe('log_interaction')
    expect(await t.db.$count(interactions)).toBe(0)
    const [open] = await t.db.select().from(pendingConfirmations)
    expect(open?.resolvedAt).toBeNull()
    expect((await press('rep-a')).intent).toBe('log_interaction')
    const [note] = await t.db.select().from(interactions)
    const [author] = await t.db.select().from(users).where(eq(users.platformUserId, 'rep-a'))
    expect(note).toMatchObject({ customerId: bank, authorUserId: author?.id })
    expect(await t.db.$count(customers)).toBe(2)
  })
})
