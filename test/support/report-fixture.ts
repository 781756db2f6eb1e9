import { eq } from 'drizzle-orm'
import type { Actor, CrmContext } from '../../src/crm/crm-context.ts'
import { createCustomer } from '../../src/crm/customers.ts'
import { createDeal, updateDeal } from '../../src/crm/deals.ts'
import { logInteraction } from '../../src/crm/interactions.ts'
import { setSharingMode } from '../../src/crm/sharing.ts'
import { actorFromUser, ensureUser, ensureWorkspace } from '../../src/crm/users.ts'
import { newId } from '../../src/db/database.ts'
import type { Role } from '../../src/db/schema.ts'
import { teams, users } from '../../src/db/schema.ts'
import type { DealStage, InteractionType, Sentiment } from '../../src/understand/parsed-message.ts'

/**
 * A small team whose every report answer is worked out by hand, as of the test clock (Wed 2026-11-18
 * 10:00 Shanghai): `root` (admin), 赵经理 (manager of East), 张伟 and 李娜 (reps in East), 王强 (rep in
 * West). This week is 11-16..11-22, last week 11-09..11-15, this quarter Oct–Dec.
 */
export async function seedReportFixture(crm: CrmContext) {
  const workspace = await ensureWorkspace(crm, 'web', 'local')
  // Private: each rep sees their own customers, the case the permission checks are about.
  await setSharingMode(crm, null, workspace.id, 'private')
  const person = async (id: string, name: string, role: Role, teamId: string | null) => {
    const user = await ensureUser(crm, workspace.id, id, { displayName: name }, 'Asia/Shanghai')
    await crm.db.update(users).set({ role, teamId }).where(eq(users.id, user.id))
    return actorFromUser({ ...user, role, teamId })
  }
  const root = await person('root', 'Root', 'admin', null)
  const east = newId()
  const west = newId()
  await crm.db.insert(teams).values([
    { id: east, workspaceId: workspace.id, name: 'East' },
    { id: west, workspaceId: workspace.id, name: 'West' },
  ])
  const manager = await person('boss', '赵经理', 'manager', east)
  await crm.db.update(teams).set({ managerUserId: manager.userId }).where(eq(teams.id, east))
  const zhang = await person('zhang', '张伟', 'rep', east)
  const li = await person('li', '李娜', 'rep', east)
  const wang = await person('wang', '王强', 'rep', west)

  const at = (iso: string): CrmContext => ({ db: crm.db, now: () => new Date(iso) })
  const customer = async (owner: Actor, name: string, created: string) =>
    (await createCustomer(at(created), owner, { name })).id
  let seq = 0
  const note = (
    owner: Actor,
    customerId: string,
    type: InteractionType,
    when: string,
    text: string,
    sentiment: Sentiment | null = null,
  ) =>
    logInteraction(at(when), owner, {
      customerId,
      type,
      rawText: text,
      sentiment,
      occurredAt: new Date(when),
      sourcePlatform: 'test',
      sourceMessageId: `fixture-${++seq}`,
    })
  const deal = async (
    owner: Actor,
    customerId: string,
    title: string,
    amount: number,
    stage: DealStage,
    opts: { close?: string; closedAt?: string; currency?: string } = {},
  ) => {
    const row = await createDeal(at('2026-09-01T02:00:00Z'), owner, {
      customerId,
      title,
      amount,
      currency: opts.currency,
      expectedClose: opts.close ?? null,
    })
    if (stage !== 'lead')
      await updateDeal(at(opts.closedAt ?? '2026-09-02T02:00:00Z'), owner, row.id, { stage })
  }

  const huawei = await customer(zhang, '华为', '2026-10-01T02:00:00Z')
  const xiaomi = await customer(zhang, '小米', '2026-11-17T02:00:00Z')
  const tencent = await customer(li, '腾讯', '2026-09-01T02:00:00Z')
  const jd = await customer(li, '京东', '2026-08-01T02:00:00Z')
  const alibaba = await customer(wang, '阿里', '2026-11-02T02:00:00Z')
  // Never contacted since it was added: silent since creation.
  await customer(wang, '百度', '2026-07-01T02:00:00Z')

  await note(zhang, huawei, 'visit', '2026-11-17T03:00:00Z', '拜访华为,聊了云项目', 'positive')
  await note(zhang, huawei, 'call', '2026-11-16T03:00:00Z', '电话华为张总')
  await note(zhang, huawei, 'call', '2026-11-10T03:00:00Z', '电话华为,约了拜访')
  await note(zhang, xiaomi, 'visit', '2026-11-18T01:00:00Z', '拜访小米')
  await note(li, tencent, 'call', '2026-11-11T03:00:00Z', '电话腾讯')
  await note(li, tencent, 'call', '2026-11-12T03:00:00Z', '电话腾讯,发报价')
  await note(li, tencent, 'note', '2026-11-05T03:00:00Z', '客户对价格很不满意', 'negative')
  await note(li, jd, 'call', '2026-10-01T03:00:00Z', '电话京东')
  await note(wang, alibaba, 'visit', '2026-11-17T05:00:00Z', '拜访阿里')
  await note(wang, alibaba, 'note', '2026-11-15T03:00:00Z', '阿里抱怨交付太慢', 'negative')

  await deal(zhang, huawei, '华为云', 1_000_000, 'negotiation', { close: '2026-11-28' })
  await deal(zhang, xiaomi, '小米手机', 200_000, 'proposal', { close: '2026-12-10' })
  await deal(zhang, huawei, '华为终端', 150_000, 'won', { closedAt: '2026-11-10T02:00:00Z' })
  await deal(li, tencent, '腾讯会议', 500_000, 'won', { closedAt: '2026-10-15T02:00:00Z' })
  await deal(li, jd, '京东物流', 300_000, 'lost', { closedAt: '2026-11-05T02:00:00Z' })
  await deal(wang, alibaba, '阿里云', 800_000, 'negotiation', { close: '2026-11-25' })
  await deal(wang, alibaba, '阿里海外', 50_000, 'proposal', { close: '2026-11-30', currency: 'USD' })

  return { root, manager, zhang, li, wang }
}
