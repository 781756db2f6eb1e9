import { afterEach, describe, expect, it } from 'vitest'
import { appMention, BOT_USER, CHANNEL } from './slack-fixtures.ts'
import { createSlackTestApp, type SlackTestApp } from './slack-test-app.ts'

let s: SlackTestApp
afterEach(() => s.close())

describe('Slack rate limits', () => {
  it('waits out a 429 for its Retry-After and then delivers the reply', async () => {
    s = await createSlackTestApp()
    s.fake.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    })
    await s.event(appMention())
    await s.crm.settle()
    const [limited, delivered, ...more] = s.fake.callsTo('chat.postMessage')
    expect(more).toHaveLength(0)
    expect(delivered!.at - limited!.at).toBeGreaterThanOrEqual(990)
    expect(delivered?.body.text).toMatch(/已记录/)
    expect(s.crm.events.find((e) => e.event === 'slack.rate_limited')?.fields).toMatchObject({
      retryAfter: 1,
    })
  })

  it('keeps to about one message a second per channel', async () => {
    s = await createSlackTestApp({ bot: { pacing: {} } })
    for (const customer of ['华为', '腾讯', '阿里'])
      await s.event(appMention({ text: `<@${BOT_USER}> 今天给${customer}王总打了电话` }))
    await s.crm.settle()
    // Arrival times at the fake: the pacer spaces the sends, and a busy test machine may add jitter.
    const times = s.fake.callsTo('chat.postMessage').map((c) => c.at)
    expect(times).toHaveLength(3)
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(900)
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(900)
    expect(new Set(s.fake.callsTo('chat.postMessage').map((c) => c.body.channel))).toEqual(new Set([CHANNEL]))
  })
})
