import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Reply } from '../../src/chat/chat-message.ts'
import { createCustomer } from '../../src/crm/customers.ts'
import { createDeal } from '../../src/crm/deals.ts'
import { actorFromUser, ensureUser, ensureWorkspace } from '../../src/crm/users.ts'
import { customers, deals, interactions, reminders } from '../../src/db/schema.ts'
import { createChatMessage, createTestCrm, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm
beforeEach(async () => {
  t = await createTestCrm()
})
afterEach(() => t.close())

const say = async (text: string, overrides = {}) =>
  (await t.pipeline.handle(createChatMessage({ text, ...overrides }))) as Reply

/** Customers, with each one's deals' stages and notes, and the reminders: what a wrong write would change. */
async function store() {
  const rows = await t.db.select().from(customers)
  const dealRows = await t.db.select().from(deals)
  const notes = await t.db.select().from(interactions)
  return {
    customers: rows.map((c) => c.name).sort(),
    stages: dealRows.map((d) => `${rows.find((c) => c.id === d.customerId)?.name}:${d.stage}`).sort(),
    notes: notes.length,
    reminders: (await t.db.select().from(reminders)).length,
  }
}

/** Alice with customers 比亚迪, 平安, Globex, 美的, 三一重工, each with an open deal in negotiation. */
async function seed() {
  await say('帮助')
  const ws = await ensureWorkspace(t.crm, 'web', 'local')
  const alice = actorFromUser((await ensureUser(t.crm, ws.id, 'alice', {}, 'Asia/Shanghai'))!)
  for (const name of ['比亚迪', '平安', 'Globex', '美的', '三一重工']) {
    const customer = await createCustomer(t.crm, alice, { name })
    await createDeal(t.crm, alice, { customerId: customer.id, amount: 300_000, stage: 'negotiation' })
  }
  return store()
}

describe('messages that must write nothing', () => {
  it.each([
    ['congratulations', '恭喜小王拿下比亚迪的单子🎉'],
    ['congratulations (English)', 'congrats Tom on closing Globex!'],
    ["a boss's wish", '老板说这季度平安必须拿下'],
    ['a question to colleagues', '谁有中石化王处的电话发我一下'],
    ['a manager question', '@CRM 上个月拜访量最多的是谁'],
    ['a web-chat question', '哪些客户超过两周没跟进了'],
    ['chatter', 'Anyone up for coffee?'],
    ['chatter (Chinese)', '大家中午吃啥'],
    ['a complaint about the bot', '这个bot又记错了,太烂了'],
    ['an instruction to a colleague', '@小李 明天把华为的合同发给客户'],
    ['a question about a deal', '平安那个单子签了吗?'],
  ])('%s: %s', async (_, text) => {
    const before = await seed()
    const reply = await say(text)
    expect(['log_interaction', 'update_deal', 'set_reminder', 'confirm']).not.toContain(reply.intent)
    expect(await store()).toEqual(before)
  })

  it('answers a question about the team from the store, and writes nothing', async () => {
    const before = await seed()
    const reply = await say('@CRM 上个月拜访量最多的是谁')
    expect(reply.intent).toBe('report')
    expect(reply.text).toMatch(/上月拜访/)
    expect(await store()).toEqual(before)
  })

  it('tells a complaint how to undo or correct the last note', async () => {
    expect((await say('这个bot又记错了,太烂了')).text).toMatch(/撤销/)
  })
})

describe('long notes with background', () => {
  it("logs a meeting, not a competitor's win, and never creates the place it names", async () => {
    const before = await seed()
    const reply = await say(
      'Met with Globex today. They told us a competitor won a $2M deal in the EU last year. Our proposal for 300k is under review, follow up next Tuesday.',
    )
    expect(reply.intent).toBe('log_interaction')
    const after = await store()
    expect(after.customers).toEqual(before.customers)
    expect(after.stages).toEqual(before.stages)
    expect(after.notes).toBe(1)
    const [followUp] = await t.db.select().from(reminders)
    expect(followUp?.dueAt.toISOString()).toBe('2026-11-24T01:00:00.000Z')
  })

  it("keeps our next step, not the customer's go-live wish or a city they may sign in", async () => {
    const before = await seed()
    await say('和美的李总通了电话,可能要去深圳签约,他们希望明年3月上线,我们下周五再约一次')
    const after = await store()
    expect(after.customers).toEqual(before.customers)
    expect(after.stages).toEqual(before.stages)
    expect(after.notes).toBe(1)
    const [followUp] = await t.db.select().from(reminders)
    expect(followUp?.dueAt.toISOString()).toBe('2026-11-27T01:00:00.000Z')
  })

  it('does not mark a deal lost for one product line when another project looks hopeful', async () => {
    const before = await seed()
    await say(
      '今天拜访了三一重工,他们的泵车产品线今年预算砍了,这块基本没戏。不过600万的MES项目看起来很有希望,下周三我们去做方案汇报。',
    )
    const after = await store()
    expect(after.stages).toEqual(before.stages)
    expect(after.customers).toEqual(before.customers)
    expect(after.notes).toBe(1)
  })
})

describe('a long note whose outcome must be confirmed', () => {
  const note =
    '今天去三一重工开了个会,见了采购部李总。泵车那条线的单子最终还是丢了,他们选了本地供应商。下周二我再去聊聊售后服务。'

  it('asks first, and 确认 writes the outcome', async () => {
    const before = await seed()
    const question = await say(note)
    expect(question.intent).toBe('confirm')
    expect(question.text).toMatch(/把「三一重工」的商机标为丢单?/)
    expect(await store()).toEqual(before)
    await say('确认')
    expect((await store()).stages).toContain('三一重工:lost')
  })

  it('asks first, and 不是 writes nothing', async () => {
    const before = await seed()
    await say(note)
    await say('不是')
    expect(await store()).toEqual(before)
  })
})

describe('names that are not recognisably organisations', () => {
  it('never creates `量最多`: the sentence is read as a question about the team, not a note', async () => {
    const before = await seed()
    const answer = await say('上个月拜访量最多的是老王')
    expect(answer.intent).toBe('report')
    expect(await store()).toEqual(before)
    await say('不是')
    expect(await store()).toEqual(before)
  })

  it('asks before creating `Anyone`, and creates it only when confirmed', async () => {
    const before = await seed()
    const question = await say('Anyone up for coffee, met the team this morning')
    expect(question.intent).toBe('confirm')
    expect(await store()).toEqual(before)
    const done = await say('yes')
    expect(done.intent).toBe('log_interaction')
    expect((await store()).customers).toEqual([...before.customers, 'Anyone'].sort())
  })
})

describe('corrections of the last note', () => {
  it("`that's wrong, I didn't call Acme, I emailed them` corrects the note instead of logging another", async () => {
    await say('Called Bob at Acme Corp today, he liked the demo')
    const reply = await say("@CRM that's wrong, I didn't call Acme, I emailed them")
    expect(reply.text).toMatch(/Corrected/)
    const notes = await t.db.select().from(interactions)
    expect(notes).toHaveLength(1)
    expect(notes[0]?.type).toBe('email')
  })

  it('`不对,是拜访不是电话` corrects the note', async () => {
    await say('今天给华为张总打了电话,他对报价满意')
    await say('不对,是拜访不是电话')
    const notes = await t.db.select().from(interactions)
    expect(notes).toHaveLength(1)
    expect(notes[0]?.type).toBe('visit')
  })
})
