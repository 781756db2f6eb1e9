import { describePhrasing, type PhrasingCases } from './helpers.ts'

/**
 * Where customer and contact names sit, one class of phrasing a block, several ways each, written
 * for this suite (none from an eval corpus). Read at Wed 2026-11-18 10:00 Shanghai.
 */
const CASES: PhrasingCases = {
  'a tool made a verb is not a name': [
    ["DM'd Kevin at Shopify about the pilot", { contact: 'Kevin', customer: 'Shopify' }],
    ["Zoom'd with Laura from Atlassian", { contact: 'Laura', customer: 'Atlassian' }],
    ["WhatsApp'd Ravi at Swiggy, he's keen", { contact: 'Ravi', customer: 'Swiggy' }],
  ],
  'a person placed at an organisation': [
    ['Visited Omar at the Careem office', { contact: 'Omar', customer: 'Careem', interaction_type: 'visit' }],
    ['phoned Hiroshi (Rakuten), no answer', { contact: 'Hiroshi', customer: 'Rakuten' }],
    ['Slack msg to Ingrid at Klarna re: the API issue', { contact: 'Ingrid', customer: 'Klarna' }],
    ['Emailed Pieter at Adyen about the SDK bug', { customer: 'Adyen' }],
  ],
  'a possessive or a city ends the organisation': [
    ["Met Sofia at Zalando's Berlin HQ", { customer: 'Zalando', contact: 'Sofia' }],
    ["dropped by Grab's Singapore office, met Wei", { customer: 'Grab' }],
    ['Visited Tom at the Uniqlo Tokyo office', { customer: 'Uniqlo', contact: 'Tom' }],
    ['lunch with Priya at Bank of Baroda', { customer: 'Bank of Baroda' }],
  ],
  'a document sent to a person goes by email': [
    ['Sent Jane the MSA', { intent: 'log_interaction', interaction_type: 'email' }],
    ['sent over the revised SOW to Bob at Acme', { interaction_type: 'email', customer: 'Acme' }],
    ['Sent Raj the updated proposal, waiting on feedback', { interaction_type: 'email' }],
  ],
  'an NDA or letter of intent is not a close': [
    ['FYI Initech signed the NDA', { intent: 'log_interaction', stage: null, interaction_type: 'note' }],
    ['Hooli signed an LOI today', { stage: null }],
    ['华为签了保密协议', { stage: null }],
    ['Initech signed!', { intent: 'update_deal', stage: 'won' }],
  ],
  'a known name inside a longer one is the longer one': [
    ['蓝思科技的庞总说下周来', { customer: '蓝思科技', contact: '庞总' }],
    ['提醒我周五给思科技术的人回电话', { intent: 'set_reminder' }],
    ['查一下金山办公', { intent: 'lookup_customer', customer: '金山办公' }],
    ['安克创新的单子丢了', { customer: '安克创新', stage: 'lost' }],
    ['和华夏银行信息科技部的李处开会', { customer: '华夏银行', contact: '李处' }],
  ],
  'a site or a verb after an organisation is not part of it': [
    ['去了蓝天集团苏州工厂,见了王工', { customer: '蓝天集团', contact: '王工' }],
    ['提醒我明天给红星科技寄样品', { customer: '红星科技' }],
    ['提醒我找同方股份要发票', { customer: '同方股份' }],
    ['新线索: 海川电子 仓储车间的自动化项目', { customer: '海川电子', stage: 'lead' }],
  ],
  'a cut word that starts a name is kept': [
    ['拜访了和信科技的王总', { customer: '和信科技', contact: '王总' }],
    ['同方股份的单子签了', { customer: '同方股份', stage: 'won' }],
    ['和蓝天科技签了合同', { customer: '蓝天科技' }],
    ['拜访了发改委的李处', { customer: '发改委', contact: '李处' }],
  ],
  'the verb of a to-do is not part of the name': [
    ['一小时后提醒我回红星科技刘总的电话', { customer: '红星科技', contact: '刘总' }],
    ['记得催蓝天科技的回款', { customer: '蓝天科技' }],
  ],
  'a meeting set with an unknown company': [
    ['提醒我下周一跟海川电子开评审会', { intent: 'set_reminder', customer: '海川电子' }],
    ['周四跟蓝天科技开启动会', { customer: '蓝天科技' }],
  ],
  'going to a customer to see someone is a visit': [
    ['昨天去蓝天科技找了王总聊方案', { interaction_type: 'visit' }],
    ['刚去海川电子见了刘工', { interaction_type: 'visit', contact: '刘工' }],
    ['去年见了华为的张总', { interaction_type: 'meeting' }],
    ['过去一周和华为开了三次会', { interaction_type: 'meeting' }],
  ],
}

describePhrasing(CASES)
