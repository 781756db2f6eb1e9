import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChatSender, ChatTarget, Reply } from '../../src/chat/chat-message.ts'
import type { DigestData } from '../../src/chat/reply-data.ts'
import { createCustomer } from '../../src/crm/customers.ts'
import { createDeal } from '../../src/crm/deals.ts'
import { logInteraction } from '../../src/crm/interactions.ts'
import { actorFromUser, ensureWorkspace, findUser } from '../../src/crm/users.ts'
import { outbox, reminders, users } from '../../src/db/schema.ts'
import { runScheduledWork } from '../../src/jobs/scheduler.ts'
import { OUTBOX_RETRY_DELAYS_MS } from '../../src/outbox/outbox-dispatcher.ts'
import { createChatMessage, createTestCrm, type TestCrm } from '../support/test-crm.ts'

const DAY = 86_400_000
let t: TestCrm
let pushed: { target: ChatTarget; reply: Reply }[]
const sender: ChatSender = {
  platform: 'web',
  send: async (target, reply) => void pushed.push({ target, reply }),
}
const tick = (at: string) =>
  runScheduledWork({
    db: t.db,
    config: t.config,
    senders: new Map([['web', sender]]),
    log: () => {},
    now: () => new Date(at),
  })

beforeEach(async () => {
  t = await createTestCrm()
  pushed = []
  await t.pipeline.handle(
    createChatMessage({ userId: 'boss', userName: 'boss', chatId: 'dm:boss', text: '帮助' }),
  )
  await t.pipeline.handle(
    createChatMessage({ userId: 'rep', userName: 'rep', chatId: 'dm:rep', text: '帮助' }),
  )
  const ws = await ensureWorkspace(t.crm, 'web', 'local')
  const rep = actorFromUser((await findUser(t.crm, ws.id, 'rep'))!)
  const old = { now: () => new Date(t.now().getTime() - 30 * DAY), db: t.db }
  const cold = await createCustomer(old, rep, { name: '冷淡客户' })
  await createDeal(old, rep, { customerId: cold.id, amount: 100_000, stage: 'proposal' })
  const warm = await createCustomer(t.crm, rep, { name: '热情客户' })
  await logInteraction(t.crm, rep, {
    customerId: warm.id,
    type: 'call',
    rawText: 'call',
    sourcePlatform: 'web',
    sourceMessageId: 'w1',
  })
})
afterEach(() => t.close())

describe('the morning digest', () => {
  it('goes to each user once, at 09:00 in their zone, into their direct chat', async () => {
    await tick('2026-11-19T00:30:00Z') // 08:30 in Shanghai: too early
    expect(pushed).toHaveLength(0)
    await tick('2026-11-19T01:05:00Z') // 09:05
    await tick('2026-11-19T01:20:00Z') // again in the same hour: not twice
    const byChat = new Map(pushed.map((p) => [p.target.chatId, p.reply]))
    expect([...byChat.keys()].sort()).toEqual(['dm:boss', 'dm:rep'])
    expect(pushed).toHaveLength(2)
    const boss = byChat.get('dm:boss')?.data as unknown as DigestData
    expect(boss.staleCustomers.map((c) => c.name)).toEqual(['冷淡客户'])
    expect(boss.staleDeals.map((d) => d.customerName)).toEqual(['冷淡客户'])
    expect(boss.pipeline?.total.count).toBe(1)
    const rep = byChat.get('dm:rep')?.data as unknown as DigestData
    expect(rep.pipeline).toBeNull()
    expect(byChat.get('dm:rep')?.text).toMatch(/冷淡客户/)
  })

  it('follows each user’s own time zone', async () => {
    await t.db.update(users).set({ timeZone: 'America/New_York' }).where(eq(users.platformUserId, 'rep'))
    await tick('2026-11-19T01:05:00Z')
    expect(pushed.map((p) => p.target.chatId)).toEqual(['dm:boss'])
    await tick('2026-11-19T14:05:00Z') // 09:05 in New York
    expect(pushed.map((p) => p.target.chatId)).toEqual(['dm:boss', 'dm:rep'])
  })

  it('speaks the language the user last wrote to the bot in', async () => {
    await t.pipeline.handle(
      createChatMessage({
        userId: 'rep',
        userName: 'rep',
        chatId: 'dm:rep',
        text: 'my reminders',
        receivedAt: new Date(t.now().getTime() + 60_000),
      }),
    )
    await tick('2026-11-19T01:05:00Z')
    const byChat = new Map(pushed.map((p) => [p.target.chatId, p.reply.text]))
    expect(byChat.get('dm:rep')).toMatch(/^☀️ Good morning[\s\S]*冷淡客户 \(rep, 30 days\)/)
    expect(byChat.get('dm:boss')).toMatch(/^☀️ 早安[\s\S]*加权 ¥/)
  })
})

describe('due reminders', () => {
  it('retry a failed push with backoff from the outbox and give up after five attempts', async () => {
    await t.pipeline.handle(
      createChatMessage({
        userId: 'rep',
        userName: 'rep',
        chatId: 'dm:rep',
        text: '提醒我明天下午3点给美团王总发合同',
      }),
    )
    const failing: ChatSender = {
      platform: 'web',
      send: async () => {
        throw new Error('platform down')
      },
    }
    const [reminder] = await t.db.select().from(reminders)
    const events: string[] = []
    // Each tick a little after the last retry's time: 5 s, 30 s, 2 min, 10 min after the failures.
    let at = reminder!.dueAt.getTime() + 1000
    for (const wait of [0, ...OUTBOX_RETRY_DELAYS_MS, 3_600_000]) {
      at += wait + 1
      await runScheduledWork({
        db: t.db,
        config: t.config,
        senders: new Map([['web', failing]]),
        log: (e) => void events.push(e),
        now: () => new Date(at),
      })
    }
    const [queued] = await t.db.select().from(outbox)
    expect(queued).toMatchObject({
      dedupeKey: `reminder:${reminder!.id}:${reminder!.dueAt.getTime()}`,
      status: 'failed',
      attempts: 5,
      error: 'Error: platform down',
    })
    expect(events.filter((e) => e === 'outbox.send_failed')).toHaveLength(5)
    const [after] = await t.db.select().from(reminders)
    expect(after).toMatchObject({ status: 'sent', attempts: 1 })
  })
})
