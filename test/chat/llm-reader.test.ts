import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCustomer } from '../../src/crm/customers.ts'
import { createDeal } from '../../src/crm/deals.ts'
import { actorFromUser, ensureUser, ensureWorkspace } from '../../src/crm/users.ts'
import { deals, interactions, reminders } from '../../src/db/schema.ts'
import { createEnrichment } from '../enrich/enrichment-fixture.ts'
import {
  chatCompletion,
  type FakeOpenAiServer,
  startFakeOpenAiServer,
} from '../support/fake-openai-server.ts'
import { createChatMessage, createTestCrm, type TestCrm } from '../support/test-crm.ts'

let llm: FakeOpenAiServer
let t: TestCrm
beforeEach(async () => {
  llm = await startFakeOpenAiServer()
  t = await createTestCrm({
    env: { LLM_BASE_URL: llm.baseUrl, LLM_API_KEY: 'k', LLM_MODEL: 'fake-model', LLM_TIMEOUT_MS: '2000' },
  })
  await t.pipeline.handle(createChatMessage({ text: '帮助' }))
  const ws = await ensureWorkspace(t.crm, 'web', 'local')
  const alice = actorFromUser((await ensureUser(t.crm, ws.id, 'alice', {}, 'Asia/Shanghai'))!)
  const sany = await createCustomer(t.crm, alice, { name: '三一重工' })
  await createDeal(t.crm, alice, { customerId: sany.id, amount: 300_000, stage: 'negotiation' })
})
afterEach(async () => {
  await t.close()
  await llm.close()
})

// Offline this reads as the deal lost; it is a meeting note whose lost part is one product line.
const NOTE =
  '今天去三一重工开了个会,见了采购部李总。泵车那条线的单子最终还是丢了,他们选了本地供应商。下周二我再去聊聊售后服务。'
const meetingNote = createEnrichment({
  intent: 'log_interaction',
  customer: '三一重工',
  contact: '李总',
  interaction_type: 'meeting',
  summary: '与三一重工李总开会,泵车线丢单,下周二再聊售后。',
  sentiment: 'neutral',
  sentiment_score: 0,
  next_step: '聊售后服务',
  next_step_at: '2026-11-24T09:00:00+08:00',
})
const answer = (reading: object) => ({ body: chatCompletion(JSON.stringify(reading)) })
const stages = async () => (await t.db.select().from(deals)).map((d) => d.stage)

describe('the LLM as a full second reader', () => {
  it('reads a long note whole: the model says meeting note, so no stage changes and the follow-up is ours', async () => {
    llm.reply(answer(meetingNote), answer(meetingNote))
    const reply = await t.pipeline.handle(createChatMessage({ text: NOTE }))
    expect(llm.requests[0]?.body.messages[1].content).toContain('泵车那条线')
    expect(reply?.intent).toBe('log_interaction')
    await t.settle()
    expect(await stages()).toEqual(['negotiation'])
    const [note] = await t.db.select().from(interactions)
    expect(note).toMatchObject({ type: 'meeting' })
    const [followUp] = await t.db.select().from(reminders)
    expect(followUp?.dueAt.toISOString()).toBe('2026-11-24T01:00:00.000Z')
  })

  it('rejects a model answer that says both won and lost, and falls back to the offline reading', async () => {
    llm.reply(answer({ ...meetingNote, intent: 'update_deal', stage: 'won', deal_outcome: 'lost' }))
    const reply = await t.pipeline.handle(createChatMessage({ text: NOTE }))
    expect(t.events.find((e) => e.event === 'llm.reading_rejected')?.fields).toEqual({
      reason: 'contradictory_outcome',
    })
    // The offline reading (the deal lost) is hard to see later, so it is asked about, not written.
    expect(reply?.intent).toBe('confirm')
    expect(await stages()).toEqual(['negotiation'])
    expect(await t.db.select().from(interactions)).toHaveLength(0)
  })

  it('rejects a model answer naming a customer the text never mentions', async () => {
    llm.reply(answer({ ...meetingNote, customer: '华为' }))
    const reply = await t.pipeline.handle(createChatMessage({ text: NOTE }))
    expect(t.events.find((e) => e.event === 'llm.reading_rejected')?.fields).toEqual({
      reason: 'customer_not_in_text',
    })
    expect(reply?.intent).toBe('confirm')
    expect(reply?.text).toMatch(/三一重工/)
    expect(await t.db.select().from(interactions)).toHaveLength(0)
  })

  it('leaves a short, sure note to the offline reader', async () => {
    llm.reply(answer({ ...meetingNote, interaction_type: 'call', next_step_at: null }))
    await t.pipeline.handle(createChatMessage({ text: '今天给三一重工李总打了电话,他对报价满意' }))
    await t.settle()
    // One call: the enrichment after the reply, none for reading it.
    expect(llm.requests).toHaveLength(1)
  })
})
