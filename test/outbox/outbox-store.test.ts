import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChatSender, ChatTarget, Reply } from '../../src/chat/chat-message.ts'
import { outbox } from '../../src/db/schema.ts'
import { openDatabase } from '../../src/node/open-database.ts'
import { createOutboxDispatcher } from '../../src/outbox/outbox-dispatcher.ts'
import {
  claimMessages,
  enqueueMessages,
  type OutboxItem,
  recordSent,
  releaseMessages,
} from '../../src/outbox/outbox-store.ts'
import { createTestCrm, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm
beforeEach(async () => {
  t = await createTestCrm({ bots: [] })
})
afterEach(() => t.close())

const NOW = 1_800_000_000_000
const item = (key: string, chatId = 'c1'): OutboxItem => ({
  dedupeKey: key,
  target: { platform: 'fake', workspaceId: 'T1', chatId },
  reply: { text: key, intent: 'help', data: null },
})
const claim = (owner: string, now = NOW, limit = 100) =>
  claimMessages(t.db, { owner, now, leaseMs: 10_000, limit })

describe('the outbox', () => {
  it('queues a dedupe key once, however often it is enqueued', async () => {
    await enqueueMessages(t.db, [item('reply:1'), item('reply:1')], NOW)
    await enqueueMessages(t.db, [item('reply:1')], NOW)
    expect(await t.db.$count(outbox)).toBe(1)
  })

  it('gives each row to one of two processes claiming at once, one row per chat at a time', async () => {
    await enqueueMessages(
      t.db,
      Array.from({ length: 300 }, (_, i) => item(`k${i}`, `chat${i % 100}`)),
      NOW,
    )
    // A second connection to the same file: another process as far as SQLite is concerned.
    const other = await openDatabase(t.config.database)
    try {
      const [a, b] = await Promise.all([
        claim('a'),
        claimMessages(other.db, { owner: 'b', now: NOW, leaseMs: 10_000, limit: 100 }),
      ])
      const ids = [...a, ...b].map((m) => m.id)
      expect(new Set(ids).size).toBe(ids.length)
      // 100 chats, each with its oldest row out: nothing more until those are settled.
      expect(ids).toHaveLength(100)
      expect(new Set([...a, ...b].map((m) => m.target.chatId)).size).toBe(100)
      expect(await claim('c')).toEqual([])
    } finally {
      other.close()
    }
  })

  it('hands a row whose claimer died to another after the lease, flagged unconfirmed; a release is not', async () => {
    await enqueueMessages(t.db, [item('r1', 'c1'), item('r2', 'c2')], NOW)
    const [first, second] = await claim('dead')
    expect(first?.unconfirmed).toBe(false)
    expect(await claim('b', NOW + 5_000)).toEqual([])
    await releaseMessages(t.db, [second!.id])
    const again = await claim('b', NOW + 10_001)
    expect(again.map((m) => [m.dedupeKey, m.attempts, m.unconfirmed])).toEqual([
      ['r1', 2, true],
      ['r2', 1, false],
    ])
    await recordSent(t.db, again[0]!.id, '123.4', NOW + 10_002)
    expect(await claim('c', NOW + 60_000)).toHaveLength(1)
  })

  it('sends through the platform sender, keeps its message id, retries with backoff', async () => {
    const sent: { target: ChatTarget; reply: Reply }[] = []
    let failures = 1
    const sender: ChatSender = {
      platform: 'fake',
      async send(target, reply) {
        if (failures-- > 0) throw new Error('platform down')
        sent.push({ target, reply })
        return `id-${sent.length}`
      },
    }
    let now = NOW
    const dispatcher = createOutboxDispatcher({
      db: t.db,
      senders: new Map([['fake', sender]]),
      log: () => {},
      now: () => new Date(now),
      waitUntil: () => {},
    })
    await enqueueMessages(t.db, [item('r1')], NOW)
    expect(await dispatcher.drain()).toBe(1)
    expect(sent).toHaveLength(0)
    now += 5_001
    expect(await dispatcher.drain()).toBe(1)
    const [row] = await t.db.select().from(outbox)
    expect(row).toMatchObject({ status: 'sent', platformMessageId: 'id-1', attempts: 2, error: null })
    expect(sent.map((s) => s.reply.text)).toEqual(['r1'])
  })

  it('asks the platform before resending a row whose first attempt died mid-send', async () => {
    const sends: string[] = []
    const sender: ChatSender = {
      platform: 'fake',
      send: async (_target, reply) => void sends.push(reply.text),
      findSent: async (_target, key) => (key === 'r1' ? 'already-there' : undefined),
    }
    await enqueueMessages(t.db, [item('r1', 'c1'), item('r2', 'c2')], NOW)
    await claim('dead')
    const dispatcher = createOutboxDispatcher({
      db: t.db,
      senders: new Map([['fake', sender]]),
      log: () => {},
      now: () => new Date(NOW + 60_001),
      waitUntil: () => {},
    })
    expect(await dispatcher.drain()).toBe(2)
    expect(sends).toEqual(['r2'])
    const rows = await t.db.select().from(outbox).orderBy(outbox.dedupeKey)
    expect(rows.map((r) => [r.status, r.platformMessageId])).toEqual([
      ['sent', 'already-there'],
      ['sent', null],
    ])
  })
})
