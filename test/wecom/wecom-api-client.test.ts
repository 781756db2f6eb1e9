import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createWecomApiClient, WecomApiError } from '../../bots/wecom/wecom-api-client.ts'
import { type FakeWecomApi, startFakeWecomApi } from './fake-wecom-api.ts'

let api: FakeWecomApi
let now = 0
beforeEach(async () => {
  now = 1_000_000
  api = await startFakeWecomApi({ corpId: 'wwcorp', secret: 's3cret' })
})
afterEach(() => api.close())

const client = (secret = 's3cret') =>
  createWecomApiClient({ apiUrl: api.url, corpId: 'wwcorp', secret, agentId: '1000002', now: () => now })
const markdown = { msgtype: 'markdown' as const, markdown: { content: '**hi**' } }

describe('WeCom server API client', () => {
  it('fetches one token for concurrent calls and reuses it until shortly before it expires', async () => {
    const wecom = client()
    await Promise.all([wecom.sendToUser('zhangsan', markdown), wecom.sendToUser('lisi', markdown)])
    now += (7200 - 301) * 1000
    await wecom.sendToUser('zhangsan', markdown)
    expect(api.callsTo('/cgi-bin/gettoken')).toHaveLength(1)
    now += 2000
    await wecom.sendToUser('zhangsan', markdown)
    expect(api.callsTo('/cgi-bin/gettoken')).toHaveLength(2)
  })

  it('refetches an expired token and resends once', async () => {
    const wecom = client()
    await wecom.sendToUser('zhangsan', markdown)
    api.expireTokens()
    await wecom.sendToAppChat('chat1', { msgtype: 'text', text: { content: 'hi' } })
    const sends = api.callsTo('/cgi-bin/appchat/send')
    expect(sends.map((c) => c.query.get('access_token'))).toEqual(['token-1', 'token-2'])
    expect(sends[1]?.body).toEqual({ chatid: 'chat1', msgtype: 'text', text: { content: 'hi' } })
  })

  it('sends text, markdown and textcard bodies to message/send with the agent id', async () => {
    const wecom = client()
    await wecom.sendToUser('zhangsan', {
      msgtype: 'textcard',
      textcard: { title: '提醒', description: '给美团王总发合同', url: 'https://crm.example.com' },
    })
    expect(api.callsTo('/cgi-bin/message/send')[0]?.body).toMatchObject({
      touser: 'zhangsan',
      agentid: 1000002,
      msgtype: 'textcard',
      textcard: { title: '提醒' },
    })
  })

  it('surfaces WeCom errors with their errcode', async () => {
    const error = await client('wrong')
      .sendToUser('zhangsan', markdown)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WecomApiError)
    expect(error).toMatchObject({ errcode: 40001 })
  })
})
