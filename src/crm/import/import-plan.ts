import { and, eq, ne } from 'drizzle-orm'
import { newId } from '../../db/database.ts'
import { type auditLog, contacts, customerAliases, customers, users } from '../../db/schema.ts'
import { auditRow } from '../audit.ts'
import type { ConsentRow } from '../consents.ts'
import type { ContactRow } from '../contacts.ts'
import type { Actor, CrmContext } from '../crm-context.ts'
import type { CustomerRow } from '../customers.ts'
import { type DealRow, STAGE_PROBABILITY } from '../deals.ts'
import type { InteractionRow } from '../interactions.ts'
import { companyKey } from '../matching/company-key.ts'
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

/** What the workspace already holds, by the keys an imported row is matched on; grows as rows are planned. */
export interface ImportLookups {
  customerByName: Map<string, { id: string; name: string; ownerUserId: string | null }>
  customerByAlias: Map<string, string>
  userByName: Map<string, string>
  contactByPhone: Map<string, string>
  contactByName: Map<string, string>
}

/** Rows an import will insert, collected for the next batch. */
export interface PlannedRows {
  customers: CustomerRow[]
  contacts: ContactRow[]
  deals: DealRow[]
  interactions: InteractionRow[]
  consents: ConsentRow[]
  audit: (typeof auditLog.$inferInsert)[]
}

export const emptyPlan = (): PlannedRows => ({
  customers: [],
  contacts: [],
  deals: [],
  interactions: [],
  consents: [],
  audit: [],
})

export type RowOutcome =
  | { kind: 'created'; entity: ImportKind }
  | { kind: 'merged'; into: string }
  | { kind: 'rejected'; reason: string }

export async function loadLookups(crm: CrmContext, workspaceId: string): Promise<ImportLookups> {
  const customerRows = await crm.db
    .select({
      id: customers.id,
      name: customers.name,
      key: customers.normalizedName,
      owner: customers.ownerUserId,
    })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), ne(customers.status, 'archived')))
  const aliasRows = await crm.db
    .select()
    .from(customerAliases)
    .where(eq(customerAliases.workspaceId, workspaceId))
  const userRows = await crm.db.select().from(users).where(eq(users.workspaceId, workspaceId))
  const contactRows = await crm.db
    .select({
      id: contacts.id,
      customerId: contacts.customerId,
      key: contacts.normalizedName,
      phones: contacts.phones,
    })
    .from(contacts)
    .where(eq(contacts.workspaceId, workspaceId))
  return {
    customerByName: new Map(
      customerRows.map((c) => [c.key, { id: c.id, name: c.name, ownerUserId: c.owner }]),
    ),
    customerByAlias: new Map(aliasRows.map((a) => [a.aliasKey, a.customerId])),
    userByName: new Map(
      userRows.flatMap((u) => [
        [u.displayName.toLowerCase(), u.id],
        [u.platformUserId.toLowerCase(), u.id],
      ]),
    ),
    contactByPhone: new Map(contactRows.flatMap((c) => c.phones.map((p) => [p, c.id] as [string, string]))),
    contactByName: new Map(contactRows.map((c) => [`${c.customerId}|${c.key}`, c.id])),
  }
}

export interface PlanContext {
  actor: Actor
  now: Date
  importId: string
  line: number
  lookups: ImportLookups
  out: PlannedRows
}

type Planner = (values: string[], columns: ColumnMap, context: PlanContext) => RowOutcome

/**
 * Reads one row of a file as the rows it adds: a customer that exists (same name or alias) is merged
 * into, not duplicated; a contact that exists at its customer (same phone, same name) likewise. Rows go
 * into `context.out` with their audit rows; a bad cell rejects the whole row with the reason.
 */
export const PLANNERS: Record<ImportKind, Planner> = {
  customers(values, columns, context) {
    const name = cell(values, columns, 'customer')
    const owner = ownerOf(values, columns, context)
    if (!owner.ok) return rejected(owner)
    const existing = findCustomer(name, context.lookups)
    if (existing) return { kind: 'merged', into: existing.name }
    const industry = cell(values, columns, 'industry') || null
    const tags = cell(values, columns, 'tags')
      .split(/[,，;；、|]/)
      .map((s) => s.trim())
      .filter(Boolean)
    const customer = addCustomer(name, owner.value, context, { industry, tags })
    return customer
      ? { kind: 'created', entity: 'customers' }
      : { kind: 'rejected', reason: 'customer name is empty' }
  },
  contacts(values, columns, context) {
    const name = cell(values, columns, 'contact')
    if (!normalizePersonName(name)) return { kind: 'rejected', reason: 'contact name is empty' }
    const phones: string[] = []
    for (const raw of cell(values, columns, 'phone')
      .split(/[,，;；/、]/)
      .filter((p) => p.trim())) {
      const phone = normalizePhone(raw)
      if (!phone)
        return {
          kind: 'rejected',
          reason: `phone "${raw}" is not a valid number (expected e.g. 138 0013 8000)`,
        }
      phones.push(phone)
    }
    const emailText = cell(values, columns, 'email')
    if (emailText && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(emailText))
      return { kind: 'rejected', reason: `email "${emailText}" is not an email address` }
    const consent = parseConsent(cell(values, columns, 'consent'))
    if (!consent.ok) return rejected(consent)
    const customer = customerFor(values, columns, context)
    if (!customer.ok) return rejected(customer)
    const { lookups, actor, now, out } = context
    const key = normalizePersonName(name)
    const known =
      phones.map((p) => lookups.contactByPhone.get(p)).find(Boolean) ??
      lookups.contactByName.get(`${customer.value.id}|${key}`)
    if (known) return { kind: 'merged', into: `${name} @ ${customer.value.name}` }
    const row: ContactRow = {
      id: newId(),
      workspaceId: actor.workspaceId,
      customerId: customer.value.id,
      name,
      normalizedName: key,
      title: cell(values, columns, 'title') || null,
      phones,
      email: emailText ? normalizeEmail(emailText) : null,
      wechatId: cell(values, columns, 'wechat') || null,
      createdAt: now,
      updatedAt: now,
    }
    out.contacts.push(row)
    auditCreated(context, 'contact', row)
    for (const p of phones) lookups.contactByPhone.set(p, row.id)
    lookups.contactByName.set(`${row.customerId}|${key}`, row.id)
    if (consent.value) {
      const record: ConsentRow = {
        id: newId(),
        workspaceId: actor.workspaceId,
        contactId: row.id,
        channel: 'marketing',
        status: consent.value,
        basis: `import ${context.importId} line ${context.line}`,
        recordedByUserId: actor.userId,
        recordedAt: now,
      }
      out.consents.push(record)
      auditCreated(context, 'consent', record)
    }
    return { kind: 'created', entity: 'contacts' }
  },
  deals(values, columns, context) {
    const title = cell(values, columns, 'deal')
    if (!title) return { kind: 'rejected', reason: 'deal name is empty' }
    const stage = parseStage(cell(values, columns, 'stage'))
    if (!stage.ok) return rejected(stage)
    const amount = parseAmount(cell(values, columns, 'amount'), cell(values, columns, 'currency'))
    if (!amount.ok) return rejected(amount)
    const close = parseCloseDate(cell(values, columns, 'expectedClose'))
    if (!close.ok) return rejected(close)
    const owner = ownerOf(values, columns, context)
    if (!owner.ok) return rejected(owner)
    const customer = customerFor(values, columns, context)
    if (!customer.ok) return rejected(customer)
    const { actor, now, out } = context
    const closed = stage.value === 'won' || stage.value === 'lost'
    const row: DealRow = {
      id: newId(),
      workspaceId: actor.workspaceId,
      customerId: customer.value.id,
      title,
      amountMinor: toMinorUnits(amount.value.amount, amount.value.currency),
      currency: amount.value.currency,
      stage: stage.value,
      probability: STAGE_PROBABILITY[stage.value],
      expectedClose: close.value,
      ownerUserId: owner.value ?? customer.value.ownerUserId,
      closedAt: closed ? now : null,
      // No stage history is written for an imported deal, so it has not "moved".
      stageChangedAt: null,
      createdAt: now,
      updatedAt: now,
    }
    out.deals.push(row)
    auditCreated(context, 'deal', row)
    return { kind: 'created', entity: 'deals' }
  },
  interactions(values, columns, context) {
    const text = cell(values, columns, 'text')
    if (!text) return { kind: 'rejected', reason: 'note text is empty' }
    const type = parseInteractionType(cell(values, columns, 'type'))
    if (!type.ok) return rejected(type)
    const at = parseDate(cell(values, columns, 'occurredAt'), context.actor.timeZone, context.now)
    if (!at.ok) return rejected(at)
    const owner = ownerOf(values, columns, context)
    if (!owner.ok) return rejected(owner)
    const customer = customerFor(values, columns, context)
    if (!customer.ok) return rejected(customer)
    const { actor, now, out, lookups } = context
    const contactName = normalizePersonName(cell(values, columns, 'contact'))
    const row: InteractionRow = {
      id: newId(),
      workspaceId: actor.workspaceId,
      customerId: customer.value.id,
      contactId: contactName
        ? (lookups.contactByName.get(`${customer.value.id}|${contactName}`) ?? null)
        : null,
      dealId: null,
      authorUserId: owner.value ?? customer.value.ownerUserId,
      type: type.value,
      rawText: text,
      summary: null,
      sentiment: null,
      sentimentScore: null,
      extracted: {},
      occurredAt: at.value,
      sourcePlatform: 'import',
      sourceMessageId: `${context.importId}:${context.line}`,
      enrichmentStatus: 'none',
      enrichmentAttempts: 0,
      enrichmentNextAt: null,
      createdAt: now,
    }
    out.interactions.push(row)
    auditCreated(context, 'interaction', row)
    return { kind: 'created', entity: 'interactions' }
  },
}

const rejected = (parsed: Parsed<unknown> & { ok: false }): RowOutcome => ({
  kind: 'rejected',
  reason: parsed.reason,
})

function findCustomer(name: string, lookups: ImportLookups) {
  const byName = lookups.customerByName.get(normalizeCompanyName(name))
  if (byName) return byName
  const aliasOf = lookups.customerByAlias.get(companyKey(name))
  return aliasOf ? [...lookups.customerByName.values()].find((c) => c.id === aliasOf) : undefined
}

/** The row's customer: an existing one by name or alias, else a new one (in the pool unless an owner is named). */
function customerFor(
  values: string[],
  columns: ColumnMap,
  context: PlanContext,
): Parsed<{ id: string; name: string; ownerUserId: string | null }> {
  const name = cell(values, columns, 'customer')
  const existing = findCustomer(name, context.lookups)
  if (existing) return { ok: true, value: existing }
  const owner = ownerOf(values, columns, context)
  if (!owner.ok) return owner
  const created = addCustomer(name, owner.value, context, { industry: null, tags: [] })
  return created ? { ok: true, value: created } : { ok: false, reason: 'customer name is empty' }
}

function addCustomer(
  name: string,
  ownerUserId: string | null,
  context: PlanContext,
  extra: { industry: string | null; tags: string[] },
) {
  const key = normalizeCompanyName(name)
  if (!key) return undefined
  const { actor, now, out } = context
  const row: CustomerRow = {
    id: newId(),
    workspaceId: actor.workspaceId,
    name,
    normalizedName: key,
    industry: extra.industry,
    ownerUserId,
    tags: extra.tags,
    status: 'active',
    // Rows without an owner go to the 公海, where any rep may claim them.
    inPool: ownerUserId === null,
    liveNameKey: key,
    ownedSince: ownerUserId ? now : null,
    poolReturnedAt: null,
    lastOwnerUserId: null,
    lastContactAt: now,
    createdAt: now,
    updatedAt: now,
  }
  out.customers.push(row)
  auditCreated(context, 'customer', row)
  const entry = { id: row.id, name, ownerUserId }
  context.lookups.customerByName.set(key, entry)
  return entry
}

function ownerOf(values: string[], columns: ColumnMap, context: PlanContext): Parsed<string | null> {
  const owner = cell(values, columns, 'owner')
  if (!owner) return { ok: true, value: null }
  const id = context.lookups.userByName.get(owner.toLowerCase())
  return id
    ? { ok: true, value: id }
    : { ok: false, reason: `owner "${owner}" is not a user of this workspace` }
}

/** The audit row of a record the import creates, written in the same transaction as the record. */
function auditCreated(context: PlanContext, entityType: string, row: { id: string }) {
  const { actor, now, out } = context
  out.audit.push(
    auditRow(actor, actor.workspaceId, { action: 'create', entityType, entityId: row.id, after: row }, now),
  )
}
