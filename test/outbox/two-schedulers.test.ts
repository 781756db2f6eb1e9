import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '../../src/db/database.ts'
import { outbox, reminders, users, workspaces } from '../../src/db/schema.ts'
import { openDatabase } from '../../src/node/open-database.ts'
import { type FakeSlackApi, startFakeSlackApi } from '../slack/fake-slack-api.ts'
import { SIGNING_SECRET } from '../slack/sign-slack-request.ts'
import { type CrmProcess, startCrmProcess } from '../support/crm-process.ts'

const REMINDERS = 1000
const CHANNELS = 250
const LEASE_MS = 8000

let dir: string
let fake: FakeSlackApi
let servers: CrmProcess[]
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crm-sched-'))
  fake = await startFakeSlackApi()
  servers = []
})
afterEach(async () => {
  for (const server of servers) if (server.child.exitCode === null) await server.kill('SIGKILL')
  await fake.close()
  rmSync(dir, { recursive: true, force: true })
})

const url = () => `file:${join(dir, 'crm.db')}`

/** 1,000 reminders due a minute ago, four to a channel, owned by one Slack user. */
async function seedDueReminders() {
  const { db, close } = await openDatabase({ url: url() })
  const workspaceId = newId()
  const userId = newId()
  await db.insert(workspaces).values({ id: workspaceId, platform: 'slack', externalId: 'T1' })
  await db.insert(users).values({ id: userId, workspaceId, platformUserId: 'U1', displayName: 'rep' })
  const due = new Date(Date.now() - 60_000)
  for (let from = 0; from < REMINDERS; from += 100)
    await db.insert(reminders).values(
      Array.from({ length: 100 }, (_, i) => ({
        id: newId(),
        workspaceId,
        ownerUserId: userId,
        platform: 'slack',
        chatId: `C${(from + i) % CHANNELS}`,
        text: `follow up ${from + i}`,
        dueAt: due,
      })),
    )
  close()
}

const startScheduler = () =>
  startCrmProcess({
    DATABASE_URL: url(),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: fake.apiUrl,
    SCHEDULER_INTERVAL_MS: '200',
    // Longer than a send can take on a loaded test machine, short enough to wait out once.
    OUTBOX_LEASE_MS: String(LEASE_MS),
  })

/** How many times each reminder's push reached the fake Slack, by the outbox key its metadata carries. */
function pushesPerReminder(): Map<string, number> {
  const counts = new Map<string, number>()
  for (const call of fake.callsTo('chat.postMessage')) {
    const key = String(call.body.metadata?.event_payload?.key)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

async function expectEachDeliveredOnce() {
  const until = Date.now() + 40_000
  while (pushesPerReminder().size < REMINDERS && Date.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 100))
  await new Promise((resolve) => setTimeout(resolve, 1000)) // room for a late duplicate to show
  const counts = pushesPerReminder()
  expect(counts.size).toBe(REMINDERS)
  expect([...counts].filter(([, n]) => n !== 1)).toEqual([])
  const { db, close } = await openDatabase({ url: url() })
  try {
    expect((await db.select().from(reminders)).filter((r) => r.status !== 'sent')).toEqual([])
    const rows = await db.select().from(outbox)
    expect(rows).toHaveLength(REMINDERS)
    expect(rows.filter((r) => r.status !== 'sent' || !r.platformMessageId)).toEqual([])
  } finally {
    close()
  }
}

describe('two scheduler instances on one database file', () => {
  it('deliver each of 1,000 due reminders exactly once', async () => {
    await seedDueReminders()
    servers = await Promise.all([startScheduler(), startScheduler()])
    await expectEachDeliveredOnce()
  }, 90_000)

  it('deliver each exactly once when one is killed with SIGKILL mid-batch', async () => {
    await seedDueReminders()
    servers = await Promise.all([startScheduler(), startScheduler()])
    await fake.waitFor('chat.postMessage', REMINDERS / 4, 30_000)
    await servers[0]!.kill('SIGKILL')
    expect(pushesPerReminder().size).toBeLessThan(REMINDERS)
    await expectEachDeliveredOnce()
  }, 90_000)
})
