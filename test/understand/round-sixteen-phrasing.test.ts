import { describePhrasing } from './helpers.ts'

/**
 * Classes of phrasing added after the eighteenth blind corpus (a fifth team's dev-style set), several
 * ways each, written for this suite (none from an eval corpus). Read at Wed 2026-11-18 10:00 Shanghai.
 */
describePhrasing({
  'manufacturers by their trade, an organisation before its department': [
    ['宁波恒远模具试点项目金额调到 60w', { customer: '恒远模具', amount: 600000 }],
    ['无锡华达机电HR系统项目进入方案阶段', { customer: '华达机电', stage: 'proposal' }],
    ['杭州城投行政部马主任来我们展厅看了样品', { customer: '杭州城投', contact: '马主任' }],
    [
      'Call with Rachel from Unilever HR, she sounded frustrated',
      { customer: 'Unilever', contact: 'Rachel' },
    ],
    ["Met Dr. Zhou at Shanghai Children's Hospital", { customer: "Shanghai Children's Hospital" }],
    ['Closed-won: Unilever onboarding module, $85k', { customer: 'Unilever', stage: 'won' }],
  ],
  'sentiment: it works and they want more; anger and breakage; questions are interest; going cold': [
    ['华达机电的冯主任说界面好用,打算推到全厂', { sentiment: 'positive' }],
    ['Nestlé的Mei发邮件说上线后投诉少了很多', { sentiment: 'positive' }],
    ['天润纺机的褚总电话里发火了,传感器坏了三台', { sentiment: 'negative' }],
    ['给中山三院的杜主任做了演示,他提了不少问题', { sentiment: 'neutral' }],
    [
      'Messaged Mr. Xu at Donghai Molds again, still no reply. Looks like it is going cold.',
      { sentiment: 'negative' },
    ],
    ['Visited Bosch Suzhou with Klaus, they want 200 sensors', { sentiment: 'positive' }],
  ],
  'a room is no customer, unfinished reminders are a list': [
    ['下午三点的周会改到会议室B了', { intent: 'unknown' }],
    ['我还有哪些没完成的提醒', { intent: 'list_reminders' }],
  ],
})
