/** Time as the rate limiter sees it; tests pass a fake one so a minute passes instantly. */
export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

/** Real time. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}

export interface RateLimit {
  /** Calls allowed per window; the group robot allows 20. */
  limit: number
  /** Window length in ms; the group robot's is a minute. */
  windowMs: number
}

/**
 * Runs work one at a time, at most `limit` starts in any `windowMs`: a call over the limit waits its turn
 * instead of failing, so a burst of reminders is delayed, never dropped. A failed call does not stop the
 * ones queued behind it.
 */
export function createRateLimitedQueue(rate: RateLimit, clock: Clock = systemClock) {
  const starts: number[] = []
  let tail: Promise<unknown> = Promise.resolve()

  async function waitForSlot(): Promise<void> {
    for (;;) {
      const now = clock.now()
      while (starts.length > 0 && (starts[0] ?? 0) <= now - rate.windowMs) starts.shift()
      if (starts.length < rate.limit) {
        starts.push(now)
        return
      }
      await clock.sleep((starts[0] ?? now) + rate.windowMs - now)
    }
  }

  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      const result = tail.then(waitForSlot).then(work)
      tail = result.catch(() => undefined)
      return result
    },
  }
}
