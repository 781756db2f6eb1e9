import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { customers, dealStageHistory, deals, interactions, signInTokens, users } from '../../src/db/schema.ts'
import { openDatabase } from '../../src/node/open-database.ts'
import { gbkBytes } from '../support/gbk.ts'

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

  // Two real seeds (about 10 s each on a busy disk: one fsync per audited write) plus a role change.
  it('seeds a realistic demo team once, and changes a role', async () => {
    await crm('seed', '--demo')
    // issue 15 #7: a second seed into a workspace with customers is refused, naming --force.
    await expect(crm('seed', '--demo')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^crm: the web workspace already has 40 customers.*--force/),
    })
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
  }, 60_000)

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
      stderr: 'crm: unknown role "boss": expected one of rep, manager, admin\n',
    })
    await expect(crm('role', 'nobody', 'rep')).rejects.toMatchObject({
      stderr: expect.stringMatching(/no user "nobody"/),
    })
  })

  it('imports a GBK notes file (as Excel in China saves it), and finds every note present the second time', async () => {
    const file = join(dir, '跟进记录.csv')
    const notes =
      '客户名称,类型,内容,时间\n华为,拜访,谈了二期的报价,2026-11-01 14:30\nAcme,电话,确认了样品,2026-11-02\n'
    writeFileSync(file, gbkBytes(notes))
    const first = await crm('import', 'interactions', file)
    expect(first.stdout).toMatch(/2 rows, imported\n {2}created: 2 interactions\n/)
    const again = await crm('import', 'interactions', file, '--dry-run', '--encoding', 'gbk')
    expect(again.stdout).toMatch(/would create: nothing\n {2}already present, left unchanged: 2\n/)
    expect(again.stdout).toContain('line 2: already present as the same note at 华为')
    await expect(crm('import', 'interactions', file, '--encoding', 'utf-8')).rejects.toMatchObject({
      stderr: expect.stringMatching(/^crm: .* is not valid utf-8 .*--encoding gb18030/),
    })
    const { db, close } = await openDatabase({ url: env.DATABASE_URL as string })
    const imported = await db.select().from(interactions).where(eq(interactions.sourcePlatform, 'import'))
    close()
    expect(imported.map((n) => n.rawText).sort()).toEqual(['确认了样品', '谈了二期的报价'])
  })
})
