import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChatAction, ChatSender, ChatTarget, Reply } from '../../src/chat/chat-message.ts'
import type { DigestData } from '../../src/chat/reply-data.ts'
import type { Actor } from '../../src/crm/crm-context.ts'
import { createCustomer } from '../../src/crm/customers.ts'
import { createDeal } from '../../src/crm/deals.ts'
import { createReminder } from '../../src/crm/reminders.ts'
import { actorFromUser, ensureWorkspace, findUser } from '../../src/crm/users.ts'
import { customers, deals, reminders, users } from '../../src/db/schema.ts'
import { runScheduledWork } from '../../src/jobs/scheduler.ts'
import { createChatMessage, createTestCrm, TEST_NOW, type TestCrm } from '../support/test-crm.ts'

const DAY = 86_400_000
let clock: Date
let t: TestCrm
let pushed: { target: ChatTarget; reply: Reply }[]
const sender: ChatSender = {
  platform: 'web',
  send: async (target, reply) => void pushed.push({ target, reply }),
}
const tickAt = (iso: string | Date) => {
  clock = new Date(iso)
  return runScheduledWork({
    db: t.db,
    config: t.config,
    senders: new Map([['web', sender]]),
    log: () => {},
    now: () => clock,
  })
}
const say = (user: string, text: string) =>
  t.pipeline.handle(
    createChatMessage({ userId: user, userName: user, chatId: `dm:${user}`, text, receivedAt: clock }),
  )
const press = (user: string, action: ChatAction['action'], value: ChatAction['value']) =>
  t.pipeline.act({
    platform: 'web',
    workspaceId: 'local',
    chatId: `dm:${user}`,
    userId: user,
    action,
    value,
    receivedAt: clock,
  })
const actorOf = async (user: string): Promise<Actor> => {
  const ws = await ensureWorkspace(t.crm, 'web', 'local')
  const row = await findUser(t.crm, ws.id, user)
  if (!row) throw new Error(`no user ${user}`)
  return actorFromUser(row)
}
const pushesTo = (user: string) => pushed.filter((p) => p.target.chatId === `dm:${user}`)

beforeEach(async () => {
  clock = TEST_NOW
  t = await createTestCrm({ now: () => clock })
  pushed = []
  await say('boss', '帮助') // the first user: admin
  await say('rep', '帮助')
  await say('nyrep', 'help')
  await t.db.update(users).set({ timeZone: 'America/New_York' }).where(eq(users.platformUserId, 'nyrep'))
})
afterEach(() => t.close())

describe('quiet hours (default 21:00–08:00 in each user’s zone)', () => {
  it('holds a push due before them until the morning, but not for a user whose day it is', async () => {
    const due = new Date('2026-11-18T12:50:00Z') // 20:50 Shanghai, 07:50 New York
    await createReminder(t.crm, await actorOf('rep'), {
      text: '发周报',
      dueAt: due,
      platform: 'web',
      chatId: 'dm:rep',
    })
    await createReminder(t.crm, await actorOf('nyrep'), {
      text: 'send deck',
      dueAt: due,
      platform: 'web',
      chatId: 'dm:nyrep',
    })
    await tickAt('2026-11-18T13:30:00Z') // the server was down: 21:30 Shanghai, 08:30 New York
    expect(pushesTo('rep')).toHaveLength(0)
    expect(pushesTo('nyrep')).toHaveLength(1)
    await tickAt('2026-11-18T23:59:00Z') // 07:59 Shanghai: still quiet
    expect(pushesTo('rep')).toHaveLength(0)
    await tickAt('2026-11-19T00:01:00Z') // 08:01
    // The server was down when it fell due, so it says it is late.
    expect(pushesTo('rep').map((p) => p.reply.text)).toEqual([
      '⏰ 提醒(迟到:原定 11月18日(周三) 20:50):发周报',
    ])
  })

  it('lets a reminder the user set for a time inside them go out at that time', async () => {
    await say('rep', '提醒我今晚10点给李总发合同')
    const [row] = await t.db.select().from(reminders)
    expect(row?.dueAt.toISOString()).toBe('2026-11-18T14:00:00.000Z')
    await tickAt('2026-11-18T14:00:30Z')
    expect(pushesTo('rep')).toHaveLength(1)
  })

  it('is set by an admin in chat, and off means pushes go at any hour', async () => {
    expect((await say('rep', '免打扰 关闭'))?.text).toMatch(/admin/)
    expect((await say('boss', '免打扰 关闭'))?.text).toMatch(/免打扰已关闭/)
    await createReminder(t.crm, await actorOf('rep'), {
      text: '发周报',
      dueAt: new Date('2026-11-18T12:50:00Z'),
      platform: 'web',
      chatId: 'dm:rep',
    })
    await tickAt('2026-11-18T13:30:00Z')
    expect(pushesTo('rep')).toHaveLength(1)
    expect((await say('boss', 'quiet hours 22:00-07:30'))?.text).toMatch(/22:00–07:30/)
  })
})

describe('recurring reminders', () => {
  it('are set in chat as people say them, in zh and en, and listed with how they repeat', async () => {
    const zh = await say('rep', '每周一上午9点提醒我交周报')
    expect(zh?.text).toMatch(/🔁 好的,每周一 09:00 提醒你:交周报/)
    await say('rep', '每月1号提醒我对账')
    await say('nyrep', 'every Friday 4pm remind me to update the forecast')
    const rows = await t.db.select().from(reminders)
    expect(rows.map((r) => [r.text, r.recurrence, r.dueAt.toISOString()]).sort()).toEqual([
      ['update the forecast', 'FREQ=WEEKLY;BYDAY=FR', '2026-11-20T21:00:00.000Z'], // 16:00 in New York
      ['交周报', 'FREQ=WEEKLY;BYDAY=MO', '2026-11-23T01:00:00.000Z'],
      ['对账', 'FREQ=MONTHLY;BYMONTHDAY=1', '2026-12-01T01:00:00.000Z'],
    ])
    expect((await say('rep', '我的提醒'))?.text).toMatch(/🔁 每月1号 09:00 对账/)
  })

  it('goes out weekly at 09:00 New York time across the DST change, once per occurrence', async () => {
    const ny = await actorOf('nyrep')
    await createReminder(t.crm, ny, {
      text: 'update the forecast',
      dueAt: new Date('2027-03-08T14:00:00Z'), // Monday 09:00 EST
      platform: 'web',
      chatId: 'dm:nyrep',
      recurrence: 'FREQ=WEEKLY;BYDAY=MO',
    })
    for (const at of ['2027-03-08T14:00:30Z', '2027-03-15T13:00:30Z', '2027-03-22T13:00:30Z']) {
      await tickAt(at)
      await tickAt(at) // a second tick, or a second instance, sends nothing more
    }
    const times = pushesTo('nyrep').map(
      (p) => (p.reply.data as { reminder: { dueAt: string } }).reminder.dueAt,
    )
    expect(times).toEqual([
      '2027-03-08T14:00:00.000Z',
      '2027-03-15T13:00:00.000Z',
      '2027-03-22T13:00:00.000Z',
    ])
    const pending = await t.db.select().from(reminders).where(eq(reminders.status, 'pending'))
    expect(pending.map((r) => r.dueAt.toISOString())).toEqual(['2027-03-29T13:00:00.000Z'])
  })

  it('shows in 我的提醒 once, skips one occurrence, and cancels the whole series', async () => {
    const rep = await actorOf('rep')
    await createReminder(t.crm, rep, {
      text: '交周报',
      dueAt: new Date('2026-11-23T01:00:00Z'),
      platform: 'web',
      chatId: 'dm:rep',
      recurrence: 'FREQ=WEEKLY;BYDAY=MO',
    })
    await tickAt('2026-11-23T01:01:00Z')
    const list = await say('rep', '我的提醒')
    expect(list?.text).toMatch(/🔁 每周一 09:00 交周报\(下次 11月30日\(周一\) 09:00\)/)
    expect(list?.text.match(/交周报/g)).toHaveLength(1)
    expect((await say('rep', '取消这次提醒 交周报'))?.text).toMatch(/已跳过这一次/)
    const next = await t.db.select().from(reminders).where(eq(reminders.status, 'pending'))
    expect(next.map((r) => r.dueAt.toISOString())).toEqual(['2026-12-07T01:00:00.000Z'])
    expect((await say('rep', '取消提醒 交周报'))?.text).toMatch(/已取消周期提醒/)
    expect(await t.db.select().from(reminders).where(eq(reminders.status, 'pending'))).toHaveLength(0)
    await tickAt('2026-12-07T01:01:00Z')
    expect(pushesTo('rep')).toHaveLength(1)
  })
})

describe('nudges to owners, in the morning digest', () => {
  it('raises a quiet deal once a week, with buttons; snooze holds it a week; mark lost closes it', async () => {
    const rep = await actorOf('rep')
    const old = { db: t.db, now: () => new Date(TEST_NOW.getTime() - 20 * DAY) }
    const acme = await createCustomer(old, rep, { name: '三一重工' })
    const deal = await createDeal(old, rep, {
      customerId: acme.id,
      title: '泵车',
      amount: 500_000,
      stage: 'proposal',
    })
    const digestOn = async (iso: string) => {
      pushed = []
      await tickAt(iso)
      return pushesTo('rep')[0]
    }
    const first = await digestOn('2026-11-19T01:05:00Z')
    expect(first?.reply.text).toMatch(/商机「三一重工 · 泵车」已 20 天没有跟进/)
    expect(first?.reply.actions?.map((a) => a.action)).toEqual([
      'nudge_log_note',
      'nudge_snooze',
      'nudge_mark_lost',
    ])
    expect((first?.reply.data as unknown as DigestData | undefined)?.staleDeals).toHaveLength(0) // not listed twice
    expect((await digestOn('2026-11-20T01:05:00Z'))?.reply.text ?? '').not.toMatch(/泵车」已/)
    expect((await digestOn('2026-11-26T01:05:00Z'))?.reply.text).toMatch(/泵车」已 27 天/)
    await press('rep', 'nudge_snooze', { key: `deal:${deal.id}` })
    expect((await digestOn('2026-12-02T01:05:00Z'))?.reply.text ?? '').not.toMatch(/泵车」已/)
    expect((await press('boss', 'nudge_mark_lost', { id: deal.id })).text).toMatch(/标为输单/)
    const [after] = await t.db.select().from(deals)
    expect(after?.stage).toBe('lost')
  })

  it('refuses a snooze of a record the presser cannot see', async () => {
    const rep = await actorOf('rep')
    const c = await createCustomer(t.crm, rep, { name: '美团' })
    await expect(press('nyrep', 'nudge_snooze', { key: `customer:${c.id}` })).resolves.toMatchObject({
      intent: 'error',
    })
  })
})

describe('公海, the public pool', () => {
  it('warns the owner 3 days before, returns the customer, tells owner and manager, and lets reps claim within a limit', async () => {
    expect((await say('rep', '公海规则 30天未跟进 90天未成交 上限1'))?.text).toMatch(/admin/)
    expect((await say('boss', '公海规则 30天未跟进 90天未成交 上限1'))?.text).toMatch(
      /30天未跟进或90天未成交.*最多持有1个/,
    )
    const rep = await actorOf('rep')
    const cold = await createCustomer(t.crm, rep, { name: '比亚迪' })
    pushed = []
    await tickAt(new Date(TEST_NOW.getTime() + 27 * DAY + 23 * 3_600_000).toISOString()) // day 28, 09:00
    expect(pushesTo('rep')[0]?.reply.text).toMatch(/「比亚迪」将于 .* 回到公海\(30天未跟进\)/)
    pushed = []
    await tickAt(new Date(TEST_NOW.getTime() + 30 * DAY + 23 * 3_600_000).toISOString()) // day 31, 09:00
    const [returned] = await t.db.select().from(customers).where(eq(customers.id, cold.id))
    expect(returned).toMatchObject({ inPool: true, ownerUserId: null, lastOwnerUserId: rep.userId })
    expect(pushesTo('rep')[0]?.reply.text).toMatch(/「比亚迪」已回到公海/)
    expect(pushesTo('boss')[0]?.reply.text).toMatch(/回到公海的客户 1 个:\n- 比亚迪/)
    expect((await say('nyrep', 'pool'))?.text).toMatch(/比亚迪/)
    // Two reps press claim at once: one owner, never two.
    const claims = await Promise.all([say('nyrep', 'claim 比亚迪'), say('rep', '领取 比亚迪')])
    expect(claims.filter((r) => /✅/.test(r?.text ?? ''))).toHaveLength(1)
    const [claimed] = await t.db.select().from(customers).where(eq(customers.id, cold.id))
    expect(claimed?.inPool).toBe(false)
    // The limit: a rep already holding one may not claim another.
    const other = await createCustomer(t.crm, await actorOf('boss'), { name: '宁德时代', inPool: true })
    const winner = claimed?.ownerUserId === rep.userId ? 'rep' : 'nyrep'
    expect((await say(winner, `领取 ${other.name}`))?.text).toMatch(/limit for claiming is 1/)
  })
})
