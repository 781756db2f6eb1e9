import { findKnown } from './find-known.ts'
import { COMPANY_SUFFIXES, ZH_ORG_SUFFIX } from './name-lists.ts'

const ZH_ORG_END = new RegExp(`(?:${ZH_ORG_SUFFIX})$`)
/**
 * Characters that make grammar, not names: a "name" holding one (`量最多`, `超过两周没`, `哪些`) is a
 * piece of a sentence the entity rules cut out.
 */
const GRAMMAR_CHARS = /[了吗呢吧没不很最超过谁哪几多少么啥是有被把让]/
const CJK = /[\u3400-\u9fff]/

/**
 * Whether `name`, as the parser read it from `text`, is recognisably an organisation: a known company,
 * one with an organisation's ending (`…集团`, `… Inc`), a Chinese name with no grammar in it, or a Latin
 * name capitalised where nothing else made it so. `Anyone` opening a sentence, `lookup` in lower case and
 * `量最多` are not: the bot asks before creating such a customer.
 */
export function looksLikeOrganisation(name: string, text: string): boolean {
  const trimmed = name.trim()
  if (!trimmed) return false
  if (findKnown(trimmed, 0)?.index === 0) return true
  if (CJK.test(trimmed)) return ZH_ORG_END.test(trimmed) || !GRAMMAR_CHARS.test(trimmed)
  const words = trimmed.split(/\s+/)
  if (words.length > 1 && COMPANY_SUFFIXES.has((words.at(-1) ?? '').toLowerCase())) return true
  if (!/^[A-Z0-9]/.test(trimmed)) return false
  if (/^[A-Z0-9&.-]{2,}$/.test(trimmed) || words.length > 1) return true
  // A single capitalised word is evidence of a name only where a sentence does not begin.
  const at = text.indexOf(trimmed)
  const before = text.slice(0, Math.max(0, at)).trimEnd()
  return at >= 0 && before !== '' && !/[.!?。！？:：]$/.test(before)
}
