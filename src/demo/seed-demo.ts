import { eq } from 'drizzle-orm'
import { upsertContact } from '../crm/contacts.ts'
import type { CrmContext } from '../crm/crm-context.ts'
import { createCustomer } from '../crm/customers.ts'
import { createDeal } from '../crm/deals.ts'
import { logInteraction } from '../crm/interactions.ts'
import { actorFromUser, ensureUser, ensureWorkspace } from '../crm/users.ts'
import { newId } from '../db/database.ts'
import { DEAL_STAGES, teams, users } from '../db/schema.ts'

const COMPANIES = [
  ['华为', '通信'],
  ['腾讯', '互联网'],
  ['阿里巴巴', '互联网'],
  ['字节跳动', '互联网'],
  ['美团', '本地生活'],
  ['京东', '电商'],
  ['小米', '消费电子'],
  ['比亚迪', '汽车'],
  ['宁德时代', '新能源'],
  ['招商银行', '金融'],
  ['平安保险', '金融'],
  ['顺丰', '物流'],
  ['网易', '互联网'],
  ['百度', '互联网'],
  ['格力', '家电'],
  ['海尔', '家电'],
  ['联想', 'IT'],
  ['中兴', '通信'],
  ['吉利汽车', '汽车'],
  ['蔚来', '汽车'],
  ['拼多多', '电商'],
  ['OPPO', '消费电子'],
  ['vivo', '消费电子'],
  ['携程', '旅游'],
  ['滴滴', '出行'],
  ['Acme', 'Manufacturing'],
  ['Globex', 'Energy'],
  ['Initech', 'Software'],
  ['Umbrella', 'Pharma'],
  ['Hooli', 'Internet'],
  ['Stark Industries', 'Defense'],
  ['Wayne Enterprises', 'Conglomerate'],
  ['Soylent Corp', 'Food'],
  ['Cyberdyne', 'Robotics'],
  ['Tyrell', 'Biotech'],
  ['Wonka', 'Food'],
  ['Massive Dynamic', 'Research'],
  ['Oscorp', 'Chemicals'],
  ['Vandelay Industries', 'Import/Export'],
  ['Pied Piper', 'Software'],
] as const
const CONTACTS_ZH = ['张总', '李经理', '王总监', '陈工', '刘总', '赵主任', '孙经理', '周总', '吴工', '郑总']
const CONTACTS_EN = ['Jane', 'Tom', 'Priya', 'Bob', 'Maria', 'Ken', 'Aisha', 'Lars', 'Mei', 'Diego']
const NOTES_ZH = [
  '电话沟通了报价,对方很满意,下周安排技术交流',
  '拜访客户,介绍了新产品方案,对方有兴趣但预算紧张',
  '微信跟进合同条款,法务还在审核',
  '线上会议演示了系统,客户反馈不错',
  '客户投诉交付延期,情绪比较大,需要尽快处理',
  '发了报价邮件,等待反馈',
]
const NOTES_EN = [
  'Called about the renewal, they are happy with the service',
  'Demo went well, the team loved the reporting',
  'Emailed the revised quote, waiting for feedback',
  'Meeting with procurement, pricing is a concern',
  'They are considering a competitor, not great',
]
const TYPES = ['call', 'visit', 'message', 'meeting', 'email', 'note'] as const

/** A deterministic generator, so the demo looks the same on every machine. */
function rng(seed: number) {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff
    return s / 0x7fffffff
  }
}

/**
 * A realistic team in the web workspace: 1 manager, 3 reps, 40 customers, 60 deals across all stages and
 * 300 interactions over the last 90 days. Idempotent: a second run adds nothing.
 */
export async function seedDemo(crm: CrmContext, timeZone: string) {
  const workspace = await ensureWorkspace(crm, 'web', 'local', 'Demo')
  const existing = await crm.db.select().from(users).where(eq(users.platformUserId, 'demo-manager'))
  if (existing.length > 0) return { skipped: 'already seeded' }
  const admin = await ensureUser(crm, workspace.id, 'admin', { displayName: 'admin' }, timeZone)
  const manager = await ensureUser(crm, workspace.id, 'demo-manager', { displayName: '王经理' }, timeZone)
  const teamId = newId()
  await crm.db
    .insert(teams)
    .values({ id: teamId, workspaceId: workspace.id, name: '华东销售', managerUserId: manager.id })
  await crm.db.update(users).set({ role: 'manager', teamId }).where(eq(users.id, manager.id))
  const reps = []
  for (const [id, name] of [
    ['demo-rep-1', '张伟'],
    ['demo-rep-2', 'Lily Chen'],
    ['demo-rep-3', '李娜'],
  ]) {
    const rep = await ensureUser(crm, workspace.id, id as string, { displayName: name }, timeZone)
    await crm.db.update(users).set({ teamId, role: 'rep' }).where(eq(users.id, rep.id))
    reps.push(actorFromUser({ ...rep, teamId, role: 'rep' }))
  }
  const random = rng(42)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const now = crm.now().getTime()
  const customerRows = []
  for (const [i, [name, industry]] of COMPANIES.entries()) {
    const owner = reps[i % reps.length]
    if (!owner) continue
    const customer = await createCustomer(crm, owner, { name, industry })
    const english = /^[A-Za-z]/.test(name)
    await upsertContact(crm, owner, {
      customerId: customer.id,
      name: english ? pick(CONTACTS_EN) : pick(CONTACTS_ZH),
      title: english ? 'Head of IT' : '采购负责人',
    })
    customerRows.push({ customer, owner, english })
  }
  for (let i = 0; i < 60; i++) {
    const row = customerRows[i % customerRows.length]
    if (!row) continue
    const { customer, owner, english } = row
    const stage = DEAL_STAGES[i % DEAL_STAGES.length] ?? 'lead'
    await createDeal(crm, owner, {
      customerId: customer.id,
      title: english ? `${customer.name} platform deal ${i + 1}` : `${customer.name} 项目 ${i + 1}`,
      amount: Math.round(random() * 200 + 5) * 10_000,
      currency: english ? 'USD' : 'CNY',
      stage,
    })
  }
  for (let i = 0; i < 300; i++) {
    const { customer, owner, english } = pick(customerRows)
    await logInteraction(crm, owner, {
      customerId: customer.id,
      type: pick(TYPES),
      rawText: english ? pick(NOTES_EN) : pick(NOTES_ZH),
      sentiment: pick(['positive', 'neutral', 'negative'] as const),
      occurredAt: new Date(now - Math.floor(random() * 90 * 86_400_000)),
      sourcePlatform: 'seed',
      sourceMessageId: `seed-${i}`,
    })
  }
  return { users: 5, admin: admin.displayName, customers: customerRows.length, deals: 60, interactions: 300 }
}
