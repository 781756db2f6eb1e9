import { serve } from '@hono/node-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestCrm, type TestCrm } from '../support/test-crm.ts'

const TOKEN = 'test-token-123'
let t: TestCrm
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }
const call = (path: string, init: RequestInit = {}) =>
  t.app.request(path, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } })
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers })

beforeEach(async () => {
  t = await createTestCrm({ env: { CRM_API_TOKEN: TOKEN } })
})
afterEach(() => t.close())

describe('REST API', () => {
  it('answers /health without a token and guards /api with one', async () => {
    expect(await (await t.app.request('/health')).json()).toEqual({ ok: true })
    expect((await t.app.request('/api/v1/customers')).status).toBe(401)
    expect(
      (await t.app.request('/api/v1/customers', { headers: { authorization: 'Bearer wrong' } })).status,
    ).toBe(401)
    const chat = { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }
    // The web chat's routes want a signed-in session; the API token does not stand in for one.
    expect((await t.app.request('/api/messages', chat)).status).toBe(401)
    expect((await t.app.request('/api/messages', { ...chat, headers: auth })).status).toBe(401)
    expect((await call('/api/v1/customers')).status).toBe(200)
  })

  it('binds 127.0.0.1 without a token and all interfaces with one', async () => {
    const local = await createTestCrm()
    expect(local.config.host).toBe('127.0.0.1')
    await local.close()
    expect(t.config.host).toBe('0.0.0.0')
  })

  it('creates, pages, reads and patches customers and deals, amounts in whole units', async () => {
    const names = ['华为', '腾讯', 'Acme']
    const created = []
    for (const name of names) {
      const res = await post('/api/v1/customers', { name, industry: 'tech' })
      expect(res.status).toBe(201)
      created.push((await res.json()) as { id: string; name: string })
    }
    const page1 = (await (await call('/api/v1/customers?limit=2')).json()) as {
      items: { name: string }[]
      next_cursor: string
    }
    expect(page1.items.map((c) => c.name)).toEqual(['Acme', '腾讯'])
    const page2 = (await (await call(`/api/v1/customers?limit=2&cursor=${page1.next_cursor}`)).json()) as {
      items: { name: string }[]
      next_cursor: null
    }
    expect(page2).toEqual({ items: [expect.objectContaining({ name: '华为' })], next_cursor: null })
    const huawei = created[0]!
    const dealRes = await post('/api/v1/deals', {
      customer_id: huawei.id,
      title: '5G 项目',
      amount: 1500000.5,
      stage: 'proposal',
    })
    expect(dealRes.status).toBe(201)
    const deal = (await dealRes.json()) as {
      id: string
      amount: number
      currency: string
      probability: number
    }
    expect(deal).toMatchObject({ amount: 1500000.5, currency: 'CNY', probability: 50 })
    const patched = await call(`/api/v1/deals/${deal.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ stage: 'won' }),
    })
    expect(await patched.json()).toMatchObject({ stage: 'won', amount: 1500000.5, probability: 100 })
    const contact = await post('/api/v1/contacts', {
      customer_id: huawei.id,
      name: '张总',
      phones: ['138-0013-8000'],
    })
    expect(contact.status).toBe(201)
    const again = await post('/api/v1/contacts', {
      customer_id: huawei.id,
      name: '张总',
      phones: ['+86 13800138000'],
    })
    expect(again.status).toBe(200)
    const contactId = ((await again.json()) as { id: string }).id
    const consent = await post(`/api/v1/contacts/${contactId}/consents`, {
      channel: 'wechat',
      status: 'granted',
      basis: '当面同意',
    })
    expect(await consent.json()).toMatchObject({
      contact_id: contactId,
      channel: 'wechat',
      status: 'granted',
    })
    const note = await post('/api/v1/interactions', {
      customer_id: huawei.id,
      type: 'call',
      text: '电话沟通',
      external_id: 'erp-1',
    })
    expect(note.status).toBe(201)
    expect(
      (
        await post('/api/v1/interactions', {
          customer_id: huawei.id,
          type: 'call',
          text: '电话沟通',
          external_id: 'erp-1',
        })
      ).status,
    ).toBe(200)
    const reminder = await post('/api/v1/reminders', {
      text: '发合同',
      due_at: '2026-11-20T15:00:00+08:00',
      customer_id: huawei.id,
    })
    expect(await reminder.json()).toMatchObject({ due_at: '2026-11-20T07:00:00.000Z', status: 'pending' })
    const detail = (await (await call(`/api/v1/customers/${huawei.id}`)).json()) as Record<string, unknown[]>
    expect(detail.contacts).toHaveLength(1)
    expect(detail.deals).toHaveLength(1)
    expect(detail.interactions).toHaveLength(1)
    expect(detail.reminders).toHaveLength(1)
    const renamed = await call(`/api/v1/customers/${huawei.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ tags: ['vip'] }),
    })
    expect(await renamed.json()).toMatchObject({ name: '华为', tags: ['vip'] })
    const pipeline = (await (await call('/api/v1/pipeline?period=this_month')).json()) as {
      stages: { stage: string; count: number; amount: number }[]
    }
    expect(pipeline.stages.find((s) => s.stage === 'won')).toMatchObject({ count: 1, amount: 1500000.5 })
    const dealsPage = (await (await call('/api/v1/deals')).json()) as {
      items: { stage: string; amount: number; currency: string }[]
    }
    expect(dealsPage.items[0]).toMatchObject({ stage: 'won', amount: 1500000.5, currency: 'CNY' })
  })

  it('refuses bad input with 400 naming the problem, and keeps serving', async () => {
    const malformed = await post('/api/v1/customers', '{"name": ')
    expect(malformed.status).toBe(400)
    expect(((await malformed.json()) as { message: string }).message).toMatch(/JSON/i)
    const invalid = await post('/api/v1/deals', { customer_id: 'x', amount: 'lots' })
    expect(invalid.status).toBe(400)
    expect(((await invalid.json()) as { message: string }).message).toMatch(/amount/)
    expect((await call('/api/v1/customers/nope')).status).toBe(404)
    const stranger = await call('/api/v1/customers', { headers: { 'x-crm-user': 'nobody' } })
    expect(stranger.status).toBe(403)
    expect(((await stranger.json()) as { message: string }).message).toMatch(/nobody/)
    expect((await t.app.request('/health')).status).toBe(200)
  })

  it('publishes an OpenAPI document listing every route', async () => {
    const doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>
    }
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/contacts',
        '/contacts/{id}/consents',
        '/customers',
        '/customers/{id}',
        '/deals',
        '/deals/{id}',
        '/interactions',
        '/pipeline',
        '/reminders',
      ].sort(),
    )
  })
})

describe('web chat endpoint over real HTTP', () => {
  it('answers empty, huge, malformed and first-time-user messages clearly and keeps serving', async () => {
    // Local mode (no token), where a typed name is who speaks.
    const local = await createTestCrm()
    const server = serve({ fetch: local.app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((resolve) => server.once('listening', resolve))
    const address = server.address()
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const send = (body: string) => fetch(`${base}/api/messages`, { method: 'POST', headers: auth, body })
    try {
      const empty = await send(JSON.stringify({ user: 'alice', text: '   ' }))
      expect(empty.status).toBe(400)
      expect(((await empty.json()) as { message: string }).message).toMatch(/empty/)
      const broken = await send('{"user": "alice", "text": ')
      expect(broken.status).toBe(400)
      const noUser = await send(JSON.stringify({ text: 'hi' }))
      expect(noUser.status).toBe(400)
      const big = await send(
        JSON.stringify({ user: 'bob', text: `记一下:${'很长的会议纪要。'.repeat(12_800)}` }),
      )
      expect(big.status).toBe(200)
      expect(((await big.json()) as { reply: { text: string } }).reply.text.length).toBeGreaterThan(0)
      const newcomer = await send(JSON.stringify({ user: 'carol', text: '帮助' }))
      expect(await newcomer.json()).toMatchObject({ reply: { intent: 'help' } })
      expect((await fetch(`${base}/health`)).status).toBe(200)
    } finally {
      await new Promise((resolve) => server.close(resolve))
      await local.close()
    }
  })
})
