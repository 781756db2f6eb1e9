import type { Reply } from '../chat-message.ts'
import { type IntentHandler, type Lang, t } from './intent-context.ts'

const EXAMPLES_ZH = [
  '记录跟进: 今天给华为张总打了电话,他对报价满意,下周三跟进',
  '查客户: 查一下华为',
  '设提醒: 提醒我周五下午3点给李总发合同',
  '我的提醒',
  '更新商机: 小米那个单子赢了,合同金额80万',
  '看管道: 本周管道汇总',
]
const EXAMPLES_EN = [
  'Log a note: Called Jane at Acme, she loved the demo. Follow up next Tuesday.',
  'Look up: find Acme',
  'Remind: remind me Friday 3pm to send the proposal to Initech',
  'my reminders',
  'Update a deal: Globex moved to proposal stage, 45k',
  'Pipeline: pipeline this month',
]

export function helpReply(lang: Lang, intro?: string): Reply {
  const examples = lang === 'zh' ? EXAMPLES_ZH : EXAMPLES_EN
  const head = intro ?? t(lang, '我可以帮你:', 'I can help with:')
  return { text: [head, ...examples.map((e) => `• ${e}`)].join('\n'), intent: 'help', data: { examples } }
}

export const handleHelp: IntentHandler = async ({ lang }) => helpReply(lang)

/** A message the bot did not understand: a short help rather than silence. */
export const handleUnknown: IntentHandler = async ({ lang }) => ({
  ...helpReply(lang, t(lang, '没太明白。你可以这样说:', "I didn't catch that. Try:")),
  intent: 'unknown',
})
