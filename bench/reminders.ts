import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type Client, createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { buildSlackBot } from '../bots/slack/index.ts'
import type { BotDeps, ChatPipeline } from '../src/chat/chat-bot.ts'
import { parseConfig } from '../src/config.ts'
import { newId } from '../src/db/database.ts'
import * as schema from '../src/db/schema.ts'
import { runSchedulerTick } from '../src/jobs/scheduler.ts'
import { startFakeSlackApi } from '../test/slack/fake-slack-api.ts'

const REMINDERS = 10_000
const CHANNELS = 1_000

/** Counts the statements the app sends to the database (a batch counts each of its statements). */
function countStatements(client: Client) {
  const counter = { statements: 0 }
  const execute = client.execute.bind(client)
  const batch = client.batch.bind(client)
  client.execute = ((...args: Parameters<Client['execute']>) => {
    counter.statements++
    return execute(...args)
  }) as Client['execute']
  client.batch = ((statements: Parameters<Client['batch']>[0], mode?: Parameters<Client['batch']>[1]) => {
    counter.statements += statements.length
    return batch(statements, mode)
  }) as Client['batch']
  return counter
}

/**
 * 10,000 reminders due at once across 1,000 Slack channels, dispatched by one scheduler tick to a fake Slack
 * on 127.0.0.1 with Slack's real pacing (one message a second per channel), on a libSQL file.
 */
export async function benchReminders() {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-reminders-'))
  const fake = await startFakeSlackApi()
  const url = `file:${join(dir, 'crm.db')}`
  const client = createClient({ url, timeout: 5000 })
  await client.execute('PRAGMA journal_mode = WAL')
  await client.execute('PRAGMA synchronous = NORMAL')
  const db = drizzle(client, { schema })
  await migrate(db, { migrationsFolder: 'migrations' })
  try {
    const workspaceId = newId()
    const userId = newId()
    await db.insert(schema.workspaces).values({ id: workspaceId, platform: 'slack', externalId: 'T1' })
    await db
      .insert(schema.users)
      .values({ id: userId, workspaceId, platformUserId: 'U1', displayName: 'rep' })
    const due = new Date(Date.now() - 60_000)
    for (let from = 0; from < REMINDERS; from += 100)
      await db.insert(schema.reminders).values(
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
    const config = parseConfig({
      DATABASE_URL: url,
      SLACK_SIGNING_SECRET: 'bench-signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: fake.apiUrl,
    })
    const events = new Map<string, number>()
    const log = (event: string) => void events.set(event, (events.get(event) ?? 0) + 1)
    const bot = buildSlackBot()({
      config,
      db,
      log,
      now: () => new Date(),
      waitUntil: () => {},
      pipeline: {} as ChatPipeline, // pushes only: the bot's sender, no inbound messages
    } satisfies BotDeps)
    if (!bot?.sender) throw new Error('the Slack bot did not build')
    const counter = countStatements(client)
    const cpu = process.cpuUsage()
    const started = performance.now()
    const result = await runSchedulerTick(
      { db, config, senders: new Map([['slack', bot.sender]]), log, now: () => new Date() },
      new Date(),
    )
    const wallMs = performance.now() - started
    const used = process.cpuUsage(cpu)
    const posted = fake.callsTo('chat.postMessage').length
    if (posted !== REMINDERS || result.reminders !== REMINDERS)
      throw new Error(
        `expected ${REMINDERS} pushes, queued ${result.reminders} and posted ${posted} ${JSON.stringify([...events])}`,
      )
    return {
      name: 'Due reminders through the outbox (`bench/reminders.ts`)',
      results: {
        'reminders / channels': `${REMINDERS} / ${CHANNELS}`,
        'wall time, one tick (pacing: 1 msg/s per channel)': `${(wallMs / 1000).toFixed(1)} s`,
        'CPU, user + system (scheduler and fake Slack, one process)': `${((used.user + used.system) / 1e6).toFixed(1)} s`,
        'CPU per reminder': `${((used.user + used.system) / REMINDERS).toFixed(0)} µs`,
        'database statements': counter.statements,
        'statements per reminder': (counter.statements / REMINDERS).toFixed(3),
      },
    }
  } finally {
    client.close()
    await fake.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(resolve(process.argv[2] ?? process.argv[1] ?? '')).href) {
  console.log(await benchReminders())
}
