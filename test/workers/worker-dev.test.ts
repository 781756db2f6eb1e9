import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeSlackApi, startFakeSlackApi } from '../slack/fake-slack-api.ts'
import { SIGNING_SECRET, signedInit } from '../slack/sign-slack-request.ts'
import { DM, directMessage } from '../slack/slack-fixtures.ts'
import { type FakeWecomApi, startFakeWecomApi } from '../wecom/fake-wecom-api.ts'
import { APP_KEYS, appCallbackRequest, appTextXml } from '../wecom/wecom-signer.ts'
import { applyMigrations, executeSql, startWranglerDev, type WranglerDev } from './wrangler-dev.ts'

// The whole Workers path for real: wrangler dev runs src/worker.ts in workerd on a local D1 with the
// migrations applied by wrangler, Slack and WeCom are fakes on 127.0.0.1, and the Cron Trigger is fired
// through `/__scheduled`. Nothing here leaves the machine (see offlineEnv).
const APP_SECRET = 'app-secret'
let persistTo: string
let slack: FakeSlackApi
let wecom: FakeWecomApi
let worker: WranglerDev

beforeAll(async () => {
  persistTo = mkdtempSync(join(tmpdir(), 'crm-worker-'))
  slack = await startFakeSlackApi()
  wecom = await startFakeWecomApi({ corpId: APP_KEYS.receiveId, secret: APP_SECRET })
  await applyMigrations(persistTo)
  worker = await startWranglerDev({
    persistTo,
    vars: {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-worker-test',
      SLACK_API_URL: slack.apiUrl,
      WECOM_CORP_ID: APP_KEYS.receiveId,
      WECOM_TOKEN: APP_KEYS.token,
      WECOM_ENCODING_AES_KEY: APP_KEYS.encodingAesKey,
      WECOM_SECRET: APP_SECRET,
      WECOM_AGENT_ID: '1000002',
      WECOM_API_URL: wecom.url,
    },
  })
}, 110_000)

afterAll(async () => {
  await worker?.stop()
  await slack?.close()
  await wecom?.close()
  rmSync(persistTo, { recursive: true, force: true })
})

const unixNow = () => Math.floor(Date.now() / 1000)
/** The scheduler's pushes, told from the replies that confirmed the reminders by their opening words. */
const reminderPushes = {
  slack: () =>
    slack.callsTo('chat.postMessage').filter((c) => String(c.body.text).startsWith('⏰ Reminder:')),
  wecom: () =>
    wecom.callsTo('/cgi-bin/message/send').filter((c) => JSON.stringify(c.body).includes('⏰ 提醒:')),
}

async function waitUntil<T>(what: string, read: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = read()
    if (value !== undefined) return value
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}\n${worker.output().slice(-3000)}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const fireCron = () => fetch(`${worker.url}/__scheduled?cron=${encodeURIComponent('* * * * *')}`)

describe('the Worker under wrangler dev, on a local D1', () => {
  it('stores a signed Slack DM before answering and replies through the fake Slack API', async () => {
    const body = JSON.stringify(directMessage({ text: 'remind me tomorrow at 9am to call Huawei' }))
    const res = await fetch(`${worker.url}/slack/events`, signedInit(body, { timestamp: unixNow() }))
    expect(res.status).toBe(200)
    const [stored] = await executeSql(
      persistTo,
      "SELECT platform, chat_id FROM inbound_messages WHERE platform = 'slack'",
    )
    expect(stored).toEqual({ platform: 'slack', chat_id: DM })
    const reply = await waitUntil('the Slack reply', () => slack.callsTo('chat.postMessage')[0])
    expect(reply.body.channel).toBe(DM)
    expect(reply.token).toBe('xoxb-worker-test')
  }, 60_000)

  it('refuses a Slack event signed with another secret', async () => {
    const body = JSON.stringify(directMessage({ text: 'hello' }))
    const res = await fetch(
      `${worker.url}/slack/events`,
      signedInit(body, { timestamp: unixNow(), secret: 'not-the-secret' }),
    )
    expect(res.status).toBe(401)
  })

  it('answers a WeCom callback empty at once and replies through message/send', async () => {
    const xml = appTextXml({
      from: 'zhangsan',
      content: '提醒我明天下午3点给美团王总发合同',
      msgId: '7000001',
    })
    const [path, init] = appCallbackRequest(xml, undefined, new Date()) // the Worker checks the real clock
    const res = await fetch(`${worker.url}${path}`, init)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('')
    const reply = await waitUntil('the WeCom reply', () => wecom.callsTo('/cgi-bin/message/send')[0])
    expect(reply.body).toMatchObject({ touser: 'zhangsan', agentid: 1000002 })
  }, 60_000)

  it('takes a burst of concurrent events in one isolate, storing and answering each, with none cancelled as hung', async () => {
    const before = slack.callsTo('chat.postMessage').length
    const bodies = Array.from({ length: 12 }, (_, i) =>
      JSON.stringify(directMessage({ text: `查一下客户${i}` })),
    )
    const statuses = await Promise.all(
      bodies.map(
        async (body) =>
          (await fetch(`${worker.url}/slack/events`, signedInit(body, { timestamp: unixNow() }))).status,
      ),
    )
    expect(statuses).toEqual(bodies.map(() => 200))
    await waitUntil('twelve replies', () =>
      slack.callsTo('chat.postMessage').length >= before + 12 ? true : undefined,
    )
    const [stored] = await executeSql(
      persistTo,
      "SELECT count(*) AS n FROM inbound_messages WHERE text LIKE '查一下客户%'",
    )
    expect(stored).toEqual({ n: 12 })
    // Workers cancels a request that waits on I/O another request started; the app must never do that.
    expect(worker.output()).not.toMatch(/hung|different request/)
  }, 60_000)

  it('pushes each due reminder exactly once from the Cron Trigger, however often it fires', async () => {
    const pending = await executeSql(
      persistTo,
      "SELECT platform FROM reminders WHERE status = 'pending' ORDER BY platform",
    )
    expect(pending).toEqual([{ platform: 'slack' }, { platform: 'wecom' }])
    expect(reminderPushes.slack()).toHaveLength(0)
    expect(reminderPushes.wecom()).toHaveLength(0)
    // Time passes: both reminders fall due a minute ago.
    await executeSql(persistTo, `UPDATE reminders SET due_at = ${Date.now() - 60_000}`)

    // Two ticks at once (as when a tick overruns its minute, or two colos fire), then one more after.
    const overlapping = await Promise.all([fireCron(), fireCron()])
    expect(overlapping.map((r) => r.status)).toEqual([200, 200])
    expect((await fireCron()).status).toBe(200)

    expect(reminderPushes.slack()).toHaveLength(1)
    expect(reminderPushes.slack()[0]?.body).toMatchObject({ channel: DM })
    expect(String(reminderPushes.slack()[0]?.body.text)).toContain('call Huawei')
    expect(reminderPushes.wecom()).toHaveLength(1)
    expect(reminderPushes.wecom()[0]?.body).toMatchObject({ touser: 'zhangsan' })
    const sent = await executeSql(persistTo, 'SELECT status, attempts FROM reminders ORDER BY platform')
    expect(sent).toEqual([
      { status: 'sent', attempts: 1 },
      { status: 'sent', attempts: 1 },
    ])
  }, 60_000)
})
