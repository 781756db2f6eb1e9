import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, customers, interactions } from '../../src/db/schema.ts'
import { openDatabase } from '../../src/node/open-database.ts'
import { type FakeSlackApi, startFakeSlackApi } from '../slack/fake-slack-api.ts'
import { SIGNING_SECRET, signedInit } from '../slack/sign-slack-request.ts'
import { appMention, BOT_USER } from '../slack/slack-fixtures.ts'
import { type CrmProcess, startCrmProcess } from '../support/crm-process.ts'

const MENTIONS = 200

let dir: string
let fake: FakeSlackApi
let servers: CrmProcess[] = []
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crm-two-'))
  fake = await startFakeSlackApi()
  const env = {
    DATABASE_URL: `file:${join(dir, 'crm.db')}`,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: fake.apiUrl,
  }
  // The first applies the migrations; the second then opens a ready file.
  servers = [await startCrmProcess(env)]
  servers.push(await startCrmProcess(env))
})
afterAll(async () => {
  for (const server of servers) await server.kill('SIGTERM')
  await fake.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('two server processes on one database file', () => {
  it('make one customer of 200 concurrent mentions of a new one, and answer each mention once', async () => {
    const responses = await Promise.all(
      Array.from({ length: MENTIONS }, (_, i) => {
        const body = JSON.stringify(
          appMention({ channel: `C${i}`, text: `<@${BOT_USER}> 今天给华为张总打了电话,他对报价满意` }),
        )
        const server = servers[i % 2]!
        return fetch(
          `${server.url}/slack/events`,
          signedInit(body, { timestamp: Math.floor(Date.now() / 1000) }),
        )
      }),
    )
    expect(responses.map((r) => r.status).filter((s) => s !== 200)).toEqual([])
    await fake.waitFor('chat.postMessage', MENTIONS, 45_000)
    await new Promise((resolve) => setTimeout(resolve, 1000)) // room for a duplicate to show
    const perChannel = new Map<string, number>()
    for (const call of fake.callsTo('chat.postMessage'))
      perChannel.set(call.body.channel, (perChannel.get(call.body.channel) ?? 0) + 1)
    expect(perChannel.size).toBe(MENTIONS)
    expect([...perChannel.values()].every((n) => n === 1)).toBe(true)

    const { db, close } = await openDatabase({ url: `file:${join(dir, 'crm.db')}` })
    try {
      const made = await db.select().from(customers)
      expect(made.map((c) => c.name)).toEqual(['华为'])
      expect(await db.$count(interactions)).toBe(MENTIONS)
      const audits = await db.select().from(auditLog)
      expect(audits.filter((a) => a.entityType === 'customer' && a.action === 'create')).toHaveLength(1)
    } finally {
      close()
    }
  }, 90_000)
})
