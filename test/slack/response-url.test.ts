import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createResponseUrls, RESPONSE_URL_MAX_USES } from '../../bots/slack/response-url.ts'
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.ts'

let fake: FakeSlackApi
beforeEach(async () => {
  fake = await startFakeSlackApi()
})
afterEach(() => fake.close())

const message = { text: 'hi', blocks: [] }

describe('response_url', () => {
  it('posts JSON to the URL five times, then says no so the caller falls back', async () => {
    let clock = new Date('2026-11-18T02:00:00Z')
    const urls = createResponseUrls({ now: () => clock, log: () => {}, apiUrl: fake.apiUrl })
    const url = fake.responseUrl()
    urls.issued(url, clock)
    for (let i = 0; i < RESPONSE_URL_MAX_USES; i++)
      expect(await urls.post(url, { ...message, response_type: 'ephemeral' })).toBe(true)
    expect(await urls.post(url, message)).toBe(false)
    expect(fake.callsTo('response_url')).toHaveLength(5)
    expect(fake.callsTo('response_url')[0]?.body).toEqual({
      text: 'hi',
      blocks: [],
      response_type: 'ephemeral',
    })

    const fresh = fake.responseUrl()
    urls.issued(fresh, clock)
    clock = new Date(clock.getTime() + 30 * 60_000 + 1)
    expect(await urls.post(fresh, message)).toBe(false)
  })

  it('says no when Slack refuses (expired or used up on its side)', async () => {
    const urls = createResponseUrls({ now: () => new Date(), log: () => {}, apiUrl: fake.apiUrl })
    fake.script('response_url', { status: 404, body: 'used_url' })
    expect(await urls.post(fake.responseUrl(), message)).toBe(false)
  })

  it('posts only to hooks.slack.com (or the configured test host), never where a payload points', async () => {
    const logged: string[] = []
    const urls = createResponseUrls({
      now: () => new Date(),
      log: (e) => void logged.push(e),
      apiUrl: undefined,
    })
    expect(await urls.post(fake.responseUrl(), message)).toBe(false)
    expect(await urls.post('http://hooks.slack.com/commands/x', message)).toBe(false)
    expect(fake.calls).toHaveLength(0)
    expect(logged).toContain('slack.response_url_refused')
  })
})
