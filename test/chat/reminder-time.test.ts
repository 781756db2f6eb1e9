import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChatAction, Reply } from '../../src/chat/chat-message.ts'
import { mergeReadings } from '../../src/chat/note-enrichment.ts'
import { reminders } from '../../src/db/schema.ts'
import { parseMessage } from '../../src/understand/parse-message.ts'
import { createEnrichment } from '../enrich/enrichment-fixture.ts'
import { createTestCrm, pressButton, say as sayTo, TEST_NOW, type TestCrm } from '../support/test-crm.ts'

// TEST_NOW is Wed 2026-11-18 10:00 in Shanghai, the test user's zone.
let t: TestCrm
beforeEach(async () => {
  t = await createTestCrm()
})
afterEach(() => t.close())

const say = (text: string, overrides = {}) => sayTo(t, text, overrides)
const press = (reply: Reply, index: number, overrides: Partial<ChatAction> = {}) => {
  const button = reply.actions?.filter((a) => a.action === 'confirm_write')[index]
  if (!button) throw new Error(`no option ${index} on: ${reply.text}`)
  return pressButton(t, button, overrides)
}
const dueTimes = async () => (await t.db.select().from(reminders)).map((r) => r.dueAt.toISOString())

describe('an unsure reminder time is asked about, never guessed', () => {
  it('offers the likely readings as options and sets nothing until one is picked', async () => {
    const question = await say('remind me tomorrow 3 to call Bob')
    expect(question.intent).toBe('choice')
    expect(question.text).toMatch(/Which one/)
    expect(question.actions?.map((a) => a.label)).toEqual([
      'Thu, Nov 19, 15:00',
      'Thu, Nov 19, 03:00',
      'None',
    ])
    expect(await dueTimes()).toEqual([])
    const done = await press(question, 0)
    expect(done.text).toMatch(/remind you Thu, Nov 19, 15:00/)
    expect(await dueTimes()).toEqual(['2026-11-19T07:00:00.000Z'])
  })

  it('takes a typed number where there are no buttons', async () => {
    await say('提醒我今天给华为打电话')
    expect(await dueTimes()).toEqual([])
    const done = await say('2')
    expect(done.text).toMatch(/11月19日\(周四\) 09:00 提醒你/)
    expect(await dueTimes()).toEqual(['2026-11-19T01:00:00.000Z'])
  })

  it('sets nothing on 不是', async () => {
    await say('提醒我今天上午给华为打电话')
    expect((await say('不是')).text).toMatch(/没有记录/)
    expect(await dueTimes()).toEqual([])
  })

  it("refuses another user's pick", async () => {
    await say('帮助', { userId: 'bob', userName: 'bob', chatId: 'g1', chatKind: 'group' })
    const question = await say('remind me tomorrow 3 to call Bob', { chatId: 'g1', chatKind: 'group' })
    const refused = await press(question, 0, { userId: 'bob', chatId: 'g1' })
    expect(refused.text).toMatch(/只有 alice 本人可以确认/)
    expect(await dueTimes()).toEqual([])
  })
})

describe('the reply states what was set', () => {
  it('gives date, weekday and time in the user zone, and in the zone written', async () => {
    const reply = await say('remind me Friday 10am PST to call Acme')
    expect(reply.text).toBe("⏰ OK, I'll remind you Sat, Nov 21, 02:00 (Fri 11/20 10:00 PST): call Acme")
    expect(await dueTimes()).toEqual(['2026-11-20T18:00:00.000Z'])
  })

  it('says it in Chinese for a Chinese message', async () => {
    const reply = await say('提醒我北京时间下周一上午10点给华为打电话')
    expect(reply.text).toMatch(/^⏰ 好的,11月23日\(周一\) 10:00 \(11月23日\(周一\) 10:00 北京时间\) 提醒你/)
  })

  it('sets a sure time at once', async () => {
    const reply = await say('提醒我下午四点零八给华为打电话')
    expect(reply.text).toMatch(/11月18日\(周三\) 16:08 提醒你/)
    expect(await dueTimes()).toEqual(['2026-11-18T08:08:00.000Z'])
  })
})

describe("the model's second reading", () => {
  it('never fills in a time the reader was unsure of', () => {
    const offline = parseMessage('remind me tomorrow 3 to call Bob', {
      now: TEST_NOW,
      timeZone: 'Asia/Shanghai',
    })
    expect(offline.due_unsure).toBe(true)
    const merged = mergeReadings(
      offline,
      createEnrichment({ intent: 'set_reminder', next_step_at: '2026-11-19T03:00:00+08:00' }),
    )
    expect(merged).toMatchObject({ due_at: null, due_unsure: true, due_candidates: offline.due_candidates })
  })
})
