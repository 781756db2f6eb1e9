import { eq } from 'drizzle-orm'
import { upsertContact } from '../crm/contacts.ts'
import type { CrmContext } from '../crm/crm-context.ts'
import { createCustomer } from '../crm/customers.ts'
import { createDeal, updateDeal } from '../crm/deals.ts'
import { logInteraction } from '../crm/interactions.ts'
import { actorFromUser, ensureUser, ensureWorkspace } from '../crm/users.ts'
import { newId } from '../db/database.ts'
import { DEAL_STAGES, teams, users } from '../db/schema.ts'
import type { InteractionType, Sentiment } from '../understand/parsed-message.ts'

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
type SeedNote = readonly [InteractionType, Sentiment, string]
const NOTES_ZH: readonly SeedNote[] = [
  ['call', 'positive', '电话沟通了报价,对方很满意,下周安排技术交流'],
  ['visit', 'neutral', '拜访客户,介绍了新产品方案,对方有兴趣但预算紧张'],
  ['message', 'neutral', '微信跟进合同条款,法务还在审核'],
  ['meeting', 'positive', '线上会议演示了系统,客户反馈不错'],
  ['call', 'negative', '客户投诉交付延期,情绪比较大,需要尽快处理'],
  ['email', 'neutral', '发了报价邮件,等待反馈'],
  ['visit', 'positive', '上门拜访采购负责人,对方认可我们的服务,准备走采购流程'],
  ['call', 'negative', '电话里客户说竞品报价低了15%,不太满意我们的价格'],
]
const NOTES_EN: readonly SeedNote[] = [
  ['call', 'positive', 'Called about the renewal, they are happy with the service'],
  ['meeting', 'positive', 'Demo went well, the team loved the reporting'],
  ['email', 'neutral', 'Emailed the revised quote, waiting for feedback'],
  ['meeting', 'negative', 'Meeting with procurement, pricing is a concern'],
  ['call', 'negative', 'They are considering a competitor, not great'],
  ['visit', 'neutral', 'Visited their office, walked IT through the rollout plan'],
]

/** A deterministic generator, so the demo looks the same on every machine. */
function rng(seed: number) {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff
    return s / 0x7fffffff
  }
}

// The web chat knows a user by the name typed in its header, so the demo team's ids are their names:
// typing 王经理 there is the manager.
export const DEMO_MANAGER = '王经理'
export const DEMO_REPS = ['张伟', 'Lily Chen', '李娜'] as const

/**
 * A realistic team in the web workspace: 1 manager, 3 reps, 40 customers, 60 deals across all stages and
 * 300 interactions over the last 90 days. Idempotent: a second run adds nothing.
 */
export async function seedDemo(crm: CrmContext, timeZone: string) {
  const workspace = await ensureWorkspace(crm, 'web', 'local', 'Demo')
  const existing = await crm.db.select().from(users).where(eq(users.platformUserId, DEMO_MANAGER))
  if (existing.length > 0) return { skipped: 'already seeded' }
  const admin = await ensureUser(crm, workspace.id, 'admin', { displayName: 'admin' }, timeZone)
  const manager = await ensureUser(crm, workspace.id, DEMO_MANAGER, { displayName: DEMO_MANAGER }, timeZone)
  const teamId = newId()
  await crm.db
    .insert(teams)
    .values({ id: teamId, workspaceId: workspace.id, name: '华东销售', managerUserId: manager.id })
  await crm.db.update(users).set({ role: 'manager', teamId }).where(eq(users.id, manager.id))
  const reps = []
  for (const name of DEMO_REPS) {
    const rep = await ensureUser(crm, workspace.id, name, { displayName: name }, timeZone)
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
  const day = 86_400_000
  // Each deal walks the stages up to where it stands, at times spread over the last 90 days, so the stage
  // history, `this week` and `last month` summaries and the going-cold job all have something real to show.
  const openPath = DEAL_STAGES.filter((s) => s !== 'won' && s !== 'lost')
  for (let i = 0; i < 60; i++) {
    const row = customerRows[i % customerRows.length]
    if (!row) continue
    const { customer, owner, english } = row
    const target = DEAL_STAGES[i % DEAL_STAGES.length] ?? 'lead'
    const path =
      target === 'won' || target === 'lost'
        ? [...openPath.slice(0, 1 + (i % 4)), target]
        : openPath.slice(0, openPath.indexOf(target) + 1)
    const steps = path.map(
      (_, k) => now - Math.floor((90 - (k * 80) / path.length) * day * (0.3 + 0.7 * random())),
    )
    steps.sort((a, b) => a - b)
    const at = (t: number): CrmContext => ({ ...crm, now: () => new Date(t) })
    const deal = await createDeal(at(steps[0] ?? now), owner, {
      customerId: customer.id,
      title: english ? `${customer.name} platform deal ${i + 1}` : `${customer.name} 项目 ${i + 1}`,
      amount: Math.round(random() * 200 + 5) * 10_000,
      currency: english ? 'USD' : 'CNY',
      stage: path[0] ?? 'lead',
      expectedClose: localDate(now + Math.floor(random() * 90 + 7) * day),
    })
    for (const [k, stage] of path.entries()) {
      if (k > 0) await updateDeal(at(steps[k] ?? now), owner, deal.id, { stage })
    }
  }
  for (let i = 0; i < 300; i++) {
    const { customer, owner, english } = pick(customerRows)
    const [type, sentiment, rawText] = pick(english ? NOTES_EN : NOTES_ZH)
    await logInteraction(crm, owner, {
      customerId: customer.id,
      type,
      rawText,
      sentiment,
      occurredAt: workingHours(now - Math.floor(random() * 90 * day), random),
      sourcePlatform: 'seed',
      sourceMessageId: `seed-${i}`,
    })
  }
  return { users: 5, admin: admin.displayName, customers: customerRows.length, deals: 60, interactions: 300 }
}

const localDate = (t: number) => new Date(t).toISOString().slice(0, 10)

/** The same day between 09:00 and 18:00 Shanghai time (01:00-10:00 UTC), when notes are written. */
function workingHours(t: number, random: () => number): Date {
  const d = new Date(t)
  d.setUTCHours(1 + Math.floor(random() * 9), Math.floor(random() * 60), 0, 0)
  return d
}
