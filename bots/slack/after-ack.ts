import type { WaitUntil } from '../../src/chat/chat-bot.ts'

/**
 * The next turn of the event loop, after its I/O: setImmediate on Node; Workers has none, and a zero
 * timeout does the same there.
 */
const nextTurn: (run: () => void) => void =
  typeof globalThis.setImmediate === 'function' ? (run) => setImmediate(run) : (run) => setTimeout(run, 0)

/**
 * Work waiting for the next turn, one queue per `waitUntil`. The Node server has one `waitUntil`, so all its
 * events share a turn; a Worker gets one per request, and a request must not wait on a turn another request
 * scheduled (Workers cancels it as hung), so each request keeps its own.
 */
const queues = new WeakMap<WaitUntil, (() => void)[]>()

function runQueued(waitUntil: WaitUntil) {
  const batch = queues.get(waitUntil) ?? []
  queues.delete(waitUntil)
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
      const queued = queues.get(waitUntil) ?? []
      queues.set(waitUntil, queued)
      queued.push(async () => {
        try {
          resolve(await work())
        } catch (error) {
          reject(error)
        }
      })
      if (queued.length === 1) nextTurn(() => runQueued(waitUntil))
    }),
  )
}
