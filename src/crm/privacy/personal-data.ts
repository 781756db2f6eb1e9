import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import type { ContactRow } from '../contacts.ts'

/** What erasing a person replaces their data with. */
export const ERASED = '[已删除]'

/**
 * What identifies a person in free text: their name, each phone in the ways people write it
 * (`+86 138 0013 8000`, `138-0013-8000`, `13800138000`), their email and WeChat id.
 */
export function personalPatterns(
  contact: Pick<ContactRow, 'name' | 'phones' | 'email' | 'wechatId'>,
): RegExp[] {
  const literal = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi')
  const patterns = [contact.name, contact.email, contact.wechatId]
    .filter((s): s is string => typeof s === 'string' && s.trim().length >= 2)
    .map((s) => literal(s.trim()))
  for (const phone of contact.phones) {
    const parsed = parsePhoneNumberFromString(phone)
    const digits = (parsed?.nationalNumber ?? phone.replace(/\D/g, '')).split('')
    const country = parsed?.countryCallingCode
    // Any separators between digits, and an optional +86 / 0086 / 86 in front.
    const prefix = country ? `(?:(?:\\+|00)?${country}[\\s-]*)?` : ''
    patterns.push(new RegExp(`${prefix}${digits.join('[\\s-]*')}`, 'g'))
  }
  return patterns
}

/** Text with every match of the patterns replaced by `ERASED`. */
export function scrubText(text: string, patterns: RegExp[]): string {
  return patterns.reduce((out, pattern) => out.replace(pattern, ERASED), text)
}

/** A JSON value (an audit row's before/after, a stored reply) with the same replacement in every string. */
export function scrubJson<T>(value: T, patterns: RegExp[]): T {
  if (value === null || value === undefined) return value
  return JSON.parse(scrubText(JSON.stringify(value), patterns)) as T
}

/** Whether any pattern matches. */
export function mentions(text: string, patterns: RegExp[]): boolean {
  return patterns.some((p) => {
    p.lastIndex = 0
    const hit = p.test(text)
    p.lastIndex = 0
    return hit
  })
}
