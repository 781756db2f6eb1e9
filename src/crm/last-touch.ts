import { eq, max, sql } from 'drizzle-orm'
import type { CrmDb } from '../db/database.ts'
import { jsonList, type SqlRunner } from '../db/insert-rows.ts'
import { customers, interactions } from '../db/schema.ts'

/**
 * A subquery of each customer's latest interaction (`customerId`, `at`), to left-join onto customers:
 * going-cold lists, nudges and the 公海 clock all ask "when was this customer last worked". `workspaceId`
 * narrows the scan when the caller looks at one workspace.
 */
export function lastTouchByCustomer(db: CrmDb, alias: string, workspaceId?: string) {
  return db
    .select({ customerId: interactions.customerId, at: max(interactions.occurredAt).as(`${alias}_at`) })
    .from(interactions)
    .where(workspaceId ? eq(interactions.workspaceId, workspaceId) : undefined)
    .groupBy(interactions.customerId)
    .as(alias)
}

/** The customer row's latest interaction, inside an UPDATE of `customers`. */
const LATEST_INTERACTION = sql`(select max(${interactions.occurredAt}) from ${interactions} where ${interactions.customerId} = ${customers.id})`

/**
 * Moves each customer's last contact forward to its latest interaction, never back: after interactions
 * arrived in bulk (an import into existing customers, a merge bringing the other customer's notes).
 */
export function advanceLastContact(db: SqlRunner, customerIds: readonly string[]) {
  return db.run(sql`UPDATE ${customers}
    SET last_contact_at = max(coalesce(last_contact_at, 0), coalesce(${LATEST_INTERACTION}, 0))
    WHERE id IN (SELECT value FROM json_each(${jsonList(customerIds)}))`)
}

/**
 * Sets each customer's last contact to its latest interaction, or to its creation when it has none: after
 * interactions went away (a merge undone), and for customers an import created with their history, whose
 * last contact is the newest note of it, not the day of the import.
 */
export function recomputeLastContact(db: SqlRunner, customerIds: readonly string[]) {
  return db.run(sql`UPDATE ${customers}
    SET last_contact_at = coalesce(${LATEST_INTERACTION}, created_at)
    WHERE id IN (SELECT value FROM json_each(${jsonList(customerIds)}))`)
}

/**
 * After an import's notes: a customer the import created (at `importedAt`) gets its newest note as its last
 * contact, since imported history is not a contact made today; one that existed moves forward to it.
 */
export function settleImportedLastContact(db: SqlRunner, customerIds: readonly string[], importedAt: Date) {
  return db.run(sql`UPDATE ${customers}
    SET last_contact_at = CASE WHEN created_at >= ${importedAt.getTime()}
      THEN coalesce(${LATEST_INTERACTION}, created_at)
      ELSE max(coalesce(last_contact_at, 0), coalesce(${LATEST_INTERACTION}, 0)) END
    WHERE id IN (SELECT value FROM json_each(${jsonList(customerIds)}))`)
}
