import { describePhrasing, type PhrasingCases } from './helpers.ts'

/**
 * Classes of phrasing added after the thirteenth blind corpus, several ways each, written for this
 * suite (none from an eval corpus). Read at Wed 2026-11-18 10:00 Shanghai.
 */
const CASES: PhrasingCases = {
  "a city before a company's name says where it is; public bodies keep theirs": [
    ['上午去吴江鹰翔化纤看了设备', { customer: '鹰翔化纤' }],
    ['拜访了东莞长盈精密', { customer: '长盈精密' }],
    ['拜访了苏州市教育局', { customer: '苏州市教育局' }],
    ['去了杭州第一人民医院', { customer: '杭州第一人民医院' }],
  ],
  'the rival who won is not the customer': [
    ['恒立液压那个项目最后输给了西门子', { customer: '恒立液压', stage: 'lost' }],
    ['金蝶的单子被用友抢走了', { customer: '金蝶', stage: 'lost' }],
  ],
  "a reminder's own date among several": [
    [
      'Site visit at Sembcorp is on 3 Dec, remind me on 1 Dec to confirm transport',
      {
        due_at: '2026-12-01T09:00:00+08:00',
        task: 'confirm transport',
      },
    ],
    [
      '华为12月5号开标,提醒我12月3号把标书寄过去',
      { due_at: '2026-12-03T09:00:00+08:00', task: '把标书寄过去' },
    ],
    ['晚上8点提醒我准备明天的演示', { due_at: '2026-11-18T20:00:00+08:00' }],
  ],
  'channels: a kickoff, on site, a WhatsApp sent': [
    ['POC kickoff with Olivia at Canva went smoothly', { interaction_type: 'meeting' }],
    ['Spent the morning on site with Raj at Reliance', { interaction_type: 'visit' }],
    [
      "WhatsApp'd Siti at Maybank, she's keen. Will ping her again Monday",
      {
        intent: 'log_interaction',
        interaction_type: 'message',
      },
    ],
  ],
  'what is left to chase, institutes by short name, currencies of South-East Asia': [
    ['anything I need to chase today?', { intent: 'list_reminders', period: 'today' }],
    ['what do I need to follow up on this week', { intent: 'list_reminders' }],
    ['12月4号提醒我去中南院参加答疑', { customer: '中南院' }],
    ['Sime Darby moved to negotiation, RM 1.2m', { amount: 1200000, currency: 'MYR' }],
    ['Astra deal won, Rp 500 juta', { stage: 'won' }],
    ['Zoom with Bank Mandiri - Putri says legal is reviewing', { contact: 'Putri' }],
  ],
}

describePhrasing(CASES)
