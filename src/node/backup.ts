import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { createClient } from '@libsql/client'
import { sql } from 'drizzle-orm'
import type { CrmDb } from '../db/database.ts'

/**
 * Writes a consistent snapshot of the open database to `file` with `VACUUM INTO`: one read transaction, so
 * writes that land meanwhile are either wholly in it or not at all, and the server keeps writing. An
 * encrypted database is snapshotted encrypted with the same key. Refuses to overwrite a file.
 */
export async function backupDatabase(db: CrmDb, file: string): Promise<{ file: string; bytes: number }> {
  const target = resolve(file)
  if (existsSync(target)) throw new Error(`backup file "${target}" already exists; expected a new path`)
  mkdirSync(dirname(target), { recursive: true })
  await db.run(sql`VACUUM INTO ${target}`)
  return { file: target, bytes: statSync(target).size }
}

/**
 * Replaces the database at `url` (a `file:` URL) with a backup, after checking the backup opens with the
 * key and passes `PRAGMA integrity_check`. The server must be stopped: its open connection would keep the
 * old file. The file is copied beside the target and renamed over it, so a failed copy leaves the old one.
 */
export async function restoreDatabase(
  database: { url: string; encryptionKey?: string | undefined },
  file: string,
): Promise<{ customers: number }> {
  if (!database.url.startsWith('file:'))
    throw new Error(
      `restore needs a file: DATABASE_URL, got "${database.url}"; restore a remote one with its own tools`,
    )
  const source = resolve(file)
  if (!existsSync(source)) throw new Error(`backup file "${source}" does not exist`)
  const check = createClient({
    url: `file:${source}`,
    ...(database.encryptionKey && { encryptionKey: database.encryptionKey }),
  })
  let customers: number
  try {
    const integrity = await check.execute('PRAGMA integrity_check')
    const verdict = String(integrity.rows[0]?.[0] ?? '')
    if (verdict !== 'ok') throw new Error(`backup "${source}" fails the integrity check: ${verdict}`)
    customers = Number((await check.execute('select count(*) from customers')).rows[0]?.[0] ?? 0)
  } catch (error) {
    throw new Error(
      `backup "${source}" cannot be read (wrong DATABASE_ENCRYPTION_KEY?): ${(error as Error).message}`,
    )
  } finally {
    check.close()
  }
  const target = resolve(database.url.slice('file:'.length))
  mkdirSync(dirname(target), { recursive: true })
  const staging = `${target}.restoring`
  copyFileSync(source, staging)
  // The old WAL belongs to the old file: replayed onto the restored one it would corrupt it.
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true })
  renameSync(staging, target)
  return { customers }
}

const SNAPSHOT = /^crm-(\d{8}T\d{6}Z)\.db$/

/** The snapshot file name for an instant: `crm-20261118T020000Z.db`, which sorts by time. */
export function snapshotName(at: Date): string {
  return `crm-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')}.db`
}

/** Snapshots in `dir`, oldest first. */
export function listSnapshots(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => SNAPSHOT.test(f))
    .sort()
}

/** Takes today's snapshot unless one younger than a day exists, then deletes all but the newest `keep`. */
export async function runDailyBackup(
  db: CrmDb,
  options: { dir: string; keep: number; now: () => Date },
): Promise<string | null> {
  const now = options.now()
  const newest = listSnapshots(options.dir).at(-1)
  const newestAt = newest ? snapshotTime(newest) : 0
  let taken: string | null = null
  if (now.getTime() - newestAt >= DAY_MS - SLACK_MS) {
    taken = (await backupDatabase(db, join(options.dir, snapshotName(now)))).file
  }
  const all = listSnapshots(options.dir)
  for (const old of all.slice(0, Math.max(0, all.length - options.keep))) rmSync(join(options.dir, old))
  return taken
}

const DAY_MS = 86_400_000
// A snapshot taken a few minutes short of a day ago still counts as yesterday's: timers drift.
const SLACK_MS = 10 * 60_000
const CHECK_EVERY_MS = 60 * 60_000

function snapshotTime(name: string): number {
  const stamp = SNAPSHOT.exec(name)?.[1] ?? ''
  const iso = stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z')
  return Date.parse(iso) || 0
}

/** Runs `runDailyBackup` now and every hour after, until `stop()`; failures are logged, never thrown. */
export function startDailyBackups(
  db: CrmDb,
  options: {
    dir: string
    keep: number
    now: () => Date
    log: (event: string, fields?: Record<string, unknown>) => void
  },
): { stop: () => void } {
  const tick = () =>
    runDailyBackup(db, options)
      .then((file) => file && options.log('backup.taken', { file }))
      .catch((error) => options.log('backup.failed', { error: String(error) }))
  void tick()
  const timer = setInterval(tick, CHECK_EVERY_MS)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
