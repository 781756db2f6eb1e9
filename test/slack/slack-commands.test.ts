import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inboundMessages, interactions, users } from '../../src/db/schema.ts'
import { ALICE, CHANNEL, directMessage, slashCommand } from './slack-fixtures.ts'
import { createSlackTestApp, type SlackTestApp } from './slack-test-app.ts'

let s: SlackTestApp
beforeEach(async () => {
  s = await createSlackTestApp()
})
afterEach(() => s.close())

describe('/crm', () => {
  it('acknowledges empty once stored, then answers privately through the response_url', async () => {
    const url = s.fake.responseUrl()
    const response = await s.command(slashCommand('今天给华为张总打了电话,他对报价满意', url))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
    expect(await s.crm.db.select().from(inboundMessages)).toHaveLength(1)
    await s.crm.settle()
    expect(await s.crm.db.select().from(interactions)).toHaveLength(1)
    const [answer, ...more] = s.fake.callsTo('response_url')
    expect(more).toHaveLength(0)
    expect(answer?.path).toBe(new URL(url).pathname)
    expect(answer?.body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringMatching(/已记录 · 华为/),
    })
    expect(answer?.body.blocks.length).toBeGreaterThan(0)
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(0)
  })

  it('passes `role <@U…|name> manager` through with the mention intact, and the role changes', async () => {
    const BOB = 'U0BOB0001'
    await s.event(directMessage({ text: '帮助' })) // Alice first: the first user of a workspace is its admin
    await s.crm.settle()
    await s.event(directMessage({ text: 'help', user: BOB, channel: 'D0BOB0001' }))
    await s.crm.settle()
    await s.command(slashCommand(`role <@${BOB}|bob> manager`, s.fake.responseUrl()))
    await s.crm.settle()
    const [bob] = await s.crm.db.select().from(users).where(eq(users.platformUserId, BOB))
    expect(bob?.role).toBe('manager')
    expect(s.fake.callsTo('response_url')[0]?.body.text).toMatch(/manager/)
  })

  it('falls back to chat.postEphemeral when Slack refuses the response_url', async () => {
    s.fake.script('response_url', { status: 404, body: 'used_url' })
    await s.command(slashCommand('我的提醒', s.fake.responseUrl()))
    await s.crm.settle()
    expect(s.fake.callsTo('chat.postEphemeral')[0]?.body).toMatchObject({ channel: CHANNEL, user: ALICE })
  })

  it("files a command typed in a DM under the user's DM with the app, where later pushes can go", async () => {
    await s.command(
      slashCommand('我的提醒', s.fake.responseUrl(), {
        channel_id: 'D0SOMEONE',
        channel_name: 'directmessage',
      }),
    )
    const [stored] = await s.crm.db.select().from(inboundMessages)
    expect(stored).toMatchObject({ chatId: ALICE, chatKind: 'direct', mentioned: true })
  })
})
