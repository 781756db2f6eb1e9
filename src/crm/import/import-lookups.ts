import { sql } from 'drizzle-orm'
import { jsonList, type SqlRunner } from '../../db/insert-rows.ts'
import { companyKey } from '../matching/company-key.ts'
import type { ImportRecord, NamedCustomer } from './import-records.ts'

export interface CustomerRef {
  id: string
  name: string
  ownerUserId: string | null
}

/**
 * The records one batch of rows can match, read from the database for that batch alone, plus what the
 * batch itself creates as it is planned. Dropped after the batch: rows created by earlier batches are in
 * the database by then (inside the import's transaction), so memory holds one batch whatever the size of
 * the file or of the workspace.
 */
export interface ImportLookups {
  /** Live customers by `normalizeCompanyName`. */
  customerByKey: Map<string, CustomerRef>
  /** Live customers by the `companyKey` of one of their aliases. */
  customerByAlias: Map<string, CustomerRef>
  /** Contacts (any customer's) by E.164 phone. */
  contactByPhone: Map<string, string>
  /** Contacts by `customerId|normalizedName`. */
  contactByName: Map<string, string>
  /** Deals present, as `customerId|title`. */
  dealKeys: Set<string>
  /** Imported notes present, by `noteKey`. */
  noteKeys: Set<string>
}

/** The customer a row means: a live one of the same name key, else one with that alias. */
export function findCustomer(lookups: ImportLookups, customer: NamedCustomer): CustomerRef | undefined {
  return lookups.customerByKey.get(customer.key) ?? lookups.customerByAlias.get(companyKey(customer.name))
}

/**
 * Reads what `records` can match in the workspace with a few indexed queries (each key list one JSON
 * parameter): customers by name key, then aliases for the names not found, then, at the customers found,
 * contacts by name, deals by title and notes by key, and contacts anywhere by phone.
 */
export async function loadLookups(
  db: SqlRunner,
  workspaceId: string,
  records: readonly ImportRecord[],
  noteKeys: readonly string[],
): Promise<ImportLookups> {
  const customerByKey = await customersByKey(db, workspaceId, unique(records.map((r) => r.customer.key)))
  const unmatched = records.filter((r) => !customerByKey.has(r.customer.key))
  const aliasKeys = unique(unmatched.map((r) => companyKey(r.customer.name)))
  const lookups: ImportLookups = {
    customerByKey,
    customerByAlias: await customersByAlias(db, workspaceId, aliasKeys),
    contactByPhone: new Map(),
    contactByName: new Map(),
    dealKeys: new Set(),
    noteKeys: new Set(),
  }
  const pairs = { contacts: [] as string[][], deals: [] as string[][] }
  for (const record of records) {
    const customer = findCustomer(lookups, record.customer)
    if (!customer) continue
    if (record.kind === 'contacts') pairs.contacts.push([customer.id, record.key])
    if (record.kind === 'interactions' && record.contactKey)
      pairs.contacts.push([customer.id, record.contactKey])
    if (record.kind === 'deals') pairs.deals.push([customer.id, record.title])
  }
  const phones = unique(records.flatMap((r) => (r.kind === 'contacts' ? r.phones : [])))
  if (pairs.contacts.length) {
    const rows = await db.all<{ id: string; customerId: string; key: string }>(sql`
      SELECT c.id, c.customer_id AS customerId, c.normalized_name AS key
      FROM json_each(${jsonList(pairs.contacts)}) AS k
      CROSS JOIN contacts AS c ON c.customer_id = k.value ->> 0 AND c.normalized_name = k.value ->> 1`)
    for (const c of rows) lookups.contactByName.set(`${c.customerId}|${c.key}`, c.id)
  }
  if (phones.length) {
    const rows = await db.all<{ phone: string; contactId: string }>(sql`
      SELECT phone, contact_id AS contactId FROM contact_phones
      WHERE workspace_id = ${workspaceId} AND phone IN (SELECT value FROM json_each(${jsonList(phones)}))`)
    for (const p of rows) lookups.contactByPhone.set(p.phone, p.contactId)
  }
  if (pairs.deals.length) {
    const rows = await db.all<{ customerId: string; title: string }>(sql`
      SELECT d.customer_id AS customerId, d.title FROM json_each(${jsonList(pairs.deals)}) AS k
      CROSS JOIN deals AS d ON d.customer_id = k.value ->> 0 AND d.title = k.value ->> 1`)
    for (const d of rows) lookups.dealKeys.add(`${d.customerId}|${d.title}`)
  }
  if (noteKeys.length) {
    const rows = await db.all<{ key: string }>(sql`
      SELECT source_message_id AS key FROM interactions
      WHERE workspace_id = ${workspaceId} AND source_platform = 'import'
        AND source_message_id IN (SELECT value FROM json_each(${jsonList(noteKeys)}))`)
    for (const n of rows) lookups.noteKeys.add(n.key)
  }
  return lookups
}

async function customersByKey(db: SqlRunner, workspaceId: string, keys: string[]) {
  const found = new Map<string, CustomerRef>()
  if (!keys.length) return found
  // Oldest first, so of two live customers stored under one key before keys were unique, the first wins.
  const rows = await db.all<CustomerRef & { key: string }>(sql`
    SELECT id, name, owner_user_id AS ownerUserId, normalized_name AS key FROM customers
    WHERE workspace_id = ${workspaceId} AND status != 'archived'
      AND normalized_name IN (SELECT value FROM json_each(${jsonList(keys)}))
    ORDER BY id DESC`)
  for (const c of rows) found.set(c.key, { id: c.id, name: c.name, ownerUserId: c.ownerUserId })
  return found
}

async function customersByAlias(db: SqlRunner, workspaceId: string, aliasKeys: string[]) {
  const found = new Map<string, CustomerRef>()
  if (!aliasKeys.length) return found
  const rows = await db.all<CustomerRef & { aliasKey: string }>(sql`
    SELECT a.alias_key AS aliasKey, c.id, c.name, c.owner_user_id AS ownerUserId
    FROM customer_aliases AS a JOIN customers AS c ON c.id = a.customer_id
    WHERE a.workspace_id = ${workspaceId} AND c.status != 'archived'
      AND a.alias_key IN (SELECT value FROM json_each(${jsonList(aliasKeys)}))`)
  for (const c of rows) found.set(c.aliasKey, { id: c.id, name: c.name, ownerUserId: c.ownerUserId })
  return found
}

const unique = (values: string[]) => [...new Set(values)]
