import type { Log, WaitUntil } from '../chat/chat-bot.ts'
import { type ChatSender, ClaimLapsedError } from '../chat/chat-message.ts'
import type { CrmDb } from '../db/database.ts'
import { newId } from '../db/database.ts'
import { type ClaimedMessage, claimMessages, recordFailure, recordSentMany } from './outbox-store.ts'

/** Waits after the 1st, 2nd, … failed attempt; after the last the row is `failed` for good. */
export const OUTBOX_RETRY_DELAYS_MS: readonly number[] = [5_000, 30_000, 120_000, 600_000]

export interface OutboxDispatcherDeps {
  db: CrmDb
  /** Senders by platform; read at send time, so bots may register after the dispatcher is made. */
  senders: ReadonlyMap<string, ChatSender>
  log: Log
  now: () => Date
  /** Where a kicked round runs: Workers' `ctx.waitUntil`, or the tracked background work on Node. */
  waitUntil: WaitUntil
  /** The lease owner's name; default a fresh id per dispatcher (per process). */
  owner?: string
  /** How long a claim holds before another process may resend the row. Default 60 s. */
  leaseMs?: number
  /** Most rows claimed per round (one per chat). Default 500: more at once queue inside the Slack client long enough for its timeout to resend a post. */
  batchSize?: number
}

/** Sends the outbox: claims due rows, hands each to its platform's sender, records what happened. */
export interface OutboxDispatcher {
  /** Starts a round now (in `waitUntil`), or one more after the running one: call after enqueueing. */
  kick(): void
  /** One round; resolves to the number of rows it claimed. */
  dispatchOnce(): Promise<number>
  /** Rounds until a round claims nothing (a Workers cron tick, a test). Resolves to the rows claimed. */
  drain(): Promise<number>
  /** Polls every `pollMs` (Node): picks up retries, rows due later and rows of processes that died. */
  start(pollMs?: number): void
  /** No new rounds; resolves once the running one has recorded its sends (seconds at most). */
  stop(): Promise<void>
}

export function createOutboxDispatcher(deps: OutboxDispatcherDeps): OutboxDispatcher {
  const owner = deps.owner ?? newId()
  const leaseMs = deps.leaseMs ?? 60_000
  const batchSize = deps.batchSize ?? 500
  let running: Promise<void> | null = null
  let again = false
  let stopped = false
  let timer: ReturnType<typeof setInterval> | undefined

  const recorder = createSentRecorder(deps.db, () => deps.now().getTime())

  async function deliver(message: ClaimedMessage, notAfter: number): Promise<void> {
    const sender = deps.senders.get(message.target.platform)
    if (!sender) {
      await recordFailure(deps.db, message.id, `no sender for platform ${message.target.platform}`, null)
      return
    }
    try {
      const earlier = message.unconfirmed ? await findEarlierSend(sender, message) : undefined
      const sent =
        earlier ??
        (await sender.send(message.target, message.reply, { dedupeKey: message.dedupeKey, notAfter }))
      await recorder.record(message.id, typeof sent === 'string' ? sent : undefined)
    } catch (error) {
      if (error instanceof ClaimLapsedError) {
        // Not sent: whoever holds the row now sends it, or the next claim after the lease does.
        deps.log('outbox.claim_lapsed', { id: message.id, key: message.dedupeKey })
        return
      }
      const delay = OUTBOX_RETRY_DELAYS_MS[message.attempts - 1]
      const retryAt = delay === undefined ? null : deps.now().getTime() + delay
      deps.log('outbox.send_failed', {
        id: message.id,
        key: message.dedupeKey,
        attempt: message.attempts,
        retryAt,
        error: String(error),
      })
      await recordFailure(deps.db, message.id, String(error), retryAt)
    }
  }

  /** The platform's id of an earlier send of this row, when the platform can tell; a failed look-up is no. */
  async function findEarlierSend(sender: ChatSender, message: ClaimedMessage) {
    try {
      return await sender.findSent?.(message.target, message.dedupeKey, message.createdAt)
    } catch (error) {
      deps.log('outbox.lookup_failed', { id: message.id, error: String(error) })
      return undefined
    }
  }

  async function dispatchOnce(): Promise<number> {
    const now = deps.now().getTime()
    const pulledPlatforms = [...deps.senders.values()].filter((s) => s.pulled).map((s) => s.platform)
    const claimed = await claimMessages(deps.db, { owner, now, leaseMs, limit: batchSize, pulledPlatforms })
    // A margin before the lease ends: a send that starts must be over before another process may take over.
    // On the real clock, which is what the sender checks it against (`now` may be a test's fixed one).
    const notAfter = Date.now() + leaseMs * 0.75
    await Promise.all(claimed.map((message) => deliver(message, notAfter)))
    return claimed.length
  }

  async function loop(): Promise<void> {
    try {
      do {
        again = false
        while (!stopped && (await dispatchOnce()) > 0) {}
      } while (again && !stopped)
    } finally {
      running = null
    }
  }

  return {
    kick() {
      if (stopped) return
      if (running) {
        again = true
        return
      }
      running = loop()
      deps.waitUntil(running)
    },
    dispatchOnce,
    async drain() {
      let total = 0
      for (let n = await dispatchOnce(); n > 0; n = await dispatchOnce()) total += n
      return total
    },
    start(pollMs = 2_000) {
      timer = setInterval(() => this.kick(), pollMs)
      // Node: the poll alone must not keep a process alive. Workers' timers have no unref.
      ;(timer as { unref?: () => void }).unref?.()
      this.kick()
    },
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}

/**
 * Records sends that finish in the same event-loop turn with one UPDATE: hundreds of chats answered in a
 * round would otherwise be hundreds of write transactions, each waiting for the file's lock when another
 * process writes too.
 */
function createSentRecorder(db: CrmDb, now: () => number) {
  let waiting: { id: string; platformMessageId: string | undefined }[] = []
  let flushing: Promise<void> | null = null
  function flush(): Promise<void> {
    flushing ??= new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
      const batch = waiting
      waiting = []
      flushing = null
      await recordSentMany(db, batch, now())
    })
    return flushing
  }
  return {
    record(id: string, platformMessageId: string | undefined): Promise<void> {
      waiting.push({ id, platformMessageId })
      return flush()
    },
  }
}
