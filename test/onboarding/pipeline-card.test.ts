import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/crm/crm-context.ts'
import { createCustomer } from '../../src/crm/customers.ts'
import { createDeal, updateDeal } from '../../src/crm/deals.ts'
import { pipelineSummary } from '../../src/crm/pipeline-summary.ts'
import { actorFromUser, ensureUser, ensureWorkspace } from '../../src/crm/users.ts'
import { createChatMessage, createTestCrm, type TestCrm } from '../support/test-crm.ts'

// TEST_NOW is Wednesday 2026-11-18 in Shanghai; 2026-11-03 is in this month but not this week.
const EARLY_THIS_MONTH = new Date('2026-11-03T02:00:00.000Z')

let t: TestCrm
let boss: Actor
let zhang: Actor
let li: Actor
beforeEach(async () => {
  t = await createTestCrm()
  const ws = await ensureWorkspace(t.crm, 'web', 'local')
  const user = async (id: string) =>
    actorFromUser(await ensureUser(t.crm, ws.id, id, { displayName: id }, 'Asia/Shanghai'))
  boss = await user('boss')
  zhang = await user('张伟')
  li = await user('李娜')
  const at = (when: Date) => ({ db: t.db, now: () => when })
  const huawei = await createCustomer(t.crm, zhang, { name: '华为' })
  const xiaomi = await createCustomer(t.crm, li, { name: '小米' })
  // Won early in the month: in 本月, not in 本周.
  const early = await createDeal(at(EARLY_THIS_MONTH), zhang, {
    customerId: huawei.id,
    title: '华为 ERP',
    amount: 800_000,
  })
  await updateDeal(at(EARLY_THIS_MONTH), zhang, early.id, { stage: 'won' })
  // Won this week.
  const recent = await createDeal(t.crm, li, { customerId: xiaomi.id, title: '小米 CRM', amount: 120_000 })
  await updateDeal(t.crm, li, recent.id, { stage: 'won' })
  // Open deals, one per owner, and one in dollars.
  await createDeal(t.crm, zhang, {
    customerId: huawei.id,
    title: '华为 二期',
    amount: 300_000,
    stage: 'proposal',
  })
  await createDeal(t.crm, li, {
    customerId: xiaomi.id,
    title: '小米 海外',
    amount: 50_000,
    stage: 'negotiation',
  })
  await createDeal(t.crm, li, {
    customerId: xiaomi.id,
    title: 'Xiaomi US',
    amount: 20_000,
    currency: 'USD',
    stage: 'lead',
  })
})
afterEach(() => t.close())

describe('issue 15 #3: numbers on a pipeline card agree with each other', () => {
  it('the headline counts what the stage table and the owner table count', async () => {
    const s = await pipelineSummary(t.crm, boss, 'this_month')
    const open = s.stages.filter((x) => !['won', 'lost'].includes(x.stage))
    expect(s.total.count).toBe(open.reduce((n, x) => n + x.count, 0))
    expect(s.total.count).toBe(s.owners.reduce((n, o) => n + o.count, 0))
    expect(s.total.amount).toBe(s.owners.reduce((n, o) => n + o.amount, 0))
    expect(s.won.count).toBe(s.owners.reduce((n, o) => n + o.won_count, 0))
    expect(s.won.count).toBe(s.stages.find((x) => x.stage === 'won')?.count)
    expect(s.total).toMatchObject({ count: 2, amount: 350_000 })
    expect(s.won).toMatchObject({ count: 2, amount: 920_000 })
  })

  it('won-only data still shows a non-zero headline for the won deals', async () => {
    const text = (
      await t.pipeline.handle(createChatMessage({ userId: 'boss', userName: 'boss', text: '本月管道' }))
    )?.text
    expect(text).toMatch(/本月赢单 2 个 · ¥920,000/)
  })

  it('本周 and 本月 differ when the deals closed in them differ; open deals are as they stand now', async () => {
    const week = await pipelineSummary(t.crm, boss, 'this_week')
    const month = await pipelineSummary(t.crm, boss, 'this_month')
    expect(week.won).toMatchObject({ count: 1, amount: 120_000 })
    expect(month.won).toMatchObject({ count: 2, amount: 920_000 })
    expect(week.total).toEqual(month.total)
    expect(week.moved).toBeLessThan(month.moved)
  })

  it('张伟的管道 shows only 张伟 deals', async () => {
    const reply = await t.pipeline.handle(
      createChatMessage({ userId: 'boss', userName: 'boss', text: '张伟的管道' }),
    )
    const data = reply?.data as { ownerName: string; owners: { owner: string }[]; total: { amount: number } }
    expect(data.ownerName).toBe('张伟')
    expect(data.owners.map((o) => o.owner)).toEqual(['张伟'])
    expect(data.total.amount).toBe(300_000)
    const unknown = await t.pipeline.handle(
      createChatMessage({ userId: 'boss', userName: 'boss', text: '王五的管道' }),
    )
    expect(unknown?.text).toMatch(/找不到用户「王五」/)
  })

  it('deals in another currency are their own line, never left out nor converted', async () => {
    const s = await pipelineSummary(t.crm, li, 'this_month')
    expect(s.currency).toBe('CNY')
    expect(s.other_currencies).toEqual([
      expect.objectContaining({
        currency: 'USD',
        open: { count: 1, amount: 20_000, weighted_amount: 2_000 },
      }),
    ])
    const text = (
      await t.pipeline.handle(createChatMessage({ userId: '李娜', userName: '李娜', text: '本月管道' }))
    )?.text
    expect(text).toMatch(/USD\(另计,不折算\): 在途 1 个 · \$20,000/)
  })
})
