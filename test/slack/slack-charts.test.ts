import { afterEach, describe, expect, it } from 'vitest'
import { createResvgChartRenderer } from '../../src/node/resvg-chart-renderer.ts'
import { ALICE, DM, directMessage } from './slack-fixtures.ts'
import { createSlackTestApp, type SlackTestApp } from './slack-test-app.ts'

let s: SlackTestApp | undefined
afterEach(() => s?.close())

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47]

describe('Slack pipeline charts', () => {
  it('attaches the funnel under a pipeline summary with files.uploadV2', async () => {
    s = await createSlackTestApp({ charts: createResvgChartRenderer() })
    s.fake.users.set(ALICE, { id: ALICE, name: 'alice', locale: 'zh-CN' })
    expect((await s.event(directMessage({ text: '本周管道汇总' }))).status).toBe(200)
    await s.crm.settle()
    const [post] = s.fake.callsTo('chat.postMessage')
    expect(post?.body.text).toMatch(/本周销售管道/)
    const [url] = s.fake.callsTo('files.getUploadURLExternal')
    expect(url?.body).toMatchObject({ filename: 'pipeline-funnel.png' })
    // The upload URL gets a multipart form whose file part is the PNG.
    const [upload] = s.fake.callsTo('file_upload')
    const bytes = (upload?.body ?? Buffer.alloc(0)) as Buffer
    expect(bytes.indexOf(Buffer.from(PNG_MAGIC))).toBeGreaterThan(0)
    const [complete] = s.fake.callsTo('files.completeUploadExternal')
    expect(complete?.body).toMatchObject({ channel_id: DM })
    expect(complete?.body.files).toEqual([{ id: expect.stringMatching(/^F/), title: '销售漏斗' }])
  })

  it('uploads nothing for other replies, or with no renderer', async () => {
    s = await createSlackTestApp({ charts: createResvgChartRenderer() })
    await s.event(directMessage({ text: '查一下华为' }))
    await s.crm.settle()
    expect(s.fake.callsTo('files.getUploadURLExternal')).toEqual([])
    await s.close()
    s = await createSlackTestApp()
    await s.event(directMessage({ text: 'pipeline this month' }))
    await s.crm.settle()
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(1)
    expect(s.fake.callsTo('files.getUploadURLExternal')).toEqual([])
  })
})
