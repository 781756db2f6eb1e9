import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/crm/crm-context.ts'
import { runReport } from '../../src/crm/reports/run-report.ts'
import type { ReportQuery } from '../../src/understand/parsed-message.ts'
import { seedReportFixture } from '../support/report-fixture.ts'
import { createTestCrm, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm
let people: Awaited<ReturnType<typeof seedReportFixture>>
beforeAll(async () => {
  t = await createTestCrm()
  people = await seedReportFixture(t.crm)
})
afterAll(() => t.close())

const activity = (channel: ReportQuery['channel'], period: ReportQuery['period']): ReportQuery => ({
  metric: 'activity',
  owner: null,
  period,
  stage: null,
  stale_days: null,
  sentiment: null,
  limit: null,
  channel,
})

async function rows(
  actor: Actor,
  channel: ReportQuery['channel'] = null,
  period: ReportQuery['period'] = 'this_week',
) {
  const data = await runReport(t.crm, actor, activity(channel, period), { chatKind: 'direct' })
  if (data.metric !== 'activity') throw new Error(`expected activity, got ${data.metric}`)
  return data.rows
}

// This week (11-16..11-22): 张伟 called 华为 on the 16th, visited it on the 17th and 小米 on the 18th;
// 王强 visited 阿里 on the 17th (his note of the 15th is last week's); 李娜 logged nothing.
describe('activity by author, counted per channel in one pass', () => {
  it('each author in scope with their total, channels and customers, most active first', async () => {
    const all = await rows(people.root)
    expect(all).toEqual([
      { ownerId: people.zhang.userId, owner: '张伟', total: 3, byType: { call: 1, visit: 2 }, customers: 2 },
      { ownerId: people.wang.userId, owner: '王强', total: 1, byType: { visit: 1 }, customers: 1 },
    ])
  })

  it('lists channels in text order, as a GROUP BY type returned them (the answer text keeps it)', async () => {
    // This month 王强 visited 阿里 (the 17th) after noting its complaint (the 15th).
    const wang = (await rows(people.root, null, 'this_month')).find((r) => r.owner === '王强')
    expect(wang?.byType).toEqual({ note: 1, visit: 1 })
    expect(Object.keys(wang?.byType ?? {})).toEqual(['note', 'visit'])
  })

  it('a manager sees their team, a rep only themselves', async () => {
    expect((await rows(people.manager)).map((r) => r.owner)).toEqual(['张伟'])
    expect(await rows(people.li)).toEqual([])
  })

  it('a channel narrows every count to it', async () => {
    expect(await rows(people.root, 'call')).toEqual([
      { ownerId: people.zhang.userId, owner: '张伟', total: 1, byType: { call: 1 }, customers: 1 },
    ])
  })
})
