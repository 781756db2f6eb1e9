import { existsSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import * as schema from '../src/db/schema.ts'

/**
 * Bump when the seeded data changes shape: the cached file is keyed by it. New migrations do not need a
 * bump; they are applied to the cached file when it is opened.
 */
export const SEED_VERSION = 3

export const CUSTOMERS = 100_000
export const DEALS = 100_000
export const INTERACTIONS = 1_000_000
export const REPS = 50
export const TEAMS = 5
/** The bench's clock: Sunday 2026-12-06, noon in Shanghai, so `this week` holds six and a half days. */
export const BENCH_NOW = new Date('2026-12-06T04:00:00.000Z')

const DAY_MS = 86_400_000
const YEAR_MS = 365 * DAY_MS
const NOW_MS = BENCH_NOW.getTime()

/** `h(x, k)`: a cheap deterministic hash of a row number in SQL, so every build seeds the same rows. */
const h = (x: string, k: number) => `((${x} * ${k} + ${k % 9973}) % 4294967291)`
/** A pseudo-random instant offset within `span` ms (a multiple of 1,000,000 ms), in steps of span / 10⁶. */
const within = (x: string, k: number, span: number) => `(${h(x, k)} % 1000000 * ${span / 1_000_000})`
/**
 * A 26-character id like the app's ULIDs (index entries as wide as in production): `01J`, a letter for the
 * table, the row number zero-padded. `sqlId` is the same in SQL.
 */
export const benchId = (table: string, n: number) => `01J${table}${String(n).padStart(22, '0')}`
const sqlId = (table: string, n: string) => `'01J${table}' || printf('%022d', ${n})`
export const WORKSPACE_ID = benchId('W', 1)
/** User ids: the admin 0, manager of team t 1 + t, rep r 100 + r. */
export const USER_IDS = {
  admin: benchId('U', 0),
  manager: (team: number) => benchId('U', 1 + team),
  rep: (r: number) => benchId('U', 100 + r),
}
const rep = (n: string) => sqlId('U', `100 + ${n}`)
/** Rows 0..n-1 of a recursive CTE named `n(i)`. */
const numbers = (n: number) =>
  `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${n - 1})`

/**
 * One workspace (`private`, so a rep sees their own and a manager their team), an admin, 5 managers each
 * over a team of 10 reps; 100,000 customers (2% in the 公海, 6% inactive or archived) created over two
 * years; 1,000,000 interactions over the last year, mostly by the customer's owner; 100,000 deals created
 * over the last year, 57% open, 23% won, 20% lost, 94% in CNY, with a stage history row per change.
 * Everything is generated in SQL (`INSERT … SELECT` over a recursive CTE): seconds rather than minutes.
 */
const SEED_SQL = [
  `INSERT INTO workspaces (id, platform, external_id, name, sharing_mode, created_at)
     VALUES ('${WORKSPACE_ID}', 'bench', 'bench', 'bench', 'private', ${NOW_MS - 2 * YEAR_MS})`,
  `INSERT INTO users (id, workspace_id, platform_user_id, display_name, role, created_at)
     VALUES ('${USER_IDS.admin}', '${WORKSPACE_ID}', 'admin', '管理员', 'admin', ${NOW_MS - 2 * YEAR_MS})`,
  `${numbers(TEAMS)} INSERT INTO teams (id, workspace_id, name, manager_user_id, created_at)
     SELECT ${sqlId('T', 'i')}, '${WORKSPACE_ID}', '销售' || i || '组', ${sqlId('U', '1 + i')}, ${NOW_MS - 2 * YEAR_MS}
     FROM n`,
  `${numbers(TEAMS)} INSERT INTO users (id, workspace_id, platform_user_id, display_name, role, team_id, created_at)
     SELECT ${sqlId('U', '1 + i')}, '${WORKSPACE_ID}', 'm' || i, '经理' || i, 'manager', ${sqlId('T', 'i')},
       ${NOW_MS - 2 * YEAR_MS} FROM n`,
  `${numbers(REPS)} INSERT INTO users (id, workspace_id, platform_user_id, display_name, role, team_id, created_at)
     SELECT ${rep('i')}, '${WORKSPACE_ID}', 'r' || i, '销售' || i, 'rep', ${sqlId('T', `i / ${REPS / TEAMS}`)},
       ${NOW_MS - 2 * YEAR_MS} FROM n`,
  // Customer i is owned by rep i % 50, except every 50th block of 50, which sits unowned in the pool.
  `${numbers(CUSTOMERS)}, c AS (
     SELECT i, (i / ${REPS}) % 50 = 0 AS pooled, ${h('i', 7919)} % 100 AS s,
       ${NOW_MS - 2 * YEAR_MS} + ${within('i', 104729, 2 * YEAR_MS)} AS created FROM n)
   INSERT INTO customers (id, workspace_id, name, normalized_name, owner_user_id, status, in_pool,
       live_name_key, owned_since, last_contact_at, created_at, updated_at)
     SELECT ${sqlId('C', 'i')}, '${WORKSPACE_ID}', '客户' || i || '有限公司', 'kehu' || i,
       CASE WHEN pooled THEN NULL ELSE ${rep(`i % ${REPS}`)} END,
       CASE WHEN s < 4 THEN 'inactive' WHEN s < 6 THEN 'archived' ELSE 'active' END, pooled,
       CASE WHEN s < 4 OR s >= 6 THEN 'kehu' || i END, created, created, created, created
     FROM c`,
  // Ten interactions per customer on average, 90% by its owner, over the last year.
  `${numbers(INTERACTIONS)}, x AS (
     SELECT i, ${h('i', 2654435761)} % ${CUSTOMERS} AS c, ${h('i', 40503)} AS r,
       ${NOW_MS} - ${within('i', 69069, YEAR_MS)} AS at FROM n)
   INSERT INTO interactions (id, workspace_id, customer_id, author_user_id, type, raw_text, sentiment,
       extracted, occurred_at, source_platform, source_message_id, created_at)
     SELECT ${sqlId('I', 'i')}, '${WORKSPACE_ID}', ${sqlId('C', 'c')},
       ${rep(`CASE WHEN r % 10 = 0 THEN (c + 1) % ${REPS} ELSE c % ${REPS} END`)},
       CASE r % 6 WHEN 0 THEN 'call' WHEN 1 THEN 'visit' WHEN 2 THEN 'meeting' WHEN 3 THEN 'message'
         WHEN 4 THEN 'email' ELSE 'note' END,
       '今天给客户' || c || '打了电话,聊了新项目的预算和上线时间,下周再约一次拜访',
       CASE WHEN r % 10 = 1 THEN 'negative' WHEN r % 10 < 5 THEN 'positive' ELSE 'neutral' END,
       '{}', at, 'bench', 'm' || i, at
     FROM x`,
  `UPDATE customers SET last_contact_at = coalesce(
     (SELECT max(occurred_at) FROM interactions WHERE customer_id = customers.id), created_at)`,
  `${numbers(DEALS)}, d AS (
     SELECT i, ${h('i', 2246822519)} % ${CUSTOMERS} AS c, ${h('i', 3266489917)} % 100 AS s,
       ${h('i', 668265263)} % 100 AS cur, ${NOW_MS} - ${within('i', 374761393, YEAR_MS)} AS created,
       ${h('i', 1103515245)} % 1000 AS f FROM n),
   e AS (
     SELECT *, CASE WHEN s < 20 THEN 'lead' WHEN s < 35 THEN 'qualified' WHEN s < 47 THEN 'proposal'
       WHEN s < 57 THEN 'negotiation' WHEN s < 80 THEN 'won' ELSE 'lost' END AS stage FROM d)
   INSERT INTO deals (id, workspace_id, customer_id, title, amount_minor, currency, stage, probability,
       expected_close, owner_user_id, closed_at, created_at, updated_at)
     SELECT ${sqlId('D', 'i')}, '${WORKSPACE_ID}', ${sqlId('C', 'c')}, '商机' || i,
       (1000 + ${h('i', 48271)} % 2000000) * 100,
       CASE WHEN cur < 94 THEN 'CNY' WHEN cur < 98 THEN 'USD' ELSE 'EUR' END, stage,
       CASE stage WHEN 'lead' THEN 10 WHEN 'qualified' THEN 25 WHEN 'proposal' THEN 50
         WHEN 'negotiation' THEN 75 WHEN 'won' THEN 100 ELSE 0 END,
       CASE WHEN stage NOT IN ('won', 'lost') THEN strftime('%Y-%m-%d', (created / 1000) + 90 * 86400, 'unixepoch') END,
       ${rep(`CASE WHEN (c / ${REPS}) % 50 = 0 THEN i % ${REPS} ELSE c % ${REPS} END`)},
       CASE WHEN stage IN ('won', 'lost') THEN created + (${NOW_MS} - created) * f / 1000 END,
       created, created
     FROM e`,
  `INSERT INTO deal_stage_history (id, deal_id, from_stage, to_stage, changed_by_user_id, changed_at)
     SELECT ${sqlId('H', '2 * rowid')}, id, NULL, 'lead', owner_user_id, created_at FROM deals`,
  `INSERT INTO deal_stage_history (id, deal_id, from_stage, to_stage, changed_by_user_id, changed_at)
     SELECT ${sqlId('H', '2 * rowid + 1')}, id, 'lead', stage, owner_user_id,
       coalesce(closed_at, created_at + (${NOW_MS} - created_at) * (${h('rowid', 16807)} % 1000) / 1000)
     FROM deals WHERE stage <> 'lead'`,
  `UPDATE deals SET stage_changed_at = (SELECT max(changed_at) FROM deal_stage_history WHERE deal_id = deals.id)`,
]

export interface SeededFile {
  path: string
  /** Seconds spent seeding now; null when the cached file was reused. */
  seededSeconds: number | null
}

/**
 * The seeded database file, built once and kept in the temp folder under `SEED_VERSION`; `rebuild` (or a
 * missing file) seeds it again. Built under a temporary name and renamed, so an interrupted build is never
 * reused.
 */
export async function seededFile(rebuild: boolean): Promise<SeededFile> {
  const path = join(tmpdir(), `crm-bench-reports-v${SEED_VERSION}.db`)
  if (existsSync(path) && !rebuild) return { path, seededSeconds: null }
  const building = `${path}.building`
  for (const file of [building, `${building}-wal`, `${building}-shm`]) rmSync(file, { force: true })
  const started = performance.now()
  const client = createClient({ url: `file:${building}` })
  try {
    await migrate(drizzle(client, { schema }), { migrationsFolder: 'migrations' })
    // A throwaway file: no journal, no fsync, a big page cache.
    await client.execute('PRAGMA journal_mode = OFF')
    await client.execute('PRAGMA synchronous = OFF')
    await client.execute('PRAGMA cache_size = -1000000')
    for (const statement of SEED_SQL) await client.execute(statement)
  } finally {
    client.close()
  }
  for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true })
  renameSync(building, path)
  return { path, seededSeconds: (performance.now() - started) / 1000 }
}
