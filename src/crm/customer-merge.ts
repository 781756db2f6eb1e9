import { and, eq, inArray } from 'drizzle-orm'
import { newId } from '../db/database.ts'
import {
  contacts,
  customerAliases,
  customerMerges,
  customers,
  deals,
  interactions,
  type MergeMoved,
  reminders,
} from '../db/schema.ts'
import { auditInsert } from './audit.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CrmError } from './crm-error.ts'
import { getCustomer } from './customers.ts'
import { advanceLastContact, recomputeLastContact } from './last-touch.ts'
import { newAliasRow } from './matching/customer-aliases.ts'

export type CustomerMergeRow = typeof customerMerges.$inferSelect

// The tables whose rows hang on a customer and move with it, each with its customer column.
const MOVABLE = { contacts, deals, interactions, reminders, aliases: customerAliases } as const

/**
 * Merges one customer into another: its contacts, deals, interactions, reminders and aliases move to the
 * survivor, its name becomes the survivor's alias, and it is archived. One batch with its audit row; the
 * ids of what moved are kept so `undoMerge` can put every row back.
 */
export async function mergeCustomers(
  crm: CrmContext,
  actor: Actor,
  input: { survivorId: string; mergedId: string },
): Promise<CustomerMergeRow> {
  if (input.survivorId === input.mergedId)
    throw new CrmError('invalid', `cannot merge customer "${input.mergedId}" into itself`)
  const survivor = await getCustomer(crm, actor, input.survivorId)
  const merged = await getCustomer(crm, actor, input.mergedId)
  for (const c of [survivor, merged])
    if (c.status === 'archived')
      throw new CrmError(
        'conflict',
        `customer 「${c.name}」 is archived (already merged?); expected an active one`,
      )
  const ids = async (table: (typeof MOVABLE)[keyof typeof MOVABLE]) =>
    (await crm.db.select({ id: table.id }).from(table).where(eq(table.customerId, merged.id))).map(
      (r) => r.id,
    )
  const alias = newAliasRow(crm, actor.workspaceId, survivor.id, merged.name, 'merge')
  const moved: MergeMoved = {
    contacts: await ids(contacts),
    deals: await ids(deals),
    interactions: await ids(interactions),
    reminders: await ids(reminders),
    aliases: await ids(customerAliases),
    createdAliases: [alias.id],
  }
  const now = crm.now()
  const row: CustomerMergeRow = {
    id: newId(),
    workspaceId: actor.workspaceId,
    survivorId: survivor.id,
    mergedId: merged.id,
    mergedStatus: merged.status,
    moved,
    actorUserId: actor.userId,
    mergedAt: now,
    undoneAt: null,
  }
  const move = (table: (typeof MOVABLE)[keyof typeof MOVABLE]) =>
    crm.db.update(table).set({ customerId: survivor.id }).where(eq(table.customerId, merged.id))
  await crm.db.batch([
    crm.db.insert(customerAliases).values(alias),
    ...Object.values(MOVABLE).map(move),
    crm.db.update(customers).set({ status: 'archived', updatedAt: now }).where(eq(customers.id, merged.id)),
    // The other customer's notes now count towards when this one was last worked.
    advanceLastContact(crm.db, [survivor.id]),
    crm.db.insert(customerMerges).values(row),
    auditInsert(
      crm.db,
      actor,
      actor.workspaceId,
      { action: 'merge', entityType: 'customer', entityId: survivor.id, before: merged, after: row },
      now,
    ),
  ])
  return row
}

/** Undoes a merge: every moved row goes back, the alias it made goes, the merged customer is restored. */
export async function undoMerge(crm: CrmContext, actor: Actor, mergeId: string): Promise<CustomerMergeRow> {
  const [merge] = await crm.db
    .select()
    .from(customerMerges)
    .where(and(eq(customerMerges.id, mergeId), eq(customerMerges.workspaceId, actor.workspaceId)))
  if (!merge) throw new CrmError('not_found', `no merge with id "${mergeId}"`)
  if (merge.undoneAt) throw new CrmError('conflict', `merge "${mergeId}" was already undone`)
  await getCustomer(crm, actor, merge.survivorId)
  const now = crm.now()
  const back = (table: (typeof MOVABLE)[keyof typeof MOVABLE], moved: string[]) =>
    chunks(moved).map((part) =>
      crm.db.update(table).set({ customerId: merge.mergedId }).where(inArray(table.id, part)),
    )
  const undone = { ...merge, undoneAt: now }
  await crm.db.batch([
    crm.db
      .update(customers)
      .set({ status: merge.mergedStatus, updatedAt: now })
      .where(eq(customers.id, merge.mergedId)),
    ...back(contacts, merge.moved.contacts),
    ...back(deals, merge.moved.deals),
    ...back(interactions, merge.moved.interactions),
    ...back(reminders, merge.moved.reminders),
    ...back(customerAliases, merge.moved.aliases),
    ...chunks(merge.moved.createdAliases).map((part) =>
      crm.db.delete(customerAliases).where(inArray(customerAliases.id, part)),
    ),
    recomputeLastContact(crm.db, [merge.survivorId]),
    crm.db.update(customerMerges).set({ undoneAt: now }).where(eq(customerMerges.id, merge.id)),
    auditInsert(
      crm.db,
      actor,
      actor.workspaceId,
      { action: 'unmerge', entityType: 'customer', entityId: merge.survivorId, before: merge, after: undone },
      now,
    ),
  ])
  return undone
}

// SQLite caps the variables of one statement; a customer with many notes moves back in parts.
function chunks(ids: string[], size = 500): string[][] {
  const out: string[][] = []
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size))
  return out
}
