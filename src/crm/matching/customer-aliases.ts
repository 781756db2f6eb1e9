import { and, eq, inArray } from 'drizzle-orm'
import { newId } from '../../db/database.ts'
import { customerAliases } from '../../db/schema.ts'
import type { CrmContext } from '../crm-context.ts'
import { companyKey } from './company-key.ts'

export type CustomerAliasRow = typeof customerAliases.$inferSelect

/** An alias row, not yet written: merges and imports put it in the batch of the change that made it. */
export function newAliasRow(
  crm: CrmContext,
  workspaceId: string,
  customerId: string,
  alias: string,
  source: CustomerAliasRow['source'],
): CustomerAliasRow {
  return {
    id: newId(),
    workspaceId,
    customerId,
    alias,
    aliasKey: companyKey(alias),
    source,
    createdAt: crm.now(),
  }
}

/** Customer ids of a workspace that go by one of these company keys. */
export async function customerIdsByAliasKeys(
  crm: CrmContext,
  workspaceId: string,
  keys: string[],
): Promise<CustomerAliasRow[]> {
  if (keys.length === 0) return []
  return crm.db
    .select()
    .from(customerAliases)
    .where(and(eq(customerAliases.workspaceId, workspaceId), inArray(customerAliases.aliasKey, keys)))
}

/** Every alias of a workspace, grouped by customer id (for dedup, which compares all customers). */
export async function aliasKeysByCustomer(
  crm: CrmContext,
  workspaceId: string,
): Promise<Map<string, string[]>> {
  const rows = await crm.db
    .select({ customerId: customerAliases.customerId, key: customerAliases.aliasKey })
    .from(customerAliases)
    .where(eq(customerAliases.workspaceId, workspaceId))
  const out = new Map<string, string[]>()
  for (const row of rows) out.set(row.customerId, [...(out.get(row.customerId) ?? []), row.key])
  return out
}
