import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/crm/crm-context.ts'
import { createCustomer } from '../../src/crm/customers.ts'
import { createDeal, updateDeal } from '../../src/crm/deals.ts'
import { periodRange } from '../../src/crm/periods.ts'
import { type PipelineSummary, pipelineSummary } from '../../src/crm/pipeline-summary.ts'
import { setSharingMode } from '../../src/crm/sharing.ts'
import { actorFromUser, ensureUser, ensureWorkspace } from '../../src/crm/users.ts'
import { newId } from '../../src/db/database.ts'
import {
  customers,
  DEAL_STAGES,
  dealStageHistory,
  deals,
  type Role,
  teams,
  users,
} from '../../src/db/schema.ts'
import { type OracleDeal, oracleFigures } from '../support/pipeline-oracle.ts'
import { createTestCrm, TEST_NOW, type TestCrm } from '../support/test-crm.ts'

// 本月 as of TEST_NOW in Shanghai: instants are drawn around its two edges.
const MONTH = periodRange('this_month', TEST_NOW, 'Asia/Shanghai')
const DAY = 86_400_000
const instant = fc.oneof(
  fc.constantFrom(
    MONTH.start,
    new Date(MONTH.start.getTime() - 1),
    MONTH.end,
    new Date(MONTH.end.getTime() - 1),
  ),
  fc.integer({ min: -3 * DAY, max: 33 * DAY }).map((ms) => new Date(MONTH.start.getTime() + ms)),
)
const PEOPLE = ['root', 'boss', 'zhang', 'li', 'wang', 'outsider'] as const
const deal = fc.record({
  // null: an unowned deal; `outsider` is a user of another workspace.
  owner: fc.constantFrom(...PEOPLE, null),
  stage: fc.constantFrom(...DEAL_STAGES),
  currency: fc.constantFrom('CNY', 'USD', 'JPY'),
  // Negative amounts too: the SQL's rounding of the weighted amount must match Math.round both ways.
  amountMinor: fc.integer({ min: -1_000_000, max: 1_000_000_000 }),
  probability: fc.integer({ min: 0, max: 100 }),
  closedAt: fc.option(instant),
  changes: fc.array(instant, { maxLength: 2 }),
})
type DealCase = { deal: typeof deal extends fc.Arbitrary<infer T> ? T : never; id: string }

let t: TestCrm
const ids = new Map<string, string>()
const names = new Map<string, string>()
const actors = new Map<string, Actor>()
const workspaceOf = new Map<string | null, string>()
const customerOf = new Map<string, string>()

beforeAll(async () => {
  t = await createTestCrm()
  const home = await ensureWorkspace(t.crm, 'web', 'local')
  const other = await ensureWorkspace(t.crm, 'web', 'other')
  await setSharingMode(t.crm, null, home.id, 'private')
  const east = newId()
  await t.db.insert(teams).values({ id: east, workspaceId: home.id, name: 'East' })
  const person = async (id: string, role: Role, teamId: string | null, workspaceId = home.id) => {
    const user = await ensureUser(t.crm, workspaceId, id, { displayName: `${id}-name` }, 'Asia/Shanghai')
    await t.db.update(users).set({ role, teamId }).where(eq(users.id, user.id))
    ids.set(id, user.id)
    names.set(user.id, user.displayName)
    actors.set(id, actorFromUser({ ...user, role, teamId }))
    workspaceOf.set(id, workspaceId)
  }
  await person('root', 'admin', null)
  await person('boss', 'manager', east)
  await person('zhang', 'rep', east)
  await person('li', 'rep', east)
  await person('wang', 'rep', null)
  await person('outsider', 'admin', null, other.id)
  await t.db
    .update(teams)
    .set({ managerUserId: ids.get('boss') })
    .where(eq(teams.id, east))
  workspaceOf.set(null, home.id)
  for (const ws of [home.id, other.id]) {
    const id = newId()
    await t.db.insert(customers).values({ id, workspaceId: ws, name: `c-${ws}`, normalizedName: `c-${ws}` })
    customerOf.set(ws, id)
  }
})
afterAll(() => t.close())

async function store(cases: DealCase[]) {
  await t.db.delete(dealStageHistory)
  await t.db.delete(deals)
  for (const { deal: d, id } of cases) {
    const workspaceId = workspaceOf.get(d.owner) ?? ''
    await t.db.insert(deals).values({
      id,
      workspaceId,
      customerId: customerOf.get(workspaceId) ?? '',
      title: id,
      amountMinor: d.amountMinor,
      currency: d.currency,
      stage: d.stage,
      probability: d.probability,
      ownerUserId: d.owner && (ids.get(d.owner) ?? null),
      closedAt: d.closedAt,
      // As createDeal and updateDeal keep it: the latest history row's time.
      stageChangedAt: d.changes.reduce<Date | null>((last, at) => (last && last > at ? last : at), null),
    })
    for (const at of d.changes)
      await t.db.insert(dealStageHistory).values({ id: newId(), dealId: id, toStage: d.stage, changedAt: at })
  }
}

/** What `who` may see, listed by hand: root all of the workspace, boss East (self, zhang, li), a rep their own. */
const VISIBLE: Record<string, (owner: string | null) => boolean> = {
  root: (owner) => owner !== 'outsider',
  boss: (owner) => owner === 'boss' || owner === 'zhang' || owner === 'li',
  zhang: (owner) => owner === 'zhang',
}

function expected(cases: DealCase[], who: string) {
  const rows: OracleDeal[] = cases
    .filter(({ deal: d }) => VISIBLE[who]?.(d.owner))
    .map(({ deal: d }) => ({
      ...d,
      ownerUserId: d.owner && (ids.get(d.owner) ?? null),
      ownerName: d.owner && (names.get(ids.get(d.owner) ?? '') ?? null),
      movedInPeriod: d.changes.some((at) => at >= MONTH.start && at < MONTH.end),
    }))
  return oracleFigures(rows, MONTH)
}

function expectAgreement(s: PipelineSummary) {
  const open = s.stages.filter((x) => x.stage !== 'won' && x.stage !== 'lost')
  expect(open.reduce((n, x) => n + x.count, 0)).toBe(s.total.count)
  expect(s.owners.reduce((n, o) => n + o.count, 0)).toBe(s.total.count)
  expect(s.owners.reduce((n, o) => n + o.won_count, 0)).toBe(s.won.count)
}

describe('the pipeline summed by SQLite equals the deals summed one by one', () => {
  it('for any deals, each viewer gets exactly the figures of the deals they may see', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(deal, { maxLength: 30 }), async (drawn) => {
        // Ids minted in order, so creation order (the tie-break) is the order drawn.
        const cases = drawn.map((d) => ({ deal: d, id: newId() }))
        await store(cases)
        for (const who of Object.keys(VISIBLE)) {
          const s = await pipelineSummary(t.crm, actors.get(who)!, 'this_month')
          const [main, ...others] = expected(cases, who)
          expectAgreement(s)
          expect(s.currency).toBe(main?.currency ?? 'CNY')
          expect({ total: s.total, won: s.won, lost: s.lost, moved: s.moved }).toEqual({
            total: main?.open ?? { count: 0, amount: 0, weighted_amount: 0 },
            won: main?.won ?? { count: 0, amount: 0, weighted_amount: 0 },
            lost: main?.lost ?? { count: 0, amount: 0, weighted_amount: 0 },
            moved: main?.moved ?? 0,
          })
          if (main)
            expect({ stages: s.stages, owners: s.owners }).toEqual({
              stages: main.stages,
              owners: main.owners,
            })
          expect(
            s.other_currencies.map(({ currency, open, won, lost }) => ({ currency, open, won, lost })),
          ).toEqual(others.map(({ currency, open, won, lost }) => ({ currency, open, won, lost })))
        }
      }),
      { numRuns: 40 },
    )
  })

  it('a named owner narrows the sums to their deals, inside what the viewer may see', async () => {
    const mine = (owner: (typeof PEOPLE)[number], stage: 'proposal' | 'won'): DealCase => ({
      deal: {
        owner,
        stage,
        currency: 'CNY',
        amountMinor: 10_000,
        probability: 50,
        closedAt: stage === 'won' ? MONTH.start : null,
        changes: [],
      },
      id: newId(),
    })
    await store([mine('zhang', 'proposal'), mine('li', 'won'), mine('wang', 'proposal')])
    const boss = actors.get('boss')!
    const zhang = { id: ids.get('zhang')!, name: 'zhang-name' }
    const wang = { id: ids.get('wang')!, name: 'wang-name' }
    const own = await pipelineSummary(t.crm, boss, 'this_month', { owner: zhang })
    expect(own.owners.map((o) => o.ownerId)).toEqual([zhang.id])
    expect(own.total).toEqual({ count: 1, amount: 100, weighted_amount: 50 })
    expect(own.won.count).toBe(0)
    // 王强 is outside the manager's team: naming him shows nothing rather than his deals.
    const outside = await pipelineSummary(t.crm, boss, 'this_month', { owner: wang })
    expect(outside.total.count).toBe(0)
    expect(outside.owners).toEqual([])
  })

  it('createDeal and updateDeal keep stage_changed_at at the latest stage history row', async () => {
    const zhang = actors.get('zhang')!
    const at = (iso: string) => ({ db: t.db, now: () => new Date(iso) })
    const customer = await createCustomer(t.crm, zhang, { name: '华为' })
    const deal = await createDeal(at('2026-11-02T02:00:00Z'), zhang, {
      customerId: customer.id,
      title: 'ERP',
    })
    await updateDeal(at('2026-11-10T02:00:00Z'), zhang, deal.id, { stage: 'proposal' })
    await updateDeal(at('2026-11-12T02:00:00Z'), zhang, deal.id, { title: 'ERP 一期' })
    // A clock behind the last change (another server's) does not move it back.
    await updateDeal(at('2026-11-05T02:00:00Z'), zhang, deal.id, { stage: 'negotiation' })
    const [row] = await t.db.select().from(deals).where(eq(deals.id, deal.id))
    const history = await t.db.select().from(dealStageHistory).where(eq(dealStageHistory.dealId, deal.id))
    expect(history).toHaveLength(3)
    expect(row?.stageChangedAt).toEqual(new Date('2026-11-10T02:00:00Z'))
    expect(row?.stageChangedAt).toEqual(new Date(Math.max(...history.map((h) => h.changedAt.getTime()))))
  })
})
