import { afterEach, describe, expect, it } from 'vitest'
import { createWecomAibotFactory, createWecomAppBot, createWecomWebhookBot } from '../../bots/wecom/index.ts'
import type { Reply } from '../../src/chat/chat-message.ts'
import { contacts, customers, inboundMessages, interactions, reminders } from '../../src/db/schema.ts'
import { runScheduledWork } from '../../src/jobs/scheduler.ts'
import type { TestCrm } from '../support/test-crm.ts'
import { type FakeAibotWs, startFakeAibotWs } from './fake-aibot-ws.ts'
import { type FakeWecomApi, startFakeWecomApi } from './fake-wecom-api.ts'
import { aibotRequest, appCallbackRequest, appTextXml, openAibotReply } from './wecom-signer.ts'
import { APP_SECRET, createWecomTestCrm, GROUP_CHAT, GROUP_ROBOT_KEY } from './wecom-test-crm.ts'

/** The web chat's Chinese scenarios, with what each reply must say in WeCom markdown. */
const SCENARIOS = [
  [
    '今天给华为张总打了电话,他对报价满意,下周三跟进',
    /^\*\*已记录 · 华为 \/ 张总 · 电话.*\*\*\n> 今天给华为张总打了电话/,
  ],
  ['查一下华为', /^### 📇 华为\n[\s\S]*\*\*联系人\*\* 张总[\s\S]*> .*电话 今天给华为张总打了电话/],
  ['提醒我明天下午3点给美团王总发合同', /⏰ \*\*11月19日\(周四\) 15:00\*\* 给美团王总发合同/],
  ['本周管道汇总', /^### 📊 本周销售管道[\s\S]*\*\*在途合计\*\* 0/],
] as const

/** One way into the CRM: says a text as user zhangsan and returns the markdown the user would see. */
type Path = { platform: string; say(text: string): Promise<string>; close(): Promise<void>; t: TestCrm }

let path: Path | null = null
afterEach(async () => {
  await path?.close()
  path = null
})

async function expectScenarios(p: Path) {
  for (const [text, expected] of SCENARIOS) expect(await p.say(text)).toMatch(expected)
  await p.t.settle()
  const { db } = p.t
  expect(
    (await db.select().from(inboundMessages)).map((m) => [m.platform, m.platformUserId, m.status]),
  ).toEqual(Array(4).fill([p.platform, 'zhangsan', 'processed']))
  expect(await db.select().from(interactions)).toMatchObject([
    { rawText: '今天给华为张总打了电话,他对报价满意,下周三跟进', type: 'call', sourcePlatform: p.platform },
  ])
  expect((await db.select().from(customers)).map((c) => c.name)).toContain('华为')
  expect((await db.select().from(contacts)).map((c) => c.name)).toContain('张总')
  const remindMe = (await db.select().from(reminders)).filter((r) => r.text.includes('给美团王总发合同'))
  expect(remindMe).toMatchObject([{ dueAt: new Date('2026-11-19T07:00:00Z'), platform: p.platform }])
}

async function appPath(): Promise<Path & { api: FakeWecomApi }> {
  const api = await startFakeWecomApi({ corpId: 'wx5823bf96d3bd56c7', secret: APP_SECRET })
  const t = await createWecomTestCrm(api, { bots: [createWecomAppBot] })
  let msgId = 800_000
  return {
    platform: 'wecom',
    api,
    t,
    async say(text) {
      const res = await t.app.request(
        ...appCallbackRequest(appTextXml({ from: 'zhangsan', content: text, msgId: String(++msgId) })),
      )
      expect(await res.text()).toBe('')
      await t.settle()
      const markdown = api.callsTo('/cgi-bin/message/send').filter((c) => c.body.msgtype === 'markdown')
      return markdown.at(-1)?.body.markdown.content
    },
    close: async () => {
      await t.close()
      await api.close()
    },
  }
}

async function aibotCallbackPath(): Promise<Path & { api: FakeWecomApi }> {
  const api = await startFakeWecomApi()
  const t = await createWecomTestCrm(api, { bots: [createWecomAibotFactory(), createWecomWebhookBot] })
  let n = 0
  const call = async (payload: object) =>
    openAibotReply(JSON.parse(await (await t.app.request(...aibotRequest(payload))).text()))
  return {
    platform: 'wecom-aibot',
    api,
    t,
    async say(text) {
      const from = { aibotid: 'aib-1', chatid: GROUP_CHAT, chattype: 'group', from: { userid: 'zhangsan' } }
      const opened = await call({
        ...from,
        msgid: `m-${++n}`,
        msgtype: 'text',
        text: { content: `@CRM助手 ${text}` },
      })
      for (;;) {
        const refreshed = await call({
          msgid: `r-${++n}`,
          aibotid: 'aib-1',
          msgtype: 'stream',
          stream: { id: opened.stream.id },
        })
        if (refreshed.stream.finish) return refreshed.stream.content
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    },
    close: async () => {
      await t.close()
      await api.close()
    },
  }
}

async function aibotLongConnectionPath(): Promise<Path> {
  const ws: FakeAibotWs = await startFakeAibotWs({ botId: 'aib-1', secret: 's' })
  const api = await startFakeWecomApi()
  const t = await createWecomTestCrm(api, {
    env: {
      WECOM_AIBOT_ID: 'aib-1',
      WECOM_AIBOT_SECRET: 's',
      WECOM_AIBOT_TOKEN: '',
      WECOM_AIBOT_ENCODING_AES_KEY: '',
      WECOM_AIBOT_WS_URL: ws.url,
    },
    bots: [createWecomAibotFactory()],
  })
  for (const bot of t.bots) await bot.start?.()
  let n = 0
  return {
    platform: 'wecom-aibot',
    t,
    async say(text) {
      const reqId = `req-${++n}`
      ws.push({
        cmd: 'aibot_msg_callback',
        headers: { req_id: reqId },
        body: {
          msgid: `m-${n}`,
          aibotid: 'aib-1',
          chattype: 'single',
          from: { userid: 'zhangsan' },
          msgtype: 'text',
          text: { content: text },
        },
      })
      const done = await ws.waitFor((f) => f.headers.req_id === reqId && f.body?.stream?.finish === true)
      return done.body.stream.content
    },
    close: async () => {
      for (const bot of t.bots) await bot.stop?.()
      await t.close()
      await ws.close()
      await api.close()
    },
  }
}

describe('the Chinese scenarios end to end through WeCom', () => {
  it('self-built app: callbacks in, message/send out', async () => {
    path = await appPath()
    await expectScenarios(path)
  })

  it('AI bot, callback mode, in a group chat', async () => {
    path = await aibotCallbackPath()
    await expectScenarios(path)
  })

  it('AI bot, long connection, in a 1:1 chat', async () => {
    path = await aibotLongConnectionPath()
    await expectScenarios(path)
  })

  it('group webhook robot: the due reminder and every reply pushed into the group as markdown', async () => {
    const p = await aibotCallbackPath()
    path = p
    const replies: Reply[] = []
    for (const [text] of SCENARIOS) {
      await p.say(text)
      const [row] = (await p.t.db.select().from(inboundMessages)).filter((m) => m.text.includes(text))
      replies.push(row?.reply as Reply)
    }
    // The AI bot has no long connection here, so the due reminder goes out through the group's robot.
    const reminder = (await p.t.db.select().from(reminders)).find((r) => r.text.includes('美团'))
    const later = () => new Date((reminder?.dueAt.getTime() ?? 0) + 60_000)
    await runScheduledWork({
      db: p.t.db,
      config: p.t.config,
      senders: p.t.senders,
      log: () => {},
      now: later,
    })
    const webhook = p.t.senders.get('wecom-webhook')
    for (const reply of replies)
      await webhook?.send({ platform: 'wecom-webhook', workspaceId: 'x', chatId: GROUP_CHAT }, reply)

    const pushed = p.api.callsTo('/cgi-bin/webhook/send')
    expect(pushed.every((c) => c.query.get('key') === GROUP_ROBOT_KEY && c.body.msgtype === 'markdown')).toBe(
      true,
    )
    const contents = pushed.map((c) => c.body.markdown.content as string)
    expect(contents[0]).toMatch(/⏰ 提醒[\s\S]*给美团王总发合同/)
    for (const [i, [, expected]] of SCENARIOS.entries()) expect(contents[i + 1]).toMatch(expected)
    const after = (await p.t.db.select().from(reminders)).find((r) => r.id === reminder?.id)
    expect(after?.status).toBe('sent')
  })
})
