import { afterEach, describe, expect, it } from 'vitest'
import { createResvgChartRenderer } from '../../src/node/resvg-chart-renderer.ts'
import type { TestCrm } from '../support/test-crm.ts'
import { type FakeWecomApi, startFakeWecomApi } from './fake-wecom-api.ts'
import { APP_KEYS, appCallbackRequest, appTextXml } from './wecom-signer.ts'
import { APP_SECRET, createWecomTestCrm } from './wecom-test-crm.ts'

let api: FakeWecomApi
let t: TestCrm
afterEach(async () => {
  await t.close()
  await api.close()
})

describe('WeCom pipeline charts', () => {
  it('sends the summary, then its funnel as an image message: media/upload, then msgtype image', async () => {
    api = await startFakeWecomApi({ corpId: APP_KEYS.receiveId, secret: APP_SECRET })
    t = await createWecomTestCrm(api, { charts: createResvgChartRenderer() })
    const xml = appTextXml({ from: 'zhangsan', content: '本周管道汇总', msgId: '9001' })
    expect((await t.app.request(...appCallbackRequest(xml))).status).toBe(200)
    await t.settle()
    const [upload] = api.callsTo('/cgi-bin/media/upload')
    expect(upload?.query.get('type')).toBe('image')
    expect(
      ((upload?.body ?? Buffer.alloc(0)) as Buffer).indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    ).toBeGreaterThan(0)
    const sent = api.callsTo('/cgi-bin/message/send').map((c) => c.body)
    expect(sent.map((b) => b.msgtype)).toEqual(['markdown', 'image'])
    expect(sent[1]).toMatchObject({
      touser: 'zhangsan',
      image: { media_id: expect.stringMatching(/^media-/) },
    })
  })

  it('sends no image without a renderer', async () => {
    api = await startFakeWecomApi({ corpId: APP_KEYS.receiveId, secret: APP_SECRET })
    t = await createWecomTestCrm(api)
    await t.app.request(
      ...appCallbackRequest(appTextXml({ from: 'zhangsan', content: '本周管道汇总', msgId: '9002' })),
    )
    await t.settle()
    expect(api.callsTo('/cgi-bin/media/upload')).toEqual([])
    expect(api.callsTo('/cgi-bin/message/send').map((c) => c.body.msgtype)).toEqual(['markdown'])
  })
})
