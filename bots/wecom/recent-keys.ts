/**
 * A bounded set of recently seen keys: button presses carry no message id for the durable inbound store to
 * dedup, and WeCom redelivers a callback it got no answer to within 5 s. Oldest keys fall out first.
 */
export function createRecentKeys(capacity = 1000) {
  const seen = new Set<string>()
  return {
    /** True the first time a key is seen (and remembers it); false for a repeat. */
    firstTime(key: string): boolean {
      if (seen.has(key)) return false
      seen.add(key)
      if (seen.size > capacity) seen.delete(seen.values().next().value as string)
      return true
    },
  }
}
