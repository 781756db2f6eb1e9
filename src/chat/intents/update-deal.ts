import { createDeal, latestOpenDeal, updateDeal } from '../../crm/deals.ts'
import { dealSummary, userNames } from '../../crm/summaries.ts'
import { askToConfirm } from '../confirm/ask-confirmation.ts'
import { moneyLabel, stageLabel } from '../labels.ts'
import type { DealUpdatedData } from '../reply-data.ts'
import { dealChangeQuestion } from './deal-change-check.ts'
import { closeDateLabel } from './deal-close-date.ts'
import { type IntentHandler, t } from './intent-context.ts'
import { resolveCustomer } from './resolve-customer.ts'

/**
 * 小米那个单子赢了,合同金额80万 / 华为预计下个月底签约: moves the customer's open deal (or opens one) to the
 * stage, amount and expected close said.
 */
export const handleUpdateDeal: IntentHandler = async (context) => {
  const { crm, actor, parsed, lang } = context
  if (!parsed.stage && parsed.amount === null && !parsed.expected_close) {
    return {
      text: t(
        lang,
        '要改成什么阶段、金额或预计成交日期?例如「华为进入商务谈判,报价150万」、「华为预计下个月底签约」。',
        'Which stage, amount or close date? e.g. "Acme moved to negotiation, 150k", "Acme expected to close end of Q1".',
      ),
      intent: 'update_deal',
      data: null,
    }
  }
  if (!context.confirmed) {
    const question = await dealChangeQuestion(context)
    if (question) {
      return askToConfirm(context, {
        question,
        options: [{ label: t(lang, '确认', 'Confirm'), write: { parsed } }],
      })
    }
  }
  const resolved = await resolveCustomer(context, { createIfMissing: true })
  if (resolved.kind === 'reply') return resolved.reply
  const { customer } = resolved
  const open = await latestOpenDeal(crm, customer.id)
  const patch = {
    stage: parsed.stage ?? undefined,
    amount: parsed.amount ?? undefined,
    currency: parsed.amount !== null ? (parsed.currency ?? 'CNY') : undefined,
    expectedClose: parsed.expected_close,
  }
  const deal = open
    ? await updateDeal(crm, actor, open.id, patch)
    : await createDeal(crm, actor, { customerId: customer.id, ...patch })
  const names = await userNames(crm, [deal.ownerUserId])
  const summary = dealSummary(deal, customer.name, names)
  const data: DealUpdatedData = { deal: summary, previousStage: open?.stage ?? null, created: !open }
  const stageText =
    open && open.stage !== deal.stage
      ? `${stageLabel(open.stage, lang)} → ${stageLabel(deal.stage, lang)}`
      : stageLabel(deal.stage, lang)
  const head = deal.stage === 'won' ? '🎉 ' : deal.stage === 'lost' ? '💔 ' : '💼 '
  const createdNote = resolved.created
    ? t(lang, `(新客户「${customer.name}」已创建)`, ` (new customer "${customer.name}" created)`)
    : !open
      ? t(lang, '(新建商机)', ' (new deal)')
      : ''
  const close = parsed.expected_close ? ` · ${closeDateLabel(parsed.expected_close, lang)}` : ''
  return {
    text: `${head}${customer.name} · ${stageText} · ${moneyLabel(summary.amount, summary.currency, lang)}${close}${createdNote}`,
    intent: 'update_deal',
    data: data as unknown as Record<string, unknown>,
  }
}
