import type { Reply } from '../../src/chat/chat-message.ts'
import { type Lang, languageOf, t } from '../../src/chat/intents/intent-context.ts'
import { interactionLabel, moneyLabel, stageLabel } from '../../src/chat/labels.ts'
import { otherCurrencyLines, periodLine } from '../../src/chat/pipeline-lines.ts'
import type {
  CustomerCardData,
  NoteLoggedData,
  PipelineSummaryData,
  ReminderDueData,
  ReminderListData,
  ReminderSetData,
  ReminderSummary,
} from '../../src/chat/reply-data.ts'

/**
 * WeCom markdown (app messages, AI bot streams, the group webhook) for a reply. WeCom's dialect has headings,
 * bold, quotes, links and `<font color="info|comment|warning">`, but no tables or lists with nesting, so each
 * intent gets a layout of its own; anything else is the reply's plain text, which already reads well.
 */
export function renderMarkdown(reply: Reply): string {
  const render = RENDERERS[reply.intent]
  if (!render || !reply.data) return escapeMarkdown(reply.text)
  return render(reply, languageOf(reply.text)) ?? escapeMarkdown(reply.text)
}

const FULL_WIDTH: Record<string, string> = {
  '[': '［',
  ']': '］',
  '<': '＜',
  '>': '＞',
  '*': '＊',
  '`': '｀',
}

/**
 * User text (a note, a customer's name) made inert in WeCom markdown: `[link](…)`, `**`, `<font>` and `<@id>`
 * become their full-width look-alikes, and a `#` or `>` opening a line stops being a heading or a quote.
 * WeCom documents no backslash escape, so the characters are replaced rather than escaped.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[[\]<>*`]/g, (ch) => FULL_WIDTH[ch] ?? ch).replace(/^(\s*)#/gm, '$1＃')
}
const esc = escapeMarkdown

type Renderer = (reply: Reply, lang: Lang) => string | null

const comment = (text: string) => `<font color="comment">${text}</font>`
const reminderLine = (r: ReminderSummary) =>
  `⏰ **${r.dueLocal}** ${esc(r.text)}${r.customerName ? ` ${comment(`· ${esc(r.customerName)}`)}` : ''}`
const firstLine = (text: string) => esc(text.split('\n')[0] ?? '')
const restLines = (text: string) => text.split('\n').slice(1).map(esc)

const RENDERERS: Record<string, Renderer> = {
  log_interaction: (reply, lang) => {
    const data = reply.data as unknown as NoteLoggedData
    return [
      `**${firstLine(reply.text)}**`,
      `> ${esc(data.interaction.summary.replace(/\n+/g, ' '))}`,
      ...restLines(reply.text).map(comment),
      // Markdown has no buttons: Undo and Edit are a typed line away.
      comment(
        t(
          lang,
          '回复「撤销」撤回 · 「修改: 是拜访」更正',
          'Reply "undo" to remove · "edit: it was a visit" to fix',
        ),
      ),
    ].join('\n')
  },
  lookup_customer: (reply, lang) => {
    const { customer, contacts, deals, interactions, nextReminder } =
      reply.data as unknown as CustomerCardData
    const facts = [
      customer.ownerName
        ? `${t(lang, '负责人', 'Owner')} ${esc(customer.ownerName)}`
        : t(lang, '公海', 'Pool'),
      customer.industry && esc(customer.industry),
      ...customer.tags.map((tag) => `#${esc(tag)}`),
    ].filter(Boolean)
    const lines = [`### 📇 ${esc(customer.name)}`, comment(facts.join(' · '))]
    if (contacts.length)
      lines.push(
        `**${t(lang, '联系人', 'Contacts')}** ${contacts
          .map((c) => esc([c.name, c.title, ...c.phones].filter(Boolean).join(' ')))
          .join(';')}`,
      )
    for (const d of deals)
      lines.push(
        `💼 ${esc(d.title)} · ${stageLabel(d.stage, lang)} · **${moneyLabel(d.amount, d.currency, lang)}**`,
      )
    if (interactions.length) lines.push(`**${t(lang, '最近跟进', 'Latest notes')}**`)
    for (const i of interactions.slice(0, 5))
      lines.push(
        `> ${i.occurredLocal} ${interactionLabel(i.type, lang)} ${esc(i.summary.replace(/\n+/g, ' '))}`,
      )
    if (nextReminder) lines.push(reminderLine(nextReminder))
    return lines.join('\n')
  },
  pipeline_summary: (reply, lang) => {
    const summary = reply.data as unknown as PipelineSummaryData
    const money = (n: number) => moneyLabel(n, summary.currency, lang)
    const weighted = t(lang, '加权', 'weighted')
    const lines = [`### ${firstLine(reply.text)}`]
    for (const s of summary.stages.filter((s) => s.count > 0))
      lines.push(
        `> ${stageLabel(s.stage, lang)}: ${s.count} · ${money(s.amount)} ${comment(`${weighted} ${money(s.weighted_amount)}`)}`,
      )
    if (summary.total.count === 0) lines.push(comment(t(lang, '暂无商机。', 'No deals yet.')))
    lines.push(
      `**${t(lang, '在途合计', 'Open total')}** ${summary.total.count} · <font color="info">${money(summary.total.amount)}</font> · ${weighted} ${money(summary.total.weighted_amount)}`,
    )
    lines.push(comment(periodLine(summary, lang)))
    if (summary.owners.length > 1)
      for (const o of summary.owners) lines.push(`- ${esc(o.owner)}: ${o.count} · ${money(o.amount)}`)
    lines.push(...otherCurrencyLines(summary, lang))
    return lines.join('\n')
  },
  set_reminder: (reply) => {
    const { reminder } = reply.data as unknown as ReminderSetData
    return [`**${firstLine(reply.text)}**`, reminderLine(reminder)].join('\n')
  },
  list_reminders: (reply) => {
    const { reminders } = reply.data as unknown as ReminderListData
    return [`**${firstLine(reply.text)}**`, ...reminders.map(reminderLine)].join('\n')
  },
  reminder_due: (reply, lang) => {
    const { reminder } = reply.data as unknown as ReminderDueData
    return [
      `### <font color="warning">⏰ ${t(lang, '提醒', 'Reminder')}</font>`,
      `**${esc(reminder.text)}**`,
      comment(esc([reminder.dueLocal, reminder.customerName].filter(Boolean).join(' · '))),
      comment(
        t(
          lang,
          '回复「完成」或「推迟1小时」/「明天再提醒」',
          'Reply "done", "snooze 1h" or "snooze tomorrow"',
        ),
      ),
    ].join('\n')
  },
  digest: (reply) => [`### ${firstLine(reply.text)}`, ...restLines(reply.text)].join('\n'),
}
