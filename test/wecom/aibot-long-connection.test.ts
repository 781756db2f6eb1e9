import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createWecomAibotFactory } from '../../bots/wecom/index.ts'
import { inboundMessages, reminders } from '../../src/db/schema.ts'
import { runScheduledWork } from '../../src/jobs/scheduler.ts'
import { createTestCrm, type TestCrm } from '../support/test-crm.ts'
import { type AibotFrame, type FakeAibotWs, startFakeAibotWs } from './fake-aibot-ws.ts'

const BOT = { botId: 'aib-123', secret: 'aibot-secret' }
let ws: FakeAibotWs
let t: TestCrm
beforeEach(async () => {
  ws = await startFakeAibotWs(BOT)
  t = await createTestCrm({
    env: { WECOM_CORP_ID: 'wwcorp', WECOM_AIBOT_ID: BOT.botId, WECOM_AIBOT_SECRET: BOT.secret },
    bots: [createWecomAibotFactory({ wsUrl: ws.url })],
  })
  for (const bot of t.bots) await bot.start?.()
})
afterEach(async () => {
  for (const bot of t.bots) await bot.stop?.()
  await t.close()
  await ws.close()
})

let sequence = 0
function messageFrame(content: string, msgid = `ws-msg-${++sequence}`): AibotFrame {
  return {
    cmd: 'aibot_msg_callback',
    headers: { req_id: `req-${++sequence}` },
    body: {
      msgid,
      aibotid: BOT.botId,
      chatid: 'wrkGroup1',
      chattype: 'group',
      from: { userid: 'lisi' },
      msgtype: 'text',
      text: { content: `@CRM助手 ${content}` },
    },
  }
}

const finished = (reqId: string) => (f: AibotFrame) =>
  f.cmd === 'aibot_respond_msg' && f.headers.req_id === reqId && f.body?.stream?.finish === true

describe('AI bot long connection', () => {
  it('authenticates with the bot id and secret', () => {
    expect(ws.sentWith('aibot_subscribe')[0]?.body).toMatchObject({ bot_id: BOT.botId, secret: BOT.secret })
  })

  it('stores a message once, shows a placeholder stream, then finishes it with the reply', async () => {
    const frame = messageFrame('今天给华为张总打了电话,他对报价满意')
    ws.push(frame)
    const done = await ws.waitFor(finished(frame.headers.req_id))
    expect(done.body.msgtype).toBe('stream_with_template_card')
    expect(done.body.stream.content).toMatch(/已记录 · 华为/)
    expect(done.body.template_card.button_list.length).toBeGreaterThan(0)
    const placeholder = ws.sentWith('aibot_respond_msg').find((f) => f.body.stream.finish === false)
    expect(placeholder?.body.stream.id).toBe(done.body.stream.id)

    // A redelivery on a new req_id: nothing stored, nothing answered.
    const again = { ...messageFrame('ignored', frame.body.msgid), body: frame.body }
    ws.push(again)
    await new Promise((resolve) => setTimeout(resolve, 100))
    await t.settle()
    expect(ws.received.filter((f) => f.headers.req_id === again.headers.req_id)).toHaveLength(0)
    expect(await t.db.select().from(inboundMessages)).toHaveLength(1)
  })

  it('pushes a due reminder into the chat with Done / Snooze buttons, and takes the press', async () => {
    const frame = messageFrame('提醒我明天下午3点给美团王总发合同')
    ws.push(frame)
    await ws.waitFor(finished(frame.headers.req_id))
    await t.settle()
    const [reminder] = await t.db.select().from(reminders)
    const later = () => new Date((reminder?.dueAt.getTime() ?? 0) + 60_000)
    await runScheduledWork({ db: t.db, config: t.config, senders: t.senders, log: () => {}, now: later })
    const pushed = ws.sentWith('aibot_send_msg')
    expect(pushed.map((f) => f.body.msgtype)).toEqual(['markdown', 'template_card'])
    expect(pushed[0]?.body).toMatchObject({
      chatid: 'wrkGroup1',
      markdown: { content: expect.stringMatching(/提醒/) },
    })
    const card = pushed[1]?.body.template_card
    expect(card.button_list.map((b: { text: string }) => b.text)).toEqual(['完成', '1小时后', '明天'])

    ws.push({
      cmd: 'aibot_event_callback',
      headers: { req_id: 'click-1' },
      body: {
        msgid: 'evt-1',
        create_time: 1,
        aibotid: BOT.botId,
        chatid: 'wrkGroup1',
        chattype: 'group',
        from: { userid: 'lisi' },
        msgtype: 'event',
        event: {
          eventtype: 'template_card_event',
          event_key: card.button_list[0].key,
          task_id: card.task_id,
        },
      },
    })
    const update = await ws.waitFor((f) => f.cmd === 'aibot_respond_update_msg')
    expect(update.body).toMatchObject({ response_type: 'update_template_card', userids: ['lisi'] })
    await t.settle()
    const [after] = await t.db.select().from(reminders)
    expect(after?.status).toBe('done')
  })
})
