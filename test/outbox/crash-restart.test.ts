import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inboundMessages, outbox } from '../../src/db/schema.ts'
import { openDatabase } from '../../src/node/open-database.ts'
import { type FakeSlackApi, startFakeSlackApi } from '../slack/fake-slack-api.ts'
import { SIGNING_SECRET, signedInit } from '../slack/sign-slack-request.ts'
import { directMessage } from '../slack/slack-fixtures.ts'
import { type CrmProcess, startCrmProcess } from '../support/crm-process.ts'

const EVENTS = 200
/** Events a second, about what one busy Slack workspace sends. */
const RATE = 50

let dir: string
let fake: FakeSlackApi
const servers: CrmProcess[] = []
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crm-crash-'))
  fake = await startFakeSlackApi()
})
afterAll(async () => {
  for (const server of servers) if (server.child.exitCode === null) await server.kill('SIGKILL')
  await fake.close()
  rmSync(dir, { recursive: true, force: true })
})

const env = () => ({
  DATABASE_URL: `file:${join(dir, 'crm.db')}`,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_API_URL: fake.apiUrl,
  // A claim held by the killed process lapses quickly, so the test need not wait a minute.
  OUTBOX_LEASE_MS: '2000',
})

/** Posts one signed event; true when the server acknowledged it (stored it). */
async function deliver(url: string, body: string): Promise<boolean> {
  try {
    const init = signedInit(body, { timestamp: Math.floor(Date.now() / 1000) })
    return (await fetch(`${url}/slack/events`, init)).status === 200
  } catch {
    return false // the connection died with the process: not acknowledged, and Slack would retry it
  }
}

const waitUntil = async (done: () => boolean, timeoutMs: number) => {
  const until = Date.now() + timeoutMs
  while (!done() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100))
}

describe('kill -9 under load, then a restart', () => {
  it('stores, processes and answers every acknowledged event exactly once', async () => {
    // Each DM in its own channel, so per-channel pacing (one a second) does not set the pace.
    const events = Array.from({ length: EVENTS }, (_, i) =>
      JSON.stringify(directMessage({ channel: `D${i}`, text: i % 2 ? '查一下华为' : '帮助' })),
    )
    const first = await startCrmProcess(env())
    servers.push(first)
    const acked = new Set<number>()
    const inFlight: Promise<void>[] = []
    for (let i = 0; i < EVENTS; i++) {
      if (i === EVENTS / 2) await first.kill('SIGKILL')
      if (i >= EVENTS / 2) break
      inFlight.push(deliver(first.url, events[i]!).then((ok) => void (ok && acked.add(i))))
      await new Promise((resolve) => setTimeout(resolve, 1000 / RATE))
    }
    await Promise.all(inFlight)
    const answeredBeforeKill = new Set(fake.callsTo('chat.postMessage').map((c) => c.body.channel)).size

    const second = await startCrmProcess(env())
    servers.push(second)
    // Slack redelivers what was not acknowledged; the rest of the events arrive as usual.
    for (let i = 0; i < EVENTS; i++) {
      if (!acked.has(i) && (await deliver(second.url, events[i]!))) acked.add(i)
    }
    expect(acked.size).toBe(EVENTS)
    const answered = () => new Set(fake.callsTo('chat.postMessage').map((c) => c.body.channel)).size
    await waitUntil(() => answered() >= EVENTS, 40_000)
    await new Promise((resolve) => setTimeout(resolve, 2500)) // a lease's length: any late resend shows
    await second.kill('SIGTERM')

    const perChannel = new Map<string, number>()
    for (const call of fake.callsTo('chat.postMessage'))
      perChannel.set(call.body.channel, (perChannel.get(call.body.channel) ?? 0) + 1)
    expect([...perChannel.values()].filter((n) => n !== 1)).toEqual([])
    expect(perChannel.size).toBe(EVENTS)
    const { db, close } = await openDatabase({ url: env().DATABASE_URL })
    try {
      const rows = await db.select().from(inboundMessages)
      expect(rows).toHaveLength(EVENTS)
      expect(rows.filter((r) => r.status !== 'processed')).toEqual([])
      const sent = await db.select().from(outbox)
      expect(sent.filter((r) => r.status !== 'sent' || !r.platformMessageId)).toEqual([])
    } finally {
      close()
    }
    // The kill really interrupted work: some replies were still owed when it came.
    expect(answeredBeforeKill).toBeLessThan(EVENTS / 2 + 1)
  }, 120_000)
})
