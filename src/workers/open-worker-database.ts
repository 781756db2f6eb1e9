import { createClient } from '@libsql/client/web'
import { drizzle as drizzleD1 } from 'drizzle-orm/d1'
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql/web'
import type { CrmDb } from '../db/database.ts'
import * as schema from '../db/schema.ts'
import { allowRawSqlInD1Batch } from './d1-raw-sql-batch.ts'
import type { WorkerStore } from './worker-env.ts'

/**
 * The drizzle database over D1 or remote libSQL. Migrations are not applied here: D1 gets them from
 * `wrangler d1 migrations apply`, Turso from `crm migrate` (or the Node server) pointed at its URL.
 */
export function openWorkerDatabase(store: WorkerStore): CrmDb {
  if (store.kind === 'libsql') {
    // The web client speaks HTTP/WebSocket only: no native module, so it bundles for Workers.
    const client = createClient({ url: store.url, authToken: store.authToken })
    return drizzleLibsql(client, { schema })
  }
  // drizzle's D1 database has the libSQL one's query and `batch` surface (both run a batch as one
  // transaction); the core is typed against libSQL's, see CrmDb.
  return allowRawSqlInD1Batch(drizzleD1(store.binding, { schema }), store.binding) as unknown as CrmDb
}
