import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { migrate } from 'drizzle-orm/d1/migrator'
import { getPlatformProxy } from 'wrangler'
import type { CrmDb } from '../../src/db/database.ts'
import { openWorkerDatabase } from '../../src/workers/open-worker-database.ts'

const ROOT = new URL('../..', import.meta.url).pathname

interface LocalD1 {
  db: CrmDb
  /** The app's tables (migrations' bookkeeping and D1's own left out). */
  tables: string[]
  dispose: () => Promise<void>
}

let shared: Promise<LocalD1> | undefined

/**
 * A local D1 database (workerd, through wrangler's `getPlatformProxy` and the `DB` binding in
 * wrangler.toml) with migrations/ applied, opened the way the Worker opens it. Remote bindings are off and
 * request.cf is not downloaded: nothing leaves the machine. Started once per test file (workerd takes
 * seconds to start); see {@link openTestD1} for the per-test reset.
 */
async function startLocalD1(): Promise<LocalD1> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-d1-'))
  process.env.WRANGLER_SEND_METRICS = 'false'
  process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false'
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: join(ROOT, 'wrangler.toml'),
    persist: { path: dir },
    remoteBindings: false,
    envFiles: [],
  })
  const db = openWorkerDatabase({ kind: 'd1', binding: proxy.env.DB })
  // biome-ignore lint/suspicious/noExplicitAny: drizzle's D1 migrator wants its own D1 database type
  await migrate(db as any, { migrationsFolder: join(ROOT, 'migrations') })
  const rows = await db.all<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE '%migrations'`,
  )
  return {
    db,
    tables: rows.map((r) => r.name),
    async dispose() {
      await proxy.dispose()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * The file's local D1 database, emptied: every app table cleared in one batch, foreign keys checked at its
 * commit (when nothing is left to point at). As fresh as a new database for a test, without a new workerd.
 */
export async function openTestD1(): Promise<{ db: CrmDb; close: () => Promise<void> }> {
  shared ??= startLocalD1()
  const { db, tables } = await shared
  await db.batch([
    db.run(sql`PRAGMA defer_foreign_keys = on`),
    ...tables.map((table) => db.run(sql`DELETE FROM ${sql.identifier(table)}`)),
  ] as never)
  return { db, close: async () => {} }
}

/** Stops the file's local D1 (call from `afterAll`). */
export async function closeTestD1(): Promise<void> {
  const started = shared
  shared = undefined
  if (started) await (await started).dispose()
}
