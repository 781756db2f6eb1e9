import { enEntities } from './entities-en.ts'
import { zhContact, zhCustomer } from './entities-zh.ts'
import { findKnown } from './find-known.ts'
import { zhFullName } from './zh-full-names.ts'

/** The customer organisation and the person at it, as written. */
export interface FoundEntities {
  customer: string | null
  contact: string | null
}

const HAS_LATIN = /[A-Za-z]/

/** Whether `text` holds at least two Chinese characters; a loop, since counting them all allocates. */
function hasTwoCjk(text: string): boolean {
  let seen = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x4e00 && c <= 0x9fff && ++seen >= 2) return true
  }
  return false
}

/**
 * Customer and contact. `masked` spans (dates, amounts) are blanked first so that `明天下午3点`
 * or `200万` never end up inside a name. Text with Chinese in it is read with the Chinese rules,
 * which also pick up Latin names (`OPPO`, `vivo`, `Jane`); pure English with the English ones.
 */
export function extractEntities(
  text: string,
  masked: readonly { start: number; end: number }[],
  lookup: boolean,
): FoundEntities {
  let clean = text
  let floor = Number.POSITIVE_INFINITY
  for (const s of [...masked].sort((a, b) => b.start - a.start)) {
    if (s.end > floor) continue
    clean = `${clean.slice(0, s.start)}|${clean.slice(s.end)}`
    floor = s.start
  }
  if (hasTwoCjk(clean)) {
    let contact = zhContact(clean)
    let customer = zhCustomer(clean, lookup)
    // Every English rule reads a Latin letter: without one, they find no customer.
    if (!customer && HAS_LATIN.test(clean)) customer = enEntities(clean, lookup).customer
    // `去了趟徐工`, `拜访了李宁`: a known company that reads like a person is the company.
    if (customer && customer === contact) {
      if (findKnown(customer, 0)?.text !== customer) return { customer: null, contact }
      const rest = clean.replaceAll(customer, '|')
      contact = zhContact(rest) ?? zhFullName(rest, customer)
    }
    contact ??= zhFullName(clean, customer)
    // `和Tom Cook聊了`: a given name and one more word is the person's whole name.
    if (
      contact &&
      customer &&
      /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(customer) &&
      customer.startsWith(`${contact} `)
    )
      return { customer: zhCustomer(clean.replace(customer, '|'), lookup), contact: customer }
    return { customer: customer === contact ? null : customer, contact }
  }
  return enEntities(clean, lookup)
}
