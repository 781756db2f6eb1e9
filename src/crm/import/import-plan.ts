import { newId } from '../../db/database.ts'
import type { auditLog } from '../../db/schema.ts'
import { auditRow } from '../audit.ts'
import type { ConsentRow } from '../consents.ts'
import type { ContactRow } from '../contacts.ts'
import type { Actor } from '../crm-context.ts'
import type { CustomerRow } from '../customers.ts'
import { type DealRow, STAGE_PROBABILITY } from '../deals.ts'
import type { InteractionRow } from '../interactions.ts'
import type { ImportKind } from './import-columns.ts'
import { type CustomerRef, findCustomer, type ImportLookups } from './import-lookups.ts'
import type {
  ContactRecord,
  CustomerRecord,
  DealRecord,
  ImportRecord,
  InteractionRecord,
} from './import-records.ts'
import type { Parsed } from './import-values.ts'

/** Rows an import will insert, collected for the next batch. */
export interface PlannedRows {
  customers: CustomerRow[]
  contacts: ContactRow[]
  deals: DealRow[]
  interactions: InteractionRow[]
  consents: ConsentRow[]
  audit: (typeof auditLog.$inferSelect)[]
}

/** No rows yet: what a batch is planned into. */
export const emptyPlan = (): PlannedRows => ({
  customers: [],
  contacts: [],
  deals: [],
  interactions: [],
  consents: [],
  audit: [],
})

/** What a row comes to: new records, a record already there (named by `as`), or a rejection. */
export type RowOutcome =
  | { kind: 'created' }
  | { kind: 'present'; as: string }
  | { kind: 'rejected'; reason: string }

export interface PlanContext {
  actor: Actor
  now: Date
  importId: string
  line: number
  /** Read for this row's batch; the planner adds what it creates, for the rows after it. */
  lookups: ImportLookups
  /** The row's note key (`noteKey`), for an interaction. */
  noteKey?: string | undefined
  out: PlannedRows
}

type Planner<R extends ImportRecord> = (record: R, context: PlanContext) => RowOutcome

const CREATED: RowOutcome = { kind: 'created' }

/**
 * Plans one record as the rows it adds: a customer that exists (same name key or alias) is matched, not
 * duplicated; so are a contact with the same phone or name at its customer, a deal of the same title at
 * its customer and a note with the same key. Nothing that exists is changed. New rows go into
 * `context.out`, each with its audit row.
 */
const PLANNERS: { [K in ImportKind]: Planner<Extract<ImportRecord, { kind: K }>> } = {
  customers(record: CustomerRecord, context) {
    const existing = findCustomer(context.lookups, record.customer)
    if (existing) return { kind: 'present', as: existing.name }
    if (!record.owner.ok) return rejected(record.owner)
    addCustomer(record, record.owner.value, context, { industry: record.industry, tags: record.tags })
    return CREATED
  },
  contacts(record: ContactRecord, context) {
    const customer = customerFor(record, context)
    if (!customer.ok) return rejected(customer)
    const { lookups, actor, now, out } = context
    const known =
      record.phones.map((p) => lookups.contactByPhone.get(p)).find(Boolean) ??
      lookups.contactByName.get(`${customer.value.id}|${record.key}`)
    if (known) return { kind: 'present', as: `${record.name} @ ${customer.value.name}` }
    const row: ContactRow = {
      id: newId(),
      workspaceId: actor.workspaceId,
      customerId: customer.value.id,
      name: record.name,
      normalizedName: record.key,
      title: record.title,
      phones: record.phones,
      email: record.email,
      wechatId: record.wechatId,
      createdAt: now,
      updatedAt: now,
    }
    out.contacts.push(row)
    auditCreated(context, 'contact', row)
    for (const p of row.phones) lookups.contactByPhone.set(p, row.id)
    lookups.contactByName.set(`${row.customerId}|${row.normalizedName}`, row.id)
    if (record.consent) {
      const consent: ConsentRow = {
        id: newId(),
        workspaceId: actor.workspaceId,
        contactId: row.id,
        channel: 'marketing',
        status: record.consent,
        basis: `import ${context.importId} line ${context.line}`,
        recordedByUserId: actor.userId,
        recordedAt: now,
      }
      out.consents.push(consent)
      auditCreated(context, 'consent', consent)
    }
    return CREATED
  },
  deals(record: DealRecord, context) {
    const customer = customerFor(record, context)
    if (!customer.ok) return rejected(customer)
    const { actor, now, out, lookups } = context
    const key = `${customer.value.id}|${record.title}`
    if (lookups.dealKeys.has(key)) return { kind: 'present', as: `${record.title} @ ${customer.value.name}` }
    const closed = record.stage === 'won' || record.stage === 'lost'
    const row: DealRow = {
      id: newId(),
      workspaceId: actor.workspaceId,
      customerId: customer.value.id,
      title: record.title,
      amountMinor: record.amountMinor,
      currency: record.currency,
      stage: record.stage,
      probability: STAGE_PROBABILITY[record.stage],
      expectedClose: record.expectedClose,
      ownerUserId: (record.owner.ok && record.owner.value) || customer.value.ownerUserId,
      closedAt: closed ? now : null,
      // No stage history is written for an imported deal, so it has not "moved".
      stageChangedAt: null,
      createdAt: now,
      updatedAt: now,
    }
    out.deals.push(row)
    auditCreated(context, 'deal', row)
    lookups.dealKeys.add(key)
    return CREATED
  },
  interactions(record: InteractionRecord, context) {
    const customer = customerFor(record, context)
    if (!customer.ok) return rejected(customer)
    const { actor, now, out, lookups, noteKey } = context
    if (!noteKey) throw new Error('an imported note is planned with its key')
    if (lookups.noteKeys.has(noteKey))
      return { kind: 'present', as: `the same note at ${customer.value.name}` }
    const row: InteractionRow = {
      id: newId(),
      workspaceId: actor.workspaceId,
      customerId: customer.value.id,
      contactId: record.contactKey
        ? (lookups.contactByName.get(`${customer.value.id}|${record.contactKey}`) ?? null)
        : null,
      dealId: null,
      authorUserId: (record.owner.ok && record.owner.value) || customer.value.ownerUserId,
      type: record.type,
      rawText: record.text,
      summary: null,
      sentiment: null,
      sentimentScore: null,
      extracted: {},
      occurredAt: record.occurredAt,
      sourcePlatform: 'import',
      sourceMessageId: noteKey,
      enrichmentStatus: 'none',
      enrichmentAttempts: 0,
      enrichmentNextAt: null,
      createdAt: now,
    }
    out.interactions.push(row)
    auditCreated(context, 'interaction', row)
    lookups.noteKeys.add(noteKey)
    return CREATED
  },
}

/** Plans `record` (see `PLANNERS`). */
export function planRecord(record: ImportRecord, context: PlanContext): RowOutcome {
  const planner = PLANNERS[record.kind] as Planner<ImportRecord>
  return planner(record, context)
}

const rejected = (parsed: Parsed<unknown> & { ok: false }): RowOutcome => ({
  kind: 'rejected',
  reason: parsed.reason,
})

/** The row's customer: an existing one by name or alias, else a new one (in the pool unless an owner is named). */
function customerFor(record: ImportRecord, context: PlanContext): Parsed<CustomerRef> {
  const existing = findCustomer(context.lookups, record.customer)
  if (existing) return { ok: true, value: existing }
  if (!record.owner.ok) return record.owner
  return { ok: true, value: addCustomer(record, record.owner.value, context, { industry: null, tags: [] }) }
}

function addCustomer(
  record: ImportRecord,
  ownerUserId: string | null,
  context: PlanContext,
  extra: { industry: string | null; tags: string[] },
): CustomerRef {
  const { name, key } = record.customer
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
  const customer = { id: row.id, name, ownerUserId }
  context.lookups.customerByKey.set(key, customer)
  return customer
}

/** The audit row of a record the import creates, written in the same transaction as the record. */
function auditCreated(context: PlanContext, entityType: string, row: { id: string }) {
  const { actor, now, out } = context
  out.audit.push(
    auditRow(actor, actor.workspaceId, { action: 'create', entityType, entityId: row.id, after: row }, now),
  )
}
