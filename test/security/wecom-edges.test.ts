/**
 * Issue 10, item 8: WeCom callbacks inside a ±5 minute window, button presses de-duplicated in the store
 * (so a replay after a restart runs nothing), a note's markdown made inert, and log lines of bounded size.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createWecomAppBot } from '../../bots/wecom/index.ts'
import { renderMarkdown } from '../../bots/wecom/render-markdown.ts'
import { createApp } from '../../src/app.ts'
import { createBackgroundWork } from '../../src/background-work.ts'
import { inboundMessages } from '../../src/db/schema.ts'
import { createLog } from '../../src/node/log.ts'
import { TEST_NOW, type TestCrm } from '../support/test-crm.ts'
import { type FakeWecomApi, startFakeWecomApi } from '../wecom/fake-wecom-api.ts'
import { APP_KEYS, appCallbackRequest, appEventXml, appTextXml, signedQuery } from '../wecom/wecom-signer.ts'
import { APP_SECRET, createWecomTestCrm } from '../wecom/wecom-test-crm.ts'

let api: FakeWecomApi
let t: TestCrm
beforeEach(async () => {
  api = await startFakeWecomApi({ corpId: APP_KEYS.receiveId, secret: APP_SECRET })
  t = await createWecomTestCrm(api)
})
afterEach(async () => {
  await t.close()
  await api.close()
})

const DAY = 86_400_000
const sent = () => api.callsTo('/cgi-bin/message/send')

describe('WeCom callback window', () => {
  it('refuses a correctly signed callback stamped 30 days ago, or 10 minutes ahead, and stores nothing', async () => {
    const xml = appTextXml({ from: 'zhangsan', content: '查一下华为', msgId: '920001' })
    for (const at of [new Date(TEST_NOW.getTime() - 30 * DAY), new Date(TEST_NOW.getTime() + 10 * 60_000)]) {
      const res = await t.app.request(...appCallbackRequest(xml, APP_KEYS, at))
      expect(res.status).toBe(401)
      expect(String(((await res.json()) as { message: string }).message)).toMatch(/±5 minutes/)
    }
    const oldCheck = signedQuery(APP_KEYS, 'abc', { echostr: 'abc' }, new Date(TEST_NOW.getTime() - DAY))
    expect((await t.app.request(`/wecom/callback?${oldCheck}`)).status).toBe(401)
    expect(await t.db.$count(inboundMessages)).toBe(0)
    const fresh = await t.app.request(
      ...appCallbackRequest(xml, APP_KEYS, new Date(TEST_NOW.getTime() - 4 * 60_000)),
    )
    expect(fresh.status).toBe(200)
  })
})

describe('WeCom button de-duplication', () => {
  it('runs a replayed button press once, even after a restart', async () => {
    await t.app.request(
      ...appCallbackRequest(
        appTextXml({ from: 'zhangsan', content: '今天给华为张总打了电话', msgId: '920002' }),
      ),
    )
    await t.settle()
    const card = sent().find((call) => call.body.msgtype === 'template_card')?.body.template_card
    const undo = card.button_list.find((b: { text: string }) => b.text === '撤销')
    const press = appEventXml({
      from: 'zhangsan',
      event: 'template_card_event',
      createTime: 1_700_000_300,
      eventKey: undo.key,
    })
    await t.app.request(...appCallbackRequest(press))
    await t.settle()
    const afterFirst = sent().length

    const background = createBackgroundWork(() => {})
    const restarted = createApp({
      config: t.config,
      db: t.db,
      now: t.now,
      waitUntil: background.waitUntil,
      log: () => {},
      bots: [createWecomAppBot],
    })
    const replay = await restarted.app.request(...appCallbackRequest(press))
    expect(replay.status).toBe(200)
    await background.settle()
    expect(sent()).toHaveLength(afterFirst)
  })
})

describe('WeCom markdown and logs', () => {
  it('renders a note’s [link](…), bold and <font> as text, not markup', () => {
    const summary = '[点此领奖](https://evil.example) **紧急** <font color="warning">x</font>'
    const markdown = renderMarkdown({
      text: `✅ 已记录 · 华为\n${summary}`,
      intent: 'log_interaction',
      data: { interaction: { summary } },
    })
    expect(markdown).not.toContain('](https://evil.example)')
    expect(markdown).not.toContain('**紧急**')
    expect(markdown).not.toContain('<font color="warning">x')
    expect(markdown).toContain('点此领奖')
  })

  it('caps every string a log line carries', () => {
    const lines: string[] = []
    const log = createLog((line) => lines.push(line))
    log('pipeline.error', {
      error: `Failed query: insert … params: ${'很长的消息'.repeat(20_000)}`,
      nested: { text: 'x'.repeat(50_000) },
    })
    expect(lines[0]?.length).toBeLessThan(4_000)
    expect(lines[0]).toMatch(/\(\+\d+ chars\)/)
  })
})
