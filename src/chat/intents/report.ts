import { runReport } from '../../crm/reports/run-report.ts'
import type { Reply } from '../chat-message.ts'
import { type IntentHandler, type Lang, t } from './intent-context.ts'
import { reportExamples, reportText } from './report-text.ts'

/**
 * `小张这周拜访了几个客户`, `top 5 deals`, `上季度赢单率多少`: a question about the team answered from the
 * store, read-only, within what the asker may see in this chat. Also answers a pipeline summary asked a
 * particular way (the parser keeps that intent and adds the report).
 */
export const handleReport: IntentHandler = async ({ crm, actor, parsed, message, lang }) => {
  if (!parsed.report) return cannotAnswer(lang)
  const data = await runReport(crm, actor, parsed.report, {
    chatKind: message.chatKind,
    customer: parsed.customer,
  })
  return { text: reportText(data, lang), intent: 'report', data: data as unknown as Record<string, unknown> }
}

/** What the bot can answer, when it could not read the question into one. */
export function cannotAnswer(lang: Lang): Reply {
  const examples = reportExamples(lang)
  return {
    text: [
      t(lang, '这个问题我还答不了。我能回答这些:', "I can't answer that one yet. I can answer:"),
      ...examples.map((e) => `• ${e}`),
    ].join('\n'),
    intent: 'report',
    data: { examples },
  }
}
