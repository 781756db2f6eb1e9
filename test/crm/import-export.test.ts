import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readTable } from '../../src/cli/read-table.ts'
import { upsertContact } from '../../src/crm/contacts.ts'
import type { Actor } from '../../src/crm/crm-context.ts'
import { createCustomer } from '../../src/crm/customers.ts'
import { exportRows } from '../../src/crm/import/export-rows.ts'
import { runImport } from '../../src/crm/import/run-import.ts'
import { actorFromUser, ensureUser, ensureWorkspace } from '../../src/crm/users.ts'
import {
  auditLog,
  consents,
  contactPhones,
  contacts,
  customers,
  deals,
  interactions,
} from '../../src/db/schema.ts'
import { createTestCrm, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm
let admin: Actor

beforeEach(async () => {
  t = await createTestCrm()
  const ws = await ensureWorkspace(t.crm, 'web', 'local')
  admin = actorFromUser(await ensureUser(t.crm, ws.id, 'boss', { displayName: '王经理' }, 'Asia/Shanghai'))
})
afterEach(() => t.close())

const csv = (name: string, text: string) => {
  const file = join(t.dir, name)
  writeFileSync(file, `\uFEFF${text}`)
  return readTable(file)
}

describe('importing a CSV', () => {
  it('maps Chinese headers, merges into existing customers, and reports a dry run without writing', async () => {
    await createCustomer(t.crm, admin, { name: '华为技术有限公司' })
    const rows = csv(
      'customers.csv',
      '客户名称,行业,负责人,标签\n华为技术有限公司,通信,王经理,\n阿里巴巴,互联网,,"VIP,电商"\n阿里巴巴,,,\n',
    )
    const dry = await runImport(t.crm, admin, 'customers', rows, { dryRun: true })
    expect(dry).toMatchObject({ rows: 3, written: false, created: { customers: 1 }, present: { count: 2 } })
    expect(dry.present.first).toEqual([
      { line: 2, as: '华为技术有限公司' },
      { line: 4, as: '阿里巴巴' },
    ])
    expect(await t.db.$count(customers)).toBe(1)
    const real = await runImport(t.crm, admin, 'customers', rows)
    expect(real.written).toBe(true)
    const [ali] = await t.db.select().from(customers).where(eq(customers.name, '阿里巴巴'))
    expect(ali).toMatchObject({ industry: '互联网', tags: ['VIP', '电商'], inPool: true })
    expect(await t.db.$count(auditLog, eq(auditLog.entityId, ali?.id ?? ''))).toBe(1)
  })

  it('rejects a file with bad rows whole, naming each line and why, unless --skip-bad', async () => {
    const rows = csv(
      'contacts.csv',
      [
        'Company,Contact,Mobile,Email,Consent',
        'Acme,Jane Doe,+1 415 555 2671,Jane@Acme.com,yes',
        'Acme,Bob,12345,,',
        '"Multi\nline Co",Ann,,,',
        'Globex,Li Lei,138-0013-8000,not-an-email,',
        'Globex,Han Meimei,13900139000,,maybe',
      ].join('\n'),
    )
    const auditBefore = await t.db.$count(auditLog)
    const report = await runImport(t.crm, admin, 'contacts', rows)
    expect(report.written).toBe(false)
    expect(report.rejected.first).toEqual([
      { line: 3, reason: expect.stringMatching(/phone "12345" is not a valid number/) },
      { line: 6, reason: expect.stringMatching(/email "not-an-email"/) },
      { line: 7, reason: expect.stringMatching(/consent "maybe"/) },
    ])
    for (const table of [customers, contacts, consents]) expect(await t.db.$count(table)).toBe(0)
    expect(await t.db.$count(auditLog)).toBe(auditBefore)

    const skipped = await runImport(t.crm, admin, 'contacts', rows, { skipBad: true })
    expect(skipped).toMatchObject({
      written: true,
      created: { customers: 2, contacts: 2 },
      rejected: { count: 3 },
    })
    const [jane] = await t.db.select().from(contacts).where(eq(contacts.name, 'Jane Doe'))
    expect(jane).toMatchObject({ phones: ['+14155552671'], email: 'jane@acme.com' })
    expect(await t.db.select().from(consents)).toMatchObject([{ contactId: jane?.id, status: 'granted' }])
  })

  it('names the missing column and the headers it accepts', async () => {
    const rows = csv('deals.csv', '名字,金额\n华为,100\n')
    await expect(runImport(t.crm, admin, 'deals', rows)).rejects.toThrow(/no column for customer \(客户名称/)
  })

  it('imports deals and interactions from an xlsx sheet, amounts in minor units, wall times in the zone', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('商机')
    sheet.addRow(['客户名称', '商机', '阶段', '金额', '预计成交'])
    sheet.addRow(['华为', '云服务', '商务谈判', '120万', '2026-12-31'])
    sheet.addRow(['华为', '培训', 'won', 5000, ''])
    const file = join(t.dir, 'deals.xlsx')
    await book.xlsx.writeFile(file)
    const report = await runImport(t.crm, admin, 'deals', readTable(file))
    expect(report).toMatchObject({ written: true, created: { customers: 1, deals: 2 } })
    const rows = await t.db.select().from(deals).orderBy(deals.id)
    expect(rows.map((d) => [d.title, d.stage, d.amountMinor, d.expectedClose])).toEqual([
      ['云服务', 'negotiation', 120_000_000, '2026-12-31'],
      ['培训', 'won', 500_000, null],
    ])
    const notes = csv('notes.csv', '客户名称,类型,内容,时间\n华为,拜访,谈了二期,2026-11-01 14:30\n')
    await runImport(t.crm, admin, 'interactions', notes)
    const [note] = await t.db.select().from(interactions)
    expect(note).toMatchObject({ type: 'visit', rawText: '谈了二期', sourcePlatform: 'import' })
    expect(note?.occurredAt.toISOString()).toBe('2026-11-01T06:30:00.000Z')
  })
})

describe('importing the same file again', () => {
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        Object.entries({ customers, contacts, deals, interactions, consents, auditLog }).map(
          async ([name, table]) => [name, await t.db.$count(table)] as const,
        ),
      ),
    )

  it('creates nothing the second time: every row of every kind is already present', async () => {
    const files = {
      customers: csv('customers.csv', '客户名称,行业\n华为,通信\n腾讯,互联网\n'),
      contacts: csv('contacts.csv', '客户名称,联系人,手机,同意\n华为,张伟,138 0013 8000,是\n腾讯,马化腾,,\n'),
      deals: csv('deals.csv', '客户名称,商机,金额\n华为,云服务,120万\n华为,培训,5000\n腾讯,云服务,10万\n'),
      interactions: csv(
        'notes.csv',
        [
          '客户名称,类型,内容,时间',
          '华为,拜访,谈了二期,2026-11-01 14:30',
          '华为,拜访,谈了二期,2026-11-08 14:30', // the same words a week later: another note
          '华为,电话,谈了二期,2026-11-01 14:30', // a call, not the visit
          '腾讯,,寄了样品,', // no date: dated at the import, the same note next time all the same
          '腾讯,,寄了样品,', // the same row twice in one file: one note
        ].join('\n'),
      ),
    }
    const first: Record<string, unknown> = {}
    for (const [kind, rows] of Object.entries(files))
      first[kind] = await runImport(t.crm, admin, kind as keyof typeof files, rows)
    expect(first).toMatchObject({
      customers: { created: { customers: 2 }, present: { count: 0 } },
      contacts: { created: { contacts: 2 }, present: { count: 0 } },
      deals: { created: { deals: 3 }, present: { count: 0 } },
      interactions: { created: { interactions: 4 }, present: { count: 1, first: [{ line: 6 }] } },
    })
    const before = await counts()
    expect(before).toMatchObject({ customers: 2, contacts: 2, deals: 3, interactions: 4, consents: 1 })

    for (const [kind, rows] of Object.entries(files)) {
      const dry = await runImport(t.crm, admin, kind as keyof typeof files, rows, { dryRun: true })
      const again = await runImport(t.crm, admin, kind as keyof typeof files, rows)
      for (const report of [dry, again]) {
        expect(report.created, kind).toEqual({ customers: 0, contacts: 0, deals: 0, interactions: 0 })
        expect(report.present.count, kind).toBe(report.rows)
      }
      expect(again.written).toBe(true)
    }
    expect(await counts()).toEqual(before)
    const again = await runImport(t.crm, admin, 'deals', files.deals, { dryRun: true })
    expect(again.present.first).toEqual([
      { line: 2, as: '云服务 @ 华为' },
      { line: 3, as: '培训 @ 华为' },
      { line: 4, as: '云服务 @ 腾讯' },
    ])
  })

  it("finds a contact by any of its numbers, in any format, at any customer (the numbers' own table)", async () => {
    const acme = await createCustomer(t.crm, admin, { name: 'Acme' })
    const { contact } = await upsertContact(t.crm, admin, {
      customerId: acme.id,
      name: 'Jane Doe',
      phones: ['+1 415 555 2671'],
    })
    // A second number added later (the contact row is updated, not inserted).
    await upsertContact(t.crm, admin, { customerId: acme.id, name: 'Jane Doe', phones: ['13800138000'] })
    expect(await t.db.select().from(contactPhones).orderBy(contactPhones.phone)).toEqual([
      { workspaceId: admin.workspaceId, phone: '+14155552671', contactId: contact.id },
      { workspaceId: admin.workspaceId, phone: '+8613800138000', contactId: contact.id },
    ])
    const report = await runImport(
      t.crm,
      admin,
      'contacts',
      csv('moved.csv', 'Company,Contact,Mobile\nGlobex,J. Doe,138-0013-8000\nGlobex,Bob,13900139000\n'),
    )
    expect(report).toMatchObject({
      created: { customers: 1, contacts: 1 },
      present: { count: 1, first: [{ line: 2, as: 'J. Doe @ Globex' }] },
    })
  })

  it('matches rows against those earlier in a file bigger than a batch, the dry run counting as the import', async () => {
    // 1,200 rows, 3 batches: each contact appears twice, 600 rows apart (the later in another batch),
    // and each customer's contacts are spread over all three.
    const lines = ['客户名称,联系人,手机']
    for (let i = 0; i < 1200; i++) {
      const n = i % 600
      lines.push(`客户${n % 50},联系人${n},139${String(n).padStart(8, '0')}`)
    }
    const rows = csv('big.csv', lines.join('\n'))
    const before = await counts()
    const dry = await runImport(t.crm, admin, 'contacts', rows, { dryRun: true })
    expect(await counts()).toEqual(before)
    const real = await runImport(t.crm, admin, 'contacts', rows)
    for (const report of [dry, real])
      expect(report).toMatchObject({
        rows: 1200,
        created: { customers: 50, contacts: 600 },
        present: { count: 600, first: expect.arrayContaining([{ line: 602, as: '联系人0 @ 客户0' }]) },
      })
    expect(await counts()).toMatchObject({ customers: 50, contacts: 600, auditLog: before.auditLog + 650 })
  })
})

describe('exporting', () => {
  it('writes the headers import reads, so an export re-imports into the same records', async () => {
    const rows = csv('c.csv', '客户名称,行业\n华为,通信\n腾讯,互联网\n')
    await runImport(t.crm, admin, 'customers', rows)
    const exported = []
    for await (const row of exportRows(t.crm, admin.workspaceId, 'customers')) exported.push(row)
    expect(exported.map((r) => [r.客户名称, r.行业])).toEqual([
      ['华为', '通信'],
      ['腾讯', '互联网'],
    ])
    const header = Object.keys(exported[0] ?? {}).join(',')
    const body = exported.map((r) => Object.values(r).join(',')).join('\n')
    const again = await runImport(t.crm, admin, 'customers', csv('again.csv', `${header}\n${body}\n`))
    expect(again).toMatchObject({ created: { customers: 0 }, present: { count: 2 }, rejected: { count: 0 } })
  })
})
