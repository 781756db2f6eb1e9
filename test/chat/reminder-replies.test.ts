import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChatSender, ChatTarget, Reply } from '../../src/chat/chat-message.ts'
import { readReminderAnswer } from '../../src/chat/commands/reminder-reply.ts'
import { reminders } from '../../src/db/schema.ts'
import { runScheduledWork } from '../../src/jobs/scheduler.ts'
import { createChatMessage, createTestCrm, TEST_NOW, type TestCrm } from '../support/test-crm.ts'

const HOUR = 3_600_000
let clock: Date
let t: TestCrm
let pushed: { target: ChatTarget; reply: Reply }[]
const sender: ChatSender = {
  platform: 'web',
  send: async (target, reply) => void pushed.push({ target, reply }),
}
const say = (text: string) => t.pipeline.handle(createChatMessage({ text, receivedAt: clock }))
const tickAt = (at: Date) => {
  clock = at
  return runScheduledWork({
    db: t.db,
    config: t.config,
    senders: new Map([['web', sender]]),
    log: () => {},
    now: () => clock,
  })
}

beforeEach(async () => {
  clock = TEST_NOW
  t = await createTestCrm({ now: () => clock })
  pushed = []
  await say('提醒我两小时后给李总发合同')
  await tickAt(new Date(TEST_NOW.getTime() + 2 * HOUR + 60_000))
  expect(pushed).toHaveLength(1)
})
afterEach(() => t.close())

describe('answering a pushed reminder by typing, where there are no buttons', () => {
  it('marks it done', async () => {
    const reply = await say('搞定了')
    expect(reply?.text).toMatch(/已完成:给李总发合同/)
    const [reminder] = await t.db.select().from(reminders)
    expect(reminder?.status).toBe('done')
  })

  it('snoozes it, and it comes back', async () => {
    const reply = await say('推迟半小时')
    expect(reply?.text).toMatch(/已推迟到/)
    const [reminder] = await t.db.select().from(reminders)
    expect(reminder?.status).toBe('pending')
    expect(reminder?.dueAt.getTime()).toBe(clock.getTime() + HOUR / 2)
    await tickAt(new Date(clock.getTime() + HOUR))
    expect(pushed).toHaveLength(2)
  })

  it('means nothing when no reminder was pushed lately', async () => {
    await say('完成')
    clock = new Date(clock.getTime() + 13 * HOUR)
    const reply = await say('snooze 1h')
    expect(reply?.text).not.toMatch(/Snoozed/)
  })
})

describe('reading a typed answer', () => {
  it.each([
    ['完成', { done: true }],
    ['done', { done: true }],
    ['推迟1小时', { snooze: { minutes: 60 } }],
    ['晚两个小时再提醒我', { snooze: { minutes: 120 } }],
    ['过10分钟', { snooze: { minutes: 10 } }],
    ['晚点再提醒', { snooze: { minutes: 60 } }],
    ['明天再提醒我', { snooze: { until: 'tomorrow' } }],
    ['snooze', { snooze: { minutes: 60 } }],
    ['snooze 2h', { snooze: { minutes: 120 } }],
    ['snooze for 30 minutes', { snooze: { minutes: 30 } }],
    ['snooze tomorrow', { snooze: { until: 'tomorrow' } }],
  ])('%s', (text, answer) => {
    expect(readReminderAnswer(text)).toEqual(answer)
  })

  it.each(['完成了华为的合同签署,金额80万', '推迟签约', 'done with Acme, they signed'])('not %s', (text) => {
    expect(readReminderAnswer(text)).toBeNull()
  })
})
