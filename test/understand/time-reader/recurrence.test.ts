import { describeReminders, SHANGHAI, WED_10AM } from './time-table.ts'

// Wed 2026-11-18 10:00 Shanghai. A repeating reminder is its RRULE plus its first occurrence still to come.
const at = (date: string, hm = '09:00') => `${date}T${hm}:00+08:00`
const WORKDAYS = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'

describeReminders('repeating reminders', {
  now: WED_10AM,
  zone: SHANGHAI,
  rows: [
    ['每周一上午9点提醒我写周报', { due_at: at('2026-11-23'), recurrence: 'FREQ=WEEKLY;BYDAY=MO' }],
    [
      'remind me every Friday 4pm to send the report',
      { due_at: at('2026-11-20', '16:00'), recurrence: 'FREQ=WEEKLY;BYDAY=FR' },
    ],
    ['每月1号提醒我对账', { due_at: at('2026-12-01'), recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1' }],
    [
      'remind me every other Friday to do payroll',
      { due_at: at('2026-11-20'), recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR' },
    ],
    ['每天下午5点提醒我写日报', { due_at: at('2026-11-18', '17:00'), recurrence: 'FREQ=DAILY' }],
    ['remind me weekdays at 9am to check email', { due_at: at('2026-11-19'), recurrence: WORKDAYS }],
    [
      'remind me every day at 8am to check leads',
      { due_at: at('2026-11-19', '08:00'), recurrence: 'FREQ=DAILY' },
    ],
    ['remind me daily at 6pm to log calls', { due_at: at('2026-11-18', '18:00'), recurrence: 'FREQ=DAILY' }],
    ['每天提醒我跟进线索', { due_at: at('2026-11-19'), recurrence: 'FREQ=DAILY' }],
    ['每个工作日早上9点提醒我看邮件', { due_at: at('2026-11-19'), recurrence: WORKDAYS }],
    ['每周五下午提醒我发周报', { due_at: at('2026-11-20', '14:00'), recurrence: 'FREQ=WEEKLY;BYDAY=FR' }],
    ['每星期三提醒我开会', { due_at: at('2026-11-25'), recurrence: 'FREQ=WEEKLY;BYDAY=WE' }],
    [
      'remind me every Wednesday at 3pm to call Bob',
      { due_at: at('2026-11-18', '15:00'), recurrence: 'FREQ=WEEKLY;BYDAY=WE' },
    ],
    ['每月15号提醒我交报表', { due_at: at('2026-12-15'), recurrence: 'FREQ=MONTHLY;BYMONTHDAY=15' }],
    [
      '每隔一周的周四提醒我开例会',
      { due_at: at('2026-11-19'), recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH' },
    ],
    ['每禮拜一提醒我寫周報', { due_at: at('2026-11-23'), recurrence: 'FREQ=WEEKLY;BYDAY=MO' }],
    [
      'remind me every Monday to send the forecast',
      { due_at: at('2026-11-23'), recurrence: 'FREQ=WEEKLY;BYDAY=MO' },
    ],
    [
      'remind me on the 1st of every month to pay rent',
      { due_at: at('2026-12-01'), recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1' },
    ],
    [
      'remind me every month on the 5th to invoice Acme',
      { due_at: at('2026-12-05'), recurrence: 'FREQ=MONTHLY;BYMONTHDAY=5' },
    ],
    [
      'remind me each Tuesday at 10am to review pipeline',
      { due_at: at('2026-11-24', '10:00'), recurrence: 'FREQ=WEEKLY;BYDAY=TU' },
    ],
    ['每週五提醒我交周報', { due_at: at('2026-11-20'), recurrence: 'FREQ=WEEKLY;BYDAY=FR' }],
    [
      'remind me every weekday at 8:30am to check Slack',
      { due_at: at('2026-11-19', '08:30'), recurrence: WORKDAYS },
    ],
  ],
})
