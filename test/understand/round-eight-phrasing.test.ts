import { describePhrasing, type PhrasingCases } from './helpers.ts'

/**
 * Classes of phrasing added after the eighth and ninth blind corpora, several ways each, written for
 * this suite (none from an eval corpus). Read at Wed 2026-11-18 10:00 Shanghai.
 */
const CASES: PhrasingCases = {
  'public bodies, schools and hospitals, and the department after them': [
    ['滨江区管委会的领导今天来我们公司参观', { customer: '滨江区管委会', interaction_type: 'visit' }],
    ['拜访了宁波市第一中学后勤处周主任', { customer: '宁波市第一中学', contact: '周主任' }],
    ['下午去了趟温州医科大学附属第二医院', { customer: '温州医科大学附属第二医院' }],
    ['约了苏大附一院的设备科', { customer: '苏大附一院' }],
    ['北京协和医院的采购说下月招标', { customer: '北京协和医院' }],
    ['成都双流机场的需求确认了', { customer: '成都双流机场' }],
  ],
  'reminder and list words in English inside Chinese': [
    ['remind我周五给顺丰发合同', { intent: 'set_reminder', task: '给顺丰发合同' }],
    ['两小时后ping我一下,回京东的电话', { intent: 'set_reminder', task: '回京东的电话' }],
    ['我的todo列表', { intent: 'list_reminders' }],
    ['看看有哪些reminders', { intent: 'list_reminders' }],
    ['机器人支持哪些commands', { intent: 'help' }],
    ['后天提醒我一下去美团讲方案', { task: '去美团讲方案' }],
  ],
  'a deal asked after, opened or changed in mixed text': [
    ['帮我调出蓝鲸科技的客户资料', { intent: 'lookup_customer', customer: '蓝鲸科技' }],
    ['Acme的deal现在在什么阶段', { intent: 'lookup_customer', customer: 'Acme' }],
    ['绿源电动车的单子降到50万', { intent: 'update_deal', amount: 500000 }],
    ['Hooli的deal涨到80万了', { intent: 'update_deal', customer: 'Hooli', amount: 800000 }],
    ['Initech可以move到proposal了', { intent: 'update_deal', customer: 'Initech', stage: 'proposal' }],
  ],
  'people with two given names, a person of an organisation, lower-case people': [
    ['跟Shopee的Mei Xin开了个会', { customer: 'Shopee', contact: 'Mei Xin' }],
    [
      'Called Dr. Rao of Apollo Hospitals, keen on the pilot',
      { customer: 'Apollo Hospitals', contact: 'Dr. Rao' },
    ],
    ['lunch with the Bank of America team', { customer: 'Bank of America' }],
    ['priya @ Infosys emailed, all good', { customer: 'Infosys', contact: 'priya' }],
    ['mtg with hooli today, their cfo raj liked it', { customer: 'hooli', contact: 'raj' }],
    ['和Jane Doe在Acme开会', { customer: 'Acme', contact: 'Jane Doe' }],
  ],
  'dates: a part of day then its hour, an English date in Chinese text': [
    ['remind me Thursday evening at 7 to call Bob', { due_at: '2026-11-19T19:00:00+08:00' }],
    ['remind me tomorrow morning at 8:30 to email Jane', { due_at: '2026-11-19T08:30:00+08:00' }],
    ['Dec 5提醒我给华为发报价', { due_at: '2026-12-05T09:00:00+08:00' }],
  ],
  'money in rupees, lakhs and crores, and dollars of other countries': [
    ['Tata moved to negotiation, ₹25 lakh', { amount: 2500000, currency: 'INR' }],
    ['Infosys deal is Rs 1.5 crore', { amount: 15000000, currency: 'INR' }],
    ['Fonterra deal won, NZ$120k', { amount: 120000, currency: 'NZD' }],
    ['Telstra quote A$40k', { amount: 40000, currency: 'AUD' }],
  ],
  'sentiment: not keen, a no for now, a spent budget, order logistics': [
    ['拜访了万科,他们对SaaS不太感冒', { sentiment: 'negative' }],
    ['给碧桂园打电话,对方说暂时不考虑', { sentiment: 'negative' }],
    ['call with Grab, their budget已经用完了', { sentiment: 'negative' }],
    ['Spoke to Ana at Globex, deal is dead for now', { customer: 'Globex', stage: 'lost' }],
    ['call with Ana at Globex, she says dead for now', { sentiment: 'negative' }],
    ['微信跟盒马的李姐对了下单时间', { sentiment: 'neutral' }],
  ],
  "English names with accents, 's brands and small words": [
    ['Met Zoë at Nestlé', { customer: 'Nestlé' }],
    ["remind me to prep for the Domino's QBR tomorrow", { customer: "Domino's" }],
    ['查客户资料要怎么操作?', { intent: 'help' }],
  ],
}

describePhrasing(CASES)
