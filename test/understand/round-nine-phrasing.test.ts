import { describe, expect, it } from 'vitest'
import type { ParsedMessage } from '../../src/understand/parsed-message.ts'
import { describePhrasing, type PhrasingCases, parse } from './helpers.ts'

/**
 * Classes of phrasing added after the eleventh blind corpus and our own probing, several ways each,
 * written for this suite (none from an eval corpus). Read at Wed 2026-11-18 10:00 Shanghai.
 */
const CASES: PhrasingCases = {
  "a note's follow-up is a later day before today's, which says when it happened": [
    [
      '今天下午去了中国电建,见了陈主任,让我们下周一之前把报价发过去',
      { intent: 'log_interaction', due_at: '2026-11-23T09:00:00+08:00' },
    ],
    ['给京东刘总打了电话,约了今天下午3点再聊', { due_at: '2026-11-18T15:00:00+08:00' }],
    ['this afternoon met Jane at Acme, follow up Friday', { due_at: '2026-11-20T09:00:00+08:00' }],
  ],
  'reminders said as 记着, 别让我忘了, 下班前, end of next week': [
    ['帮我记着周四要给中粮发样品', { intent: 'set_reminder', task: '给中粮发样品' }],
    ['别让我忘了月底前催京东回款', { intent: 'set_reminder', due_at: '2026-11-30T09:00:00+08:00' }],
    ['周五下班前提醒我给万科发合同', { due_at: '2026-11-20T18:00:00+08:00' }],
    ['end of next week remind me to chase Maersk', { due_at: '2026-11-27T09:00:00+08:00' }],
    ['remind me end of next month to renew Acme', { due_at: '2026-12-31T09:00:00+08:00' }],
    ['first thing tomorrow remind me to email Priya', { task: 'email Priya' }],
  ],
  'asking what is left to follow up is the reminder list': [
    ['今天有什么要跟的?', { intent: 'list_reminders', period: 'today' }],
    ['这周我还有哪些要跟进的', { intent: 'list_reminders', period: 'this_week' }],
    ['show my follow-ups', { intent: 'list_reminders' }],
  ],
  'a deal changed: the new figure, a stage moved back, a bump': [
    ['东方航空的预算从80万加到120万', { intent: 'update_deal', amount: 1200000 }],
    ['万科的单子从100万砍到60万', { amount: 600000 }],
    ['把万科的阶段改回线索', { intent: 'update_deal', stage: 'lead' }],
    ['bump Peloton to $250k', { intent: 'update_deal', customer: 'Peloton', amount: 250000 }],
    ['lower Initech to 80k', { intent: 'update_deal', amount: 80000 }],
  ],
  'asking who has talked to a customer is a look-up': [
    ['anyone talked to Initech lately?', { intent: 'lookup_customer', customer: 'Initech' }],
    ['has anyone met the new CFO at Hooli?', { intent: 'lookup_customer', customer: 'Hooli' }],
  ],
  'the pipeline by stage or owner, and news that is not work': [
    ['按阶段看一下本周的商机分布', { intent: 'pipeline_summary', period: 'this_week' }],
    ['pipeline breakdown by owner this month', { intent: 'pipeline_summary', period: 'this_month' }],
    ['刚看到新闻说央行又降准了', { intent: 'unknown' }],
    ['Tesla is in the news again lol', { intent: 'unknown' }],
  ],
  'a person missing an answer is not the customer': [
    ['called Globex again, still no answer from Hank', { customer: 'Globex', contact: 'Hank' }],
  ],
}

describePhrasing(CASES)

describe('a follow-up after a heading, a short weekday, several customers in a day', () => {
  it.each([
    ['call w/ Acme, f/u Mon', { intent: 'log_interaction', due_at: '2026-11-23T09:00:00+08:00' }],
    ['mtg with Initech, follow up Wed', { intent: 'log_interaction', due_at: '2026-11-25T09:00:00+08:00' }],
    ['call with Jane tomorrow', { intent: 'set_reminder' }],
    ['Sun Life deal won', { customer: 'Sun Life', stage: 'won' }],
    ['今天跑了三家客户：华为、中兴、烽火，都还行', { intent: 'log_interaction', interaction_type: 'visit' }],
  ] as [string, Partial<ParsedMessage>][])('%s', (text, expected) => {
    expect(parse(text)).toMatchObject(expected)
  })
})
