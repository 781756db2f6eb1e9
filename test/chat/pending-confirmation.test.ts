import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readActionButton } from '../../bots/slack/action-value.ts'
import { renderReply } from '../../bots/slack/render-blocks.ts'
import { decodeButtonKey } from '../../bots/wecom/button-key.ts'
import { renderButtonCard } from '../../bots/wecom/render-template-card.ts'
import type { ChatAction, Reply } from '../../src/chat/chat-message.ts'
import { createChatPipeline } from '../../src/chat/chat-pipeline.ts'
import { auditLog, customers, deals, pendingConfirmations } from '../../src/db/schema.ts'
import {
  createChatMessage,
  createTestCrm,
  pressButton,
  say as sayTo,
  TEST_NOW,
  type TestCrm,
} from '../support/test-crm.ts'

let t: TestCrm
beforeEach(async () => {
  t = await createTestCrm()
})
afterEach(() => t.close())

const say = (text: string, overrides = {}) => sayTo(t, text, overrides)
const press = (reply: Reply, action: string, overrides: Partial<ChatAction> = {}) => {
  const button = reply.actions?.find((a) => a.action === action)
  if (!button) throw new Error(`no ${action} button on: ${reply.text}`)
  return pressButton(t, button, overrides)
}
const stages = async () => (await t.db.select().from(deals)).map((d) => d.stage)

describe('pending confirmation', () => {
  it('asks before marking a deal lost, with buttons and a typed fallback; 确认 writes it once', async () => {
    await say('三一重工的商机进入商务谈判,报价200万')
    expect(await stages()).toEqual(['negotiation'])
    const question = await say('三一重工那个单子丢了')
    expect(question.intent).toBe('confirm')
    expect(question.text).toMatch(/把「三一重工」的商机标为丢单?/)
    expect(question.text).toMatch(/回复「确认」或「不是」/)
    expect(question.actions?.map((a) => a.action)).toEqual(['confirm_write', 'reject_write'])
    expect(await stages()).toEqual(['negotiation'])
    const done = await say('确认')
    expect(done.intent).toBe('update_deal')
    expect(await stages()).toEqual(['lost'])
    // The question is answered: the button now says so and nothing more is written.
    expect((await press(question, 'confirm_write')).text).toMatch(/已经回答过/)
    const dealAudits = (await t.db.select().from(auditLog)).filter((a) => a.entityType === 'deal')
    expect(dealAudits).toHaveLength(2)
  })

  it('writes nothing on 不是 or the No button', async () => {
    await say('三一重工的商机进入商务谈判,报价200万')
    await say('三一重工那个单子丢了')
    expect((await say('不是')).text).toMatch(/没有记录/)
    const again = await say('三一重工那个单子丢了')
    expect((await press(again, 'reject_write')).text).toMatch(/没有记录/)
    expect(await stages()).toEqual(['negotiation'])
  })

  it("refuses another user's press politely and keeps the question open for its owner", async () => {
    await say('帮助', { userId: 'bob', userName: 'bob', chatId: 'g1', chatKind: 'group' })
    await say('三一重工的商机进入商务谈判,报价200万', { chatId: 'g1', chatKind: 'group' })
    const question = await say('三一重工那个单子赢了', { chatId: 'g1', chatKind: 'group' })
    const refused = await press(question, 'confirm_write', { userId: 'bob', chatId: 'g1' })
    expect(refused.text).toMatch(/只有 alice 本人可以确认/)
    expect(await stages()).toEqual(['negotiation'])
    // Bob typing 确认 in the same group answers nothing of his own: it is not read as Alice's answer.
    await say('确认', { userId: 'bob', userName: 'bob', chatId: 'g1', chatKind: 'group' })
    expect(await stages()).toEqual(['negotiation'])
    await press(question, 'confirm_write', { chatId: 'g1' })
    expect(await stages()).toEqual(['won'])
  })

  it('expires: an answer after an hour is refused and writes nothing', async () => {
    await say('三一重工的商机进入商务谈判,报价200万')
    const question = await say('三一重工那个单子丢了')
    const later = new Date(TEST_NOW.getTime() + 61 * 60_000)
    const pipeline = createChatPipeline({
      db: t.db,
      now: () => later,
      defaultTimeZone: 'Asia/Shanghai',
      botNames: [],
      waitUntil: (p) => void p,
      log: () => {},
    })
    const button = question.actions?.find((a) => a.action === 'confirm_write')
    const reply = await pipeline.act({
      platform: 'web',
      workspaceId: 'local',
      chatId: 'dm:alice',
      userId: 'alice',
      action: 'confirm_write',
      value: button?.value ?? {},
      receivedAt: later,
    })
    expect(reply.text).toMatch(/已过期/)
    expect(await stages()).toEqual(['negotiation'])
  })

  it('survives a restart: a new pipeline on the same database takes the typed answer', async () => {
    await say('三一重工的商机进入商务谈判,报价200万')
    await say('三一重工那个单子丢了')
    const restarted = createChatPipeline({
      db: t.db,
      now: t.now,
      defaultTimeZone: 'Asia/Shanghai',
      botNames: [],
      waitUntil: (p) => void p,
      log: () => {},
    })
    const reply = await restarted.handle(createChatMessage({ text: '是' }))
    expect(reply?.intent).toBe('update_deal')
    expect(await stages()).toEqual(['lost'])
    const [row] = await t.db.select().from(pendingConfirmations)
    expect(row).toMatchObject({ outcome: 'confirmed', chosen: 0 })
  })

  it('asks before an amount swing of more than half, and not for a small change', async () => {
    await say('三一重工的商机进入商务谈判,报价200万')
    expect((await say('三一重工报价改成190万')).intent).toBe('update_deal')
    const question = await say('三一重工报价改成50万')
    expect(question.intent).toBe('confirm')
    expect(question.text).toMatch(/金额从/)
    await press(question, 'confirm_write')
    const [deal] = await t.db.select().from(deals)
    expect(deal?.amountMinor).toBe(50_000_000)
    expect(await t.db.select().from(customers)).toHaveLength(1)
  })
})

describe('a confirmation on platforms with buttons', () => {
  it('renders as Block Kit buttons on Slack and a button card on WeCom, each carrying the proposal back', async () => {
    await say('三一重工的商机进入商务谈判,报价200万')
    const question = await say('三一重工那个单子丢了')
    const slack = renderReply(question)
    const buttons = slack.blocks.flatMap((b) => ('elements' in b ? (b.elements as unknown[]) : []))
    const pressed = buttons.map((b) => readActionButton(b as { action_id: string; value: string }))
    expect(pressed.map((p) => p?.action)).toEqual(['confirm_write', 'reject_write'])
    const card = renderButtonCard(question)
    const keys = card?.button_list?.map((b) => decodeButtonKey(b.key)) ?? []
    expect(keys.map((k) => k?.action)).toEqual(['confirm_write', 'reject_write'])
    expect(keys[0]?.value).toEqual(question.actions?.[0]?.value)
  })
})
