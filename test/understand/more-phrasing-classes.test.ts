import { describe, expect, it } from 'vitest'
import type { ParsedMessage } from '../../src/understand/parsed-message.ts'
import { parse } from './helpers.ts'

/**
 * More classes of phrasing, several ways each, written for this suite (none from an eval corpus).
 * Read at Wed 2026-11-18 10:00 Shanghai.
 */
const CASES: Record<string, [string, Partial<ParsedMessage>][]> = {
  'English honorifics name a person': [
    ['Met Mr. Tanaka from Toyota, he wants a pilot', { contact: 'Mr. Tanaka', customer: 'Toyota' }],
    ['和LG的Mrs. Kim通了电话', { contact: 'Mrs. Kim', customer: 'LG', interaction_type: 'call' }],
    ['Dr. Schmidt at Siemens emailed back, positive', { contact: 'Dr. Schmidt', customer: 'Siemens' }],
    ['拜访了丰田的Mr Sato', { contact: 'Mr Sato', interaction_type: 'visit' }],
  ],
  'short official titles': [
    ['和中石化的王处开会', { contact: '王处', customer: '中石化' }],
    ['刘处说下周来考察', { contact: '刘处' }],
    ['给市政府的李局打了电话', { contact: '李局', interaction_type: 'call' }],
    ['工程处那边说下周开标', { contact: null }],
    ['和公安局的客户开了个会', { contact: null }],
  ],
  'a verb before the name is not the name': [
    ['Texted Mike from Hooli', { contact: 'Mike', customer: 'Hooli', interaction_type: 'message' }],
    ['Rang Sarah at Acme', { contact: 'Sarah', customer: 'Acme', interaction_type: 'call' }],
    ['Dialed Priya at Infosys, no answer', { contact: 'Priya', interaction_type: 'call' }],
    ['提醒我周五出席万科的招标会', { intent: 'set_reminder', customer: '万科' }],
    ['下周二参加蓝天科技的发布会', { customer: '蓝天科技' }],
    ['看一哈海尔', { intent: 'lookup_customer', customer: '海尔' }],
    ['搜下 蓝天科技', { intent: 'lookup_customer', customer: '蓝天科技' }],
  ],
  'Chinese full names without a title': [
    ['拜访了腾讯的李娜', { contact: '李娜', customer: '腾讯', interaction_type: 'visit' }],
    ['和王芳聊了一下,她说预算批了', { intent: 'log_interaction', contact: '王芳', customer: null }],
    ['小米雷军来电话', { contact: '雷军', customer: '小米', interaction_type: 'call' }],
    ['约了京东的刘洋下周见面', { contact: '刘洋', customer: '京东' }],
    ['跟周杰通了电话', { contact: '周杰', interaction_type: 'call' }],
    ['和张伟明天见面', { contact: '张伟' }],
    ['跟李宁签约了', { customer: '李宁', contact: null }],
    ['和沈阳的客户聊了', { contact: null }],
    ['给华为的方案改好了', { contact: null }],
  ],
  'a title followed by 会 is a person who will': [
    ['京东的李总会来我们公司参观', { contact: '李总', customer: '京东' }],
    ['华为的张总会跟老板汇报', { contact: '张总', customer: '华为' }],
    ['王总会议室订好了', { contact: null }],
  ],
  'a brand inside a known group': [
    ['和腾讯云的刘总开了会', { customer: '腾讯云', contact: '刘总' }],
    ['拜访了网易严选的王经理', { customer: '网易严选', contact: '王经理' }],
    ['华为那边的王总说下周签', { customer: '华为' }],
    ['京东物流的单子签了', { customer: '京东物流', stage: 'won' }],
  ],
  'who owns a customer': [
    ['京东现在谁在跟', { intent: 'lookup_customer', customer: '京东' }],
    ['小米这个客户归谁', { intent: 'lookup_customer', customer: '小米' }],
    ['华为的负责人是谁', { intent: 'lookup_customer', customer: '华为' }],
    ['比亚迪之前是哪位同事对接的', { intent: 'lookup_customer', customer: '比亚迪' }],
    ['who is handling Acme?', { intent: 'lookup_customer', customer: 'Acme' }],
    ['who covers Initech', { intent: 'lookup_customer', customer: 'Initech' }],
    ['do we know anyone at Tesla?', { intent: 'lookup_customer', customer: 'Tesla' }],
  ],
  'asking for contact details or records': [
    ['把海尔的联系方式发我', { intent: 'lookup_customer', customer: '海尔' }],
    ['蔚来的对接人电话多少', { intent: 'lookup_customer', customer: '蔚来' }],
    ["what's Jane's email at Acme", { intent: 'lookup_customer', customer: 'Acme' }],
    ['contact info for Globex?', { intent: 'lookup_customer', customer: 'Globex' }],
    ['腾讯的沟通记录有吗', { intent: 'lookup_customer', customer: '腾讯' }],
    ['查下美团的跟进记录', { intent: 'lookup_customer', customer: '美团' }],
    ['Globex - where are we?', { intent: 'lookup_customer', customer: 'Globex' }],
  ],
  'a customer pointed at with 这个/这家': [
    ['HSBC 这个客户最近咋样', { intent: 'lookup_customer', customer: 'HSBC' }],
    ['蓝鲸网络这家公司怎么样', { intent: 'lookup_customer', customer: '蓝鲸网络' }],
  ],
  'listing reminders, loosely': [
    ['我设的提醒给我看看', { intent: 'list_reminders' }],
    ['之前让你提醒我的事有哪些', { intent: 'list_reminders' }],
    ['提醒列一下', { intent: 'list_reminders' }],
    ['what reminders have I set?', { intent: 'list_reminders' }],
    ['what do I need to do today?', { intent: 'list_reminders', period: 'today' }],
    ['what did I tell you to remind me of', { intent: 'list_reminders' }],
    ['提醒我看看华为的资料', { intent: 'set_reminder' }],
  ],
  'typos in the words the rules key on': [
    [
      'remnd me tmrw 3pm to call Bob at Acme',
      { intent: 'set_reminder', due_at: '2026-11-19T15:00:00+08:00' },
    ],
    ['Remid me on Friday abt the Globex renewal', { intent: 'set_reminder', customer: 'Globex' }],
    ['本周pipline', { intent: 'pipeline_summary', period: 'this_week' }],
    ['ABT signed', { customer: 'ABT' }],
  ],
  'terse stage moves': [
    ['Initech → proposal', { intent: 'update_deal', customer: 'Initech', stage: 'proposal' }],
    ['Hooli deal -> won, 300k', { intent: 'update_deal', stage: 'won', amount: 300_000 }],
    ['京东 → 谈判', { intent: 'update_deal', customer: '京东', stage: 'negotiation' }],
    ['Acme opp now qualified', { intent: 'update_deal', stage: 'qualified' }],
    ['理想汽车转qualified', { intent: 'update_deal', customer: '理想汽车', stage: 'qualified' }],
    ['美团的单子转proposal', { intent: 'update_deal', customer: '美团', stage: 'proposal' }],
  ],
  'a deal opened': [
    ['小米先建个线索', { intent: 'update_deal', customer: '小米', stage: 'lead' }],
    ['给字节录个线索', { intent: 'update_deal', customer: '字节', stage: 'lead' }],
    ['新线索:蔚来汽车,预算300万', { intent: 'update_deal', stage: 'lead', amount: 3_000_000 }],
    ['add Hooli as a lead, 50k', { intent: 'update_deal', customer: 'Hooli', stage: 'lead' }],
    ['New opp - Wayne Enterprises, ~$2M', { intent: 'update_deal', amount: 2_000_000, currency: 'USD' }],
    ['蓝鲸网络建个商机,预计200万', { intent: 'update_deal', customer: '蓝鲸网络', amount: 2_000_000 }],
    ['Tesco deal £300k', { intent: 'update_deal', amount: 300_000, currency: 'GBP' }],
  ],
  'hedged outcomes are notes, not stage changes': [
    ['拜访了格力的董总,基本没戏了', { intent: 'log_interaction', sentiment: 'negative', stage: null }],
    ['和蔚来的李总通了电话,感觉要黄', { intent: 'log_interaction', sentiment: 'negative' }],
    ['电话回访了小鹏的王经理,估计悬了', { intent: 'log_interaction', sentiment: 'negative' }],
    [
      'emailed the contract to Ann at Hooli, she will sign after legal review',
      { intent: 'log_interaction', interaction_type: 'email' },
    ],
    ['华为那单黄了', { intent: 'update_deal', stage: 'lost' }],
  ],
  'currencies around a sum': [
    ['Globex signed, 60k/yr USD', { amount: 60_000, currency: 'USD' }],
    ['Acme deal 5k per month USD', { amount: 5000, currency: 'USD' }],
    ['长江实业合同额港币500万', { amount: 5_000_000, currency: 'HKD' }],
    ['华为的单子金额美元80万', { amount: 800_000, currency: 'USD' }],
    ['西门子的项目报价欧元120万', { amount: 1_200_000, currency: 'EUR' }],
    ['DBS deal S$200k', { amount: 200_000, currency: 'SGD' }],
    ['腾讯的合同额3千万', { amount: 30_000_000, currency: 'CNY' }],
  ],
  'periods and new deals in a summary': [
    ['October pipeline recap', { intent: 'pipeline_summary', period: 'last_month' }],
    ['pipeline for November', { intent: 'pipeline_summary', period: 'this_month' }],
    ['这周新增了哪些客户', { intent: 'pipeline_summary', period: 'this_week' }],
    ['本月签了哪些单', { intent: 'pipeline_summary', period: 'this_month' }],
    ['what did we sign this week?', { intent: 'pipeline_summary', period: 'this_week' }],
    ['what got closed today', { intent: 'pipeline_summary', period: 'today' }],
    ['这个月的业绩咋样', { intent: 'pipeline_summary', period: 'this_month' }],
  ],
  'how-to questions are help': [
    ['商机怎么录入', { intent: 'help' }],
    ['提醒要怎么设?', { intent: 'help' }],
    ['这个助手咋用', { intent: 'help' }],
    ['how does this bot work', { intent: 'help' }],
    ['能干啥', { intent: 'help' }],
    ['使用说明发我一下', { intent: 'help' }],
  ],
  'sentiment: degree, emoji and denied praise': [
    ['跟小米的张总聊了,对方评价非常高,不过也在看竞品', { sentiment: 'positive' }],
    ['Met Tom at Acme 👍', { sentiment: 'positive' }],
    ['和Acme的Tom开了会 😤', { sentiment: 'negative' }],
    ['拜访了美的的李总,客户说服务不到位', { sentiment: 'negative' }],
    ['拜访了海尔的王总,对方觉得我们的实施一点都不专业', { sentiment: 'negative' }],
    ['call w/ Jim at Acme, way too expensive', { sentiment: 'negative' }],
  ],
  'a signed order is a won deal': [
    ['Globex PO received, $75k', { intent: 'update_deal', stage: 'won', amount: 75_000 }],
    ['收到京东的采购订单了,50万', { intent: 'update_deal', stage: 'won', amount: 500_000 }],
    ['腾讯的合同已经盖章回来了', { intent: 'update_deal', stage: 'won' }],
    ['we got the PO from Initech', { intent: 'update_deal', customer: 'Initech', stage: 'won' }],
  ],
  'summaries of what was won or signed': [
    ['上周赢了几单', { intent: 'pipeline_summary', period: 'last_week' }],
    ['今年到目前为止的签约额', { intent: 'pipeline_summary', period: 'this_year' }],
    ['本月回款额', { intent: 'pipeline_summary', period: 'this_month' }],
  ],
  'a plan with someone, then its date': [
    ['下周二下午和万达刘总面谈', { intent: 'set_reminder', due_at: '2026-11-24T14:00:00+08:00' }],
    ['和华为张总明天见面', { intent: 'set_reminder', contact: '张总' }],
    ['跟美团的王总周五聊一下续约', { intent: 'set_reminder', due_at: '2026-11-20T09:00:00+08:00' }],
    ['和万达的刘总约了下周二下午面谈', { intent: 'log_interaction', contact: '刘总' }],
  ],
  'asking who a person is': [
    ['华为的张总是谁', { intent: 'lookup_customer', contact: '张总' }],
    ['who is Jane at Acme?', { intent: 'lookup_customer', customer: 'Acme' }],
  ],
  'more feeling words': [
    ['昨晚和字节的陈总喝了点酒,关系拉近不少', { sentiment: 'positive' }],
    ['刚跟OPPO的采购开完会,他们要求再降5个点', { sentiment: 'negative' }],
  ],
  'English shorthand in notes': [
    ['Had a 1:1 with Maria from Umbrella, very supportive', { interaction_type: 'meeting', due_at: null }],
    ['Globex is ghosting us', { intent: 'log_interaction', sentiment: 'negative' }],
    ['reminder: call Hooli back at 4', { intent: 'set_reminder', due_at: '2026-11-18T16:00:00+08:00' }],
    ['提醒:周五给华为发报价', { intent: 'set_reminder', due_at: '2026-11-20T09:00:00+08:00' }],
    ["what's on my calendar tomorrow", { intent: 'list_reminders' }],
    ['what reminders are due this week?', { intent: 'list_reminders', period: 'this_week' }],
    ['deals closing this month', { intent: 'pipeline_summary', period: 'this_month' }],
    ['Acme: proposal sent, $90k', { intent: 'update_deal', stage: 'proposal', amount: 90_000 }],
    ['lost the Jordan deal to a competitor', { intent: 'update_deal', customer: 'Jordan', stage: 'lost' }],
    ['anything new with Hooli?', { intent: 'lookup_customer', customer: 'Hooli' }],
    ['what can u do', { intent: 'help' }],
  ],
  'a plan inside a note is not a list of reminders': [
    [
      '刚和平安银行的赵行长吃完饭,他们很感兴趣,下周安排技术交流',
      { intent: 'log_interaction', contact: '赵行长', interaction_type: 'meeting', sentiment: 'positive' },
    ],
    ['明天的安排', { intent: 'list_reminders' }],
    ['下周的待办有哪些', { intent: 'list_reminders' }],
  ],
  'deals pushed back and deals about to sign': [
    ['中石油的单子延期到明年了', { intent: 'update_deal', customer: '中石油' }],
    ['Q1能签的单子有哪些', { intent: 'pipeline_summary', customer: null }],
    ['本周新签客户', { intent: 'pipeline_summary', period: 'this_week' }],
  ],
  'a call that got no answer is still a call': [
    ['Left a VM for Dana at Soylent', { intent: 'log_interaction', interaction_type: 'call' }],
    ['Sarah at Acme didnt pick up', { intent: 'log_interaction', interaction_type: 'call' }],
    ['给京东的刘总留了语音留言', { interaction_type: 'call' }],
    ['emailed Bob at Acme', { interaction_type: 'email' }],
  ],
}

describe.each(Object.entries(CASES))('%s', (_, cases) => {
  it.each(cases)('%s', (text, expected) => {
    expect(parse(text)).toMatchObject(expected)
  })
})
