import { describePhrasing, type PhrasingCases } from './helpers.ts'

/**
 * Classes of phrasing added after the seventh blind corpus, several ways each, written for this suite
 * (none from an eval corpus). Read at Wed 2026-11-18 10:00 Shanghai.
 */
const CASES: PhrasingCases = {
  '去年 is last year, never the verb 去': [
    ['去年全年销售汇总', { intent: 'pipeline_summary', period: 'last_year', customer: null }],
    ['去年的业绩拉一下', { intent: 'pipeline_summary', period: 'last_year' }],
    ['明天去蓝鲸科技演示', { customer: '蓝鲸科技' }],
  ],
  'a deal that is gone is lost': [
    ['蓝鲸科技那个单子没了', { intent: 'update_deal', stage: 'lost' }],
    ['宝洁的项目泡汤了,预算砍掉了', { intent: 'update_deal', stage: 'lost' }],
    ['绿源那单凉了', { stage: 'lost' }],
  ],
  'good odds said as a negated small word': [
    ['和安踏的陈总吃了饭,这单机会不小', { sentiment: 'positive' }],
    ['拜访了伊利,把握不低', { sentiment: 'positive' }],
  ],
  'the unknown company a call or a message goes to': [
    ['提醒我周五给今麦郎打电话', { intent: 'set_reminder', customer: '今麦郎' }],
    ['给青岛港打了电话,对方说下周招标', { intent: 'log_interaction', customer: '青岛港' }],
    ['明天给白象发报价', { customer: '白象' }],
    ['提醒我给老婆打电话', { customer: null }],
    ['给领导发了邮件', { customer: null }],
  ],
  "asking who a customer's counterpart is": [
    ['青岛港的对接人是谁?', { intent: 'lookup_customer', customer: '青岛港' }],
    ['金风科技的对接人是哪位', { intent: 'lookup_customer', customer: '金风科技' }],
  ],
  'what the bot can do, asked in a sentence': [
    ['show me what you can do', { intent: 'help' }],
    ['what else can you do?', { intent: 'help' }],
    ['what can I ask you', { intent: 'help' }],
  ],
  "English names with 's or a small joiner inside": [
    ["remind me to email Macy's tomorrow", { customer: "Macy's" }],
    ["lunch at McDonald's.", { customer: "McDonald's" }],
    ["Jordan's account moved to proposal", { customer: 'Jordan', stage: 'proposal' }],
    ['call with Buy n Large on Friday', { customer: 'Buy n Large' }],
    ["met Kevin at Rock 'n' Roll Records", { customer: "Rock 'n' Roll Records", contact: 'Kevin' }],
  ],
  'an unknown company after a visit or a call made, or after 跟进一下': [
    ['今天拜访了今麦郎', { customer: '今麦郎', interaction_type: 'visit' }],
    ['电话回访了湖南中烟,客户反馈良好', { customer: '湖南中烟', sentiment: 'positive' }],
    ['跟进一下山东重工,他们说下周签', { intent: 'log_interaction', customer: '山东重工' }],
    ['StarHub 上次拜访是什么时候', { customer: 'StarHub' }],
  ],
  'government bodies, hospitals and schools end like organisations': [
    ['拜访了市教育局的王局', { customer: '市教育局', contact: '王局' }],
    ['拜访了教育局', { customer: '教育局' }],
    ['去了浙大二院信息中心', { customer: '浙大二院' }],
  ],
  'a known company that reads like a person is the company': [
    ['今天去了趟徐工,设备部的刘工很认可', { customer: '徐工', contact: '刘工' }],
    ['和王芳聊了一下,她说预算批了', { customer: null, contact: '王芳' }],
  ],
  'the rest of a known name before its deal': [
    ['华润万家那个项目黄了', { customer: '华润万家', stage: 'lost' }],
    ['帮我看看宇通客车的情况', { customer: '宇通客车' }],
    ['华为最近那个单子怎么样', { customer: '华为' }],
  ],
  'going to see someone is a visit; the competitor who won is not the customer': [
    ['went to see Bob at Acme', { intent: 'log_interaction', customer: 'Acme', interaction_type: 'visit' }],
    ['lost Initech to Oracle', { customer: 'Initech', stage: 'lost' }],
    ['we lost the Hooli deal to Salesforce', { customer: 'Hooli', stage: 'lost' }],
    ['signed with Globex today', { customer: 'Globex', stage: 'won' }],
  ],
}

describePhrasing(CASES)
