import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { type Client, createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import type { CrmDb } from '../db/database.ts'
import * as schema from '../db/schema.ts'

const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations')

export interface OpenDatabaseOptions {
  /** `file:./data/crm.db`, `:memory:`, or a `libsql://` / `https://` URL. */
  url: string
  authToken?: string | undefined
  /** Encrypts a `file:` database at rest; a copy of the file without the key reads as noise. */
  encryptionKey?: string | undefined
  /**
   * Checkpoint the WAL from a worker thread instead of inside whichever commit crosses 1,000 pages, which
   * stalls the serving thread 7-15 ms every few thousand notes (what set the webhook's p99). For the
   * long-running server; one-off commands and tests keep SQLite's automatic checkpoints.
   */
  checkpointInBackground?: boolean
}

/** How long a write waits for another connection's (or process's) write to finish. */
const BUSY_TIMEOUT_MS = 5000

/** Opens the database (creating a file's folder), sets WAL for files, and applies pending migrations. */
export async function openDatabase(
  options: OpenDatabaseOptions,
): Promise<{ db: CrmDb; client: Client; close: () => void }> {
  const isFile = options.url.startsWith('file:')
  if (isFile) mkdirSync(dirname(options.url.slice('file:'.length)), { recursive: true })
  // The busy timeout as a client option, not only a PRAGMA: the client keeps a pool of connections and a
  // PRAGMA reaches one of them, so another process writing to the file made the rest fail at once.
  const client = createClient({
    url: options.url,
    authToken: options.authToken,
    timeout: BUSY_TIMEOUT_MS,
    ...(options.encryptionKey && { encryptionKey: options.encryptionKey }),
  })
  if (isFile) {
    // WAL lets the web chat read while a note is being written; busy_timeout rides out a concurrent writer.
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
    await client.execute('PRAGMA synchronous = NORMAL')
  }
  await client.execute('PRAGMA foreign_keys = ON')
  const db = drizzle(client, { schema })
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
  const checkpointer =
    isFile && options.checkpointInBackground
      ? await startCheckpointer(client, options.url, options.encryptionKey)
      : null
  return {
    db,
    client,
    close: () => {
      checkpointer?.stop()
      client.close()
    },
  }
}

const CHECKPOINT_INTERVAL_MS = 500

async function startCheckpointer(client: Client, url: string, encryptionKey: string | undefined) {
  await client.execute('PRAGMA wal_autocheckpoint = 0')
  const worker = new Worker(new URL('./wal-checkpoint-worker.mjs', import.meta.url), {
    workerData: { url, encryptionKey, intervalMs: CHECKPOINT_INTERVAL_MS },
  })
  worker.unref()
  let stopping = false
  // Should the worker go, SQLite checkpoints by itself again rather than letting the WAL grow without end.
  worker.on('exit', () => {
    if (!stopping) void client.execute('PRAGMA wal_autocheckpoint = 1000').catch(() => {})
  })
  return {
    stop: () => {
      stopping = true
      worker.postMessage('stop')
    },
  }
}
