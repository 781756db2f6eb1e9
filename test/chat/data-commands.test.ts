import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { consents, customers, users } from '../../src/db/schema.ts'
import { createChatMessage, createTestCrm, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm
beforeEach(async () => {
  t = await createTestCrm()
})
afterEach(() => t.close())

const say = async (text: string, userId = 'alice') => {
  const reply = await t.pipeline.handle(createChatMessage({ text, userId, userName: userId }))
  if (!reply) throw new Error(`no reply to ${text}`)
  return reply
}

describe('customer data commands in chat', () => {
  it('asks 是不是「华为技术有限公司」 for 华为, lists it under 查重, merges, undoes, and shows the change history', async () => {
    await say('今天拜访了华为技术有限公司的张伟,聊得不错')
    const question = await say('今天给华为打了电话,聊得不错')
    expect(question.intent).toBe('choice')
    expect(question.text).toMatch(/^是不是「华为技术有限公司」\?/)
    const created = await say('2')
    expect(created.intent).toBe('log_interaction')

    const dedup = await say('查重')
    expect(dedup.text).toMatch(/华为 ~ 华为技术有限公司|华为技术有限公司 ~ 华为/)
    expect(dedup.text).toContain('同一品牌 华为')

    const merged = await say('合并 华为 华为技术有限公司')
    expect(merged.text).toMatch(/已把「华为」并入「华为技术有限公司」/)
    expect(await t.db.$count(customers, eq(customers.status, 'active'))).toBe(1)
    // The merged name is an alias now: the next note about 华为 goes to the survivor without a question.
    expect((await say('今天又拜访了华为,聊得不错')).intent).toBe('log_interaction')

    const undone = await say(`撤销合并 ${merged.data?.mergeId}`)
    expect(undone.text).toMatch(/已撤销合并/)
    expect(await t.db.$count(customers, eq(customers.status, 'active'))).toBe(2)

    const trail = await say('华为技术有限公司的修改记录')
    expect(trail.text).toMatch(/「华为技术有限公司」的修改记录:/)
    expect(trail.text).toMatch(/unmerge customer/)
    expect(trail.text).toMatch(/merge customer/)
  })

  it("records a contact's consent from chat", async () => {
    await say('今天拜访了华为的张伟,手机 13800138000')
    const reply = await say('记录同意 张伟 营销')
    expect(reply.text).toMatch(/已记录:张伟 同意\(marketing\)/)
    const rows = await t.db.select().from(consents)
    expect(rows).toMatchObject([{ channel: 'marketing', status: 'granted', basis: 'chat' }])
    expect((await say('撤回同意 13800138000')).data).toMatchObject({ status: 'withdrawn' })
  })

  it('keeps the change history from reps, and leaves a note that only mentions 修改记录 to the parser', async () => {
    await say('今天拜访了华为,聊得不错')
    await say('帮助', 'bob')
    await t.db.update(users).set({ role: 'rep' }).where(eq(users.platformUserId, 'bob'))
    expect((await say('华为的修改记录', 'bob')).text).toMatch(/只有经理和管理员/)
    expect((await say('客户要求查看合同修改记录')).intent).not.toBe('action')
  })
})
