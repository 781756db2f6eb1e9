import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { encodeButtonKey } from '../../bots/wecom/button-key.ts'
import { inboundMessages, interactions } from '../../src/db/schema.ts'
import type { TestCrm } from '../support/test-crm.ts'
import { type FakeWecomApi, startFakeWecomApi } from './fake-wecom-api.ts'
import {
  APP_KEYS,
  appCallbackRequest,
  appEventXml,
  appTextXml,
  signedQuery,
  TENCENT,
} from './wecom-signer.ts'
import { APP_SECRET, createWecomTestCrm } from './wecom-test-crm.ts'

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

/** Tencent's samples were signed in 2014: a CRM whose clock reads that day takes them inside ±5 minutes. */
const atTencentSampleTime = () => createWecomTestCrm(api, { now: () => new Date(1_409_659_700_000) })
const post = (xml: string) => t.app.request(...appCallbackRequest(xml))
const sent = () => api.callsTo('/cgi-bin/message/send')

describe('self-built app callback /wecom/callback', () => {
  it("answers Tencent's URL check with the decrypted echostr", async () => {
    const sample = await atTencentSampleTime()
    const res = await sample.app.request(`/wecom/callback?${new URLSearchParams(TENCENT.urlCheck)}`)
    await sample.close()
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(TENCENT.urlCheck.plaintext)
  })

  it("takes Tencent's sample message, answers empty at once and replies through message/send", async () => {
    const { msg_signature, timestamp, nonce, encrypt } = TENCENT.message
    const t = await atTencentSampleTime()
    const res = await t.app.request(
      `/wecom/callback?${new URLSearchParams({ msg_signature, timestamp, nonce })}`,
      {
        method: 'POST',
        body: `<xml><ToUserName><![CDATA[${TENCENT.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`,
      },
    )
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('')
    await t.settle()
    const [stored] = await t.db.select().from(inboundMessages)
    expect(stored).toMatchObject({
      platform: 'wecom',
      platformWorkspaceId: TENCENT.corpId,
      platformMessageId: '4561255354251345929',
      platformUserId: 'mycreate',
      text: 'hello',
    })
    expect(sent()).toHaveLength(1)
    expect(sent()[0]?.body).toMatchObject({ touser: 'mycreate', agentid: 1000002, msgtype: 'markdown' })
    await t.close()
  })

  it('logs a retried MsgId once and answers once', async () => {
    const xml = appTextXml({
      from: 'zhangsan',
      content: '今天给华为张总打了电话,他对报价满意',
      msgId: '900001',
    })
    for (let i = 0; i < 3; i++) expect((await post(xml)).status).toBe(200)
    await t.settle()
    expect(await t.db.select().from(interactions)).toHaveLength(1)
    expect(await t.db.select().from(inboundMessages)).toHaveLength(1)
    expect(sent().filter((call) => call.body.msgtype === 'markdown')).toHaveLength(1)
  })

  it('refreshes an expired token and resends once', async () => {
    await post(appTextXml({ from: 'zhangsan', content: '查一下华为', msgId: '900002' }))
    await t.settle()
    api.expireTokens()
    await post(appTextXml({ from: 'zhangsan', content: '本周管道汇总', msgId: '900003' }))
    await t.settle()
    expect(api.callsTo('/cgi-bin/gettoken')).toHaveLength(2)
    const tokens = sent().map((call) => call.query.get('access_token'))
    expect(tokens).toEqual(['token-1', 'token-1', 'token-2'])
    expect(sent()[2]?.body.markdown.content).toMatch(/本周销售管道/)
  })

  it('greets a user entering the app once per event, even when WeCom redelivers it', async () => {
    const xml = appEventXml({ from: 'zhangsan', event: 'enter_agent', createTime: 1_700_000_100 })
    await post(xml)
    await post(xml)
    await t.settle()
    expect(sent()).toHaveLength(1)
    expect(sent()[0]?.body.markdown.content).toMatch(/查一下华为/)
  })

  it('turns a template card button press into a pipeline action', async () => {
    await post(
      appTextXml({ from: 'zhangsan', content: '今天给华为张总打了电话,他对报价满意', msgId: '900004' }),
    )
    await t.settle()
    const card = sent().find((call) => call.body.msgtype === 'template_card')?.body.template_card
    const undo = card.button_list.find((b: { text: string }) => b.text === '撤销')
    expect(undo).toBeDefined()
    await post(
      appEventXml({
        from: 'zhangsan',
        event: 'template_card_event',
        createTime: 1_700_000_200,
        eventKey: undo.key,
      }),
    )
    await t.settle()
    expect(await t.db.select().from(interactions)).toHaveLength(0)
    expect(sent().at(-1)?.body.markdown.content).toMatch(/撤销/)
  })

  it('ignores a button key it did not make', async () => {
    const key = `${encodeButtonKey({ action: 'reminder_done', value: { id: 'x' } })}`.replace(
      'crm1.',
      'evil.',
    )
    const res = await post(
      appEventXml({ from: 'zhangsan', event: 'template_card_event', createTime: 1, eventKey: key }),
    )
    expect(res.status).toBe(200)
    await t.settle()
    expect(sent()).toHaveLength(0)
  })
})

describe('self-built app callback: forged and malformed input', () => {
  const valid = () => appTextXml({ from: 'zhangsan', content: '查一下华为', msgId: '910001' })

  async function expectRejected(res: Response, status: number) {
    expect(res.status).toBe(status)
    expect(await res.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) })
  }

  it('refuses a forged signature with 401 and stores nothing', async () => {
    const [path, init] = appCallbackRequest(valid())
    await expectRejected(
      await t.app.request(path.replace(/msg_signature=[0-9a-f]{4}/, 'msg_signature=0000'), init),
      401,
    )
    await expectRejected(await t.app.request(path.replace(/msg_signature=[^&]+&/, ''), init), 400)
  })

  it('refuses malformed XML, bad base64 and a wrong key with 400, stores nothing, and keeps serving', async () => {
    const [path] = appCallbackRequest(valid())
    await expectRejected(await t.app.request(path, { method: 'POST', body: '<xml><Encrypt>abc' }), 400)
    const garbage = '!!!notbase64!!!'
    const q = signedQuery(APP_KEYS, garbage)
    await expectRejected(
      await t.app.request(`/wecom/callback?${q}`, {
        method: 'POST',
        body: `<xml><Encrypt><![CDATA[${garbage}]]></Encrypt></xml>`,
      }),
      400,
    )
    const wrongKey = { ...APP_KEYS, encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' }
    await expectRejected(await t.app.request(...appCallbackRequest(valid(), wrongKey)), 400)
    await expectRejected(
      await t.app.request('/wecom/callback?msg_signature=1&timestamp=1&nonce=1&echostr=x'),
      401,
    )
    await t.settle()
    expect(await t.db.select().from(inboundMessages)).toHaveLength(0)
    expect((await post(valid())).status).toBe(200)
    await t.settle()
    expect(await t.db.select().from(inboundMessages)).toHaveLength(1)
  })
})
