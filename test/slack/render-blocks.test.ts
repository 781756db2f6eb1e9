import { describe, expect, it } from 'vitest'
import { readActionButton } from '../../bots/slack/action-value.ts'
import { renderHome } from '../../bots/slack/app-home.ts'
import { renderReply } from '../../bots/slack/render-blocks.ts'
import type { Reply, ReplyAction } from '../../src/chat/chat-message.ts'
import type {
  CustomerCardData,
  NoteLoggedData,
  PipelineSummaryData,
  ReminderSummary,
} from '../../src/chat/reply-data.ts'

const customer = {
  id: 'c1',
  name: 'R&D <Huawei>',
  ownerName: 'alice',
  industry: '通信',
  tags: ['vip'],
  inPool: false,
}
const interaction = {
  id: 'i1',
  type: 'call' as const,
  summary: '张总对报价满意',
  sentiment: 'positive' as const,
  authorName: 'alice',
  occurredAt: '2026-11-18T02:00:00.000Z',
  occurredLocal: '11月18日 10:00',
}
const reminder = (n: number): ReminderSummary => ({
  id: `r${n}`,
  text: `跟进 客户${n}`,
  dueAt: '2026-11-19T01:00:00.000Z',
  dueLocal: '11月19日 09:00',
  status: 'pending',
  customerName: `客户${n}`,
})
const noteActions: ReplyAction[] = [
  { action: 'undo_interaction', label: '撤销', value: { id: 'i1' }, style: 'danger' },
  { action: 'edit_interaction', label: '修改', value: { id: 'i1' } },
  { action: 'set_follow_up', label: '3天后跟进', value: { id: 'i1', days: 3 } },
]

// biome-ignore lint/suspicious/noExplicitAny: walking arbitrary Block Kit JSON
const buttonsOf = (blocks: any[]) => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements)

describe('renderReply', () => {
  it('renders a logged note with Undo / Edit / Set follow-up buttons that decode back to their actions', () => {
    const data: NoteLoggedData = {
      interaction,
      customer,
      customerCreated: false,
      contact: null,
      followUp: null,
      deal: null,
    }
    const reply: Reply = {
      text: '已记录 · 华为 / 张总 · 电话',
      intent: 'log_interaction',
      data: { ...data },
      actions: noteActions,
    }
    const { blocks, text } = renderReply(reply)
    expect(text).toBe(reply.text)
    const buttons = buttonsOf(blocks)
    expect(buttons.map((b) => b.text.text)).toEqual(['撤销', '修改', '3天后跟进'])
    expect(buttons[0].style).toBe('danger')
    expect(buttons.map((b) => readActionButton(b))).toEqual(
      noteActions.map(({ action, value }) => ({ action, value })),
    )
    // Customer names are user input: escaped, never read as a mention or link.
    expect(JSON.stringify(blocks)).toContain('R&amp;D &lt;Huawei&gt;')
  })

  it('renders the customer card with a header, fields, contacts, deals and recent activity', () => {
    const card: CustomerCardData = {
      customer,
      contacts: [{ id: 'p1', name: '张总', title: 'CTO', phones: ['13800138000'], email: null }],
      deals: [
        {
          id: 'd1',
          title: '5G 项目',
          customerName: 'Huawei',
          stage: 'proposal',
          amount: 800000,
          currency: 'CNY',
          probability: 50,
          ownerName: 'alice',
          expectedClose: null,
        },
      ],
      interactions: [interaction],
      nextReminder: reminder(1),
    }
    const { blocks } = renderReply({ text: '📇 华为 · 通信', intent: 'lookup_customer', data: { ...card } })
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: '📇 R&D <Huawei>' } })
    const json = JSON.stringify(blocks)
    for (const part of [
      '负责人',
      'alice',
      '张总',
      'CTO',
      '5G 项目',
      '方案报价',
      '¥800,000',
      '张总对报价满意',
      '11月19日 09:00',
    ])
      expect(json).toContain(part)
  })

  it('renders the pipeline summary as one field per stage with deals, and the total', () => {
    const summary: PipelineSummaryData = {
      period: 'this_month',
      periodLabel: 'this month',
      currency: 'USD',
      stages: [
        { stage: 'lead', count: 0, amount: 0, weighted_amount: 0 },
        { stage: 'proposal', count: 2, amount: 120000, weighted_amount: 60000 },
      ],
      owners: [],
      total: { count: 2, amount: 120000, weighted_amount: 60000 },
    }
    const { blocks } = renderReply({
      text: '📊 Pipeline, this month',
      intent: 'pipeline_summary',
      data: { ...summary },
    })
    const fields = blocks.find((b) => b.type === 'section' && 'fields' in b) as { fields: { text: string }[] }
    expect(fields.fields).toHaveLength(1)
    expect(fields.fields[0]?.text).toContain('*Proposal*\n2 · $120,000')
    expect(JSON.stringify(blocks)).toContain('Open total *2*')
  })

  it('gives every listed reminder its own Done / Snooze 1h / Tomorrow, within 50 blocks and unique action ids', () => {
    const reminders = Array.from({ length: 40 }, (_, i) => reminder(i))
    const { blocks } = renderReply({ text: '你有 40 条提醒:', intent: 'list_reminders', data: { reminders } })
    expect(blocks.length).toBeLessThanOrEqual(50)
    const buttons = buttonsOf(blocks)
    expect(buttons).toHaveLength(60)
    expect(new Set(buttons.map((b) => b.action_id)).size).toBe(60)
    expect(buttons.slice(0, 3).map((b) => readActionButton(b))).toEqual([
      { action: 'reminder_done', value: { id: 'r0' } },
      { action: 'reminder_snooze', value: { id: 'r0', minutes: 60 } },
      { action: 'reminder_snooze', value: { id: 'r0', until: 'tomorrow' } },
    ])
    expect(JSON.stringify(blocks)).toContain('还有 20 条未显示')
  })

  it('renders a choice as the question and one button per customer', () => {
    const actions: ReplyAction[] = [
      { action: 'choose_customer', label: '华为技术', value: { choiceId: 'q1', customerId: 'c1' } },
      { action: 'create_customer', label: '新建「华为」', value: { choiceId: 'q1' } },
    ]
    const { blocks } = renderReply({
      text: '你说的是哪个「华为」?',
      intent: 'choice',
      data: { question: 'x', name: '华为', options: [] },
      actions,
    })
    expect(buttonsOf(blocks).map((b) => readActionButton(b)?.action)).toEqual([
      'choose_customer',
      'create_customer',
    ])
  })

  it('clips text past Slack limits instead of having the message refused', () => {
    const { blocks } = renderReply({ text: 'x'.repeat(10_000), intent: 'help', data: null })
    expect((blocks[0] as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(3000)
  })
})

describe('renderHome', () => {
  it('lists open reminders with their buttons and the open deals, in the user’s language', () => {
    const view = renderHome({ userName: 'Alice', reminders: [reminder(1)], deals: [] }, 'en')
    expect(view.type).toBe('home')
    const json = JSON.stringify(view.blocks)
    expect(json).toContain('Open reminders')
    expect(json).toContain('No open deals.')
    expect(buttonsOf(view.blocks).map((b) => b.text.text)).toEqual(['Done', 'Snooze 1h', 'Tomorrow'])
  })
})
