import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChatSender, Reply } from '../../src/chat/chat-message.ts'
import { outbox, reminders } from '../../src/db/schema.ts'
import { runSchedulerTick } from '../../src/jobs/scheduler.ts'
import { createChatMessage, createTestCrm, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm
let pushed: Reply[]
const sender: ChatSender = { platform: 'web', send: async (_target, reply) => void pushed.push(reply) }
const tickAt = (at: Date) =>
  runSchedulerTick(
    { db: t.db, config: t.config, senders: new Map([['web', sender]]), log: () => {}, now: () => at },
    at,
  )

beforeEach(async () => {
  t = await createTestCrm()
  pushed = []
  await t.pipeline.handle(createChatMessage({ text: '提醒我明天下午3点给美团王总发合同' }))
  await t.pipeline.handle(createChatMessage({ text: 'remind me tomorrow at 4pm to call Acme' }))
})
afterEach(() => t.close())

describe('pushes missed while the server was down', () => {
  it('go out once, late, and say so in the text', async () => {
    const rows = await t.db.select().from(reminders).orderBy(reminders.dueAt)
    expect(rows).toHaveLength(2)
    // The server comes back three hours after the later one was due.
    const back = new Date(rows[1]!.dueAt.getTime() + 3 * 3_600_000)
    expect(await tickAt(back)).toMatchObject({ reminders: 2, sent: 2 })
    const texts = pushed.map((r) => r.text).sort()
    expect(texts[0]).toMatch(/^⏰ Reminder \(late: was due .+\): call Acme/)
    expect(texts[1]).toContain('迟到')
    expect(texts[1]).toContain('给美团王总发合同')
    expect((await t.db.select().from(outbox)).map((r) => r.late)).toEqual([true, true])
    expect(await tickAt(new Date(back.getTime() + 60_000))).toMatchObject({ reminders: 0, sent: 0 })
    expect(pushed).toHaveLength(2)
  })

  it('on time is not marked late', async () => {
    const [first] = await t.db.select().from(reminders).orderBy(reminders.dueAt)
    await tickAt(new Date(first!.dueAt.getTime() + 10_000))
    expect(pushed.map((r) => r.text)).toEqual([expect.stringMatching(/^⏰ 提醒:给美团王总发合同/)])
  })
})
