/** Waits after the 1st, 2nd, … failed enrichment attempt; after the last one the note keeps its offline reading. */
export const ENRICH_RETRY_DELAYS_MS: readonly number[] = [
  60_000, // 1 min
  5 * 60_000, // 5 min
  30 * 60_000, // 30 min
  2 * 3_600_000, // 2 h
  12 * 3_600_000, // 12 h
]

/**
 * When to try enriching a note again after `attempts` failed attempts (counting the one that just
 * failed): 1 min, 5 min, 30 min, 2 h, 12 h, then `null` (give up). `attempts` below 1 means "now".
 * Only for retryable failures; a non-retryable one gives up at once.
 */
export function nextEnrichAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts < 1) return new Date(now.getTime())
  const delay = ENRICH_RETRY_DELAYS_MS[Math.floor(attempts) - 1]
  return delay === undefined ? null : new Date(now.getTime() + delay)
}
