import type { CrmDb } from '../db/database.ts'
import { seenDeliveries } from '../db/schema.ts'

/**
 * De-duplication in the store for platform deliveries the inbound store cannot key (a WeCom button press
 * carries no message id of its own): the first insert of a key wins, across restarts and instances alike.
 */
export function createSeenDeliveries(db: CrmDb, now: () => Date) {
  return {
    /** True the first time `key` is seen (and records it); false for a redelivery or a replay. */
    async firstTime(key: string): Promise<boolean> {
      const inserted = await db
        .insert(seenDeliveries)
        .values({ key, seenAt: now() })
        .onConflictDoNothing()
        .returning({ key: seenDeliveries.key })
      return inserted.length > 0
    },
  }
}

/** The de-duplication a bot is handed. */
export type SeenDeliveries = ReturnType<typeof createSeenDeliveries>
