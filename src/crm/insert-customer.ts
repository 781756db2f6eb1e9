import { and, eq, sql } from 'drizzle-orm'
import { newId } from '../db/database.ts'
import { customers } from '../db/schema.ts'
import type { Actor, CrmContext } from './crm-context.ts'

type CustomerRow = typeof customers.$inferSelect

/**
 * Inserts a new live customer unless one with its name key is live in the workspace, in one batch with its
 * audit row: the INSERT skips on the unique (workspace, live name key) index, and the audit row is written
 * only if the customer row is there, so two messages racing to create one customer make one, audited once.
 * Returns the customer that holds the name afterwards, and whether it is the one just made.
 */
export async function insertCustomerOnce(
  ctx: CrmContext,
  actor: Pick<Actor, 'userId' | 'workspaceId'>,
  row: CustomerRow,
): Promise<{ customer: CustomerRow; created: boolean }> {
  const [inserted] = await ctx.db.batch([
    ctx.db.insert(customers).values(row).onConflictDoNothing().returning({ id: customers.id }),
    // The audit row as an INSERT … SELECT from the customer just written: no customer, no audit row.
    ctx.db.run(sql`INSERT INTO audit_log
        (id, workspace_id, actor_user_id, action, entity_type, entity_id, before, after, at)
      SELECT ${newId()}, ${row.workspaceId}, ${actor.userId}, 'create', 'customer', ${row.id}, NULL,
        ${JSON.stringify(row)}, ${row.createdAt.getTime()}
      FROM customers WHERE id = ${row.id}`),
  ])
  if (inserted.length > 0) return { customer: row, created: true }
  const [existing] = await ctx.db
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, row.workspaceId), eq(customers.liveNameKey, row.liveNameKey ?? '')))
  if (!existing) throw new Error(`customer ${row.name} was neither inserted nor found`)
  return { customer: existing, created: false }
}

/** The name key a customer holds while live: its normalized name, or null once archived. */
export function liveNameKeyOf(customer: Pick<CustomerRow, 'status' | 'normalizedName'>): string | null {
  return customer.status === 'archived' ? null : customer.normalizedName
}
