import { eq, inArray } from 'drizzle-orm'
import { newId } from '../../src/db/database.ts'
import { teams, users } from '../../src/db/schema.ts'
import type { TestCrm } from './test-crm.ts'

/** Puts `members` (platform user ids, already registered) in a team managed by `manager`, made a manager. */
export async function ensureTeam(t: TestCrm, team: { manager: string; members: string[] }) {
  const [manager] = await t.db.select().from(users).where(eq(users.platformUserId, team.manager))
  if (!manager) throw new Error(`no user ${team.manager}`)
  const id = newId()
  await t.db.insert(teams).values({
    id,
    workspaceId: manager.workspaceId,
    name: `${team.manager}'s team`,
    managerUserId: manager.id,
  })
  await t.db.update(users).set({ role: 'manager', teamId: id }).where(eq(users.id, manager.id))
  await t.db.update(users).set({ teamId: id }).where(inArray(users.platformUserId, team.members))
  return id
}
