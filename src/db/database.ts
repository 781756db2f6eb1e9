import type { LibSQLDatabase } from 'drizzle-orm/libsql'
import { encodeTime, monotonicFactory } from 'ulid'
import type * as schema from './schema.ts'

/**
 * The drizzle database the core works on. libSQL (Node, Turso) and D1 (Workers) expose the same query and
 * `batch` surface for everything the core uses, so the core is typed against the libSQL one.
 */
export type CrmDb = LibSQLDatabase<typeof schema>

// The stock PRNG calls getRandomValues once per character; drawing from a pooled buffer makes an id
// ~10× cheaper, which shows on the webhook path that mints one per stored message.
const pool = new Uint8Array(4096)
let poolAt = pool.length
function pooledRandom(): number {
  if (poolAt >= pool.length) {
    crypto.getRandomValues(pool)
    poolAt = 0
  }
  return (pool[poolAt++] ?? 0) / 256
}

const nextUlid = monotonicFactory(pooledRandom)

/** A new time-sortable id (ULID): ordering by id is ordering by creation, which keyset paging relies on. */
export function newId(): string {
  return nextUlid()
}

/** The smallest id minted at `at`: `id >= idFloor(at)` is "created since", read off the primary key. */
export function idFloor(at: Date): string {
  return `${encodeTime(at.getTime(), 10)}${'0'.repeat(16)}`
}
