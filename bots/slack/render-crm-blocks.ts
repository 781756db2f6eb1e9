/** Block Kit for the CRM records: the note confirmation, the customer card, a deal, the pipeline summary. */
import type { Reply } from '../../src/chat/chat-message.ts'
import type { Lang } from '../../src/chat/intents/intent-context.ts'
import { t } from '../../src/chat/intents/intent-context.ts'
import { interactionLabel, moneyLabel, sentimentLabel, stageLabel } from '../../src/chat/labels.ts'
import { otherCurrencyLines, periodLine } from '../../src/chat/pipeline-lines.ts'
import type {
  CustomerCardData,
  DealSummary,
  DealUpdatedData,
  NoteLoggedData,
  PipelineSummaryData,
} from '../../src/chat/reply-data.ts'
import { type Block, buttons, context, esc, fields, header, section } from './block-kit.ts'

const dealLine = (d: DealSummary, lang: Lang) =>
  `💼 *${esc(d.title)}* · ${stageLabel(d.stage, lang)} · ${moneyLabel(d.amount, d.currency, lang)}` +
  (d.expectedClose ? ` · ${esc(d.expectedClose)}` : '')

/** `log_interaction`: what was logged, then Undo / Edit / Set follow-up. */
export function renderNoteLogged(reply: Reply, data: NoteLoggedData, lang: Lang): (Block | null)[] {
  const { interaction, customer, contact, followUp } = data
  return [
    section(`✅ ${esc(reply.text)}`),
    context([
      `📇 ${esc(customer.name)}${contact ? ` / ${esc(contact.name)}` : ''}`,
      interactionLabel(interaction.type, lang),
      interaction.sentiment ? sentimentLabel(interaction.sentiment, lang) : null,
      followUp ? `⏰ ${esc(followUp.dueLocal)}` : null,
      esc(interaction.occurredLocal),
    ]),
    buttons(reply.actions),
  ]
}

/** `lookup_customer`: the customer card. */
export function renderCustomerCard(reply: Reply, card: CustomerCardData, lang: Lang): (Block | null)[] {
  const { customer } = card
  const contacts = card.contacts.slice(0, 5).map(
    (c) =>
      `👤 *${esc(c.name)}*${[c.title, c.phones[0], c.email]
        .filter(Boolean)
        .map((v) => ` · ${esc(v ?? '')}`)
        .join('')}`,
  )
  const notes = card.interactions
    .slice(0, 5)
    .map(
      (i) => `• ${esc(i.occurredLocal)} ${interactionLabel(i.type, lang)} — ${esc(i.summary.slice(0, 200))}`,
    )
  return [
    header(`📇 ${customer.name}`),
    fields([
      [t(lang, '负责人', 'Owner'), customer.ownerName ?? t(lang, '公海', 'pool')],
      [t(lang, '行业', 'Industry'), customer.industry],
      [t(lang, '标签', 'Tags'), customer.tags.join(', ')],
      [
        t(lang, '下次提醒', 'Next reminder'),
        card.nextReminder ? `${card.nextReminder.dueLocal} ${card.nextReminder.text}` : null,
      ],
    ]),
    contacts.length ? section(contacts.join('\n')) : null,
    card.deals.length
      ? section(
          card.deals
            .slice(0, 5)
            .map((d) => dealLine(d, lang))
            .join('\n'),
        )
      : null,
    section(
      notes.length
        ? `*${t(lang, '最近跟进', 'Recent activity')}*\n${notes.join('\n')}`
        : t(lang, '还没有跟进记录。', 'No activity yet.'),
    ),
    buttons(reply.actions),
  ]
}

/** `update_deal`: the deal as it is now. */
export function renderDealUpdated(reply: Reply, data: DealUpdatedData, lang: Lang): (Block | null)[] {
  const { deal } = data
  return [
    section(esc(reply.text)),
    fields([
      [t(lang, '阶段', 'Stage'), stageLabel(deal.stage, lang)],
      [t(lang, '金额', 'Amount'), moneyLabel(deal.amount, deal.currency, lang)],
      [t(lang, '赢率', 'Probability'), `${deal.probability}%`],
      [t(lang, '预计成交', 'Expected close'), deal.expectedClose],
    ]),
    buttons(reply.actions),
  ]
}

/** `pipeline_summary`: one field per stage that has deals, the total, and owners when there are several. */
export function renderPipelineSummary(reply: Reply, data: PipelineSummaryData, lang: Lang): (Block | null)[] {
  const money = (n: number) => moneyLabel(n, data.currency, lang)
  const weighted = t(lang, '加权', 'weighted')
  const owners = data.owners.length > 1 ? data.owners.slice(0, 20) : []
  return [
    header(t(lang, `📊 ${data.periodLabel}销售管道`, `📊 Pipeline, ${data.periodLabel}`)),
    fields(
      data.stages
        .filter((s) => s.count > 0)
        .map((s) => [
          stageLabel(s.stage, lang),
          `${s.count} · ${money(s.amount)}\n${weighted} ${money(s.weighted_amount)}`,
        ]),
    ) ?? section(t(lang, '暂无商机。', 'No deals yet.')),
    context([
      t(lang, `在途合计 *${data.total.count}* 个`, `Open total *${data.total.count}*`),
      money(data.total.amount),
      `${weighted} ${money(data.total.weighted_amount)}`,
    ]),
    context([periodLine(data, lang)]),
    owners.length
      ? section(
          owners
            .map(
              (o) =>
                `• ${esc(o.owner)}: ${o.count} · ${money(o.amount)} (${weighted} ${money(o.weighted_amount)})`,
            )
            .join('\n'),
        )
      : null,
    data.other_currencies?.length ? section(otherCurrencyLines(data, lang).map(esc).join('\n')) : null,
    buttons(reply.actions),
  ]
}
