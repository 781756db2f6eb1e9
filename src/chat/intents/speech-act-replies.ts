import type { SpeechAct } from '../../understand/parsed-message.ts'
import type { Reply } from '../chat-message.ts'
import { type IntentHandler, type Lang, t } from './intent-context.ts'

const QUESTION_EXAMPLES_ZH = [
  '查一下华为',
  '华为现在是谁在跟?',
  '我的提醒',
  '本月销售管道汇总',
  '这个季度赢了几单?',
]
const QUESTION_EXAMPLES_EN = [
  'find Acme',
  'who owns Globex?',
  'my reminders',
  'pipeline this month',
  'how many deals did we win this quarter?',
]

/** A question the bot has no answer for: says which questions it can answer, and writes nothing. */
export const answerOtherQuestion: IntentHandler = async ({ lang }) => {
  const examples = lang === 'zh' ? QUESTION_EXAMPLES_ZH : QUESTION_EXAMPLES_EN
  const head = t(
    lang,
    '这个我答不上来。我能回答这些问题:',
    "I can't answer that one. I can answer questions like:",
  )
  return { text: [head, ...examples.map((e) => `• ${e}`)].join('\n'), intent: 'help', data: { examples } }
}

const say = (text: string): Reply => ({ text, intent: 'unknown', data: null })

/** What each speech act that never writes is answered with. */
const NOT_WRITTEN: Record<Exclude<SpeechAct, 'statement' | 'question'>, (lang: Lang) => Reply> = {
  congratulation: (lang) =>
    say(
      t(
        lang,
        '🎉 恭喜!这条我没有记录。如果是你自己的单子赢了,请说「某某客户赢单」。',
        '🎉 Congrats! I didn\'t log that. If it\'s your own deal, say "Acme deal won".',
      ),
    ),
  instruction: (lang) =>
    say(
      t(
        lang,
        '这条是说给同事的,我没有记录。需要我提醒你,请说「提醒我…」。',
        'That one is for a colleague, so I didn\'t log it. To set yourself a reminder, say "remind me…".',
      ),
    ),
  complaint: (lang) =>
    say(
      t(
        lang,
        '抱歉!回复「撤销」删除你的上一条记录,或「修改: 是拜访不是电话」改正它。',
        'Sorry about that! Reply "undo" to remove your last note, or "edit: it was a meeting" to fix it.',
      ),
    ),
  correction: (lang) =>
    say(
      t(
        lang,
        '没有找到你最近在这里记的跟进,所以没有修改。请把正确的内容完整发一次。',
        'I found no recent note of yours here to correct, so nothing changed. Please send the whole note again.',
      ),
    ),
}

/** The answer for a message that must not write because of what it does, or null for a statement. */
export function speechActReply(act: SpeechAct | undefined, lang: Lang): Reply | null {
  if (!act || act === 'statement' || act === 'question') return null
  return NOT_WRITTEN[act](lang)
}
