import { describePhrasing, type PhrasingCases } from './helpers.ts'

/**
 * Classes of phrasing an international team (Singapore, Shanghai) types: Singlish, non-native
 * English, mixed sentences. Written for this suite, none from an eval corpus. Read at Wed
 * 2026-11-18 10:00 Shanghai.
 */
const CASES: PhrasingCases = {
  '`liao`, `already` after a stage say it is reached': [
    ['Keppel proposal liao', { intent: 'update_deal', customer: 'Keppel', stage: 'proposal' }],
    ['Sembcorp qualified already, 50k SGD', { intent: 'update_deal', stage: 'qualified', amount: 50000 }],
    ['DBS negotiation liao', { intent: 'update_deal', customer: 'DBS', stage: 'negotiation' }],
  ],
  'a stage named after `stage`': [
    ['Unilever: stage proposal', { intent: 'update_deal', customer: 'Unilever', stage: 'proposal' }],
    ['Nestle stage: negotiation, 120k USD', { intent: 'update_deal', stage: 'negotiation', currency: 'USD' }],
    ['Shopee stage qualified', { intent: 'update_deal', customer: 'Shopee', stage: 'qualified' }],
  ],
  'a tender not won is lost': [
    ['万科的投标没中', { intent: 'update_deal', customer: '万科', stage: 'lost' }],
    ['海尔那个标也没有中', { stage: 'lost' }],
    ['美的招标未中,输给了对手', { stage: 'lost' }],
  ],
  '`过N个钟头` is hours from now': [
    ['过三个钟头提醒我回电话给海尔', { intent: 'set_reminder', due_at: '2026-11-18T13:00:00+08:00' }],
    ['过1个钟头提醒我发邮件', { due_at: '2026-11-18T11:00:00+08:00' }],
    ['过两小时提醒我开会', { due_at: '2026-11-18T12:00:00+08:00' }],
  ],
  'questions about won and lost deals in a period are a summary': [
    ['this week got any deal won?', { intent: 'pipeline_summary', period: 'this_week' }],
    ['上个月的赢单和输单情况', { intent: 'pipeline_summary', period: 'last_month' }],
    ['本季度还有多少跟进中的商机', { intent: 'pipeline_summary', period: 'this_quarter' }],
    ['how many deals were signed this month', { intent: 'pipeline_summary', period: 'this_month' }],
  ],
  'who is the account manager of a customer': [
    ['海尔的客户经理是谁', { intent: 'lookup_customer', customer: '海尔' }],
    ['万科的业务员是哪位', { intent: 'lookup_customer', customer: '万科' }],
    ['美的的负责人是哪个', { intent: 'lookup_customer', customer: '美的' }],
  ],
  'when the last contact was is a look-up': [
    ['海尔上次拜访是什么时候', { intent: 'lookup_customer', customer: '海尔' }],
    ['万科最近一次开会是哪天', { intent: 'lookup_customer', customer: '万科' }],
    ['when did we last visit Shopee?', { intent: 'lookup_customer', customer: 'Shopee' }],
  ],
  '`加个note` opens a note': [
    [
      '加个note: 海尔年底前不会有新预算',
      { intent: 'log_interaction', interaction_type: 'note', customer: '海尔' },
    ],
    ['记个note,万科的采购流程改了', { intent: 'log_interaction', interaction_type: 'note' }],
    ['add a note: Grab procurement needs 3 quotes', { interaction_type: 'note' }],
  ],
  'a time word after a name is no brand': [
    ['万科明年的预算会砍一半', { customer: '万科' }],
    ['海尔下个月的单子要签了', { customer: '海尔' }],
    ['记一下: 美的今年的采购已经冻结', { customer: '美的' }],
  ],
  'asking to be taught a feature is help': [
    ['可以教下我怎么设置提醒吗', { intent: 'help' }],
    ['教一下我如何新建商机', { intent: 'help' }],
    ['有没有使用示例', { intent: 'help' }],
    ['举几个例子看看', { intent: 'help' }],
  ],
  'the reminder list by another name': [
    ['提醒清单给我看看', { intent: 'list_reminders' }],
    ['待办清单发我', { intent: 'list_reminders' }],
    ['日程列表', { intent: 'list_reminders' }],
  ],
  'an amount updated to a new figure': [
    [
      'Grab amount update to 15万美元',
      { intent: 'update_deal', customer: 'Grab', amount: 150000, currency: 'USD' },
    ],
    ['Keppel deal size revised to 200k', { intent: 'update_deal', amount: 200000 }],
    ['DBS budget increased to 1.2M SGD', { intent: 'update_deal', amount: 1200000, currency: 'SGD' }],
  ],
}

describePhrasing(CASES)
