import { describePhrasing, type PhrasingCases } from './helpers.ts'

/**
 * Classes of phrasing, several ways each, written for this suite (none from an eval corpus).
 * Read at Wed 2026-11-18 10:00 Shanghai.
 */
const CASES: PhrasingCases = {
  'a note with a follow-up is a logged interaction': [
    [
      'call w/ Dana from Soylent Corp - so-so, they are still comparing vendors. ping her again Monday',
      { intent: 'log_interaction', customer: 'Soylent Corp', contact: 'Dana', interaction_type: 'call' },
    ],
    [
      'lunch w/ Sarah from Hooli, she loved the roadmap, follow up Monday',
      { intent: 'log_interaction', contact: 'Sarah', due_at: '2026-11-23T09:00:00+08:00' },
    ],
    [
      'quick call with Tom at Umbrella, they are happy, circle back next week',
      { intent: 'log_interaction', interaction_type: 'call', sentiment: 'positive' },
    ],
    [
      'meeting with Jane at Acme tomorrow 3pm',
      { intent: 'set_reminder', due_at: '2026-11-19T15:00:00+08:00' },
    ],
    ['Call Bob at Initech tomorrow', { intent: 'set_reminder', contact: 'Bob' }],
  ],
  'channel words': [
    ['quick sync call with Ann from Hooli, all good', { interaction_type: 'call' }],
    ['video call with Ann from Hooli, all good', { interaction_type: 'call' }],
    ['微信语音跟京东的刘总聊了半小时', { interaction_type: 'call', contact: '刘总' }],
    ['去了趟美的佛山总部,见了采购的王经理', { intent: 'log_interaction', interaction_type: 'visit' }],
    ['今天去格力总部见了董经理', { interaction_type: 'visit' }],
    ['和京东方的韩工开了需求评审会,基本没问题', { interaction_type: 'meeting', sentiment: 'positive' }],
    ['跟美团开了周会', { interaction_type: 'meeting' }],
    ['钉钉会议和阿里的王总过了方案', { interaction_type: 'meeting', customer: '阿里' }],
    ['约见了万科的王总,聊得很投机', { interaction_type: 'meeting', sentiment: 'positive' }],
    [
      '与中国建筑的唐总会面,对方很乐观',
      { intent: 'log_interaction', customer: '中国建筑', contact: '唐总', interaction_type: 'meeting' },
    ],
    ['和招商局的李总会谈了两个小时', { interaction_type: 'meeting', contact: '李总' }],
    ['Dropped by Globex office, met their CFO', { interaction_type: 'visit' }],
  ],
  'sentiment phrases': [
    ['电话沟通了碧桂园的吴总,对方说明年不打算续约了', { sentiment: 'negative' }],
    ['跟万科的王总聊了,暂时不考虑合作', { sentiment: 'negative' }],
    ['电话里华润的冯总说报价偏高,不太能接受', { sentiment: 'negative' }],
    ['拜访了美的的李总,价格太高了,接受不了', { sentiment: 'negative' }],
    // Lukewarm alone is neutral, as four blind corpora label it; with more against the deal, negative.
    ['和小米的张总通了电话,反馈一般', { sentiment: 'neutral' }],
    ['和小米的张总通了电话,反馈一般,觉得集成太麻烦', { sentiment: 'negative' }],
    ['和宁波东方电缆的孙总吃了饭,他还是有点犹豫,今年签不下来了', { sentiment: 'negative' }],
    ['Met Rachel at Marriott, lukewarm on pricing', { sentiment: 'neutral' }],
    ['拜访了海底捞的邓总监,对方对会员系统评价很高', { sentiment: 'positive' }],
    ['和海尔刘总开会,对方对方案兴趣很浓', { sentiment: 'positive' }],
    ['与保利的孙总会面,对合作前景非常乐观', { sentiment: 'positive' }],
    ['跟腾讯的王总吃饭,他说明年要扩大合作', { sentiment: 'positive' }],
    ['去了趟格力总部,见了董经理,签约意向很强', { intent: 'log_interaction', sentiment: 'positive' }],
    [
      'Called Bob at Initech, they won’t renew this year',
      { intent: 'log_interaction', sentiment: 'negative' },
    ],
    ['email from Jane at Acme: kickoff postponed again, kind of disappointing', { sentiment: 'negative' }],
    ['Met Lisa from Soylent Corp, pricing is a concern', { sentiment: 'negative' }],
    ['Had lunch with David from Tesla, he hinted they might expand next year', { sentiment: 'positive' }],
    ['Spoke to Kim at Hooli, they gave us the green light', { sentiment: 'positive' }],
  ],
  'more sentiment words': [
    // A setback marked as for now is a status (see sentiment-states.test.ts); one that lasts is not.
    ['发了个微信给OPPO的李总,一直没回', { sentiment: 'negative' }],
    ['跟宝马的王经理聊了,他们对交付周期有疑虑', { sentiment: 'negative' }],
    ['系统运行很稳定,客户很满意', { customer: null }],
    ['Had a call with Mike at Acme to discuss the upgrade options', { sentiment: 'neutral' }],
  ],
  'look-ups': [
    ['what do we know about Globex?', { intent: 'lookup_customer', customer: 'Globex' }],
    ['any notes on Wayne Enterprises?', { intent: 'lookup_customer', customer: 'Wayne Enterprises' }],
    ["what's the latest with Initech?", { intent: 'lookup_customer', customer: 'Initech' }],
    ['where are we with Umbrella Corp?', { intent: 'lookup_customer', customer: 'Umbrella Corp' }],
    ["who's our contact at Acme?", { intent: 'lookup_customer', customer: 'Acme' }],
    ['华为那边什么情况', { intent: 'lookup_customer', customer: '华为' }],
    ['介绍一下比亚迪', { intent: 'lookup_customer', customer: '比亚迪' }],
    ['查询 上海浦东发展银行', { intent: 'lookup_customer', customer: '上海浦东发展银行' }],
    ['查一下深圳发达科技', { intent: 'lookup_customer', customer: '发达科技' }],
  ],
  'listing reminders': [
    ['what reminders do I have', { intent: 'list_reminders' }],
    ['do I have any reminders?', { intent: 'list_reminders' }],
    ['把我设置过的提醒都列出来', { intent: 'list_reminders' }],
    ['我设了哪些提醒', { intent: 'list_reminders' }],
    ['提醒都列出来', { intent: 'list_reminders' }],
    ['明天有什么安排', { intent: 'list_reminders' }],
    ['what do I have tomorrow?', { intent: 'list_reminders' }],
  ],
  'deal stages': [
    ['小鹏汽车的商机已经确认需求,转为合格商机', { intent: 'update_deal', stage: 'qualified' }],
    ['蔚来这个商机转成有效商机了', { intent: 'update_deal', stage: 'qualified' }],
    ['京东方的单子正在谈判,报价三十万', { intent: 'update_deal', stage: 'negotiation', amount: 300_000 }],
    ['美团的单子谈判中', { intent: 'update_deal', stage: 'negotiation' }],
    ['Acme is now in negotiation', { intent: 'update_deal', stage: 'negotiation' }],
    [
      'Wayne Enterprises is a new lead, potential 500k',
      { intent: 'update_deal', stage: 'lead', amount: 500_000 },
    ],
    ['华为是新线索', { intent: 'update_deal', stage: 'lead' }],
    ['海尔那单输单了', { intent: 'update_deal', customer: '海尔', stage: 'lost' }],
    ['给顺丰发了报价,80万', { intent: 'update_deal', stage: 'proposal', amount: 800_000 }],
    ['sent the proposal to Globex, 50k', { intent: 'update_deal', stage: 'proposal' }],
    ['给拼多多的何总发了方案,对方说周五给反馈', { intent: 'log_interaction' }],
  ],
  'sums on a deal': [
    ['Acme deal is worth $1.2M', { intent: 'update_deal', amount: 1_200_000, currency: 'USD' }],
    ['华为的单子报价RMB 50万', { intent: 'update_deal', amount: 500_000, currency: 'CNY' }],
    ['拼多多单子金额一亿两千万', { intent: 'update_deal', amount: 120_000_000 }],
    ['小米的合同一个亿,签了', { intent: 'update_deal', amount: 100_000_000, stage: 'won' }],
    ['腾讯的项目预算五千万', { intent: 'update_deal', amount: 50_000_000 }],
    ['比亚迪报价一百二十万元', { intent: 'update_deal', amount: 1_200_000 }],
    ['字节跳动合同额十五万', { intent: 'update_deal', amount: 150_000 }],
    ['华为的单子改成150万', { intent: 'update_deal', amount: 1_500_000 }],
    ['Globex deal value USD 30k', { intent: 'update_deal', amount: 30_000, currency: 'USD' }],
  ],
  'familiar forms of address': [
    ['跟小王聊了下美团的需求', { contact: '小王', customer: '美团' }],
    ['拜访了万科的王姐,她说下个月招标', { contact: '王姐', customer: '万科' }],
    ['和腾讯的李哥吃了个饭', { contact: '李哥', customer: '腾讯' }],
    ['京东的刘总说这周会给我们答复', { intent: 'log_interaction', interaction_type: null }],
  ],
  'plans named by their meeting': [
    ['next monday 10am demo for Globex', { intent: 'set_reminder', due_at: '2026-11-23T10:00:00+08:00' }],
    ['明天下午三点和华为张总开会', { intent: 'set_reminder', due_at: '2026-11-19T15:00:00+08:00' }],
  ],
  'pipeline and periods': [
    ['这周pipeline怎么样?', { intent: 'pipeline_summary', period: 'this_week' }],
    ['本月forecast', { intent: 'pipeline_summary', period: 'this_month' }],
    ['这个季度的funnel', { intent: 'pipeline_summary', period: 'this_quarter' }],
    ['上一季度的业绩', { intent: 'pipeline_summary', period: 'last_quarter' }],
    ['上一周的汇总', { intent: 'pipeline_summary', period: 'last_week' }],
    ['pipeline for the previous quarter', { intent: 'pipeline_summary', period: 'last_quarter' }],
  ],
  help: [
    ['what commands do you support?', { intent: 'help' }],
    ['有什么功能,教我一下', { intent: 'help' }],
    ['你都能帮我干啥', { intent: 'help' }],
    ['支持哪些命令', { intent: 'help' }],
    ['what features do you have', { intent: 'help' }],
  ],
  'chat that is not a task': [
    ['周末团建去哪儿?', { intent: 'unknown' }],
    ['明天去哪儿吃饭', { intent: 'unknown' }],
    ['下周去哪里出差', { intent: 'unknown' }],
    ['拜访了去哪儿的王总', { customer: '去哪儿', contact: '王总' }],
  ],
  'latin contacts in Chinese text': [
    ['发邮件给 Stark Industries 的 Pepper,报价已更新', { customer: 'Stark Industries', contact: 'Pepper' }],
    ['和Globex的Wendy开了个会', { customer: 'Globex', contact: 'Wendy' }],
  ],
}

describePhrasing(CASES)
