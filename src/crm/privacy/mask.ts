import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import type { ContactSummary } from '../../chat/reply-data.ts'

/** `+8613800138000` → `138****8000`: enough to tell numbers apart, not enough to dial. */
export function maskPhone(phone: string): string {
  const national = parsePhoneNumberFromString(phone)?.nationalNumber ?? phone.replace(/\D/g, '')
  if (national.length < 7) return '****'
  return `${national.slice(0, 3)}****${national.slice(-4)}`
}

/** `li.na@huawei.com` → `l***@huawei.com`. */
export function maskEmail(email: string): string {
  const [user = '', domain = ''] = email.split('@')
  return `${user.slice(0, 1)}***@${domain}`
}

/**
 * Whether a reply shows a contact's phone and email in full: in a direct chat, or in a group to the
 * customer's own owner. Anyone else in a group sees them masked (PIPL: the least personal data needed).
 */
export function showsPersonalData(
  chat: { chatKind: 'direct' | 'group' },
  readerUserId: string,
  customer: { ownerUserId: string | null },
) {
  return chat.chatKind === 'direct' || customer.ownerUserId === readerUserId
}

/** A contact as a group chat shows it to someone who does not own the customer. */
export function maskContact(contact: ContactSummary): ContactSummary {
  return {
    ...contact,
    phones: contact.phones.map(maskPhone),
    email: contact.email ? maskEmail(contact.email) : null,
  }
}
