import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Clock } from '../../bots/wecom/rate-limit-queue.ts'
import { createWebhookSender } from '../../bots/wecom/webhook-sender.ts'
import type { Reply } from '../../src/chat/chat-message.ts'
import { type FakeWecomApi, startFakeWecomApi } from './fake-wecom-api.ts'

/** A clock whose sleeps jump time forward at once, so the rate limiter's minute passes instantly. */
function createFakeClock(start = 0): Clock & { sleeps: number[] } {
  let now = start
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => now,
    async sleep(ms) {
      sleeps.push(ms)
      now += ms
    },
  }
}

const reply = (n: number): Reply => ({ text: `⏰ 提醒 ${n}`, intent: 'reminder_due', data: null })

let api: FakeWecomApi
let clock: ReturnType<typeof createFakeClock>
beforeEach(async () => {
  clock = createFakeClock()
  api = await startFakeWecomApi({ now: clock.now })
})
afterEach(() => api.close())

describe('消息推送 webhook sender', () => {
  it('sends at most 20 a minute per robot, queueing the rest instead of dropping them', async () => {
    const sender = createWebhookSender({
      webhookUrl: api.webhookUrl,
      keys: { groupA: 'key-a', groupB: 'key-a', groupC: 'key-c' },
      clock,
    })
    const pushes = Array.from({ length: 45 }, (_, n) => sender.push(n % 2 ? 'groupA' : 'groupB', reply(n)))
    pushes.push(sender.push('groupC', reply(99)))
    await Promise.all(pushes)

    const robotA = api.callsTo('/cgi-bin/webhook/send').filter((c) => c.query.get('key') === 'key-a')
    expect(robotA).toHaveLength(45)
    expect(robotA.map((c) => c.body.markdown.content)).toEqual(
      Array.from({ length: 45 }, (_, n) => `⏰ 提醒 ${n}`),
    )
    const minute = (start: number) => robotA.filter((c) => c.at >= start && c.at < start + 60_000).length
    expect([minute(0), minute(60_000), minute(120_000)]).toEqual([20, 20, 5])
    for (let i = 20; i < robotA.length; i++)
      expect((robotA[i]?.at ?? 0) - (robotA[i - 20]?.at ?? 0)).toBeGreaterThanOrEqual(60_000)
    // Another robot has its own allowance: it was not held up behind robot A.
    expect(api.callsTo('/cgi-bin/webhook/send').find((c) => c.query.get('key') === 'key-c')?.at).toBe(0)
  })

  it('keeps the queue going after a failed push and says which chat has no robot', async () => {
    const sender = createWebhookSender({ webhookUrl: `${api.url}/nowhere`, keys: { g: 'k' }, clock })
    await expect(sender.push('g', reply(1))).rejects.toThrow(/404/)
    await expect(sender.push('unknown', reply(2))).rejects.toThrow(/no webhook robot key/)
    const working = createWebhookSender({ webhookUrl: api.webhookUrl, keys: { g: 'k' }, clock })
    await working.push('g', reply(3))
    expect(api.callsTo('/cgi-bin/webhook/send')).toHaveLength(1)
  })
})
