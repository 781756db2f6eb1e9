import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { resumeUnanswered } from '../../src/chat/resume-unanswered.ts'
import { inboundMessages, interactions, outbox } from '../../src/db/schema.ts'
import { createChatMessage, createTestCrm, TEST_NOW, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm
const resumeBefore = (msAfter: number) =>
  resumeUnanswered(
    { db: t.db, pipeline: t.pipeline, senders: t.senders, log: () => {}, now: t.now },
    { receivedBefore: new Date(TEST_NOW.getTime() + msAfter) },
  )
/** What the web page would fetch from its chat's pushes. */
const pushedTo = async (chat: string) =>
  ((await (await t.app.request(`/api/outbox?chat=${chat}`)).json()) as { messages: { text: string }[] })
    .messages

beforeEach(async () => {
  t = await createTestCrm()
})
afterEach(() => t.close())

describe('messages stored but never answered (the process stopped after the ack)', () => {
  it('are understood and answered into their chat through the outbox, once', async () => {
    // Stored and acknowledged, then nothing: what a crash between the ack and the work leaves behind.
    await t.pipeline.accept(
      createChatMessage({ text: '今天给华为张总打了电话,他对报价满意', chatId: 'g1', chatKind: 'group' }),
    )
    expect(await t.db.$count(interactions)).toBe(0)
    expect((await resumeBefore(1)).resumed).toBe(1)
    expect(await t.db.$count(interactions)).toBe(1)
    const [row] = await t.db.select().from(inboundMessages)
    expect(row?.status).toBe('processed')
    const [queued] = await t.db.select().from(outbox)
    expect(queued).toMatchObject({ dedupeKey: `reply:${row?.id}`, platform: 'web', chatId: 'g1' })
    await t.settle()
    const pushed = await pushedTo('g1')
    expect(pushed.map((m) => m.text)).toEqual([expect.stringMatching(/已记录 · 华为/)])
    const [sent] = await t.db.select().from(outbox)
    expect(sent?.status).toBe('sent')
    expect((await resumeBefore(60_000)).resumed).toBe(0)
    await t.settle()
    expect(await pushedTo('g1')).toEqual([])
  })

  it('of any age are resumed, and ones received after the cut are left alone', async () => {
    const old = new Date(TEST_NOW.getTime() - 30 * 86_400_000)
    await t.pipeline.accept(createChatMessage({ text: '查一下华为', receivedAt: old }))
    await t.pipeline.accept(createChatMessage({ text: '查一下腾讯' }))
    expect((await resumeBefore(0)).resumed).toBe(1)
    expect(await t.db.$count(outbox)).toBe(1)
  })
})
