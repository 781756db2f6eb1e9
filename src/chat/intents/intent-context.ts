import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import type { ParsedMessage } from '../../understand/parsed-message.ts'
import type { Log, WaitUntil } from '../chat-bot.ts'
import type { Reply } from '../chat-message.ts'
import type { InboundRow } from '../inbound-store.ts'

export type Lang = 'zh' | 'en'

/** Everything an intent handler gets for one message. */
export interface IntentContext {
  crm: CrmContext
  actor: Actor
  message: InboundRow
  /** What the user said: the message without the bot's own mention (the inbound row keeps it as sent). */
  text: string
  parsed: ParsedMessage
  lang: Lang
  /** Set when the user picked a customer from a question the bot asked. */
  chosenCustomerId?: string | undefined
  /** Set when the user asked to create the customer the bot was unsure of. */
  createCustomerName?: string | undefined
  /** True when the user confirmed this reading (src/chat/confirm/): write it, ask nothing more. */
  confirmed?: boolean
  /** Queues LLM enrichment of a note after the reply; absent when no LLM is configured. */
  enqueueEnrichment?: ((interactionId: string) => void) | undefined
  waitUntil: WaitUntil
  log: Log
}

export type IntentHandler = (context: IntentContext) => Promise<Reply>

/** Picks the text for the reader's language. */
export function t(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? zh : en
}

export function languageOf(text: string): Lang {
  return /[\u3400-\u9fff]/.test(text) ? 'zh' : 'en'
}
