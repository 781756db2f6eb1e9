import { matchCustomer } from '../../crm/customers.ts'
import { latestOpenDeal } from '../../crm/deals.ts'
import { fromMinorUnits } from '../../crm/money.ts'
import { moneyLabel, stageLabel } from '../labels.ts'
import { pastCloseQuestion } from './deal-close-date.ts'
import { type IntentContext, t } from './intent-context.ts'

/** An amount that moves by more than this share of the old one is asked about first. */
const AMOUNT_SWING = 0.5

/**
 * The question to ask before a deal change that is hard to notice later, or null to write at once: a deal
 * closed as won or lost, an amount changed by more than half, or a close date already gone. Reads only.
 */
export async function dealChangeQuestion(context: IntentContext): Promise<string | null> {
  const { crm, actor, parsed, lang } = context
  const name = parsed.customer ?? ''
  const questions: string[] = []
  if (parsed.stage === 'won' || parsed.stage === 'lost') {
    const stage = stageLabel(parsed.stage, lang)
    questions.push(
      t(lang, `把「${name}」的商机标为${stage}?`, `Mark the deal with ${name} as ${stage.toLowerCase()}?`),
    )
  }
  if (parsed.amount !== null && name) {
    const match = await matchCustomer(crm, actor, name)
    const open = match.kind === 'found' ? await latestOpenDeal(crm, match.customer.id) : undefined
    const before = open ? fromMinorUnits(open.amountMinor, open.currency) : 0
    if (open && before > 0 && Math.abs(parsed.amount - before) > before * AMOUNT_SWING) {
      const from = moneyLabel(before, open.currency, lang)
      const to = moneyLabel(parsed.amount, parsed.currency ?? open.currency, lang)
      questions.push(
        t(
          lang,
          `把「${name}」的商机金额从 ${from} 改为 ${to}?`,
          `Change the ${name} deal from ${from} to ${to}?`,
        ),
      )
    }
  }
  if (parsed.expected_close && parsed.expected_close_unsure)
    questions.push(pastCloseQuestion(parsed.expected_close, lang))
  return questions.length ? questions.join('\n') : null
}
