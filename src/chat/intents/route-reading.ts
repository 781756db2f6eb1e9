import type { Intent, ParsedMessage } from '../../understand/parsed-message.ts'
import { handleHelp, handleUnknown } from './help.ts'
import type { IntentHandler } from './intent-context.ts'
import { handleLogInteraction } from './log-interaction.ts'
import { handleLookupCustomer } from './lookup-customer.ts'
import { handlePipelineSummary } from './pipeline-summary.ts'
import { handleListReminders, handleSetReminder } from './reminders.ts'
import { handleReport } from './report.ts'
import { answerOtherQuestion, speechActReply } from './speech-act-replies.ts'
import { handleUpdateDeal } from './update-deal.ts'

const HANDLERS: Record<Intent, IntentHandler> = {
  log_interaction: handleLogInteraction,
  lookup_customer: handleLookupCustomer,
  set_reminder: handleSetReminder,
  list_reminders: handleListReminders,
  update_deal: handleUpdateDeal,
  pipeline_summary: handlePipelineSummary,
  report: handleReport,
  help: handleHelp,
  unknown: handleUnknown,
}

/** Intents that write a record; a reading that is not a plain statement never reaches them. */
export const WRITE_INTENTS: ReadonlySet<Intent> = new Set(['log_interaction', 'update_deal', 'set_reminder'])

/**
 * The one place a reading picks what answers it. A question goes to a read-only intent (look-up, pipeline,
 * reminders, help) or to `answerOtherQuestion`; questions for managers' reports are routed here too.
 * Congratulations, instructions to colleagues, complaints and corrections with no note to correct get their
 * own short answer and write nothing. Everything else goes to its intent's handler.
 */
export function handlerFor(parsed: ParsedMessage): IntentHandler {
  // A question about the team, or a summary asked a particular way (`上季度赢单率多少`), carries its report.
  if (parsed.report) return handleReport
  if (parsed.speech_act === 'question') return routeQuestion(parsed)
  const notWritten = WRITE_INTENTS.has(parsed.intent) || parsed.intent === 'unknown'
  if (notWritten && parsed.speech_act && parsed.speech_act !== 'statement') {
    const act = parsed.speech_act
    return async (context) => speechActReply(act, context.lang) ?? handleUnknown(context)
  }
  return HANDLERS[parsed.intent]
}

/** Where a question is answered: never by an intent that writes. */
function routeQuestion(parsed: ParsedMessage): IntentHandler {
  if (WRITE_INTENTS.has(parsed.intent) || parsed.intent === 'unknown') return answerOtherQuestion
  return HANDLERS[parsed.intent]
}
