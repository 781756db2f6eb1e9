import { afterEach, describe, expect, it } from 'vitest'
import { createResvgChartRenderer } from '../../src/node/resvg-chart-renderer.ts'
import { createTestCrm, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm | undefined
afterEach(() => t?.close())

const HOST = 'http://localhost:3000'
const send = (crm: TestCrm, text: string) =>
  crm.app.request(`${HOST}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', host: 'localhost:3000', origin: HOST },
    body: JSON.stringify({ user: 'alice', text }),
  })

describe('web chat charts', () => {
  it('carries the summary’s funnel inline as a PNG data URL', async () => {
    t = await createTestCrm({ charts: createResvgChartRenderer() })
    const { reply } = (await (await send(t, '本周管道汇总')).json()) as {
      reply: { intent: string; charts: { title: string; src: string }[] }
    }
    expect(reply.intent).toBe('pipeline_summary')
    expect(reply.charts.map((c) => c.title)).toEqual(['销售漏斗'])
    const png = Buffer.from(reply.charts[0]?.src.replace('data:image/png;base64,', '') ?? '', 'base64')
    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47])
  })

  it('carries none without a renderer or for other replies', async () => {
    t = await createTestCrm()
    const summary = (await (await send(t, 'pipeline this month')).json()) as { reply: { charts: unknown[] } }
    expect(summary.reply.charts).toEqual([])
  })
})
