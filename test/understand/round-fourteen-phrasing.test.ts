import { describePhrasing } from './helpers.ts'

/**
 * Classes of phrasing added after the sixteenth blind corpus (a fourth team's dev-style set) and our
 * own probing of Slack shorthand, several ways each, written for this suite (none from an eval corpus).
 * Read at Wed 2026-11-18 10:00 Shanghai.
 */
describePhrasing({
  'this month’s day, the nth': [
    ['本月28号提醒我给国航发合同', { due_at: '2026-11-28T09:00:00+08:00', task: '给国航发合同' }],
    ['拜访了国航,这个月30号我再跟进一下', { due_at: '2026-11-30T09:00:00+08:00' }],
    ['ping me on the 27th about the Lufthansa renewal', { due_at: '2026-11-27T09:00:00+08:00' }],
  ],
  'people: a foreign name with a Chinese title, a producer, names from Germany, Brazil and the Gulf': [
    ['和Siemens的Schmidt博士开了个会', { customer: 'Siemens', contact: 'Schmidt博士' }],
    ['刚收到钱制片的微信,爱奇艺这单有戏', { customer: '爱奇艺', contact: '钱制片' }],
    ['lunch with Matthias from Bosch', { customer: 'Bosch', contact: 'Matthias' }],
    ['call with Khalid at Aramco went badly', { contact: 'Khalid', sentiment: 'negative' }],
  ],
  'the organisation, not its department or institute': [
    ['复旦大学物理系的王教授回邮件了', { customer: '复旦大学', contact: '王教授' }],
    ['去首都机场见了运营部李经理', { customer: '首都机场', contact: '李经理' }],
    ['中科院上海有机所的陈老师来电', { customer: '中科院上海有机所' }],
  ],
  'sentiment and money from the fourth team': [
    ['拜访了徐工,采购部的人挺上心的', { sentiment: 'positive' }],
    ['lunch with Markus at Allianz, the renewal is ours if we match the price', { sentiment: 'positive' }],
    ['call with Tom at Acme, he thinks our pricing is a joke', { sentiment: 'negative' }],
    ['Emirates deal closed-won, AED 1.5M', { currency: 'AED', amount: 1500000 }],
    ['Petrobras quote R$ 800k', { currency: 'BRL', amount: 800000 }],
    ['Nestle qualified - budget confirmed', { intent: 'update_deal', stage: 'qualified' }],
  ],
})
