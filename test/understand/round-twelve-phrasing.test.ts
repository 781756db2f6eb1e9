import { describePhrasing, type PhrasingCases } from './helpers.ts'

/**
 * Classes of phrasing added after the twelfth blind corpus, several ways each, written for this suite
 * (none from an eval corpus). Read at Wed 2026-11-18 10:00 Shanghai.
 */
const CASES: PhrasingCases = {
  'whom a document is sent to': [
    ['今晚8点提醒我把报价单发给国药控股', { customer: '国药控股' }],
    ['明天把合同寄给鲁南制药', { customer: '鲁南制药' }],
    ['别忘了把标书交给市财政局', { customer: '市财政局' }],
  ],
  'a government body, not its department': [
    ['海关总署科技司的冯处来我们公司参观', { customer: '海关总署', contact: '冯处' }],
    ['拜访了工信部装备司的李处', { customer: '工信部', contact: '李处' }],
  ],
  'a hurdle cleared, a price too high, a deal in doubt': [
    ['和中远的陈工开了会,接口方案过了', { sentiment: 'positive' }],
    ['给美的打电话,POC通过了', { sentiment: 'positive' }],
    ['上汽的吴经理说我们报价比友商高,让重新报', { sentiment: 'negative' }],
    ['和三一的老李聊了,价格压得很死,感觉悬', { sentiment: 'negative' }],
    ['中国银行的刘处说流程卡在法务,年内签不了', { sentiment: 'negative' }],
    ["call w/ Dave at Northwind, renewal looks shaky, they're shopping around", { sentiment: 'negative' }],
  ],
  'a customer that is qualified': [
    ['Bayer is qualified, budget confirmed', { intent: 'update_deal', stage: 'qualified' }],
    ['Initech is in negotiation now', { stage: 'negotiation' }],
  ],
}

describePhrasing(CASES)

describePhrasing({
  'lower-case English: the customer placed by a heading, a bracket, an outcome or a delay': [
    ["just got off the phone w/ acme, they're in", { intent: 'log_interaction', customer: 'acme' }],
    ["chatted with bob (initech) - he's not convinced", { customer: 'initech', contact: 'bob' }],
    ['lost hooli :(', { intent: 'update_deal', customer: 'hooli', stage: 'lost' }],
    ['initech pushed to q1', { intent: 'update_deal', customer: 'initech' }],
    ['remind me to follow up with umbrella next week', { customer: 'umbrella' }],
    ["what's up with vandelay", { intent: 'lookup_customer', customer: 'vandelay' }],
    ['won the big one today', { customer: null }],
    ['train delayed, running late', { intent: 'unknown' }],
  ],
})
