import type { CrmDb } from '../db/database.ts'
import { newId } from '../db/database.ts'
import { auditLog } from '../db/schema.ts'
import type { Actor } from './crm-context.ts'

export interface AuditEntry {
  action: 'create' | 'update' | 'delete' | 'role_change' | 'claim' | 'sign_in_link' | 'sign_in'
  entityType: string
  entityId: string
  before?: unknown
  after?: unknown
}

/**
 * The insert of one audit row, not yet run: callers put it in the same `batch` as the change it records,
 * so a change and its audit row are committed together or not at all.
 */
export function auditInsert(
  db: CrmDb,
  actor: Pick<Actor, 'userId' | 'workspaceId'> | null,
  workspaceId: string,
  entry: AuditEntry,
  at: Date,
) {
  return db.insert(auditLog).values({
    id: newId(),
    workspaceId,
    actorUserId: actor?.userId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    at,
  })
}
