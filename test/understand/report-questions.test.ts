import { describe, expect, it } from 'vitest'
import { parseMessage } from '../../src/understand/parse-message.ts'
import { NOW, SHANGHAI } from './helpers.ts'

const parse = (text: string) => parseMessage(text, { now: NOW, timeZone: SHANGHAI })

describe('report questions', () => {
  it.each([
    ['小张这周拜访了几个客户', { metric: 'activity', owner: '小张', period: 'this_week', channel: 'visit' }],
    ['张伟这周跟进了哪些客户', { metric: 'activity', owner: '张伟', period: 'this_week', channel: null }],
    [
      'who logged the most calls last week',
      { metric: 'activity', owner: null, period: 'last_week', channel: 'call' },
    ],
    ['how many calls did Tom make this week', { metric: 'activity', owner: 'Tom', channel: 'call' }],
    ['哪些客户超过两周没跟进了', { metric: 'stale_customers', stale_days: 14 }],
    ['三十天没联系的客户有哪些', { metric: 'stale_customers', stale_days: 30 }],
    ['customers not contacted in 30 days', { metric: 'stale_customers', stale_days: 30 }],
    ['本月预计成交的单子', { metric: 'closing_deals', period: 'this_month' }],
    ['谈判阶段的单子有哪些', { metric: 'deals_by_stage', stage: 'negotiation' }],
    ['deals in negotiation', { metric: 'deals_by_stage', stage: 'negotiation' }],
    ['proposal阶段的deals有哪些', { metric: 'deals_by_stage', stage: 'proposal' }],
    ['top 5 deals', { metric: 'top_deals', limit: 5 }],
    ['金额最大的前3个单子', { metric: 'top_deals', limit: 3, owner: null }],
    ['最近有哪些客户情绪负面', { metric: 'negative_customers', sentiment: 'negative' }],
    ['customers with negative sentiment lately', { metric: 'negative_customers' }],
    ['new customers this month', { metric: 'new_customers', period: 'this_month' }],
  ])('%s → report %o', (text, report) => {
    const parsed = parse(text)
    expect(parsed.intent).toBe('report')
    expect(parsed.report).toMatchObject(report)
  })

  it('keeps the summary intent the labelled corpora use, and carries the report its handler answers', () => {
    const parsed = parse('上季度赢单率多少')
    expect(parsed).toMatchObject({ intent: 'pipeline_summary', period: 'last_quarter' })
    expect(parsed.report).toMatchObject({ metric: 'win_rate', period: 'last_quarter' })
    expect(parse('forecast by month').report).toMatchObject({ metric: 'forecast' })
    expect(parse('本季度各阶段的商机数量').report).toBeNull()
    expect(parse('Q4 forecast').report).toBeNull()
  })

  it('carries a period with no name of ours as its bounds and its words', () => {
    expect(parse('张伟过去两周打了几个电话').report).toMatchObject({
      metric: 'activity',
      period: null,
      period_range: {
        start: '2026-11-05T00:00:00+08:00',
        end: '2026-11-19T00:00:00+08:00',
        text: '过去两周',
      },
    })
    expect(parse('new customers in September').report).toMatchObject({
      metric: 'new_customers',
      period_range: {
        start: '2026-09-01T00:00:00+08:00',
        end: '2026-10-01T00:00:00+08:00',
        text: 'September',
      },
    })
    expect(parse('上上周谁拜访最多').report?.period_range?.text).toBe('上上周')
    // A month or quarter without its year: the one gone by for what has happened, the one to come for
    // what is expected.
    expect(parse('三月份新增了几个客户').report?.period_range).toMatchObject({
      start: '2026-03-01T00:00:00+08:00',
      text: '三月份',
    })
    expect(parse('Q1 win rate').report?.period_range?.start).toBe('2026-01-01T00:00:00+08:00')
    expect(parse('3月预计成交的单子').report?.period_range?.start).toBe('2027-03-01T00:00:00+08:00')
    // A named period needs no bounds: the report reads it by name.
    expect(parse('小张这周拜访了几个客户').report?.period_range).toBeUndefined()
  })

  it('reads a customer’s history with the customer, keeping the look-up intent', () => {
    expect(parse('华为最近怎么样')).toMatchObject({
      intent: 'lookup_customer',
      customer: '华为',
      report: { metric: 'customer_history' },
    })
  })

  it.each([
    '给华为打了几个电话,都没人接',
    '今天拜访了小米,聊得不错',
    '提醒我明天问小张这周拜访了几个客户',
    'Visited the Oracle office and chatted with Steve — he is really happy with our support lately',
  ])('a note or an order is no report: %s', (text) => {
    expect(parse(text).intent).not.toBe('report')
    expect(parse(text).report).toBeNull()
  })
})
