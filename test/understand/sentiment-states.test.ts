import { describePhrasing, type PhrasingCases } from './helpers.ts'

/**
 * Sentiment of states and topics, one class of phrasing a block, several ways each, written for
 * this suite (none from an eval corpus). Read at Wed 2026-11-18 10:00 Shanghai.
 */
const CASES: PhrasingCases = {
  'a setback for now is a status, one that lasts is a worry': [
    ['发了个微信给OPPO的李总,暂时没回', { sentiment: 'neutral' }],
    ['和京东的刘总通了电话,采购流程目前还没走完', { sentiment: 'neutral' }],
    ['Called Dana at Hooli, no answer yet', { sentiment: 'neutral' }],
    ['Emailed Bob at Acme the quote, no reply so far', { sentiment: 'neutral' }],
    ['给华为的张总发了方案,一直没回,有点担心', { sentiment: 'negative' }],
    ['Called Bob at Acme, still no reply', { sentiment: 'negative' }],
  ],
  'what a customer is interested in is a topic, not a feeling': [
    ['和海尔的王总开了会,他们对风险预警这块很感兴趣', { sentiment: 'positive' }],
    ['拜访了国电的刘工,对故障诊断特别有兴趣', { sentiment: 'positive' }],
    ['跟美的的李经理聊了,他们对价格问题很担心', { sentiment: 'negative' }],
  ],
  'doubt about the purchase is negative': [
    ["Lunch with Omar from Careem, he's not convinced it's worth the money", { sentiment: 'negative' }],
    ['Met Sara at Klarna, she is not sure about the upgrade', { sentiment: 'negative' }],
    ["Call with Ken at Rakuten: the add-on isn't worth it for them", { sentiment: 'negative' }],
    ['Met Ana at Adyen, she is convinced and wants to move ahead', { sentiment: 'positive' }],
  ],
  'a rival named in passing weighs less than what the customer felt': [
    [
      'Met Jane at Acme, she loved the demo but they are also talking to a competitor',
      { sentiment: 'positive' },
    ],
    ['华为的张总很喜欢我们的演示,但也在和竞品接触', { sentiment: 'positive' }],
    ['Call with Bob at Acme, they are leaning toward a competitor', { sentiment: 'negative' }],
  ],
}

describePhrasing(CASES)
