import { ErrorCode } from '@slack/web-api'
import type { Log } from '../../src/chat/chat-bot.ts'

export interface PacerOptions {
  /**
   * Least time between two messages to one channel. Slack allows about one message a second per channel
   * (bursts are tolerated briefly, then answered with 429). Default 1,000 ms.
   */
  intervalMs?: number
  /** 429s in a row before a send gives up and throws. Default 3. */
  maxRateLimitRetries?: number
  log: Log
  /** How the pacer waits; tests may pass a recording one. Default: a timer. */
  sleep?: (ms: number) => Promise<void>
}

/** Runs Web API calls one at a time per channel, spaced out, waiting out Slack's `Retry-After` on a 429. */
export interface ChannelPacer {
  run<T>(channelKey: string, call: () => Promise<T>): Promise<T>
}

interface Lane {
  tail: Promise<unknown>
  /** performance.now() before which the next call to this channel waits. */
  nextAt: number
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export function createChannelPacer(options: PacerOptions): ChannelPacer {
  const interval = options.intervalMs ?? 1000
  const maxRetries = options.maxRateLimitRetries ?? 3
  const sleep = options.sleep ?? defaultSleep
  const lanes = new Map<string, Lane>()

  async function paced<T>(lane: Lane, channelKey: string, call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const wait = lane.nextAt - performance.now()
      if (wait > 0) await sleep(wait)
      lane.nextAt = performance.now() + interval
      try {
        return await call()
      } catch (error) {
        const retryAfter = retryAfterSeconds(error)
        if (retryAfter === null || attempt >= maxRetries) throw error
        options.log('slack.rate_limited', { channel: channelKey, retryAfter, attempt: attempt + 1 })
        lane.nextAt = performance.now() + retryAfter * 1000
      }
    }
  }

  /** Drops a channel's lane once nothing is queued and its interval has passed, so lanes do not pile up. */
  function forgetWhenIdle(channelKey: string, lane: Lane, tail: Promise<unknown>): void {
    if (lane.tail !== tail) return
    const timer = setTimeout(
      () => lane.tail === tail && lanes.get(channelKey) === lane && lanes.delete(channelKey),
      Math.max(0, lane.nextAt - performance.now()),
    )
    // Node: an idle lane must not keep the process alive. Workers' timers have no unref.
    timer.unref?.()
  }

  return {
    run(channelKey, call) {
      const lane = lanes.get(channelKey) ?? { tail: Promise.resolve(), nextAt: 0 }
      lanes.set(channelKey, lane)
      const result = lane.tail.then(() => paced(lane, channelKey, call))
      const tail = result.then(
        () => {},
        () => {},
      )
      lane.tail = tail
      void tail.then(() => forgetWhenIdle(channelKey, lane, tail))
      return result
    },
  }
}

/** Seconds to wait when `error` is the Web API client's rate-limit error, else null. */
function retryAfterSeconds(error: unknown): number | null {
  const e = error as { code?: string; retryAfter?: number }
  return e?.code === ErrorCode.RateLimitedError && typeof e.retryAfter === 'number' ? e.retryAfter : null
}
