import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Reply } from '../../src/chat/chat-message.ts'
import { deals, interactions } from '../../src/db/schema.ts'
import { createChatMessage, createTestCrm, type TestCrm } from '../support/test-crm.ts'

// TEST_NOW is Wed 2026-11-18 10:00 in Shanghai, the test user's zone. Every close date below is read by
// the time reader (src/understand/time-reader/read-close-date.ts) and checked in the deals table.
let t: TestCrm
beforeEach(async () => {
  t = await createTestCrm()
})
afterEach(() => t.close())

const say = async (text: string) => (await t.pipeline.handle(createChatMessage({ text }))) as Reply
const dealRows = async () =>
  (await t.db.select().from(deals)).map((d) => ({ stage: d.stage, expectedClose: d.expectedClose }))

describe('a deal close date said in chat is stored as the deal row expected_close', () => {
  it.each([
    ['华为预计下个月底签约', '2026-12-31'],
    ['小米月底能签', '2026-11-30'],
    ['美的預計下個月底簽約', '2026-12-31'],
    ['格力月尾簽得到', '2026-11-30'],
    ['比亚迪预计Q1签约', '2027-03-31'],
    ['Acme Corp expected to close end of Q1', '2027-03-31'],
    ['Globex Inc close date 3/15', '2027-03-15'],
    ['Hooli Inc should close next month', '2026-12-31'],
  ])('%s → %s', async (text, expected) => {
    const reply = await say(text)
    expect(reply.intent).toBe('update_deal')
    expect(await dealRows()).toEqual([{ stage: 'lead', expectedClose: expected }])
    expect(reply.text).toContain(expected)
  })

  it('goes with a stage or an amount said in the same message', async () => {
    await say('Initech Inc deal moved to negotiation, expected close Dec 20')
    await say('拼多多的单子预计12月15号签约,金额200万')
    const rows = (await t.db.select().from(deals)).map((d) => [d.stage, d.amountMinor, d.expectedClose])
    expect(rows).toEqual([
      ['negotiation', 0, '2026-12-20'],
      ['lead', 200_000_000, '2026-12-15'],
    ])
  })

  it('moves the open deal rather than opening another, and shows the weekday', async () => {
    await say('京东进入方案阶段,报价50万')
    const reply = await say('京东预计下周签约')
    expect(reply.text).toContain('预计成交 2026-11-27(周五)')
    expect(await dealRows()).toEqual([{ stage: 'proposal', expectedClose: '2026-11-27' }])
  })

  it('a note that says when the deal closes moves its open deal too, and logs the note', async () => {
    await say('德邦物流进入商务谈判,报价80万')
    const reply = await say('电话跟进了一下德邦物流,王经理说合同已经到法务了,月底前应该能签')
    expect(reply.intent).toBe('log_interaction')
    expect(reply.text).toContain('预计成交 2026-11-30(周一)')
    expect(await dealRows()).toEqual([{ stage: 'negotiation', expectedClose: '2026-11-30' }])
    expect(await t.db.select().from(interactions)).toHaveLength(1)
  })

  it('asks before setting a close date already gone, and sets it once confirmed', async () => {
    const question = await say('Globex Inc close date 11/10')
    expect(question.intent).toBe('confirm')
    expect(question.text).toBe(
      'That close Tue 2026-11-10 is already past. Set it anyway?\nReply "yes" or "no".',
    )
    expect(await dealRows()).toEqual([])
    await say('yes')
    expect(await dealRows()).toEqual([{ stage: 'lead', expectedClose: '2026-11-10' }])
  })

  it('sets nothing for a close denied or already done, and a question about closes stays a report', async () => {
    await say('强生那边估计今年签不下来了')
    await say("Soylent won't close this quarter")
    expect((await dealRows()).filter((d) => d.expectedClose)).toEqual([])
    expect((await say('本月预计成交的单子')).intent).toBe('report')
  })
})
