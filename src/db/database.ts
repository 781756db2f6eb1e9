import type { LibSQLDatabase } from 'drizzle-orm/libsql'
import { monotonicFactory } from 'ulid'
import type * as schema from './schema.ts'

/**
 * The drizzle database the core works on. libSQL (Node, Turso) and D1 (Workers) expose the same query and
 * `batch` surface for everything the core uses, so the core is typed against the libSQL one.
 */
export type CrmDb = LibSQLDatabase<typeof schema>

const nextUlid = monotonicFactory()

/** A new time-sortable id (ULID): ordering by id is ordering by creation, which keyset paging relies on. */
export function newId(): string {
  return nextUlid()
}
