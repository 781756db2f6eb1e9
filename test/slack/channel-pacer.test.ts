import { describe, expect, it } from 'vitest'
import { createChannelPacer } from '../../bots/slack/channel-pacer.ts'

describe('channel pacer', () => {
  it('spaces messages to one channel about a second apart, and does not hold back other channels', async () => {
    const pacer = createChannelPacer({ log: () => {} })
    const start = performance.now()
    const sentAt: Record<string, number[]> = { C1: [], C2: [] }
    const send = (channel: 'C1' | 'C2') =>
      pacer.run(channel, async () => void sentAt[channel]?.push(performance.now() - start))
    await Promise.all([send('C1'), send('C1'), send('C2'), send('C1')])
    const [a = 0, b = 0, c = 0] = sentAt.C1 ?? []
    expect(b - a).toBeGreaterThanOrEqual(990)
    expect(c - b).toBeGreaterThanOrEqual(990)
    expect(sentAt.C2?.[0]).toBeLessThan(100)
  })

  it('passes on errors that are not rate limits at once, and keeps the lane going', async () => {
    const pacer = createChannelPacer({ log: () => {}, intervalMs: 0 })
    let calls = 0
    await expect(
      pacer.run('C1', async () => {
        calls++
        throw Object.assign(new Error('channel_not_found'), { code: 'slack_webapi_platform_error' })
      }),
    ).rejects.toThrow('channel_not_found')
    expect(calls).toBe(1)
    expect(await pacer.run('C1', async () => 'next')).toBe('next')
  })
})
