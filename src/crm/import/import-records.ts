import type { ConsentRow } from '../consents.ts'
import type { DealRow } from '../deals.ts'
import type { InteractionRow } from '../interactions.ts'
import { toMinorUnits } from '../money.ts'
import { normalizeCompanyName, normalizeEmail, normalizePersonName, normalizePhone } from '../normalize.ts'
import { type ColumnMap, cell, type ImportKind } from './import-columns.ts'
import {
  type Parsed,
  parseAmount,
  parseCloseDate,
  parseConsent,
  parseDate,
  parseInteractionType,
  parseStage,
} from './import-values.ts'

/** The customer a row names, as written and as matched (`normalizeCompanyName`). */
export interface NamedCustomer {
  name: string
  key: string
}

interface RecordBase {
  customer: NamedCustomer
  /** The owner (or author) the row names, as a user id; not yet checked for contacts, see `readRecord`. */
  owner: Parsed<string | null>
}

export interface CustomerRecord extends RecordBase {
  kind: 'customers'
  industry: string | null
  tags: string[]
}

export interface ContactRecord extends RecordBase {
  kind: 'contacts'
  name: string
  key: string
  phones: string[]
  email: string | null
  title: string | null
  wechatId: string | null
  consent: ConsentRow['status'] | null
}

export interface DealRecord extends RecordBase {
  kind: 'deals'
  title: string
  stage: DealRow['stage']
  amountMinor: number
  currency: string
  expectedClose: string | null
}

export interface InteractionRecord extends RecordBase {
  kind: 'interactions'
  text: string
  type: InteractionRow['type']
  occurredAt: Date
  /** Whether the file gave a date: without one the note is dated at the import and its key has no time. */
  dated: boolean
  contactKey: string
}

/** One row of a file read into the values it stands for, before anything is looked up. */
export type ImportRecord = CustomerRecord | ContactRecord | DealRecord | InteractionRecord

export interface ReadContext {
  /** The workspace's users by display name and platform id, lower-cased. */
  userByName: ReadonlyMap<string, string>
  timeZone: string
  now: Date
}

type Reader = (values: string[], columns: ColumnMap, context: ReadContext) => Parsed<ImportRecord>

/**
 * Reads one row's cells as a record of `kind`, or the reason the row is rejected (the first bad cell).
 * A row naming an unknown owner is rejected, except a contact's: there the owner only matters for a
 * customer the row would create, which the plan decides.
 */
export const RECORD_READERS: Record<ImportKind, Reader> = {
  customers(values, columns, context) {
    const owner = ownerOf(values, columns, context)
    if (!owner.ok) return owner
    const tags = cell(values, columns, 'tags')
      .split(/[,，;；、|]/)
      .map((s) => s.trim())
      .filter(Boolean)
    const industry = cell(values, columns, 'industry') || null
    return withCustomer(values, columns, { kind: 'customers', owner, industry, tags })
  },
  contacts(values, columns, context) {
    const name = cell(values, columns, 'contact')
    const key = normalizePersonName(name)
    if (!key) return bad('contact name is empty')
    const phones: string[] = []
    for (const raw of cell(values, columns, 'phone')
      .split(/[,，;；/、]/)
      .filter((p) => p.trim())) {
      const phone = normalizePhone(raw)
      if (!phone) return bad(`phone "${raw}" is not a valid number (expected e.g. 138 0013 8000)`)
      phones.push(phone)
    }
    const email = cell(values, columns, 'email')
    if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
      return bad(`email "${email}" is not an email address`)
    const consent = parseConsent(cell(values, columns, 'consent'))
    if (!consent.ok) return consent
    return withCustomer(values, columns, {
      kind: 'contacts',
      owner: ownerOf(values, columns, context),
      name,
      key,
      phones,
      email: email ? normalizeEmail(email) : null,
      title: cell(values, columns, 'title') || null,
      wechatId: cell(values, columns, 'wechat') || null,
      consent: consent.value,
    })
  },
  deals(values, columns, context) {
    const title = cell(values, columns, 'deal')
    if (!title) return bad('deal name is empty')
    const stage = parseStage(cell(values, columns, 'stage'))
    if (!stage.ok) return stage
    const amount = parseAmount(cell(values, columns, 'amount'), cell(values, columns, 'currency'))
    if (!amount.ok) return amount
    const minor = minorUnits(amount.value.amount, amount.value.currency)
    if (!minor.ok) return minor
    const close = parseCloseDate(cell(values, columns, 'expectedClose'))
    if (!close.ok) return close
    const owner = ownerOf(values, columns, context)
    if (!owner.ok) return owner
    return withCustomer(values, columns, {
      kind: 'deals',
      owner,
      title,
      stage: stage.value,
      amountMinor: minor.value,
      currency: amount.value.currency,
      expectedClose: close.value,
    })
  },
  interactions(values, columns, context) {
    const text = cell(values, columns, 'text')
    if (!text) return bad('note text is empty')
    const type = parseInteractionType(cell(values, columns, 'type'))
    if (!type.ok) return type
    const date = cell(values, columns, 'occurredAt')
    const at = parseDate(date, context.timeZone, context.now)
    if (!at.ok) return at
    const owner = ownerOf(values, columns, context)
    if (!owner.ok) return owner
    return withCustomer(values, columns, {
      kind: 'interactions',
      owner,
      text,
      type: type.value,
      occurredAt: at.value,
      dated: date !== '',
      contactKey: normalizePersonName(cell(values, columns, 'contact')),
    })
  },
}

const bad = (reason: string): Parsed<never> => ({ ok: false, reason })

/** A record without its customer, per kind. */
type Unnamed<R = ImportRecord> = R extends ImportRecord ? Omit<R, 'customer'> : never

/** The record with the row's customer, or rejected when the row names none. */
function withCustomer(values: string[], columns: ColumnMap, record: Unnamed): Parsed<ImportRecord> {
  const name = cell(values, columns, 'customer')
  const key = normalizeCompanyName(name)
  if (!key) return bad('customer name is empty')
  return { ok: true, value: { ...record, customer: { name, key } } }
}

function ownerOf(values: string[], columns: ColumnMap, context: ReadContext): Parsed<string | null> {
  const owner = cell(values, columns, 'owner')
  if (!owner) return { ok: true, value: null }
  const id = context.userByName.get(owner.toLowerCase())
  return id ? { ok: true, value: id } : bad(`owner "${owner}" is not a user of this workspace`)
}

function minorUnits(amount: number, currency: string): Parsed<number> {
  try {
    return { ok: true, value: toMinorUnits(amount, currency) }
  } catch (error) {
    if (error instanceof RangeError) return bad(error.message)
    throw error
  }
}

/**
 * What makes an imported note the same note: its customer as the file names it (`normalizeCompanyName`),
 * its time as the file gives it (none when the date cell is empty), its type and its text, hashed
 * (SHA-256, 128 bits kept). Stored as the note's `source_message_id` under `source_platform = 'import'`,
 * where a unique index keeps each note once, so importing a file again adds none twice.
 */
export async function noteKey(record: InteractionRecord): Promise<string> {
  const identity = JSON.stringify([
    record.customer.key,
    record.dated ? record.occurredAt.getTime() : null,
    record.type,
    record.text,
  ])
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(identity))
  const hex = Array.from(new Uint8Array(digest, 0, 16), (b) => b.toString(16).padStart(2, '0')).join('')
  return `note:${hex}`
}
