import { describePhrasing, type PhrasingCases } from './helpers.ts'

/**
 * Classes of phrasing added after the sixth blind corpus, several ways each, written for this suite
 * (none from an eval corpus). Read at Wed 2026-11-18 10:00 Shanghai.
 */
const CASES: PhrasingCases = {
  'a how-to question about a feature is help': [
    ['新建联系人要怎么操作', { intent: 'help' }],
    ['设置提醒该怎么弄?', { intent: 'help' }],
    ['any tips for using this tool?', { intent: 'help' }],
    ['some pointers on using the bot pls', { intent: 'help' }],
  ],
  'wins, losses and sales over a period are a summary': [
    ["this month's wins and losses", { intent: 'pipeline_summary', period: 'this_month' }],
    ['wins/losses last quarter?', { intent: 'pipeline_summary', period: 'last_quarter' }],
    ['any big wins this week?', { intent: 'pipeline_summary', period: 'this_week' }],
    ['sales last month?', { intent: 'pipeline_summary', period: 'last_month' }],
    ['Initech wins the tender, nice', { intent: 'log_interaction' }],
  ],
  'coming back from a customer, or going to one by name, is a visit': [
    ['刚从比亚迪回来,王经理说还要再比价', { interaction_type: 'visit', contact: '王经理' }],
    ['从美团总部出来,和采购聊得不错', { interaction_type: 'visit' }],
    ['Went to Initech yesterday, Bill liked the demo', { interaction_type: 'visit' }],
    ['went to lunch with Bob from Initech', { interaction_type: 'meeting' }],
  ],
  'wanting our product, or not, and the odds': [
    ['拜访了海尔的赵经理,他们很想试用我们的平台', { sentiment: 'positive' }],
    ['和美的的钱总聊了,他说不太想换系统', { sentiment: 'negative' }],
    ['和顺丰的孙总吃饭,他说这次我们把握很大', { sentiment: 'positive' }],
    ['给京东的刘总打了电话,他说机会不大', { sentiment: 'negative' }],
    ['蒙牛的马总说预算已经用光了,明年再说', { sentiment: 'negative' }],
  ],
  'plain and non-native English approval': [
    ['Called Priya at Infosys, she very friendly', { sentiment: 'positive' }],
    ['Pinged Tom at Hooli, he say all good', { sentiment: 'positive' }],
    ['Sent the quote to Ana at Globex, she reply looks good', { sentiment: 'positive' }],
    ['Met Raj from Wipro, his boss will sign off next month', { sentiment: 'positive' }],
    ['Call with Li at Lenovo, we are on the shortlist now', { sentiment: 'positive' }],
  ],
  "the customer's pain with whoever serves them now is good for us": [
    ['Met Ken at Sony, they are frustrated with their current vendor', { sentiment: 'positive' }],
    ['Called Mia at Hooli, very unhappy with the existing system, wants a demo', { sentiment: 'positive' }],
    ['拜访了海尔的赵经理,他们对现在的供应商很不满意', { sentiment: 'positive' }],
    ['Called Mia at Hooli, she is unhappy with our pricing', { sentiment: 'negative' }],
  ],
  'the full name of a known company with the country before it': [
    ['和中国移动的钱总开了会', { customer: '中国移动', contact: '钱总' }],
    ['中国华能的单子进入谈判', { customer: '中国华能' }],
    ['中国联通那边说下周签', { customer: '中国联通' }],
    ['拜访了中国商飞,聊得不错', { customer: '中国商飞', interaction_type: 'visit' }],
  ],
  'an English given name owned by the organisation before 的': [
    ['提醒我明天把合同发给小熊的Amy', { customer: '小熊', contact: 'Amy' }],
    ['约了蓝海的Zoe周五吃饭', { customer: '蓝海', contact: 'Zoe' }],
    ['Initech 的 Peter 来电说预算批了', { customer: 'Initech', contact: 'Peter' }],
  ],
  'less common surnames with a title': [
    ['和伊利的洪总吃了饭', { contact: '洪总' }],
    ['赖经理说方案没问题', { contact: '赖经理' }],
    ['给阎总打了电话', { contact: '阎总', interaction_type: 'call' }],
  ],
  'English organisation versus person and place': [
    [
      'Visited KPMG Advisory at Raffles Place, met Mr. Tan',
      { customer: 'KPMG Advisory', contact: 'Mr. Tan' },
    ],
    ['Met Dr. Lim (Pacific Light) about the renewal', { customer: 'Pacific Light', contact: 'Dr. Lim' }],
    ['Went to Shopee HQ, Ravi and his team liked the demo', { customer: 'Shopee', contact: 'Ravi' }],
    ['Priyanka from Contoso Bank emailed about the SOW', { customer: 'Contoso Bank', contact: 'Priyanka' }],
    ['Umbrella Engineering wants a quote', { customer: 'Umbrella Engineering', contact: null }],
  ],
  'names that look cut: a trade after a possessive, a weekday word, a hyphen': [
    ["mark Joe's Pizza as won", { customer: "Joe's Pizza", stage: 'won' }],
    ['move Red Sun to negotiation', { customer: 'Red Sun', stage: 'negotiation' }],
    ["Indomaret's Jakarta office called", { customer: 'Indomaret' }],
    ['Coca-Cola 的商机金额改为 80 万', { customer: 'Coca-Cola', amount: 800000 }],
    ['Call with Sam at Globex, she expects sign-off before Christmas', { customer: 'Globex' }],
  ],
  'the place just left is the customer visited, unless it is a city': [
    ['刚从蓝鲸科技出来,李经理很满意', { customer: '蓝鲸科技', interaction_type: 'visit' }],
    ['从宁德时代回来,陈工说下周要报价', { customer: '宁德时代', contact: '陈工' }],
    ['刚从海天出来,见了采购的Amy', { customer: '海天', contact: 'Amy' }],
    ['刚从上海回来', { customer: null }],
  ],
}

describePhrasing(CASES)
