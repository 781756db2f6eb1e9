import { entityKind } from 'drizzle-orm'
import type { DrizzleD1Database } from 'drizzle-orm/d1'

interface RawQuery {
  getQuery(): { sql: string; params: unknown[] }
  mapResult(result: unknown, isFromBatch?: boolean): unknown
}

const isRawSql = (item: object): item is RawQuery =>
  (item.constructor as { [entityKind]?: string })[entityKind] === 'SQLiteRaw'

/**
 * Lets `db.batch` take raw `db.run(sql…)` items on D1 as it does on libSQL. drizzle's D1 session binds each
 * item's prepared D1 statement, which a raw SQL item does not have, and throws "Cannot read properties of
 * undefined (reading 'bind')" (drizzle-orm issue #2277, open). The core batches raw statements where a
 * query builder cannot say it (INSERT … SELECT for audit rows, the outbox's json_each insert), so each such
 * item is handed over with a statement prepared on the binding; builder items pass through untouched.
 */
export function allowRawSqlInD1Batch<T extends DrizzleD1Database<Record<string, unknown>>>(
  db: T,
  binding: D1Database,
): T {
  const batch = db.batch.bind(db)
  db.batch = ((items: object[]) =>
    batch(
      items.map((item) => {
        if (!isRawSql(item)) return item
        const prepared = {
          getQuery: () => item.getQuery(),
          stmt: binding.prepare(item.getQuery().sql),
          mapResult: (result: unknown, isFromBatch?: boolean) => item.mapResult(result, isFromBatch),
        }
        return { _prepare: () => prepared }
      }) as never,
    )) as T['batch']
  return db
}
