import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from 'drizzle-orm/d1/migrator'
import { getPlatformProxy } from 'wrangler'
import type { CrmDb } from '../../src/db/database.ts'
import { openWorkerDatabase } from '../../src/workers/open-worker-database.ts'

const ROOT = new URL('../..', import.meta.url).pathname

/**
 * A fresh local D1 database (workerd, through wrangler's `getPlatformProxy` and the `DB` binding in
 * wrangler.toml) with migrations/ applied, opened the way the Worker opens it. Remote bindings are off:
 * nothing leaves the machine.
 */
export async function openTestD1(): Promise<{ db: CrmDb; close: () => Promise<void> }> {
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
  return {
    db,
    async close() {
      await proxy.dispose()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
