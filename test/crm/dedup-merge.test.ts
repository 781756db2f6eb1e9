import { eq, sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { upsertContact } from '../../src/crm/contacts.ts'
import type { Actor } from '../../src/crm/crm-context.ts'
import { mergeCustomers, undoMerge } from '../../src/crm/customer-merge.ts'
import { createCustomer, getCustomer, matchCustomer } from '../../src/crm/customers.ts'
import { createDeal } from '../../src/crm/deals.ts'
import { logInteraction } from '../../src/crm/interactions.ts'
import { companyKey } from '../../src/crm/matching/company-key.ts'
import { findDuplicates } from '../../src/crm/matching/find-duplicates.ts'
import { compareCompanyNames } from '../../src/crm/matching/name-match.ts'
import { createReminder } from '../../src/crm/reminders.ts'
import { actorFromUser, ensureUser, ensureWorkspace } from '../../src/crm/users.ts'
import { contacts, customers } from '../../src/db/schema.ts'
import { createTestCrm, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm
let admin: Actor

beforeEach(async () => {
  t = await createTestCrm()
  const ws = await ensureWorkspace(t.crm, 'web', 'local')
  admin = actorFromUser(await ensureUser(t.crm, ws.id, 'boss', { displayName: 'boss' }, 'Asia/Shanghai'))
})
afterEach(() => t.close())

describe('company keys', () => {
  it('drop legal suffixes, trade words, 省/市 prefixes, branch places and full width', () => {
    expect(companyKey('华为技术有限公司')).toBe('华为')
    expect(companyKey('北京市华为技术有限公司')).toBe('华为')
    expect(companyKey('华为技术(深圳)有限公司')).toBe('华为')
    expect(companyKey('广东省深圳市腾讯计算机系统有限公司')).toBe('腾讯')
    expect(companyKey('ＡＣＭＥ Inc.')).toBe('acme')
    // A place before a bare kind of institution is the name itself.
    expect(companyKey('北京银行')).toBe('北京银行')
  })

  it('score and explain, and keep look-alikes apart', () => {
    expect(compareCompanyNames('华为', '华为技术有限公司')?.reasons[0]?.code).toBe('same_key')
    expect(compareCompanyNames('Huawei', '华为')?.reasons[0]?.code).toBe('alias')
    expect(compareCompanyNames('招行', '招商银行股份有限公司')?.reasons[0]?.code).toBe('alias')
    expect(compareCompanyNames('华为', '华夏银行')).toBeNull()
    expect(compareCompanyNames('中国银行', '中国建设银行')).toBeNull()
  })
})

describe('finding duplicates on a real libSQL file', () => {
  it('pairs 华为 / 华为技术有限公司 / Huawei and 张伟 / 张炜, shared phones in any format, and nothing else', async () => {
    const huawei = await createCustomer(t.crm, admin, { name: '华为' })
    const full = await createCustomer(t.crm, admin, { name: '华为技术有限公司' })
    const latin = await createCustomer(t.crm, admin, { name: 'Huawei' })
    for (const name of ['华夏银行', '中国银行', '中国建设银行']) await createCustomer(t.crm, admin, { name })
    await upsertContact(t.crm, admin, { customerId: full.id, name: '张伟', phones: ['138-0013-8000'] })
    await upsertContact(t.crm, admin, { customerId: full.id, name: '李娜', email: 'Li.Na@Huawei.com' })
    // The IME's 张炜 at the same customer is merged into 张伟 by sound on write, so put it on a new phone row.
    await t.db.insert(contacts).values({
      id: 'c-zhangwei2',
      workspaceId: admin.workspaceId,
      customerId: full.id,
      name: '张炜',
      normalizedName: '张炜',
      phones: [],
    })
    await upsertContact(t.crm, admin, { customerId: huawei.id, name: '王总', phones: ['+86 138 0013 8000'] })
    const pairs = await findDuplicates(t.crm, admin)
    const names = pairs.map((p) => [p.a.name, p.b.name].sort().join(' ~ '))
    expect(names).toEqual(
      expect.arrayContaining([
        '华为 ~ 华为技术有限公司',
        'Huawei ~ 华为',
        'Huawei ~ 华为技术有限公司',
        '张伟 ~ 张炜',
      ]),
    )
    const phonePair = pairs.find((p) => p.kind === 'customer' && p.a.id !== latin.id && p.b.id !== latin.id)
    expect(phonePair?.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['same_key', 'same_phone']))
    expect(phonePair?.reasons.find((r) => r.code === 'same_phone')?.detail).toBe('+8613800138000')
    const zhang = pairs.find((p) => [p.a.name, p.b.name].sort().join() === '张伟,张炜')
    expect(zhang?.reasons[0]).toEqual({ code: 'same_pinyin', detail: 'zhangwei' })
    for (const lookAlike of ['华夏银行', '中国银行', '中国建设银行'])
      expect(names.filter((n) => n.includes(lookAlike))).toEqual([])
    const [stored] = await t.db.select().from(contacts).where(eq(contacts.name, '李娜'))
    expect(stored?.email).toBe('li.na@huawei.com')
  })

  it('asks about 华为 when only 华为技术有限公司 exists, and finds it by Huawei', async () => {
    const full = await createCustomer(t.crm, admin, { name: '华为技术有限公司' })
    const short = await matchCustomer(t.crm, admin, '华为')
    expect(short).toMatchObject({ kind: 'ambiguous', exact: false, options: [{ id: full.id }] })
    expect(await matchCustomer(t.crm, admin, 'Huawei')).toMatchObject({ kind: 'ambiguous' })
    expect(await matchCustomer(t.crm, admin, '华夏银行')).toEqual({ kind: 'not_found' })
  })
})

describe('merging customers', () => {
  it('moves every record, keeps the name as an alias, and undoes back to the same counts', async () => {
    const into = await createCustomer(t.crm, admin, { name: '华为技术有限公司' })
    const from = await createCustomer(t.crm, admin, { name: '华为' })
    await upsertContact(t.crm, admin, { customerId: from.id, name: '张伟', phones: ['13800138000'] })
    await upsertContact(t.crm, admin, { customerId: into.id, name: '李娜' })
    await createDeal(t.crm, admin, { customerId: from.id, title: '云服务', amount: 100 })
    for (const n of [1, 2])
      await logInteraction(t.crm, admin, {
        customerId: from.id,
        type: 'visit',
        rawText: `第${n}次拜访`,
        occurredAt: t.now(),
        sourcePlatform: 'web',
        sourceMessageId: `m${n}`,
      })
    await createReminder(t.crm, admin, {
      text: '回访',
      dueAt: new Date(t.now().getTime() + 86_400_000),
      platform: 'web',
      chatId: 'dm',
      customerId: from.id,
    })
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          ['contacts', 'deals', 'interactions', 'reminders', 'customer_aliases'].map(async (table) => [
            table,
            await t.db.all(
              sql.raw(
                `select customer_id, count(*) as n from ${table} group by customer_id order by customer_id`,
              ),
            ),
          ]),
        ),
      )
    const before = await counts()
    const activeBefore = await t.db.$count(customers, eq(customers.status, 'active'))

    const merge = await mergeCustomers(t.crm, admin, { survivorId: into.id, mergedId: from.id })
    expect(merge.moved).toMatchObject({
      contacts: [expect.any(String)],
      interactions: [expect.any(String), expect.any(String)],
    })
    expect((await getCustomer(t.crm, admin, from.id)).status).toBe('archived')
    expect(await t.db.$count(contacts, eq(contacts.customerId, into.id))).toBe(2)
    // The merged name is an alias now: a note about 华为 finds the survivor, no question asked.
    expect(await matchCustomer(t.crm, admin, '华为')).toMatchObject({
      kind: 'found',
      customer: { id: into.id },
    })

    await undoMerge(t.crm, admin, merge.id)
    expect(await counts()).toEqual(before)
    expect(await t.db.$count(customers, eq(customers.status, 'active'))).toBe(activeBefore)
    await expect(undoMerge(t.crm, admin, merge.id)).rejects.toMatchObject({ code: 'conflict' })
    const audit = await t.db.all<{ action: string }>(
      sql`select action from audit_log where action in ('merge', 'unmerge') order by id`,
    )
    expect(audit.map((a) => a.action)).toEqual(['merge', 'unmerge'])
  })
})
