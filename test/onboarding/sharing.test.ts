import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getCustomer, listCustomers } from '../../src/crm/customers.ts'
import { createDeal, getDeal, listDeals, updateDeal } from '../../src/crm/deals.ts'
import { setSharingMode } from '../../src/crm/sharing.ts'
import { actorFromUser, ensureWorkspace, findUser } from '../../src/crm/users.ts'
import { auditLog, customerCollaborators, interactions, reminders, workspaces } from '../../src/db/schema.ts'
import { createChatMessage, createTestCrm, TEST_NOW, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm
beforeEach(async () => {
  t = await createTestCrm()
})
afterEach(() => t.close())

const WELCOME = '今天给华为张总打了电话,他对报价满意,下周三跟进'
const say = (user: string, text: string) =>
  t.pipeline.handle(createChatMessage({ userId: user, userName: user, chatId: `dm:${user}`, text }))
const actorOf = async (user: string) => {
  const ws = await ensureWorkspace(t.crm, 'web', 'local')
  return actorFromUser((await findUser(t.crm, ws.id, user))!)
}
const usePrivate = async () =>
  setSharingMode(t.crm, null, (await ensureWorkspace(t.crm, 'web', 'local')).id, 'private')

describe('issue 15 #1: the second user is not locked out', () => {
  it('a new workspace is in team mode: the second user logs the welcome example on the same customer', async () => {
    await say('张伟', WELCOME)
    const second = await say('李娜', WELCOME)
    expect(second?.text).not.toMatch(/已由|联系你的经理/)
    expect(second?.text).toMatch(/已记录 · 华为/)
    const notes = await t.db.select().from(interactions)
    expect(new Set(notes.map((n) => n.customerId)).size).toBe(1)
    expect(notes).toHaveLength(2)
    const [ws] = await t.db.select().from(workspaces)
    expect(ws?.sharingMode).toBe('team')
  })

  it('in private mode a note on a colleague customer is kept and offers to tell the owner or ask for access', async () => {
    await say('张伟', WELCOME)
    await usePrivate()
    const reply = await say('李娜', '拜访了华为,客户想加购')
    expect(reply?.text).toMatch(/已记录到「华为」\(负责人 张伟\)/)
    expect(reply?.actions?.map((a) => a.value.kind)).toEqual(['notify', 'access'])
    expect(await t.db.select().from(interactions)).toHaveLength(2)
    const ask = reply?.actions?.[1]
    const result = await t.pipeline.act({
      platform: 'web',
      workspaceId: 'local',
      chatId: 'dm:李娜',
      userId: '李娜',
      action: 'ask_owner',
      value: ask!.value,
      receivedAt: TEST_NOW,
    })
    expect(result.text).toMatch(/已通知 张伟/)
    const pushed = (await t.db.select().from(reminders)).find((r) => r.text.includes('申请'))
    expect(pushed?.chatId).toBe('dm:张伟')
    expect(pushed?.text).toMatch(/李娜 申请成为「华为」的协作人/)
    // Still hidden from 李娜 until the owner shares it.
    const lina = await actorOf('李娜')
    await expect(getCustomer(t.crm, lina, pushed!.customerId!)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('the owner shares a customer by chat; the collaborator then reads it and logs notes', async () => {
    await say('张伟', WELCOME)
    await say('李娜', '帮助')
    await usePrivate()
    const shared = await say('张伟', '把李娜加为华为的协作人')
    expect(shared?.text).toBe('✅ 李娜 现在是「华为」的协作人。')
    expect(await t.db.select().from(customerCollaborators)).toHaveLength(1)
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityType, 'customer_collaborator'))
    expect(audit).toHaveLength(1)
    const lookup = await say('李娜', '查一下华为')
    expect(lookup?.intent).toBe('lookup_customer')
    const note = await say('李娜', '拜访了华为,客户想加购')
    expect(note?.text).toMatch(/^已记录 · 华为/)
  })

  it('a collaborator reads the shared customer deals but may not change them; others still see none', async () => {
    await say('张伟', WELCOME)
    await say('李娜', '帮助')
    await say('王芳', '帮助')
    await usePrivate()
    const owner = await actorOf('张伟')
    const [huawei] = (await listCustomers(t.crm, owner, { limit: 10 })).items
    const deal = await createDeal(t.crm, owner, {
      customerId: huawei!.id,
      title: '华为 · 二期',
      amount: 500_000,
    })
    await say('张伟', '把李娜加为华为的协作人')
    const lina = await actorOf('李娜')
    expect((await listDeals(t.crm, lina, { limit: 10 })).items.map((d) => d.id)).toEqual([deal.id])
    expect((await listDeals(t.crm, lina, { limit: 10, customerId: huawei!.id })).items).toHaveLength(1)
    expect((await getDeal(t.crm, lina, deal.id)).title).toBe('华为 · 二期')
    await expect(updateDeal(t.crm, lina, deal.id, { stage: 'won' })).rejects.toMatchObject({
      code: 'not_found',
    })
    // Not shared with 王芳: the deal is not there for her at all.
    const wang = await actorOf('王芳')
    expect((await listDeals(t.crm, wang, { limit: 10 })).items).toEqual([])
    await expect(getDeal(t.crm, wang, deal.id)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('only an admin switches the sharing mode, and a bad mode is named', async () => {
    await say('张伟', '帮助')
    await say('李娜', '帮助')
    expect((await say('李娜', '共享模式 私有'))?.text).toMatch(/only an admin/)
    expect((await say('张伟', 'sharing secret'))?.text).toMatch(
      /sharing mode "secret": expected one of team, private/,
    )
    expect((await say('张伟', '共享模式 私有'))?.text).toMatch(/私有/)
    const [ws] = await t.db.select().from(workspaces)
    expect(ws?.sharingMode).toBe('private')
  })

  it('a rep may not share a colleague customer', async () => {
    await say('张伟', WELCOME)
    await say('李娜', '帮助')
    await say('王芳', '帮助')
    const refused = await say('李娜', '把王芳加为华为的协作人')
    expect(refused?.text).toMatch(/only the owner of 华为/)
  })
})
