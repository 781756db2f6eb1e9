import { eq } from 'drizzle-orm'
import type { CrmDb } from '../db/database.ts'
import { serverSecrets } from '../db/schema.ts'

const NAME = 'session'

/**
 * The key that signs session cookies: `SESSION_SECRET` when configured, else one made on first use and kept
 * in `server_secrets`, so a restart (or a second instance on the same database) keeps everyone signed in.
 * Two instances racing on first use both read back the one row that won the insert.
 */
export function createSessionSecret(db: CrmDb, configured: string | undefined): () => Promise<string> {
  let secret: Promise<string> | undefined
  return () => {
    secret ??= configured ? Promise.resolve(configured) : loadOrCreate(db)
    // A failed read (database busy at start) is retried on the next request rather than remembered.
    secret.catch(() => {
      secret = undefined
    })
    return secret
  }
}

async function loadOrCreate(db: CrmDb): Promise<string> {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  const fresh = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  await db
    .insert(serverSecrets)
    .values({ name: NAME, value: fresh, createdAt: new Date() })
    .onConflictDoNothing()
  const [row] = await db.select().from(serverSecrets).where(eq(serverSecrets.name, NAME))
  if (!row) throw new Error('server_secrets: the session secret vanished after insert')
  return row.value
}
