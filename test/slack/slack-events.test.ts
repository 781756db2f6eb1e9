import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inboundMessages, interactions, users } from '../../src/db/schema.ts'
import { signedInit } from './sign-slack-request.ts'
import { ALICE, appMention, BOT_USER, CHANNEL, DM, directMessage } from './slack-fixtures.ts'
import { BOT_TOKEN, createSlackTestApp, type SlackTestApp } from './slack-test-app.ts'

let s: SlackTestApp
beforeEach(async () => {
  s = await createSlackTestApp()
  s.fake.users.set(ALICE, {
    id: ALICE,
    name: 'alice',
    real_name: 'Alice Wang',
    tz: 'America/New_York',
    locale: 'en-US',
  })
})
afterEach(() => s.close())

const count = async (table: typeof interactions | typeof inboundMessages) =>
  (await s.crm.db.select().from(table)).length

describe('Slack events', () => {
  it('stores a mention before acknowledging, logs the note once, and posts the reply with its buttons', async () => {
    const response = await s.event(appMention())
    expect(response.status).toBe(200)
    // Acknowledged means stored: the raw message is in the database when the 200 goes out.
    const [stored] = await s.crm.db.select().from(inboundMessages)
    expect(stored).toMatchObject({
      platform: 'slack',
      platformWorkspaceId: 'T0CRM0001',
      chatId: CHANNEL,
      chatKind: 'group',
      mentioned: true,
    })
    await s.crm.settle()

    expect(await count(interactions)).toBe(1)
    const [post, ...more] = s.fake.callsTo('chat.postMessage')
    expect(more).toHaveLength(0)
    expect(post?.token).toBe(BOT_TOKEN)
    expect(post?.body.channel).toBe(CHANNEL)
    expect(post?.body.text).toMatch(/已记录 · 华为 \/ 张总 · 电话/)
    const buttons = post?.body.blocks
      .filter((b: { type: string }) => b.type === 'actions')
      .flatMap((b: { elements: unknown[] }) => b.elements)
    expect(buttons.map((b: { action_id: string }) => b.action_id)).toEqual([
      'crm:undo_customer:0',
      'crm:edit_interaction:1',
      'crm:set_follow_up:2',
    ])
  })

  it("maps the Slack user to a CRM user with users.info's name and time zone", async () => {
    await s.event(directMessage({ text: '查一下华为' }))
    await s.crm.settle()
    expect(s.fake.callsTo('users.info')[0]?.body).toMatchObject({ user: ALICE, include_locale: 'true' })
    const [user] = await s.crm.db.select().from(users).where(eq(users.platformUserId, ALICE))
    expect(user).toMatchObject({ displayName: 'alice', timeZone: 'America/New_York' })
    expect(s.fake.callsTo('chat.postMessage')[0]?.body.channel).toBe(DM)
    // A second message uses the cached profile.
    await s.event(directMessage({ text: '我的提醒' }))
    await s.crm.settle()
    expect(s.fake.callsTo('users.info')).toHaveLength(1)
  })

  it('never logs twice: a retry, a redelivered event_id, and the DM + mention pair of one message', async () => {
    const first = appMention()
    await s.event(first)
    await s.crm.settle()
    const retry = await s.event(first, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })
    expect(retry.status).toBe(200)
    await s.event(first)
    await s.crm.settle()
    expect(await count(interactions)).toBe(1)
    expect(await count(inboundMessages)).toBe(1)
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(1)

    // One DM that mentions the bot arrives as message.im and app_mention: two event ids, one ts.
    const one = { text: `<@${BOT_USER}> 今天拜访了腾讯李总`, channel: DM, ts: '1763431999.000100' }
    const [dm, mention] = [directMessage(one), appMention(one)]
    expect(dm.event_id).not.toBe(mention.event_id)
    await Promise.all([s.event(dm), s.event(mention)])
    await s.crm.settle()
    expect(await count(interactions)).toBe(2)
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(2)
  })

  it('answers 401 to a forged signature and to a stale timestamp, storing nothing', async () => {
    const body = JSON.stringify(appMention())
    const forged = signedInit(body, { timestamp: s.timestamp, secret: 'not-the-secret' })
    expect((await s.crm.app.request('/slack/events', forged)).status).toBe(401)
    const stale = signedInit(body, { timestamp: s.timestamp - 301 })
    expect((await s.crm.app.request('/slack/events', stale)).status).toBe(401)
    const unsigned = { method: 'POST', body, headers: { 'content-type': 'application/json' } }
    expect((await s.crm.app.request('/slack/events', unsigned)).status).toBe(401)
    // Commands and button presses go through the same check.
    const form = 'payload=%7B%7D'
    for (const path of ['/slack/commands', '/slack/interactions']) {
      const init = signedInit(form, {
        timestamp: s.timestamp,
        secret: 'not-the-secret',
        contentType: 'application/x-www-form-urlencoded',
      })
      expect((await s.crm.app.request(path, init)).status).toBe(401)
    }
    expect(await count(inboundMessages)).toBe(0)
  })

  it('answers the url_verification challenge', async () => {
    const response = await s.event({
      token: 'x',
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      type: 'url_verification',
    })
    expect(await response.json()).toEqual({
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
    })
  })

  it("ignores other bots' messages, its own, and edits", async () => {
    await s.event(directMessage({ botId: 'B0OTHER' }))
    await s.event(directMessage({ user: BOT_USER }))
    await s.event(directMessage({ subtype: 'message_changed' }))
    await s.crm.settle()
    expect(await count(inboundMessages)).toBe(0)
    expect(s.fake.calls).toHaveLength(0)
  })

  it('answers in the thread a mention was made in', async () => {
    await s.event(appMention({ text: `<@${BOT_USER}> 查一下华为`, threadTs: '1763430000.000100' }))
    await s.crm.settle()
    expect(s.fake.callsTo('chat.postMessage')[0]?.body.thread_ts).toBe('1763430000.000100')
  })

  it('refuses a signed body that is not an event with 400', async () => {
    const body = '{"type":"event_callback"}'
    const init = signedInit(body, { timestamp: s.timestamp })
    expect((await s.crm.app.request('/slack/events', init)).status).toBe(400)
  })
})
