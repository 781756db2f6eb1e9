import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createWecomAibotFactory } from '../../bots/wecom/index.ts'
import { sealEnvelope } from '../../bots/wecom/wecom-crypto.ts'
import { inboundMessages, interactions } from '../../src/db/schema.ts'
import type { TestCrm } from '../support/test-crm.ts'
import { type FakeWecomApi, startFakeWecomApi } from './fake-wecom-api.ts'
import { AIBOT_KEYS, aibotRequest, openAibotReply, signedQuery } from './wecom-signer.ts'
import { createWecomTestCrm, GROUP_CHAT } from './wecom-test-crm.ts'

let api: FakeWecomApi
let t: TestCrm
beforeEach(async () => {
  api = await startFakeWecomApi()
  t = await createWecomTestCrm(api, { bots: [createWecomAibotFactory({ responseUrlAfterMs: 200 })] })
})
afterEach(async () => {
  await t.close()
  await api.close()
})

let sequence = 0
/** A group message @-mentioning the bot, as the AI bot callback delivers it. */
function groupText(content: string, overrides: Record<string, unknown> = {}) {
  return {
    msgid: `aibot-msg-${++sequence}`,
    aibotid: 'aib-123',
    chatid: GROUP_CHAT,
    chattype: 'group',
    from: { userid: 'zhangsan' },
    response_url: api.responseUrl(),
    msgtype: 'text',
    text: { content: `@CRM助手 ${content}` },
    ...overrides,
  }
}

async function call(payload: object) {
  const res = await t.app.request(...aibotRequest(payload))
  expect(res.status).toBe(200)
  const text = await res.text()
  return text ? openAibotReply(JSON.parse(text)) : null
}

/** Plays WeCom's stream refreshes until the stream finishes. */
async function refreshUntilFinished(streamId: string) {
  for (let i = 0; i < 50; i++) {
    const body = await call({
      msgid: `refresh-${++sequence}`,
      aibotid: 'aib-123',
      msgtype: 'stream',
      stream: { id: streamId },
    })
    if (body.stream.finish) return body
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error('stream never finished')
}

describe('AI bot callback /wecom/aibot', () => {
  it('answers the URL check with the decrypted echostr (receive id "")', async () => {
    const echostr = sealEnvelope(AIBOT_KEYS, '8866123')
    const res = await t.app.request(`/wecom/aibot?${signedQuery(AIBOT_KEYS, echostr, { echostr })}`)
    expect(await res.text()).toBe('8866123')
  })

  it('logs an encrypted group message once, opens a stream at once and finishes it with the reply', async () => {
    const message = groupText('今天给华为张总打了电话,他对报价满意,下周三跟进')
    const first = await call(message)
    expect(first).toMatchObject({ msgtype: 'stream', stream: { finish: false } })
    // WeCom retries a callback it thinks went unanswered: nothing new is stored or opened.
    expect(await call(message)).toBeNull()
    const done = await refreshUntilFinished(first.stream.id)
    expect(done.msgtype).toBe('stream_with_template_card')
    expect(done.stream.content).toMatch(/已记录 · 华为 \/ 张总 · 电话/)
    expect(done.template_card.button_list.map((b: { text: string }) => b.text)).toContain('撤销')
    await t.settle()
    const [stored] = await t.db.select().from(inboundMessages)
    expect(stored).toMatchObject({
      platform: 'wecom-aibot',
      chatId: GROUP_CHAT,
      chatKind: 'group',
      mentioned: true,
    })
    expect(await t.db.select().from(interactions)).toHaveLength(1)
    expect(api.callsTo('/aibot/response/1')).toHaveLength(0)
  })

  it('sends the answer to response_url when WeCom stops refreshing the stream', async () => {
    const message = groupText('查一下华为')
    await call(message)
    await t.settle()
    const [posted] = api.calls.filter((c) => c.path.startsWith('/aibot/response/'))
    expect(posted?.path).toBe(new URL(message.response_url).pathname)
    expect(posted?.body).toMatchObject({
      msgtype: 'markdown',
      markdown: { content: expect.stringMatching(/华为/) },
    })
  })

  it('replaces a pressed card with what the press did', async () => {
    const first = await call(groupText('今天给华为张总打了电话,他对报价满意'))
    const done = await refreshUntilFinished(first.stream.id)
    const undo = done.template_card.button_list.find((b: { text: string }) => b.text === '撤销')
    const click = {
      msgid: `click-${++sequence}`,
      aibotid: 'aib-123',
      chatid: GROUP_CHAT,
      chattype: 'group',
      from: { userid: 'zhangsan' },
      msgtype: 'event',
      event: {
        eventtype: 'template_card_event',
        template_card_event: {
          card_type: 'button_interaction',
          event_key: undo.key,
          task_id: done.template_card.task_id,
        },
      },
    }
    const updated = await call(click)
    expect(updated).toMatchObject({
      response_type: 'update_template_card',
      template_card: { card_type: 'text_notice', task_id: done.template_card.task_id },
    })
    expect(updated.template_card.main_title.title).toMatch(/撤销/)
    expect(await call(click)).toBeNull()
    await t.settle()
    expect(await t.db.select().from(interactions)).toHaveLength(0)
  })

  it('acknowledges media and unknown message types without storing them', async () => {
    expect(await call(groupText('', { msgtype: 'image', image: { url: 'https://x' } }))).toBeNull()
    expect(await call(groupText('', { msgtype: 'location' }))).toBeNull()
    expect(await t.db.select().from(inboundMessages)).toHaveLength(0)
  })

  it('refuses forged, malformed and wrongly keyed callbacks with 4xx, storing nothing', async () => {
    const [path, init] = aibotRequest(groupText('查一下华为'))
    expect(
      (await t.app.request(path.replace(/msg_signature=[0-9a-f]/, 'msg_signature=g'), init)).status,
    ).toBe(401)
    expect((await t.app.request(path, { ...init, body: '{"encrypt":' })).status).toBe(400)
    const badBase64 = `/wecom/aibot?${signedQuery(AIBOT_KEYS, '%%%')}`
    expect((await t.app.request(badBase64, { ...init, body: '{"encrypt":"%%%"}' })).status).toBe(400)
    const wrongKey = { ...AIBOT_KEYS, encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C' }
    expect((await t.app.request(...aibotRequest(groupText('查一下华为'), wrongKey))).status).toBe(400)
    expect((await t.app.request(...aibotRequest({ msgtype: 'text', text: 'no sender' }))).status).toBe(400)
    expect(await t.db.select().from(inboundMessages)).toHaveLength(0)
    expect(await call(groupText('查一下华为'))).toMatchObject({ msgtype: 'stream' })
  })
})
