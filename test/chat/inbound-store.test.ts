import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inboundMessages } from '../../src/db/schema.ts'
import { createChatMessage, createTestCrm, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm
beforeEach(async () => {
  t = await createTestCrm()
})
afterEach(() => t.close())

describe('inbound store', () => {
  it('stores a burst in one go and tells each caller whether its message was new', async () => {
    const messages = Array.from({ length: 2_500 }, (_, i) =>
      createChatMessage({ platformMessageId: `burst-${i % 2_000}`, text: `note ${i}` }),
    )
    const results = await Promise.all(messages.map((m) => t.pipeline.accept(m)))
    expect(results.filter((r) => r.status === 'accepted')).toHaveLength(2_000)
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(500)
    const again = await Promise.all(messages.slice(0, 10).map((m) => t.pipeline.accept(m)))
    expect(again.every((r) => r.status === 'duplicate')).toBe(true)
    expect(await t.db.select({ id: inboundMessages.id }).from(inboundMessages)).toHaveLength(2_000)
  })

  it('keeps every field, including a 100 KB text, exactly', async () => {
    const text = `记一下:${'会议纪要 meeting notes 😊 '.repeat(4_000)}`
    const message = createChatMessage({ text, chatKind: 'group', mentionsBot: false, userName: "O'Brien" })
    const accepted = await t.pipeline.accept(message)
    expect(accepted.status).toBe('accepted')
    const [row] = await t.db.select().from(inboundMessages)
    expect(row).toMatchObject({
      text,
      chatKind: 'group',
      mentioned: false,
      userName: "O'Brien",
      receivedAt: message.receivedAt,
      platformMessageId: message.platformMessageId,
      status: 'received',
    })
  })
})
