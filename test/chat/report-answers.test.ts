import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReportData } from '../../src/crm/reports/report-data.ts'
import { auditLog, customers, deals, interactions } from '../../src/db/schema.ts'
import { seedReportFixture } from '../support/report-fixture.ts'
import { createChatMessage, createTestCrm, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm
beforeEach(async () => {
  t = await createTestCrm()
  await seedReportFixture(t.crm)
})
afterEach(() => t.close())

const NAMES: Record<string, string> = {
  root: 'Root',
  boss: '赵经理',
  zhang: '张伟',
  li: '李娜',
  wang: '王强',
}

/** Asks as one of the fixture's people in a direct chat (or a group), returning the reply and its data. */
async function ask(user: string, text: string, chatKind: 'direct' | 'group' = 'direct') {
  const reply = await t.pipeline.handle(
    createChatMessage({ text, userId: user, userName: NAMES[user], chatKind, chatId: `${chatKind}:${user}` }),
  )
  if (!reply) throw new Error('no reply')
  return { reply, data: reply.data as unknown as ReportData }
}

const names = (xs: { name?: string; title?: string }[]) => xs.map((x) => x.name ?? x.title)

describe('report answers, worked out by hand on the fixture', () => {
  it('activity by rep: a named rep this week, and who made the most calls last week', async () => {
    const { reply, data } = await ask('boss', '小张这周拜访了几个客户')
    expect(reply.intent).toBe('report')
    expect(data.metric === 'activity' && data.rows).toEqual([
      { ownerId: expect.any(String), owner: '张伟', total: 2, byType: { visit: 2 }, customers: 2 },
    ])
    expect(data.metric === 'activity' && names(data.customers)).toEqual(['小米', '华为'])
    expect(reply.text).toMatch(/本周拜访统计 · 张伟\n- 张伟: 2 条 · 2 个客户/)

    const calls = await ask('root', 'who logged the most calls last week')
    expect(calls.data.metric === 'activity' && calls.data.rows.map((r) => [r.owner, r.total])).toEqual([
      ['李娜', 2],
      ['张伟', 1],
    ])
    expect(calls.reply.text).toMatch(/^📈 call, last week\n- 李娜: 2 · 1 customers \(call 2\)/)
  })

  it('activity over a period with no name of ours: the last two weeks, counted and named as asked', async () => {
    // Today is Wed 18 Nov: the last two weeks are 5–18 Nov, holding 张伟's calls of the 16th and the 10th;
    // this week alone holds only the 16th's.
    const { reply, data } = await ask('boss', '张伟过去两周打了几个电话')
    expect(data.metric === 'activity' && data.rows).toEqual([
      { ownerId: expect.any(String), owner: '张伟', total: 2, byType: { call: 2 }, customers: 1 },
    ])
    expect(reply.text).toMatch(/^📈 过去两周/)
    const week = await ask('boss', '张伟这周打了几个电话')
    expect(week.data.metric === 'activity' && week.data.rows.map((r) => r.total)).toEqual([1])
  })

  it('customers not contacted for N days, in either language', async () => {
    const zh = await ask('root', '哪些客户超过两周没跟进了')
    expect(zh.data).toMatchObject({ metric: 'stale_customers', staleDays: 14, total: 2 })
    expect(zh.data.metric === 'stale_customers' && zh.data.customers).toEqual([
      { id: expect.any(String), name: '百度', ownerName: '王强', daysSilent: 140 },
      { id: expect.any(String), name: '京东', ownerName: '李娜', daysSilent: 47 },
    ])
    const en = await ask('boss', 'customers not contacted in 30 days')
    expect(en.data.metric === 'stale_customers' && names(en.data.customers)).toEqual(['京东'])
    expect(en.reply.text).toBe('🧊 Not contacted for 30+ days: 1\n- 京东 · 47 days · 李娜')
  })

  it('deals expected to close in a period, deals by stage and the top N', async () => {
    const closing = await ask('root', '本月预计成交的单子')
    expect(closing.data.metric === 'closing_deals' && names(closing.data.deals)).toEqual([
      '阿里云',
      '华为云',
      '阿里海外',
    ])
    const stage = await ask('boss', '谈判阶段的单子有哪些')
    expect(stage.data).toMatchObject({ metric: 'deals_by_stage', stage: 'negotiation', total: 1 })
    expect(stage.reply.text).toBe(
      '📋 商务谈判阶段的商机: 1 个\n- 华为 · 华为云 · ¥1,000,000 · 商务谈判 · 预计 2026-11-28 · 张伟',
    )
    const top = await ask('root', 'top 5 deals')
    expect(top.data.metric === 'top_deals' && names(top.data.deals)).toEqual([
      '华为云',
      '阿里云',
      '小米手机',
      '阿里海外',
    ])
    const mine = await ask('zhang', '金额最大的前5个单子')
    expect(mine.data.metric === 'top_deals' && names(mine.data.deals)).toEqual(['华为云', '小米手机'])
  })

  it('win rate with won and lost amounts for a period', async () => {
    const quarter = await ask('root', 'win rate this quarter')
    expect(quarter.data).toMatchObject({
      metric: 'win_rate',
      won: [{ currency: 'CNY', count: 2, amount: 650_000 }],
      lost: [{ currency: 'CNY', count: 1, amount: 300_000 }],
    })
    expect(quarter.reply.text).toBe('🎯 Win rate this quarter: 67%\nWon: 2 · ¥650,000\nLost: 1 · ¥300,000')
    const month = await ask('root', '本月赢单率多少')
    expect(month.data.metric === 'win_rate' && month.data.winRate).toBe(0.5)
    const last = await ask('li', '上季度赢单率多少')
    expect(last.reply.text).toBe('🎯 上季度赢单率: —\n赢单: 0\n丢单: 0')
  })

  it('new customers, negative sentiment lately, a customer’s history and the forecast', async () => {
    const fresh = await ask('root', 'new customers this month')
    expect(fresh.data).toMatchObject({ metric: 'new_customers', total: 2 })
    expect(fresh.data.metric === 'new_customers' && names(fresh.data.customers)).toEqual(['小米', '阿里'])
    const unhappy = await ask('root', '最近有哪些客户情绪负面')
    expect(unhappy.data.metric === 'negative_customers' && names(unhappy.data.customers)).toEqual([
      '阿里',
      '腾讯',
    ])
    const history = await ask('zhang', '华为最近怎么样')
    expect(
      history.data.metric === 'customer_history' && history.data.interactions.map((i) => i.type),
    ).toEqual(['visit', 'call', 'call'])
    expect(history.data.metric === 'customer_history' && names(history.data.deals).sort()).toEqual([
      '华为云',
      '华为终端',
    ])
    const forecast = await ask('root', 'forecast by month')
    expect(forecast.data.metric === 'forecast' && forecast.data.months).toEqual([
      { month: '2026-11', currency: 'CNY', count: 2, amount: 1_800_000, weighted_amount: 1_350_000 },
      { month: '2026-11', currency: 'USD', count: 1, amount: 50_000, weighted_amount: 25_000 },
      { month: '2026-12', currency: 'CNY', count: 1, amount: 200_000, weighted_amount: 100_000 },
    ])
  })
})

describe('report permissions', () => {
  it('a rep never sees another rep’s data in any answer', async () => {
    const questions = [
      '小张这周拜访了几个客户',
      'who logged the most calls last week',
      '哪些客户超过两周没跟进了',
      '本月预计成交的单子',
      'deals in negotiation',
      'top 5 deals',
      'win rate this quarter',
      'new customers this month',
      'customers with negative sentiment lately',
      '华为最近怎么样',
      'forecast by month',
    ]
    for (const q of questions) {
      const { reply } = await ask('wang', q)
      expect(reply.intent, q).toBe('report')
      // Everything 张伟 and 李娜 own: none of it may show in 王强's answers.
      expect(reply.text, q).not.toMatch(/华为云|小米|腾讯|京东|张伟|李娜|1,000,000|650,000/)
    }
    expect((await ask('wang', '小张这周拜访了几个客户')).reply.text).toBe('你能查看的同事里没有「小张」。')
    expect((await ask('wang', '华为最近怎么样')).reply.text).toBe('没找到你能查看的客户「华为」。')
  })

  it('in a group chat a manager gets only their own records, and is told so', async () => {
    const { reply, data } = await ask('boss', '哪些客户超过两周没跟进了', 'group')
    expect(data).toMatchObject({ metric: 'stale_customers', total: 0, narrowed: true })
    expect(reply.text).toMatch(/群聊里只显示你自己的数据/)
  })

  it('never writes: a report leaves customers, deals, interactions and the audit log as they were', async () => {
    const count = async () =>
      [customers, deals, interactions, auditLog].map(
        async (table) => (await t.db.select().from(table)).length,
      )
    const before = await Promise.all(await count())
    await ask('boss', '小张这周拜访了几个客户')
    await ask('root', 'top 5 deals')
    await ask('zhang', '华为最近怎么样')
    expect(await Promise.all(await count())).toEqual(before)
  })
})
