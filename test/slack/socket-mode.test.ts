import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inboundMessages, interactions } from '../../src/db/schema.ts'
import { type FakeSocketMode, startFakeSocketMode } from './fake-socket-mode.ts'
import { appMention, slashCommand } from './slack-fixtures.ts'
import { createSlackTestApp, type SlackTestApp } from './slack-test-app.ts'

let s: SlackTestApp
let socket: FakeSocketMode
beforeEach(async () => {
  socket = await startFakeSocketMode()
  // No signing secret: a team with no public URL runs on Socket Mode alone.
  s = await createSlackTestApp({
    env: { SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: 'xapp-1-A0CRMAPP1-1-fake' },
  })
  s.fake.socketUrl = socket.url
})
afterEach(async () => {
  await Promise.all(s.crm.bots.map((bot) => bot.stop?.()))
  await socket.close()
  await s.close()
})

const slackBot = () => s.crm.bots.find((bot) => bot.name === 'slack')!

describe('Slack Socket Mode', () => {
  it('connects through Bolt, stores each event before acking, and answers through the same pipeline', async () => {
    await slackBot().start!()
    await socket.connected
    expect(s.fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-1-A0CRMAPP1-1-fake')
    // Only Socket Mode: the HTTP routes are not there without a signing secret.
    expect((await s.crm.app.request('/slack/events', { method: 'POST', body: '{}' })).status).toBe(404)

    const mention = appMention()
    const ack = await socket.deliver('events_api', mention)
    expect(ack.envelope_id).toBeTruthy()
    expect(await s.crm.db.select().from(inboundMessages)).toHaveLength(1)
    await s.crm.settle()
    expect(await s.crm.db.select().from(interactions)).toHaveLength(1)
    expect(s.fake.callsTo('chat.postMessage')[0]?.body.text).toMatch(/已记录 · 华为/)

    // Slack redelivers an envelope it thinks was not acked: still logged once.
    await socket.deliver('events_api', mention, 1)
    await s.crm.settle()
    expect(await s.crm.db.select().from(interactions)).toHaveLength(1)
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(1)
  })

  it('feeds slash commands to the same handler as HTTP', async () => {
    await slackBot().start!()
    await socket.connected
    await socket.deliver('slash_commands', slashCommand('我的提醒', s.fake.responseUrl()))
    await s.crm.settle()
    expect(s.fake.callsTo('response_url')[0]?.body.response_type).toBe('ephemeral')
  })
})
