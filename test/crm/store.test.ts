import { eq, sql } from 'drizzle-orm'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { upsertContact } from '../../src/crm/contacts.ts'
import type { Actor } from '../../src/crm/crm-context.ts'
import { createCustomer, getCustomer, listCustomers, matchCustomer } from '../../src/crm/customers.ts'
import { createDeal, updateDeal } from '../../src/crm/deals.ts'
import { logInteraction } from '../../src/crm/interactions.ts'
import { formatLocalTime } from '../../src/crm/local-time.ts'
import { createReminder } from '../../src/crm/reminders.ts'
import { setSharingMode } from '../../src/crm/sharing.ts'
import { actorFromUser, ensureUser, ensureWorkspace } from '../../src/crm/users.ts'
import { newId } from '../../src/db/database.ts'
import { auditLog, dealStageHistory, deals, reminders, teams, users } from '../../src/db/schema.ts'
import { createChatMessage, createTestCrm, type TestCrm } from '../support/test-crm.ts'
import { closeTestD1 } from '../support/test-d1.ts'

// The same store tests on both engines the app runs on: a libSQL file (Node, Turso) and D1 (Workers).
describe.each(['libsql', 'd1'] as const)('the store on %s', (store) => {
  let t: TestCrm
  let admin: Actor
  let manager: Actor
  let rep1: Actor
  let rep2: Actor
  let outsider: Actor

  beforeEach(async () => {
    t = await createTestCrm({ store })
    const ws = await ensureWorkspace(t.crm, 'web', 'local')
    const user = (id: string) => ensureUser(t.crm, ws.id, id, { displayName: id }, 'Asia/Shanghai')
    admin = actorFromUser(await user('boss'))
    const m = await user('manager')
    const teamId = newId()
    await t.db.insert(teams).values({ id: teamId, workspaceId: ws.id, name: 'East', managerUserId: m.id })
    await t.db.update(users).set({ role: 'manager', teamId }).where(eq(users.id, m.id))
    manager = actorFromUser({ ...m, role: 'manager', teamId })
    const r1 = await user('rep1')
    const r2 = await user('rep2')
    await t.db.update(users).set({ teamId }).where(eq(users.id, r1.id))
    await t.db.update(users).set({ teamId }).where(eq(users.id, r2.id))
    rep1 = actorFromUser({ ...r1, teamId })
    rep2 = actorFromUser({ ...r2, teamId })
    outsider = actorFromUser({ ...(await user('other-manager')), role: 'manager' })
  })
  afterEach(() => t.close())
  afterAll(closeTestD1)

  it('creates every table from an empty database', async () => {
    const rows = await t.db.all<{ name: string }>(
      sql`select name from sqlite_master where type = 'table' order by name`,
    )
    const names = rows.map((r) => r.name)
    for (const table of [
      'workspaces',
      'users',
      'teams',
      'customers',
      'contacts',
      'interactions',
      'deals',
      'deal_stage_history',
      'reminders',
      'audit_log',
      'consents',
      'inbound_messages',
    ]) {
      expect(names).toContain(table)
    }
    // WAL is ours to set on a file; D1 manages its own journal.
    if (store === 'libsql') {
      const [mode] = await t.db.all<{ journal_mode: string }>(sql`pragma journal_mode`)
      expect(mode?.journal_mode).toBe('wal')
    }
  })

  it('makes the first user of a workspace admin and later ones reps', () => {
    expect(admin.role).toBe('admin')
    expect(rep1.role).toBe('rep')
  })

  it('in a private workspace lets a rep read only their own customers, a manager their team, not another team', async () => {
    await setSharingMode(t.crm, null, admin.workspaceId, 'private')
    const huawei = await createCustomer(t.crm, rep1, { name: '华为' })
    await expect(getCustomer(t.crm, rep2, huawei.id)).rejects.toMatchObject({ code: 'not_found' })
    await expect(getCustomer(t.crm, manager, huawei.id)).resolves.toMatchObject({ name: '华为' })
    await expect(getCustomer(t.crm, outsider, huawei.id)).rejects.toMatchObject({ code: 'not_found' })
    await expect(getCustomer(t.crm, admin, huawei.id)).resolves.toMatchObject({ name: '华为' })
    expect((await listCustomers(t.crm, rep2, { limit: 10 })).items).toHaveLength(0)
    expect((await listCustomers(t.crm, manager, { limit: 10 })).items).toHaveLength(1)
    expect(await matchCustomer(t.crm, rep2, '华为')).toMatchObject({ kind: 'forbidden' })
  })

  it('in a team workspace (the default) lets every member read every customer', async () => {
    const huawei = await createCustomer(t.crm, rep1, { name: '华为' })
    await expect(getCustomer(t.crm, rep2, huawei.id)).resolves.toMatchObject({ ownerUserId: rep1.userId })
    await expect(getCustomer(t.crm, outsider, huawei.id)).resolves.toMatchObject({ name: '华为' })
    expect(await matchCustomer(t.crm, rep2, '华为')).toMatchObject({ kind: 'found' })
  })

  it('matches company names across suffixes and asks when a name is close to several', async () => {
    await createCustomer(t.crm, rep1, { name: '华为技术有限公司' })
    await createCustomer(t.crm, rep1, { name: '平安保险' })
    await createCustomer(t.crm, rep1, { name: '平安银行' })
    expect(await matchCustomer(t.crm, rep1, '华为技术')).toMatchObject({ kind: 'found' })
    const ping = await matchCustomer(t.crm, rep1, '平安')
    expect(ping.kind).toBe('ambiguous')
    expect(ping.kind === 'ambiguous' && ping.options.map((o) => o.name).sort()).toEqual([
      '平安保险',
      '平安银行',
    ])
    expect(await matchCustomer(t.crm, rep1, '腾讯')).toEqual({ kind: 'not_found' })
  })

  it('deduplicates contacts by sound (张伟/张炜) and by phone in any format', async () => {
    const c = await createCustomer(t.crm, rep1, { name: 'Acme' })
    const first = await upsertContact(t.crm, rep1, {
      customerId: c.id,
      name: '张伟',
      phones: ['138-0013-8000'],
    })
    expect(first.merged).toBe(false)
    expect(first.contact.phones).toEqual(['+8613800138000'])
    const second = await upsertContact(t.crm, rep1, { customerId: c.id, name: '张炜', title: 'CTO' })
    expect(second).toMatchObject({ merged: true, contact: { id: first.contact.id, title: 'CTO' } })
    const third = await upsertContact(t.crm, rep1, {
      customerId: c.id,
      name: 'Z. Wei',
      phones: ['+86 13800138000'],
    })
    expect(third.contact.id).toBe(first.contact.id)
    await expect(upsertContact(t.crm, rep1, { customerId: c.id, name: 'X', phones: ['12'] })).rejects.toThrow(
      /phone "12"/,
    )
  })

  it('logs the same platform message once', async () => {
    const c = await createCustomer(t.crm, rep1, { name: 'Acme' })
    const note = {
      customerId: c.id,
      type: 'call' as const,
      rawText: 'called',
      sourcePlatform: 'slack',
      sourceMessageId: 'Ev1',
    }
    const a = await logInteraction(t.crm, rep1, note)
    const b = await logInteraction(t.crm, rep1, note)
    expect(a.duplicate).toBe(false)
    expect(b).toMatchObject({ duplicate: true, interaction: { id: a.interaction.id } })
    const message = createChatMessage({ platformMessageId: 'same-id' })
    expect(await t.pipeline.accept(message)).toMatchObject({ status: 'accepted' })
    expect(await t.pipeline.accept({ ...message })).toEqual({ status: 'duplicate' })
  })

  it('writes an audit row for every change, with before and after', async () => {
    const c = await createCustomer(t.crm, rep1, { name: 'Globex' })
    const deal = await createDeal(t.crm, rep1, { customerId: c.id, amount: 45_000, stage: 'qualified' })
    await updateDeal(t.crm, rep1, deal.id, { stage: 'proposal' })
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityId, deal.id))
    expect(rows.map((r) => r.action)).toEqual(['create', 'update'])
    expect(rows[1]?.before).toMatchObject({ stage: 'qualified' })
    expect(rows[1]?.after).toMatchObject({ stage: 'proposal', probability: 50 })
    expect(rows[1]?.actorUserId).toBe(rep1.userId)
    const history = await t.db.select().from(dealStageHistory).where(eq(dealStageHistory.dealId, deal.id))
    expect(history.map((h) => [h.fromStage, h.toStage])).toEqual([
      [null, 'qualified'],
      ['qualified', 'proposal'],
    ])
  })

  it('keeps money in integer minor units and round-trips it exactly', async () => {
    const c = await createCustomer(t.crm, rep1, { name: 'Initech' })
    const deal = await createDeal(t.crm, rep1, { customerId: c.id, amount: 1234567.89, currency: 'usd' })
    const [row] = await t.db.select().from(deals).where(eq(deals.id, deal.id))
    expect(row).toMatchObject({ amountMinor: 123456789, currency: 'USD' })
    const yen = await createDeal(t.crm, rep1, { customerId: c.id, amount: 5000, currency: 'JPY' })
    expect(yen.amountMinor).toBe(5000)
    const sum = await createDeal(t.crm, rep1, { customerId: c.id, amount: 0.1 + 0.2, currency: 'CNY' })
    expect(sum.amountMinor).toBe(30)
  })

  it('stores instants in UTC and shows them in the user zone', async () => {
    const due = new Date('2026-11-25T09:00:00+08:00')
    const r = await createReminder(t.crm, rep1, {
      text: '跟进华为',
      dueAt: due,
      platform: 'web',
      chatId: 'dm:rep1',
    })
    const [raw] = await t.db.all<{ due_at: number }>(sql`select due_at from reminders where id = ${r.id}`)
    expect(raw?.due_at).toBe(Date.parse('2026-11-25T01:00:00Z'))
    const [row] = await t.db.select().from(reminders).where(eq(reminders.id, r.id))
    expect(row?.dueAt.toISOString()).toBe('2026-11-25T01:00:00.000Z')
    expect(formatLocalTime(row!.dueAt, 'Asia/Shanghai', 'zh-CN')).toBe('11月25日(周三) 09:00')
    expect(formatLocalTime(row!.dueAt, 'America/New_York', 'en-US')).toBe('Tue, Nov 24, 20:00')
  })
})
