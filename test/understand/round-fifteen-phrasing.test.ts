import { describePhrasing } from './helpers.ts'

/**
 * Classes of phrasing added after the seventeenth blind corpus (Slack English and mixed text), several
 * ways each, written for this suite (none from an eval corpus). Read at Wed 2026-11-18 10:00 Shanghai.
 */
describePhrasing({
  'Slack emoji shortcodes and English moods': [
    ["called Ana at Globex - she's stoked about the pilot :fire:", { sentiment: 'positive' }],
    ['跟 Hooli 的 Tom 开了个 call, 他说 budget 已经批了 :tada:', { sentiment: 'positive' }],
    ['call w/ Bob at Initech, onboarding is late again :rage:', { sentiment: 'negative' }],
  ],
  'full English names inside Chinese text, hyphenated given names': [
    ['和 Stripe 的 Anna Berg 打了电话', { customer: 'Stripe', contact: 'Anna Berg' }],
    ['刚和 Shopee 的 Lily Tan 在 zoom 上开了会', { customer: 'Shopee', contact: 'Lily Tan' }],
    ['zoom w/ Marie-Claire Dubois from AXA', { customer: 'AXA', contact: 'Marie-Claire Dubois' }],
    ['去 Wayne Ent. 上海 office 拜访了 Kevin Zhang', { customer: 'Wayne Ent', contact: 'Kevin Zhang' }],
    ['fyi Grab 的 Wei Ming 在 shared channel 里 ping 我', { intent: 'log_interaction', customer: 'Grab' }],
  ],
  'a company named like a sum': [
    ['onsite at 3M today w/ Dave', { customer: '3M', amount: null }],
    ['微信上跟 3M 的王经理聊了', { customer: '3M' }],
    ['deal worth 3M', { amount: 3000000 }],
  ],
  'summaries in mixed text': [
    ['这个 quarter 的 pipe coverage 多少?', { intent: 'pipeline_summary', period: 'this_quarter' }],
    ['上个月 closed won 了多少?', { intent: 'pipeline_summary', period: 'last_month' }],
    ['what did we book in Q3?', { intent: 'pipeline_summary', period: 'last_quarter' }],
  ],
})

describePhrasing({
  'colloquial Chinese days and sums, a date that says when a visit happened': [
    [
      '明儿一早给老周打个电话',
      { intent: 'set_reminder', task: '给老周打个电话', due_at: '2026-11-19T09:00:00+08:00' },
    ],
    ['后儿个下午三点提醒我开会', { due_at: '2026-11-20T15:00:00+08:00', task: '开会' }],
    ['下礼拜三提醒我去趟青岛啤酒', { customer: '青岛啤酒' }],
    ['今儿下午去了趟正泰,八十来万的单子基本稳了', { amount: 800000, due_at: null }],
    ['今天下午去了华为,下周三再跟进', { due_at: '2026-11-25T09:00:00+08:00' }],
  ],
})

describePhrasing({
  'English follow-ups, upsells and discount pressure': [
    ['Set follow-up with Jane next Wednesday 2pm', { intent: 'set_reminder', task: 'follow-up with Jane' }],
    ['schedule a follow up with Bob at Hooli tomorrow', { intent: 'set_reminder' }],
    ['Stark Industries upgraded to enterprise tier, $250k', { intent: 'update_deal', amount: 250000 }],
    ["Initech's procurement asked for a 15% discount", { sentiment: 'negative' }],
  ],
})
