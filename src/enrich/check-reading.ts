import type { NoteEnrichment } from './enrichment-schema.ts'

/** Why a model's reading was not believed. */
export type ReadingRejection = 'contradictory_outcome' | 'customer_not_in_text' | 'contact_not_in_text'

/** Endings that may be added to or dropped from a name (`华为` / `华为技术有限公司`, `Acme` / `Acme Inc`). */
const NAME_ENDINGS =
  /(?:股份有限公司|有限公司|有限责任公司|集团|公司|\s*(?:inc|corp|corporation|co|ltd|llc|plc|gmbh|group)\.?)$/i
const fold = (text: string) => text.toLowerCase().replace(/[\s·・.,，'’"“”]/g, '')

/** Whether a name the model gave is written in the note (ignoring case, spaces and a company ending). */
export function nameInText(name: string, text: string): boolean {
  const core = fold(name.trim().replace(NAME_ENDINGS, ''))
  return core.length > 0 && fold(text).includes(core)
}

/**
 * Checks a model's whole reading of `text` against itself and the text. A reading that says both won and
 * lost, or names a customer or contact the note never mentions, is rejected whole: the offline reading
 * stays. Returns null when the reading holds.
 */
export function checkReading(reading: NoteEnrichment, text: string): ReadingRejection | null {
  const closed = [reading.stage, reading.deal_outcome].filter((s) => s === 'won' || s === 'lost')
  if (new Set(closed).size > 1) return 'contradictory_outcome'
  if (reading.deal_outcome && reading.stage && reading.stage !== reading.deal_outcome)
    return 'contradictory_outcome'
  if (reading.customer && !nameInText(reading.customer, text)) return 'customer_not_in_text'
  if (reading.contact && !nameInText(reading.contact, text)) return 'contact_not_in_text'
  return null
}
