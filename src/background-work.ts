import type { Log, WaitUntil } from './chat/chat-bot.ts'

/**
 * `waitUntil` for runtimes without one (Node): runs work after the response, logs its failures, and lets
 * tests and shutdown wait until everything started has finished.
 */
export function createBackgroundWork(log: Log): { waitUntil: WaitUntil; settle: () => Promise<void> } {
  const running = new Set<Promise<unknown>>()
  return {
    waitUntil(work) {
      const tracked = work
        .catch((error) => log('background.error', { error: String(error), stack: (error as Error)?.stack }))
        .finally(() => running.delete(tracked))
      running.add(tracked)
    },
    async settle() {
      while (running.size > 0) await Promise.all([...running])
    },
  }
}
