import { describePhrasing, type PhrasingCases } from './helpers.ts'

/**
 * How the intent rules settle a message with several cues, one class of phrasing a block, several
 * ways each, written for this suite (none from an eval corpus). Read at Wed 2026-11-18 10:00 Shanghai.
 */
const CASES: PhrasingCases = {
  'a question about the history with a customer is a look-up': [
    ['蓝天科技以前跟我们合作过吗', { intent: 'lookup_customer', customer: '蓝天科技' }],
    ['华为以前买过我们的产品没有', { intent: 'lookup_customer', customer: '华为' }],
    ['蓝天科技有没有签过合同?', { intent: 'lookup_customer', customer: '蓝天科技' }],
    ['谁去过美的', { intent: 'lookup_customer', customer: '美的' }],
    ['海尔这个客户之前谁联系过', { intent: 'lookup_customer', customer: '海尔' }],
    ['have we ever worked with Globex?', { intent: 'lookup_customer', customer: 'Globex' }],
    ['who visited Acme last?', { intent: 'lookup_customer', customer: 'Acme' }],
    ['昨天拜访过华为的张总', { intent: 'log_interaction', interaction_type: 'visit' }],
  ],
  'asking to open a record is a look-up': [
    ['pull up the Initech profile', { intent: 'lookup_customer', customer: 'Initech' }],
    ['bring up the Hooli account', { intent: 'lookup_customer', customer: 'Hooli' }],
    ['open the IBM file', { intent: 'lookup_customer', customer: 'IBM' }],
  ],
  'asking for the people at a customer is a look-up': [
    ['蔚来的负责人电话发我一下', { intent: 'lookup_customer', customer: '蔚来' }],
    ['蓝天科技的对接人发给我', { intent: 'lookup_customer', customer: '蓝天科技' }],
    ['小米的联系方式推我一下', { intent: 'lookup_customer', customer: '小米' }],
  ],
  'asking what there is to be reminded of lists the reminders': [
    ['明天有什么要提醒我的吗', { intent: 'list_reminders' }],
    ['有没有需要提醒我的事', { intent: 'list_reminders' }],
    ['今天需要提醒我什么', { intent: 'list_reminders', period: 'today' }],
    ['reminders pls', { intent: 'list_reminders' }],
    ['my reminders?', { intent: 'list_reminders' }],
    ['anything on my follow-up list?', { intent: 'list_reminders' }],
    ['提醒我明天给华为打电话', { intent: 'set_reminder' }],
  ],
  'a question about what the bot does or how to do a thing in it is help': [
    ['这个机器人都能干嘛', { intent: 'help' }],
    ['这个助手有啥用', { intent: 'help' }],
    ['bot能做啥?', { intent: 'help' }],
    ['怎么改提醒时间?', { intent: 'help' }],
    ['我该怎么标记丢单', { intent: 'help' }],
  ],
  'a hoped-for stage is not a stage change': [
    ['华为打算推进到谈判', { stage: null }],
    [
      '拜访了蓝天科技的王总,聊得很好,对方说准备推进立项',
      { intent: 'log_interaction', interaction_type: 'visit', sentiment: 'positive' },
    ],
    ['华为推进到谈判了', { intent: 'update_deal', stage: 'negotiation' }],
  ],
  'a middle stage inside a report of a contact is the note, a close or a deal move is an update': [
    ['和华为的张总开了会,需求确认了', { intent: 'log_interaction', interaction_type: 'meeting' }],
    ['拜访了海尔的王总,他们已经在走合同审核', { intent: 'log_interaction', interaction_type: 'visit' }],
    ['Met Jane at Acme, they are now in legal review', { intent: 'log_interaction' }],
    ['和小米的李总通了电话,单子进入谈判阶段了', { intent: 'update_deal', stage: 'negotiation' }],
    ['和京东的刘总吃饭,签了!', { intent: 'update_deal', stage: 'won' }],
  ],
  'a stage recorded or reached is said outright': [
    ['把海尔标为线索', { intent: 'update_deal', customer: '海尔', stage: 'lead' }],
    ['美的的商机先登记为线索,预计两百万', { intent: 'update_deal', stage: 'lead', amount: 2000000 }],
    ['小米的立项了', { intent: 'update_deal', stage: 'qualified' }],
    ['京东需求确认了,商机转谈判', { intent: 'update_deal', stage: 'negotiation' }],
    ['华为方案发了', { intent: 'update_deal', stage: 'proposal' }],
  ],
  'closed deals as a list are a summary, not a close': [
    ['show me won deals this quarter', { intent: 'pipeline_summary', period: 'this_quarter' }],
    ['closed deals this month', { intent: 'pipeline_summary', period: 'this_month' }],
    ['lost deals last quarter?', { intent: 'pipeline_summary', period: 'last_quarter' }],
    ['we closed the Acme deal', { intent: 'update_deal', stage: 'won' }],
  ],
  'a year named by number is a period': [
    ['2025年的业绩', { intent: 'pipeline_summary', period: 'last_year' }],
    ['revenue for 2026', { intent: 'pipeline_summary', period: 'this_year' }],
  ],
  'talk about a company in the news or its products is small talk': [
    ['华为新出的手机好看吗', { intent: 'unknown' }],
    ['喜茶的新品太好喝了', { intent: 'unknown' }],
    ['小米股价又涨了,开心', { intent: 'unknown' }],
    ['Tesla stock is up again lol 🚀', { intent: 'unknown' }],
    ["Apple's new phone is so cool", { intent: 'unknown' }],
    ['华为那边对新品很满意', { intent: 'log_interaction', sentiment: 'positive' }],
  ],
  'a phone as a thing is not a call, to phone someone later is a to-do': [
    ['phone Bob tomorrow', { intent: 'set_reminder', contact: 'Bob' }],
    ['text Jane at Acme on Friday', { intent: 'set_reminder', customer: 'Acme' }],
    ['Phone call with Jane at Acme', { intent: 'log_interaction', interaction_type: 'call' }],
  ],
}

describePhrasing(CASES)
