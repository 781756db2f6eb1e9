import type { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mock, PuppetMock } from 'wechaty-puppet-mock'
import { createWechatyBotFactory } from '../../bots/wechaty/wechaty-bot.ts'
import { inboundMessages, interactions, reminders } from '../../src/db/schema.ts'
import { runScheduledWork } from '../../src/jobs/scheduler.ts'
import { createTestCrm, type TestCrm } from '../support/test-crm.ts'

type Contact = ReturnType<mock.Mocker['createContact']>
type Room = ReturnType<mock.Mocker['createRoom']>

let t: TestCrm
let mocker: mock.Mocker
let self: Contact
let alice: Contact
let room: Room

beforeEach(async () => {
  mocker = new mock.Mocker()
  t = await createTestCrm({ bots: [createWechatyBotFactory({ puppet: new PuppetMock({ mocker }) })] })
  for (const bot of t.bots) await bot.start?.()
  self = mocker.createContact({ name: 'CRM助手' })
  mocker.login(self)
  alice = mocker.createContact({ name: 'Alice' })
  room = mocker.createRoom({ topic: '销售群', memberIdList: [self.id, alice.id] })
})
afterEach(async () => {
  for (const bot of t.bots) await bot.stop?.()
  await t.close()
})

/** The next thing the bot says in a chat (a room, or Alice's 1:1 with it). */
function nextFromBot(chat: Room | Contact): Promise<string> {
  // Both mocks are typed event emitters with differently typed listeners; plain EventEmitter fits both.
  const emitter = chat as unknown as EventEmitter
  return new Promise((resolve) => {
    const listener = (message: { talker(): { id: string }; text(): string | undefined }) => {
      if (message.talker().id !== self.id) return
      emitter.off('message', listener)
      resolve(message.text() ?? '')
    }
    emitter.on('message', listener)
  })
}

async function askInRoom(text: string): Promise<string> {
  const reply = nextFromBot(room)
  alice.say(`@CRM助手\u2005${text}`, [self]).to(room)
  return reply
}

describe('Wechaty bot', () => {
  it('answers a room message that mentions it, in the room, for the four scenarios', async () => {
    const logged = await askInRoom('今天给华为张总打了电话,他对报价满意,下周三跟进')
    expect(logged).toMatch(/已记录 · 华为 \/ 张总 · 电话/)
    const [note] = await t.db.select().from(interactions)
    expect(note).toMatchObject({
      rawText: '今天给华为张总打了电话,他对报价满意,下周三跟进',
      sourcePlatform: 'wechaty',
    })

    expect(await askInRoom('查一下华为')).toMatch(/📇 华为[\s\S]*张总/)

    expect(await askInRoom('提醒我明天下午3点给美团王总发合同')).toMatch(/提醒你:.*给美团王总发合同/)
    const [reminder] = await t.db.select().from(reminders)
    expect(reminder).toMatchObject({ platform: 'wechaty', chatId: room.id })

    expect(await askInRoom('本周管道汇总')).toMatch(/本周销售管道/)
    await t.settle()
    const stored = await t.db.select().from(inboundMessages)
    expect(stored.map((m) => [m.chatKind, m.mentioned, m.platformUserId])).toEqual(
      Array(4).fill(['group', true, alice.id]),
    )
  })

  it('stays silent in a room when not mentioned, and answers a direct message', async () => {
    alice.say('大家中午吃啥').to(room)
    const direct = nextFromBot(alice)
    alice.say('查一下华为').to(self)
    expect(await direct).toMatch(/没有找到客户「华为」/)
    await t.settle()
    const ignored = (await t.db.select().from(inboundMessages)).find((m) => m.chatKind === 'group')
    expect(ignored).toMatchObject({ status: 'ignored', mentioned: false })
  })

  it('pushes a due reminder into the room it was set in', async () => {
    await askInRoom('提醒我明天下午3点给美团王总发合同')
    await t.settle()
    const [reminder] = await t.db.select().from(reminders)
    const pushed = nextFromBot(room)
    const later = () => new Date((reminder?.dueAt.getTime() ?? 0) + 60_000)
    await runScheduledWork({ db: t.db, config: t.config, senders: t.senders, log: () => {}, now: later })
    expect(await pushed).toMatch(/⏰ 提醒:.*给美团王总发合同/)
  })
})
