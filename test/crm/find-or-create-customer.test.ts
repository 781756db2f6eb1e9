import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditLog, customers } from '../../src/db/schema.ts'
import { createChatMessage, createTestCrm, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm
beforeEach(async () => {
  t = await createTestCrm()
})
afterEach(() => t.close())

describe('find-or-create customer', () => {
  it('makes one customer of 50 concurrent web messages naming a new one', async () => {
    await t.pipeline.handle(createChatMessage({ text: '帮助' }))
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.pipeline.handle(createChatMessage({ text: '今天拜访了星河科技王总,聊了报价' })),
      ),
    )
    expect(replies.filter((r) => r?.intent === 'error')).toEqual([])
    const made = await t.db.select().from(customers)
    expect(made.map((c) => c.normalizedName)).toHaveLength(1)
    const audits = await t.db.select().from(auditLog)
    expect(audits.filter((a) => a.entityType === 'customer' && a.action === 'create')).toHaveLength(1)
  })

  it('refuses a second live customer of the same normalized name through the API', async () => {
    const first = await t.app.request('/api/v1/customers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Acme' }),
    })
    expect(first.status).toBe(201)
    const again = await t.app.request('/api/v1/customers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ACME Inc.' }),
    })
    expect(again.status).toBe(409)
  })
})
