import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { actorFromUser, ensureWorkspace, findUser } from '../../src/crm/users.ts'
import { contacts, customers, deals, reminders, users } from '../../src/db/schema.ts'
import { seedDemo } from '../../src/demo/seed-demo.ts'
import { goingCold } from '../../src/jobs/going-cold.ts'
import { createChatMessage, createTestCrm, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm
beforeEach(async () => {
  t = await createTestCrm()
})
afterEach(() => t.close())

describe('issue 15 #7: demo data', () => {
  it('looks like real work: varied contacts and titles, named deals, reminders, customers going cold', async () => {
    const result = await seedDemo(t.crm, 'Asia/Shanghai')
    expect(result.refused).toBeUndefined()
    const people = await t.db.select().from(contacts)
    expect(new Set(people.map((c) => c.name)).size).toBeGreaterThan(people.length / 2)
    expect(new Set(people.map((c) => c.title)).size).toBeGreaterThan(8)
    const titles = (await t.db.select({ title: deals.title }).from(deals)).map((d) => d.title)
    expect(titles.filter((x) => /项目 \d+|deal \d+/.test(x))).toEqual([])
    expect(titles.some((x) => /^华为 · \S+/.test(x))).toBe(true)
    expect(await t.db.$count(reminders)).toBeGreaterThan(5)
    const ws = await ensureWorkspace(t.crm, 'web', 'local')
    const manager = actorFromUser((await findUser(t.crm, ws.id, '王经理'))!)
    expect((await goingCold(t.crm, manager, 14)).customers.length).toBeGreaterThanOrEqual(5)
  }, 60_000)

  it('refuses a workspace someone already uses unless forced; forced, it neither duplicates nor demotes', async () => {
    await t.pipeline.handle(
      createChatMessage({ userId: '张伟', userName: '张伟', text: '今天给华为张总打了电话' }),
    )
    expect((await seedDemo(t.crm, 'Asia/Shanghai')).refused).toMatch(/already has 1 customers.*--force/)
    expect(await t.db.$count(users)).toBe(1)
    const forced = await seedDemo(t.crm, 'Asia/Shanghai', { force: true })
    expect(forced.refused).toBeUndefined()
    expect(await t.db.$count(customers, eq(customers.name, '华为'))).toBe(1)
    const [zhang] = await t.db.select().from(users).where(eq(users.platformUserId, '张伟'))
    expect(zhang?.role).toBe('admin')
    expect(await t.db.$count(users, eq(users.platformUserId, 'admin'))).toBe(0)
  }, 60_000)
})
