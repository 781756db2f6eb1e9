import type { DealStage, InteractionType, Sentiment } from '../understand/parsed-message.ts'
import type { Lang } from './intents/intent-context.ts'

const INTERACTION: Record<InteractionType, [string, string]> = {
  call: ['电话', 'call'],
  visit: ['拜访', 'visit'],
  meeting: ['会议', 'meeting'],
  message: ['消息', 'message'],
  email: ['邮件', 'email'],
  note: ['备注', 'note'],
}
const SENTIMENT: Record<Sentiment, [string, string]> = {
  positive: ['😊 积极', '😊 positive'],
  neutral: ['😐 中性', '😐 neutral'],
  negative: ['😟 消极', '😟 negative'],
}
const STAGE: Record<DealStage, [string, string]> = {
  lead: ['线索', 'Lead'],
  qualified: ['已确认需求', 'Qualified'],
  proposal: ['方案报价', 'Proposal'],
  negotiation: ['商务谈判', 'Negotiation'],
  won: ['赢单', 'Won'],
  lost: ['丢单', 'Lost'],
}
const pick = (pair: [string, string], lang: Lang) => (lang === 'zh' ? pair[0] : pair[1])

export const interactionLabel = (type: InteractionType, lang: Lang) => pick(INTERACTION[type], lang)
export const sentimentLabel = (sentiment: Sentiment, lang: Lang) => pick(SENTIMENT[sentiment], lang)
export const stageLabel = (stage: DealStage, lang: Lang) => pick(STAGE[stage], lang)

/** `¥800,000` or `$120,000`: whole units, in the reader's locale. */
export function moneyLabel(amount: number, currency: string, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {
    style: 'currency',
    currency,
    // `¥` rather than `CN¥` in English: a sales chat deals in one or two currencies, not a ledger's many.
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: 0,
  }).format(amount)
}
