import { describePhrasing } from './helpers.ts'

/**
 * Classes of phrasing added after the fourteenth and fifteenth blind corpora (a third team's dev-style
 * set and a deliberately hard one), several ways each, written for this suite (none from an eval corpus).
 * Read at Wed 2026-11-18 10:00 Shanghai.
 */
describePhrasing({
  'deals won or lost said as news': [
    ['好消息!蒙牛的合同今天盖章了', { intent: 'update_deal', stage: 'won' }],
    ['Hooli picked us!!', { intent: 'update_deal', customer: 'Hooli', stage: 'won' }],
    ['Initech went with Oracle instead of us', { intent: 'update_deal', customer: 'Initech', stage: 'lost' }],
    ['伊利已经到谈价格这一步了', { intent: 'update_deal', stage: 'negotiation' }],
  ],
  'a deal grown or shrunk without the word amount': [
    ['安踏又加了三家门店,单子现在总共150万', { intent: 'update_deal', amount: 1500000 }],
    [
      "Tyrell Corp bumped the order to 300 seats, whole thing's now $400k",
      { intent: 'update_deal', amount: 400000 },
    ],
  ],
  'summaries asked casually': [
    ['本季度到现在进账多少了', { intent: 'pipeline_summary', period: 'this_quarter' }],
    ["this quarter's closed-won total", { intent: 'pipeline_summary', period: 'this_quarter' }],
    ['are we gonna hit the number this month?', { intent: 'pipeline_summary', period: 'this_month' }],
    ["how's the year shaping up", { intent: 'pipeline_summary', period: 'this_year' }],
  ],
  'to-dos without a reminder word, help before a question, a reminder list asked in the past tense': [
    ['need to get the quote over to Contoso by Friday', { intent: 'set_reminder', customer: 'Contoso' }],
    ['have to send the deck to Initech tomorrow', { intent: 'set_reminder' }],
    ['help 怎么设置提醒', { intent: 'help' }],
    ['我设过哪些提醒?', { intent: 'list_reminders' }],
  ],
  'people: a full name of an organisation, a hyphenated given name': [
    ['Met Hiro Sato of Sony in Tokyo', { customer: 'Sony', contact: 'Hiro Sato' }],
    ['跟Naver的Seo-yeon开了个会', { customer: 'Naver', contact: 'Seo-yeon' }],
  ],
  'the customer: a headquarters, a project named after it, a call to return, a group sandwiched by verbs': [
    ['上午去老娘舅总部拜访了信息部马经理', { customer: '老娘舅' }],
    ['锦江那个酒店PMS项目赢单了', { customer: '锦江', stage: 'won' }],
    ['Oracle那个deal lost了,被SAP截胡', { customer: 'Oracle', stage: 'lost' }],
    ['45分钟后提醒我回汉庭的电话', { customer: '汉庭' }],
    ['今天去国泰租赁见了吴总', { customer: '国泰租赁', contact: '吴总' }],
    ['苹果供应链的李总今天来电', { customer: '苹果' }],
  ],
  'follow-ups: our step said before its date, 一趟': [
    [
      "Emailed Lena at Globex. Board meets Dec 2, so I'll check in with her Dec 3.",
      {
        due_at: '2026-12-03T09:00:00+08:00',
      },
    ],
    ['去万达见了王总,他们下周一开会定,我下周二再去一趟', { due_at: '2026-11-24T09:00:00+08:00' }],
  ],
  'sentiment: lukewarm alone, pressure, blockers, a cold room, no objections': [
    ['新东方的罗老师还在犹豫,没给答复', { sentiment: 'neutral' }],
    ['长安的刘处说用友报价比我们低不少,这单压力很大', { sentiment: 'negative' }],
    [
      'Sat down with the Umbrella team, three blockers and the mood was pretty cold',
      { sentiment: 'negative' },
    ],
    ['小红书的何经理说对交付没什么意见,续约问题不大', { sentiment: 'positive' }],
    ['跟蒙牛的郑总通了电话,他倒不是不满意,就是想再比较几家', { sentiment: 'neutral' }],
    ['昨天路过小米之家顺手买了个充电宝 挺好用', { intent: 'unknown' }],
    ['Met Yuki at Daiwa, budget around 30 million yen', { amount: 30000000, currency: 'JPY' }],
  ],
})

describePhrasing({
  'Slack sales shorthand': [
    ['f/u w/ ACME Corp re renewal - they want 10% off', { intent: 'log_interaction', customer: 'ACME Corp' }],
    ['Hooli moved to stage 3', { intent: 'update_deal', customer: 'Hooli' }],
    ['Wayne Ent. is in legal', { intent: 'update_deal', customer: 'Wayne Ent.', stage: 'negotiation' }],
    ["DQ'd Initech, no budget", { stage: 'lost', customer: 'Initech' }],
    ['CW: Globex $1.2M ARR :tada:', { stage: 'won', customer: 'Globex', amount: 1200000 }],
    ["what's our commit for Q4?", { intent: 'pipeline_summary' }],
    ['pipe coverage this quarter', { intent: 'pipeline_summary', period: 'this_quarter' }],
    ['my open tasks', { intent: 'list_reminders' }],
  ],
})
