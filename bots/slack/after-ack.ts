import type { WaitUntil } from '../../src/chat/chat-bot.ts'

/**
 * The next turn of the event loop, after its I/O: setImmediate on Node; Workers has none, and a zero
 * timeout does the same there.
 */
const nextTurn: (run: () => void) => void =
  typeof globalThis.setImmediate === 'function' ? (run) => setImmediate(run) : (run) => setTimeout(run, 0)

let queued: (() => void)[] = []

function runQueued() {
  const batch = queued
  queued = []
  for (const run of batch) run()
}

/**
 * Starts `work` on the next turn, once every ack of this turn is written, and hands it to `waitUntil`. The
 * store acknowledges a whole batch of events at once; started at once, the first event's understanding
 * (database reads and writes that run on this thread) would delay the acks of the rest of the batch. One
 * scheduled turn serves every event of a batch.
 */
export function afterAck(waitUntil: WaitUntil, work: () => Promise<unknown>): void {
  waitUntil(
    new Promise<unknown>((resolve, reject) => {
      queued.push(async () => {
        try {
          resolve(await work())
        } catch (error) {
          reject(error)
        }
      })
      if (queued.length === 1) nextTurn(runQueued)
    }),
  )
}
