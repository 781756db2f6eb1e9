import { sql } from 'drizzle-orm'
import type { CrmDb } from '../db/database.ts'
import { newId } from '../db/database.ts'
import { auditLog } from '../db/schema.ts'
import type { Actor } from './crm-context.ts'

export interface AuditEntry {
  action:
    | 'create'
    | 'update'
    | 'delete'
    | 'role_change'
    | 'claim'
    | 'return_to_pool'
    | 'sign_in_link'
    | 'sign_in'
    | 'merge'
    | 'unmerge'
    | 'erase'
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
  return db.insert(auditLog).values(auditRow(actor, workspaceId, entry, at))
}

/** The audit row itself, for bulk writes (an import) that insert many rows in one statement. */
export function auditRow(
  actor: Pick<Actor, 'userId' | 'workspaceId'> | null,
  workspaceId: string,
  entry: AuditEntry,
  at: Date,
): typeof auditLog.$inferSelect {
  return {
    id: newId(),
    workspaceId,
    actorUserId: actor?.userId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    at,
  }
}

/**
 * Like `auditInsert`, but written only when the statement just before it in the same batch changed a row
 * (SQLite's `changes()`): a compare-and-set that lost its race leaves no audit row claiming it won.
 */
export function auditIfChanged(
  db: CrmDb,
  actor: Pick<Actor, 'userId' | 'workspaceId'> | null,
  workspaceId: string,
  entry: AuditEntry,
  at: Date,
) {
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v))
  return db.run(sql`INSERT INTO audit_log (id, workspace_id, actor_user_id, action, entity_type, entity_id, before, after, at)
    SELECT ${newId()}, ${workspaceId}, ${actor?.userId ?? null}, ${entry.action}, ${entry.entityType},
      ${entry.entityId}, ${json(entry.before)}, ${json(entry.after)}, ${at.getTime()}
    WHERE changes() > 0`)
}
