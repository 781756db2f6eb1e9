import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { outbox, reminders } from '../../src/db/schema.ts'
import { runSchedulerTick } from '../../src/jobs/scheduler.ts'
import { createChatMessage, createTestCrm, TEST_NOW, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm
/** The servers' clock, moved on to when the reminders are due. */
let clock: Date
const tickAt = (crm: TestCrm, at: Date) =>
  runSchedulerTick({ db: crm.db, config: crm.config, senders: crm.senders, log: () => {}, now: () => at }, at)
/** What the web page gets when it polls its chat's pushes. */
const poll = async (crm: TestCrm, chat: string) =>
  ((await (await crm.app.request(`/api/outbox?chat=${chat}`)).json()) as { messages: { text: string }[] })
    .messages

beforeEach(async () => {
  clock = TEST_NOW
  t = await createTestCrm({ now: () => clock })
  await t.pipeline.handle(createChatMessage({ text: '提醒我明天下午3点给美团王总发合同', chatId: 'c1' }))
  await t.pipeline.handle(createChatMessage({ text: 'remind me tomorrow at 4pm to call Acme', chatId: 'c1' }))
})
afterEach(() => t.close())

describe('web chat pushes', () => {
  it('wait in the outbox while no page is open, through a restart, and reach the page once', async () => {
    const due = await t.db.select().from(reminders).orderBy(reminders.dueAt)
    const after = new Date(due[1]!.dueAt.getTime() + 60_000)
    clock = after
    // The dispatcher runs in the tick, but leaves the web chat's rows to the page.
    expect(await tickAt(t, after)).toMatchObject({ reminders: 2, sent: 0 })
    expect((await t.db.select().from(outbox)).map((r) => r.status)).toEqual(['pending', 'pending'])

    // A second server over the same file: what a restart sees.
    const restarted = await createTestCrm({
      env: { DATABASE_URL: `file:${join(t.dir, 'crm.db')}` },
      now: () => clock,
    })
    try {
      expect(await poll(restarted, 'other-chat')).toEqual([])
      const texts = (await poll(restarted, 'c1')).map((m) => m.text)
      expect(texts).toEqual([
        expect.stringMatching(/^⏰ 提醒.*给美团王总发合同/),
        expect.stringMatching(/^⏰ Reminder.*call Acme/),
      ])
      expect(await poll(restarted, 'c1')).toEqual([])
      expect(await poll(t, 'c1')).toEqual([])
      expect((await t.db.select().from(outbox)).map((r) => r.status)).toEqual(['sent', 'sent'])
    } finally {
      await restarted.close()
    }
  })

  it('are taken by one of two polls racing, never both', async () => {
    const due = await t.db.select().from(reminders).orderBy(reminders.dueAt)
    clock = new Date(due[1]!.dueAt.getTime() + 60_000)
    await tickAt(t, clock)
    const [a, b] = await Promise.all([poll(t, 'c1'), poll(t, 'c1')])
    expect([...a!, ...b!]).toHaveLength(2)
  })
})
