import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChatSender, ChatTarget, Reply } from '../../src/chat/chat-message.ts'
import { resumeUnanswered } from '../../src/chat/resume-unanswered.ts'
import { inboundMessages, interactions } from '../../src/db/schema.ts'
import { createChatMessage, createTestCrm, TEST_NOW, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm
let sent: { target: ChatTarget; reply: Reply }[]
const sender: ChatSender = {
  platform: 'web',
  send: async (target, reply) => void sent.push({ target, reply }),
}
const resumeAt = (msAfter: number) =>
  resumeUnanswered({
    db: t.db,
    pipeline: t.pipeline,
    senders: new Map([['web', sender]]),
    log: () => {},
    now: () => new Date(TEST_NOW.getTime() + msAfter),
  })

beforeEach(async () => {
  t = await createTestCrm()
  sent = []
})
afterEach(() => t.close())

describe('messages stored but never answered (the process stopped after the ack)', () => {
  it('are understood and answered into their chat on start, once', async () => {
    // Stored and acknowledged, then nothing: what a crash between the ack and the work leaves behind.
    await t.pipeline.accept(
      createChatMessage({ text: '今天给华为张总打了电话,他对报价满意', chatId: 'g1', chatKind: 'group' }),
    )
    expect(await t.db.$count(interactions)).toBe(0)
    expect(await resumeAt(5 * 60_000)).toBe(1)
    expect(await t.db.$count(interactions)).toBe(1)
    expect(sent).toHaveLength(1)
    expect(sent[0]?.target).toMatchObject({ platform: 'web', chatId: 'g1', userPlatformId: 'alice' })
    expect(sent[0]?.reply.text).toMatch(/已记录 · 华为/)
    const [row] = await t.db.select().from(inboundMessages)
    expect(row?.status).toBe('processed')
    expect(await resumeAt(6 * 60_000)).toBe(0)
    expect(sent).toHaveLength(1)
  })

  it('leave alone a message that may still be in flight', async () => {
    await t.pipeline.accept(createChatMessage({ text: '查一下华为' }))
    expect(await resumeAt(10_000)).toBe(0)
    expect(sent).toHaveLength(0)
  })
})
