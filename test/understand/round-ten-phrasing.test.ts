import { describe, expect, it } from 'vitest'
import type { ParsedMessage } from '../../src/understand/parsed-message.ts'
import { describePhrasing, type PhrasingCases, parse } from './helpers.ts'

/**
 * Classes of phrasing added after the tenth blind corpus (long, noisy notes from phones), several ways
 * each, written for this suite (none from an eval corpus). Read at Wed 2026-11-18 10:00 Shanghai.
 */
const CASES: PhrasingCases = {
  'a department or a site of the customer is not its name': [
    ['拜访了瑞金医院信息处的王处长', { customer: '瑞金医院', contact: '王处长' }],
    ['宝马沈阳工厂的项目丢了', { customer: '宝马', stage: 'lost' }],
    ['去了Siemens上海办公室,见了Klaus', { customer: 'Siemens', contact: 'Klaus' }],
    ['公牛集团慈溪工厂的王总说要扩产', { customer: '公牛集团' }],
  ],
  'a role is not an organisation': [
    ['昨天去了佛山精密见了他们技术总监李总', { customer: '佛山精密', contact: '李总' }],
    ['刚 call 完 雀巢 的 procurement manager 王经理', { customer: '雀巢', contact: '王经理' }],
    ['见了 ops head Nils,对方案很感兴趣', { contact: 'Nils' }],
  ],
  'emoji, spaces and Latin verbs around a name': [
    ['别让我忘了明天把标书寄给青岛市教育局🙏', { customer: '青岛市教育局', task: '把标书寄给青岛市教育局' }],
    ['别让我忘了 周五 给 宁波舟山港 寄样品', { customer: '宁波舟山港' }],
    ['visit 了一下 Grab,聊得不错', { customer: 'Grab', interaction_type: 'visit' }],
    ['半小时后提醒我 call back Contoso', { customer: 'Contoso', task: 'call back Contoso' }],
    ['提醒我周四去台州星星冷链现场调试', { customer: '星星冷链' }],
    ['华润啤酒这个 account 谁在跟?', { intent: 'lookup_customer', customer: '华润啤酒' }],
    ['ok 收到 thanks 👍', { intent: 'unknown' }],
  ],
  'our own next step is the follow-up, not their date': [
    ['拜访了人社局,他们说12月初开评审会,我跟他约了下周一再电话确认', { due_at: '2026-11-23T09:00:00+08:00' }],
    ['拜访了京东,对方下个月招标,周五我再去催一下', { due_at: '2026-11-20T09:00:00+08:00' }],
    ['Met Jane at Acme, board meets Dec 10, Friday to follow up', { due_at: '2026-11-20T09:00:00+08:00' }],
  ],
  'sentiment from the business coming our way, or shrinking': [
    ['和拜耳的Linda吃饭,今年的单子大概率还是给我们', { sentiment: 'positive' }],
    ['跟海天的吴经理通了电话,预算削了一半', { sentiment: 'negative' }],
    ['拜访了正泰,合同条款基本谈妥了', { sentiment: 'positive' }],
    ['跟Bosch的Lisa开会,她说明年会有新的项目', { sentiment: 'positive' }],
    ['Visited Initech, they want a pilot on two sites', { sentiment: 'positive' }],
    ['给舜宇的老郑发了微信,他还没回', { sentiment: 'neutral' }],
  ],
  'how many deals were opened is a summary': [
    ['今天大家新建了几个商机', { intent: 'pipeline_summary', period: 'today' }],
    ['这周新开了多少单子', { intent: 'pipeline_summary', period: 'this_week' }],
  ],
}

describePhrasing(CASES)

describe('probing after the tenth round: a numbered unit, a plan to send, a long silence, 有意见', () => {
  it.each([
    ['中电科三十八所的项目,技术交流会定在下周四', { customer: '中电科三十八所' }],
    ['拜访了一汽二厂的王厂长', { customer: '一汽二厂' }],
    ['下周一前把方案发给江苏银行', { intent: 'set_reminder', due_at: '2026-11-23T09:00:00+08:00' }],
    ['江苏银行的方案下周一前发', { task: '江苏银行的方案发' }],
    ['已经把方案发给江苏银行了', { intent: 'update_deal', stage: 'proposal' }],
    ["Globex renewal at risk, Hank hasn't replied in 3 weeks", { due_at: null, sentiment: 'negative' }],
    ['和恒瑞的周总通了电话,对方对价格有意见', { sentiment: 'negative' }],
    ['这个季度咱们组的回款情况', { intent: 'pipeline_summary', period: 'this_quarter', customer: null }],
  ] as [string, Partial<ParsedMessage>][])('%s', (text, expected) => {
    expect(parse(text)).toMatchObject(expected)
  })
})
