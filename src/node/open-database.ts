import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import type { CrmDb } from '../db/database.ts'
import * as schema from '../db/schema.ts'

const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations')

export interface OpenDatabaseOptions {
  /** `file:./data/crm.db`, `:memory:`, or a `libsql://` / `https://` URL. */
  url: string
  authToken?: string | undefined
}

/** Opens the database (creating a file's folder), sets WAL for files, and applies pending migrations. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<{ db: CrmDb; close: () => void }> {
  const isFile = options.url.startsWith('file:')
  if (isFile) mkdirSync(dirname(options.url.slice('file:'.length)), { recursive: true })
  const client = createClient({ url: options.url, authToken: options.authToken })
  if (isFile) {
    // WAL lets the web chat read while a note is being written; busy_timeout rides out a concurrent writer.
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute('PRAGMA busy_timeout = 5000')
    await client.execute('PRAGMA synchronous = NORMAL')
  }
  await client.execute('PRAGMA foreign_keys = ON')
  const db = drizzle(client, { schema })
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
  return { db, close: () => client.close() }
}
