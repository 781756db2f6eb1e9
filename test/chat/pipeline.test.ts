import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChatSender, ChatTarget, Reply } from '../../src/chat/chat-message.ts'
import { createCustomer } from '../../src/crm/customers.ts'
import { actorFromUser, ensureUser, ensureWorkspace } from '../../src/crm/users.ts'
import {
  auditLog,
  contacts,
  customers,
  inboundMessages,
  interactions,
  reminders,
  users,
} from '../../src/db/schema.ts'
import { runScheduledWork } from '../../src/jobs/scheduler.ts'
import { createChatMessage, createTestCrm, TEST_NOW, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm
beforeEach(async () => {
  t = await createTestCrm()
})
afterEach(() => t.close())

const say = (text: string, overrides = {}) => t.pipeline.handle(createChatMessage({ text, ...overrides }))

describe('chat pipeline', () => {
  it('logs a note against a new customer, says so, and offers Undo; a redelivery logs nothing', async () => {
    const message = createChatMessage({
      text: '今天给华为张总打了电话,他对报价满意,下周三跟进',
      platformMessageId: 'm-1',
    })
    const reply = await t.pipeline.handle(message)
    expect(reply?.intent).toBe('log_interaction')
    expect(reply?.text).toMatch(/已记录 · 华为 \/ 张总 · 电话/)
    expect(reply?.text).toMatch(/新客户「华为」已创建/)
    expect(reply?.actions?.map((a) => a.action)).toContain('undo_customer')
    expect(await t.pipeline.handle({ ...message })).toBeNull()
    expect(await t.db.select().from(interactions)).toHaveLength(1)
    expect(await t.db.select().from(inboundMessages)).toHaveLength(1)
  })

  it('undoes a note with one tap', async () => {
    const reply = await say('今天给华为张总打了电话,他对报价满意')
    const undo = reply?.actions?.find((a) => a.action.startsWith('undo'))
    expect(undo).toBeDefined()
    const result = await t.pipeline.act({
      platform: 'web',
      workspaceId: 'local',
      chatId: 'dm:alice',
      userId: 'alice',
      action: undo!.action,
      value: undo!.value,
      receivedAt: TEST_NOW,
    })
    expect(result.text).toMatch(/撤销/)
    expect(await t.db.select().from(interactions)).toHaveLength(0)
    const [customer] = await t.db.select().from(customers)
    expect(customer?.status).toBe('archived')
  })

  it('stays silent in a group unless mentioned', async () => {
    expect(
      await say('今天给华为张总打了电话', { chatKind: 'group', mentionsBot: false, chatId: 'g1' }),
    ).toBeNull()
    expect(await t.db.select().from(interactions)).toHaveLength(0)
    const [stored] = await t.db.select().from(inboundMessages)
    expect(stored?.status).toBe('ignored')
    const reply = await say('@CRM助手 查一下华为', { chatKind: 'group', mentionsBot: true, chatId: 'g1' })
    expect(reply?.text).toMatch(/没有找到客户「华为」/)
  })

  it('answers a message it does not understand with a short help in a direct chat', async () => {
    const reply = await say('大家中午吃啥')
    expect(reply?.intent).toBe('unknown')
    expect(reply?.text).toMatch(/查一下华为/)
  })

  it('asks which customer when a name fits several, and logs against the one picked by number', async () => {
    await say('帮助')
    const ws = await ensureWorkspace(t.crm, 'web', 'local')
    const alice = actorFromUser((await ensureUser(t.crm, ws.id, 'alice', {}, 'Asia/Shanghai'))!)
    await createCustomer(t.crm, alice, { name: '平安保险' })
    const bank = await createCustomer(t.crm, alice, { name: '平安银行' })
    const question = await say('拜访了平安的孙总,聊得很愉快')
    expect(question?.intent).toBe('choice')
    expect(question?.actions?.filter((a) => a.action === 'choose_customer')).toHaveLength(2)
    expect(await t.db.select().from(interactions)).toHaveLength(0)
    const index =
      ((question?.data ?? { options: [] }) as unknown as { options: { id: string }[] }).options.findIndex(
        (o) => o.id === bank.id,
      ) + 1
    const answer = await say(String(index))
    expect(answer?.intent).toBe('log_interaction')
    const [note] = await t.db.select().from(interactions)
    expect(note?.customerId).toBe(bank.id)
  })

  it('lets the admin hand out roles and refuses a rep', async () => {
    await say('帮助', { userId: 'boss', userName: 'boss' })
    await say('帮助', { userId: 'li', userName: 'li' })
    const refused = await say('role boss rep', { userId: 'li', userName: 'li' })
    expect(refused?.text).toMatch(/only an admin/)
    const done = await say('role @li manager', { userId: 'boss', userName: 'boss' })
    expect(done?.text).toMatch(/li .*manager/)
    const [li] = await t.db.select().from(users).where(eq(users.platformUserId, 'li'))
    expect(li?.role).toBe('manager')
  })

  it('pushes a due reminder into its chat and snoozes it from the button', async () => {
    const pushed: { target: ChatTarget; reply: Reply }[] = []
    const sender: ChatSender = {
      platform: 'web',
      send: async (target, reply) => void pushed.push({ target, reply }),
    }
    const set = await say('提醒我明天下午3点给美团王总发合同')
    expect(set?.intent).toBe('set_reminder')
    const [reminder] = await t.db.select().from(reminders)
    expect(reminder).toBeDefined()
    const later = () => new Date(reminder!.dueAt.getTime() + 60_000)
    await runScheduledWork({
      db: t.db,
      config: t.config,
      senders: new Map([['web', sender]]),
      log: () => {},
      now: later,
    })
    expect(pushed).toHaveLength(1)
    expect(pushed[0]?.target.chatId).toBe('dm:alice')
    expect(pushed[0]?.reply.intent).toBe('reminder_due')
    const snooze = pushed[0]?.reply.actions?.find(
      (a) => a.action === 'reminder_snooze' && a.value.minutes === 60,
    )
    const result = await t.pipeline.act({
      platform: 'web',
      workspaceId: 'local',
      chatId: 'dm:alice',
      userId: 'alice',
      action: 'reminder_snooze',
      value: snooze!.value,
      receivedAt: later(),
    })
    expect(result.text).toMatch(/推迟|Snoozed/)
    const [after] = await t.db.select().from(reminders)
    expect(after?.status).toBe('pending')
    expect(after?.dueAt.getTime()).toBe(TEST_NOW.getTime() + 60 * 60_000)
    const beforeSnoozeEnds = () => new Date(TEST_NOW.getTime() + 30 * 60_000)
    await runScheduledWork({
      db: t.db,
      config: t.config,
      senders: new Map([['web', sender]]),
      log: () => {},
      now: beforeSnoozeEnds,
    })
    expect(pushed).toHaveLength(1)
  })

  it('summarises the pipeline by stage and owner', async () => {
    // A deal closed as won is asked about first (src/chat/confirm/); `确认` writes it.
    expect((await say('小米那个单子赢了,合同金额80万'))?.intent).toBe('confirm')
    await say('确认')
    const reply = await say('本周销售管道汇总')
    expect(reply?.intent).toBe('pipeline_summary')
    const data = reply?.data as {
      stages: { stage: string; count: number; amount: number }[]
      owners: { owner: string }[]
    }
    expect(data.stages.find((s) => s.stage === 'won')).toMatchObject({ count: 1, amount: 800000 })
    expect(data.owners[0]?.owner).toBe('alice')
  })

  it('shows the customer card with the latest notes', async () => {
    await say('今天给华为张总打了电话,他对报价满意')
    const reply = await say('查一下华为')
    expect(reply?.intent).toBe('lookup_customer')
    const card = reply?.data as {
      customer: { name: string }
      contacts: { name: string }[]
      interactions: unknown[]
    }
    expect(card.customer.name).toBe('华为')
    expect(card.contacts.map((c) => c.name)).toEqual(['张总'])
    expect(card.interactions).toHaveLength(1)
  })
})

describe('correcting a note in one line', () => {
  it('changes the type and sentiment of the last note in this chat, and nothing else', async () => {
    await say('今天给华为张总打了电话,他对报价满意')
    const reply = await say('修改: 是拜访不是电话,客户其实不太满意')
    expect(reply?.text).toMatch(/已修改/)
    const [note] = await t.db.select().from(interactions)
    expect(note).toMatchObject({
      type: 'visit',
      sentiment: 'negative',
      rawText: '今天给华为张总打了电话,他对报价满意',
    })
    expect(note?.extracted.corrections).toHaveLength(1)
  })

  it('answers the Edit button with how to correct, and applies a correction sent with it', async () => {
    const logged = await say('今天给华为张总打了电话')
    const edit = logged?.actions?.find((a) => a.action === 'edit_interaction')
    const base = {
      platform: 'web',
      workspaceId: 'local',
      chatId: 'dm:alice',
      userId: 'alice',
      receivedAt: TEST_NOW,
    }
    const hint = await t.pipeline.act({ ...base, action: 'edit_interaction', value: edit!.value })
    expect(hint.text).toMatch(/修改/)
    await t.pipeline.act({ ...base, action: 'edit_interaction', value: edit!.value, text: '是微信聊的' })
    const [note] = await t.db.select().from(interactions)
    expect(note?.type).toBe('message')
  })
})

describe('undoing a customer the note created', () => {
  it('archives it so the next message does not find it', async () => {
    const reply = await say('今天给华为张总打了电话')
    const undo = reply?.actions?.find((a) => a.action === 'undo_customer')
    await t.pipeline.act({
      platform: 'web',
      workspaceId: 'local',
      chatId: 'dm:alice',
      userId: 'alice',
      action: 'undo_customer',
      value: undo!.value,
      receivedAt: TEST_NOW,
    })
    const lookup = await say('查一下华为')
    expect(lookup?.text).toMatch(/没有找到客户「华为」/)
  })
})

describe('ways into one platform', () => {
  it('share the workspace and the user: the AI bot and the self-built app see the same customers', async () => {
    const viaApp = {
      platform: 'wecom',
      workspaceId: 'corp1',
      userId: 'zhangsan',
      userName: 'zhangsan',
      chatId: 'zhangsan',
    }
    const viaBot = { ...viaApp, platform: 'wecom-aibot', chatId: 'single-zhangsan' }
    await say('今天给华为张总打了电话,他对报价满意', viaApp)
    const card = await say('查一下华为', viaBot)
    expect(card?.intent).toBe('lookup_customer')
    expect(await t.db.select().from(users).where(eq(users.platformUserId, 'zhangsan'))).toHaveLength(1)
  })
})

describe('undo typed as a line, for platforms without buttons', () => {
  it('removes the latest note here, cancels its follow-up, and archives the customer it created', async () => {
    await say('今天给华为张总打了电话,他对报价满意,下周三跟进')
    const reply = await say('撤销')
    expect(reply?.text).toMatch(/已撤销.*华为张总/)
    expect(await t.db.select().from(interactions)).toHaveLength(0)
    const [followUp] = await t.db.select().from(reminders)
    expect(followUp?.status).toBe('cancelled')
    const [customer] = await t.db.select().from(customers)
    expect(customer?.status).toBe('archived')
  })

  it('keeps a customer that had notes before', async () => {
    await say('今天给华为张总打了电话')
    await say('华为李总来访,聊了新需求')
    const reply = await say('undo')
    expect(reply?.text).toMatch(/Note removed|已撤销这条/)
    expect(await t.db.select().from(interactions)).toHaveLength(1)
    const [customer] = await t.db.select().from(customers)
    expect(customer?.status).not.toBe('archived')
  })

  it('keeps a customer that gained a deal after the note', async () => {
    await say('Met Sarah Lee at Initech, she is keen on the pilot')
    await say('Initech deal -> proposal, 120k USD')
    const reply = await say('undo')
    expect(reply?.text).toMatch(/^↩️ Note removed:/)
    const [customer] = await t.db.select().from(customers)
    expect(customer?.status).toBe('active')
  })

  it("never touches another chat's notes or someone else's", async () => {
    await say('今天给华为张总打了电话', { chatId: 'g1', chatKind: 'group', mentionsBot: true })
    const here = await say('撤销')
    expect(here?.text).toMatch(/没有你最近的跟进记录/)
    const bob = await say('@CRM助手 撤销', {
      chatId: 'g1',
      chatKind: 'group',
      mentionsBot: true,
      userId: 'bob',
      userName: 'Bob',
    })
    expect(bob?.text).toMatch(/没有你最近的跟进记录/)
    expect(await t.db.select().from(interactions)).toHaveLength(1)
  })
})

describe('what a note keeps', () => {
  it("stores the user's words without the bot's mention; the inbound row keeps the message as sent", async () => {
    await say('@CRM助手 今天给华为张总打了电话,他对报价满意', {
      chatKind: 'group',
      mentionsBot: true,
      chatId: 'g1',
    })
    const [note] = await t.db.select().from(interactions)
    expect(note?.rawText).toBe('今天给华为张总打了电话,他对报价满意')
    const [inbound] = await t.db.select().from(inboundMessages)
    expect(inbound?.text).toBe('@CRM助手 今天给华为张总打了电话,他对报价满意')
  })
})

describe('contacts from notes', () => {
  it('keeps a phone written in a note, in any format, and knows the person by it next time', async () => {
    await say('今天拜访了华为的张总,手机 138-0013-8000,对方对方案很感兴趣')
    await say('华为章总来电话问交付时间,邮箱 zhang@huawei.com')
    const reply = await say('华为 +86 13800138000 又来电话催合同')
    const all = await t.db.select().from(contacts)
    expect(all).toHaveLength(1)
    expect(all[0]?.phones).toEqual(['+8613800138000'])
    expect(all[0]?.email).toBe('zhang@huawei.com')
    expect(reply?.text).toMatch(/华为 \/ 张总/)
    const notes = await t.db.select().from(interactions)
    expect(notes.every((n) => n.contactId === all[0]?.id)).toBe(true)
  })

  it('does not take a date or an amount for a phone number', async () => {
    await say('今天给华为张总打了电话,确认2026-12-15到货,订单号 20261130001,总价15000000元')
    const [contact] = await t.db.select().from(contacts)
    expect(contact?.phones).toEqual([])
  })

  it('writes no audit row when a note only names a known contact again', async () => {
    await say('今天给华为张总打了电话')
    const before = await t.db.$count(auditLog)
    await say('华为张总又来电话了')
    const updates = await t.db.select().from(auditLog).where(eq(auditLog.entityType, 'contact'))
    expect(updates.filter((a) => a.action === 'update')).toHaveLength(0)
    expect(await t.db.$count(auditLog)).toBeGreaterThan(before)
  })
})
