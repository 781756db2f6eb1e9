import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { customers, dealStageHistory, deals, interactions, signInTokens, users } from '../../src/db/schema.ts'
import { openDatabase } from '../../src/node/open-database.ts'

const run = promisify(execFile)
let dir: string
let env: NodeJS.ProcessEnv

const crm = (...args: string[]) => run('node', ['bin/crm.mjs', ...args], { env, cwd: process.cwd() })

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crm-cli-'))
  env = { ...process.env, DATABASE_URL: `file:${join(dir, 'nested', 'crm.db')}` }
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the crm command', () => {
  it('migrates an empty database, creating its folder', async () => {
    const { stdout } = await crm('migrate')
    expect(stdout).toMatch(/migrations applied/)
  })

  it('seeds a realistic demo team once, and changes a role', async () => {
    await crm('seed', '--demo')
    const again = await crm('seed', '--demo')
    expect(again.stdout).toMatch(/already seeded/)
    const { db, close } = await openDatabase({ url: env.DATABASE_URL as string })
    try {
      const roles = await db
        .select({ role: users.role, n: sql<number>`count(*)` })
        .from(users)
        .groupBy(users.role)
      expect(Object.fromEntries(roles.map((r) => [r.role, r.n]))).toEqual({ admin: 1, manager: 1, rep: 3 })
      expect(await db.$count(customers)).toBe(40)
      expect(await db.$count(deals)).toBe(60)
      expect(await db.$count(interactions)).toBe(300)
      const stages = await db.selectDistinct({ stage: deals.stage }).from(deals)
      expect(stages.map((s) => s.stage).sort()).toEqual([
        'lead',
        'lost',
        'negotiation',
        'proposal',
        'qualified',
        'won',
      ])
      // Deals walked their stages over weeks, so period summaries differ and the history is real.
      expect(await db.$count(dealStageHistory)).toBeGreaterThan(100)
      const closed = await db.select({ at: deals.closedAt }).from(deals).where(eq(deals.stage, 'won'))
      expect(closed.some((d) => Date.now() - Number(d.at) > 14 * 86_400_000)).toBe(true)
      const names = (await db.select({ name: customers.name }).from(customers)).map((c) => c.name)
      expect(names).toContain('华为')
      expect(names).toContain('Acme')
      const oldest = await db.select({ at: sql<number>`min(${interactions.occurredAt})` }).from(interactions)
      expect(Date.now() - Number(oldest[0]?.at)).toBeGreaterThan(60 * 86_400_000)
    } finally {
      close()
    }
    const { stdout } = await crm('role', '张伟', 'manager')
    expect(stdout).toMatch(/张伟 is now manager/)
    const after = await openDatabase({ url: env.DATABASE_URL as string })
    const [rep] = await after.db.select().from(users).where(eq(users.platformUserId, '张伟'))
    after.close()
    expect(rep?.role).toBe('manager')
  })

  it('prints a one-time sign-in link for a user, keeping only its hash', async () => {
    const { stdout } = await crm('login', '张伟')
    const url = new URL(stdout.trim())
    expect(url.pathname).toBe('/auth/redeem')
    const token = url.searchParams.get('token') ?? ''
    expect(token.length).toBeGreaterThan(40)
    const { db, close } = await openDatabase({ url: env.DATABASE_URL as string })
    const rows = await db.select().from(signInTokens)
    close()
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(token)
  })

  it('refuses an unknown role or user with a clear message', async () => {
    await expect(crm('role', 'Lily Chen', 'boss')).rejects.toMatchObject({
      stderr: expect.stringMatching(/usage: crm role/),
    })
    await expect(crm('role', 'nobody', 'rep')).rejects.toMatchObject({
      stderr: expect.stringMatching(/no user "nobody"/),
    })
  })
})
