import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readTable } from '../../src/cli/read-table.ts'
import type { Actor } from '../../src/crm/crm-context.ts'
import { mergeCustomers, undoMerge } from '../../src/crm/customer-merge.ts'
import { createCustomer } from '../../src/crm/customers.ts'
import { runImport } from '../../src/crm/import/run-import.ts'
import { logInteraction } from '../../src/crm/interactions.ts'
import { staleCustomers } from '../../src/crm/reports/customer-reports.ts'
import { actorFromUser, ensureUser, ensureWorkspace } from '../../src/crm/users.ts'
import { customers } from '../../src/db/schema.ts'
import { createTestCrm, TEST_NOW, type TestCrm } from '../support/test-crm.ts'

/** "When was this customer last worked": what the going-cold list and 公海 clock read, kept by every writer. */
let t: TestCrm
let admin: Actor
const DAY = 86_400_000

beforeEach(async () => {
  t = await createTestCrm()
  const ws = await ensureWorkspace(t.crm, 'web', 'local')
  admin = actorFromUser(await ensureUser(t.crm, ws.id, 'boss', { displayName: '王经理' }, 'Asia/Shanghai'))
})
afterEach(() => t.close())

const lastContact = async (name: string) =>
  (await t.db.select().from(customers).where(eq(customers.name, name)))[0]?.lastContactAt?.toISOString()
const stale = async (days: number) =>
  (await staleCustomers(t.crm, admin.workspaceId, null, days)).customers.map((c) => c.name).sort()

describe('a customer last contact', () => {
  it('after an import of notes is the newest note for customers it created, forward for existing ones', async () => {
    // Worked yesterday, through the chat: the old notes imported later must not make it look older.
    await createCustomer(t.crm, admin, { name: 'Acme' })
    const yesterday = new Date(TEST_NOW.getTime() - DAY)
    await t.db.update(customers).set({ createdAt: yesterday, lastContactAt: yesterday })
    const file = join(t.dir, 'notes.csv')
    writeFileSync(
      file,
      [
        '客户名称,类型,内容,时间',
        '华为,拜访,谈了二期,2026-09-01 14:30',
        '华为,电话,报价跟进,2026-10-01 09:00',
        '腾讯,电话,寄了样品,2026-11-10 10:00',
        'Acme,call,old call,2026-06-01 10:00',
      ].join('\n'),
    )
    await runImport(t.crm, admin, 'interactions', readTable(file))
    expect(await lastContact('华为')).toBe('2026-10-01T01:00:00.000Z')
    expect(await lastContact('腾讯')).toBe('2026-11-10T02:00:00.000Z')
    expect(await lastContact('Acme')).toBe(yesterday.toISOString())
    // Quiet for more than 30 days: 华为 only, whose last note is from October, not the import's day.
    expect(await stale(30)).toEqual(['华为'])
  })

  it('after a merge counts the other customer notes, and goes back when the merge is undone', async () => {
    const old = await createCustomer(t.crm, admin, { name: '华为技术有限公司' })
    const recent = await createCustomer(t.crm, admin, { name: '华为' })
    // Both created at TEST_NOW; the survivor's only note is 60 days old, the other's 2 days.
    await t.db
      .update(customers)
      .set({ createdAt: new Date(TEST_NOW.getTime() - 90 * DAY), lastContactAt: new Date(0) })
    await logInteraction(t.crm, admin, {
      customerId: old.id,
      type: 'call',
      rawText: '老客户回访',
      sourcePlatform: 'web',
      sourceMessageId: 'm1',
      occurredAt: new Date(TEST_NOW.getTime() - 60 * DAY),
    })
    await logInteraction(t.crm, admin, {
      customerId: recent.id,
      type: 'visit',
      rawText: '拜访',
      sourcePlatform: 'web',
      sourceMessageId: 'm2',
      occurredAt: new Date(TEST_NOW.getTime() - 2 * DAY),
    })
    expect(await stale(30)).toEqual(['华为技术有限公司'])
    const merge = await mergeCustomers(t.crm, admin, { survivorId: old.id, mergedId: recent.id })
    expect(await lastContact('华为技术有限公司')).toBe(new Date(TEST_NOW.getTime() - 2 * DAY).toISOString())
    expect(await stale(30)).toEqual([])
    await undoMerge(t.crm, admin, merge.id)
    expect(await lastContact('华为技术有限公司')).toBe(new Date(TEST_NOW.getTime() - 60 * DAY).toISOString())
    expect(await stale(30)).toEqual(['华为技术有限公司'])
  })
})
