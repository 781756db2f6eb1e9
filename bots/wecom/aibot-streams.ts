import type { Log } from '../../src/chat/chat-bot.ts'
import type { Reply } from '../../src/chat/chat-message.ts'

interface StreamEntry {
  reply: Reply | null
  done: boolean
  /** Resolves once WeCom has fetched the finished stream. */
  delivered: Promise<void>
  markDelivered: () => void
}

export interface AibotStreamsOptions {
  /** How long a finished answer waits for WeCom's next stream refresh before going to `response_url`. */
  fallbackMs: number
  /** POSTs a reply to a message's `response_url`. */
  postToResponseUrl: (url: string, reply: Reply) => Promise<void>
  log: Log
}

/**
 * Streamed answers in AI bot callback mode. The first passive reply opens a stream; WeCom then keeps calling
 * back with `msgtype: stream` to fetch more, for up to six minutes, and shows whatever each answer holds.
 * When WeCom stops asking before the answer is ready, the answer goes to the message's `response_url`.
 * Streams live in memory: after a restart a refresh is answered from the stored reply instead.
 */
export function createAibotStreams(options: AibotStreamsOptions) {
  const streams = new Map<string, StreamEntry>()

  return {
    /** Opens stream `id` for `work`; the returned promise (for `waitUntil`) ends once the answer is out. */
    async open(id: string, work: Promise<Reply | null>, responseUrl: string | undefined): Promise<void> {
      let markDelivered = () => {}
      const delivered = new Promise<void>((resolve) => {
        markDelivered = resolve
      })
      const entry: StreamEntry = { reply: null, done: false, delivered, markDelivered }
      streams.set(id, entry)
      try {
        entry.reply = await work
      } finally {
        entry.done = true
      }
      let timer: ReturnType<typeof setTimeout> | undefined
      const waited = await Promise.race([
        delivered.then(() => 'delivered' as const),
        new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), options.fallbackMs)
        }),
      ])
      clearTimeout(timer)
      streams.delete(id)
      if (waited === 'delivered' || !entry.reply) return
      if (!responseUrl) return options.log('wecom.aibot_undelivered', { streamId: id })
      await options.postToResponseUrl(responseUrl, entry.reply)
    },

    /** A stream refresh: the finished reply (and the stream closes), `pending`, or `unknown` for a stale id. */
    poll(id: string): { state: 'finished'; reply: Reply | null } | { state: 'pending' | 'unknown' } {
      const entry = streams.get(id)
      if (!entry) return { state: 'unknown' }
      if (!entry.done) return { state: 'pending' }
      entry.markDelivered()
      streams.delete(id)
      return { state: 'finished', reply: entry.reply }
    },
  }
}
