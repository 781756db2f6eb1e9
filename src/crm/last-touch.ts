import { eq, max } from 'drizzle-orm'
import type { CrmDb } from '../db/database.ts'
import { interactions } from '../db/schema.ts'

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
