import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ensureTeam } from '../support/teams.ts'
import { createChatMessage, createTestCrm, type TestCrm } from '../support/test-crm.ts'

const TOKEN = 'test-token-123'
let t: TestCrm
const call = (path: string, init: RequestInit & { as?: string } = {}) =>
  t.app.request(path, {
    ...init,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      ...(init.as ? { 'x-crm-user': init.as } : {}),
    },
  })
const json = async (res: Response) => ({
  status: res.status,
  body: (await res.json()) as Record<string, unknown>,
})
const ids = (body: Record<string, unknown>) => (body.items as { text: string }[]).map((r) => r.text).sort()

beforeEach(async () => {
  t = await createTestCrm({ env: { CRM_API_TOKEN: TOKEN } })
  for (const user of ['boss', 'lead', 'rep1', 'rep2']) {
    await t.pipeline.handle(createChatMessage({ userId: user, userName: user, chatId: `dm:${user}` }))
  }
  await ensureTeam(t, { manager: 'lead', members: ['rep1'] })
  for (const [user, text, due] of [
    ['rep1', 'call Acme', '2026-11-20T01:00:00Z'],
    ['rep2', 'send deck', '2026-11-25T01:00:00Z'],
    ['lead', 'review forecast', '2026-11-19T01:00:00Z'],
  ] as const) {
    const res = await call('/api/v1/reminders', {
      method: 'POST',
      as: user,
      body: JSON.stringify({ text, due_at: due, chat_id: `dm:${user}` }),
    })
    expect(res.status).toBe(201)
  }
})
afterEach(() => t.close())

describe('GET /api/v1/reminders', () => {
  it('lists own for a rep, the team for a manager, all for an admin and the integration user', async () => {
    expect(ids((await json(await call('/api/v1/reminders', { as: 'rep1' }))).body)).toEqual(['call Acme'])
    expect(ids((await json(await call('/api/v1/reminders', { as: 'lead' }))).body)).toEqual([
      'call Acme',
      'review forecast',
    ])
    expect(ids((await json(await call('/api/v1/reminders', { as: 'boss' }))).body)).toHaveLength(3)
    expect(ids((await json(await call('/api/v1/reminders'))).body)).toHaveLength(3)
  })

  it('filters by owner, status and due_before, and pages soonest first', async () => {
    const all = (await json(await call('/api/v1/reminders'))).body.items as { id: string; owner_id: string }[]
    const rep2 = all.find((r) => r.owner_id && ids({ items: [r] })[0] === 'send deck')?.owner_id
    expect(ids((await json(await call(`/api/v1/reminders?owner=${rep2}`))).body)).toEqual(['send deck'])
    expect(ids((await json(await call('/api/v1/reminders?due_before=2026-11-21T00:00:00Z'))).body)).toEqual([
      'call Acme',
      'review forecast',
    ])
    expect(ids((await json(await call('/api/v1/reminders?status=done'))).body)).toEqual([])
    const first = (await json(await call('/api/v1/reminders?limit=2'))).body
    expect((first.items as { text: string }[]).map((r) => r.text)).toEqual(['review forecast', 'call Acme'])
    const rest = (await json(await call(`/api/v1/reminders?limit=2&cursor=${first.next_cursor}`))).body
    expect((rest.items as { text: string }[]).map((r) => r.text)).toEqual(['send deck'])
    expect(rest.next_cursor).toBeNull()
    expect((await call('/api/v1/reminders?status=bogus')).status).toBe(400)
  })
})

describe('PATCH and DELETE /api/v1/reminders/:id', () => {
  it('edits and cancels within the caller’s reach; another rep’s is not found', async () => {
    const [mine] = (await json(await call('/api/v1/reminders', { as: 'rep1' }))).body.items as {
      id: string
    }[]
    const patch = (as: string, body: unknown) =>
      call(`/api/v1/reminders/${mine?.id}`, { method: 'PATCH', as, body: JSON.stringify(body) })
    expect((await patch('rep2', { text: 'x' })).status).toBe(404)
    const moved = await json(
      await patch('lead', { due_at: '2026-11-21T02:00:00+08:00', text: 'call Acme back' }),
    )
    expect(moved.body).toMatchObject({
      text: 'call Acme back',
      due_at: '2026-11-20T18:00:00.000Z',
      status: 'pending',
    })
    expect((await patch('rep1', { text: '' })).status).toBe(400)
    expect((await call(`/api/v1/reminders/${mine?.id}`, { method: 'DELETE', as: 'rep2' })).status).toBe(404)
    const gone = await json(await call(`/api/v1/reminders/${mine?.id}`, { method: 'DELETE', as: 'rep1' }))
    expect(gone.body.items).toMatchObject([{ status: 'cancelled' }])
  })

  it('creates a series from an RRULE and refuses one it cannot follow', async () => {
    const ok = await json(
      await call('/api/v1/reminders', {
        method: 'POST',
        body: JSON.stringify({
          text: '对账',
          due_at: '2026-12-01T09:00:00+08:00',
          recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1',
        }),
      }),
    )
    expect(ok.body).toMatchObject({ recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1', series_id: ok.body.id })
    const bad = await json(
      await call('/api/v1/reminders', {
        method: 'POST',
        body: JSON.stringify({ text: 'x', due_at: '2026-12-01T09:00:00+08:00', recurrence: 'FREQ=SECONDLY' }),
      }),
    )
    expect(bad.status).toBe(400)
    expect(String(bad.body.message)).toMatch(/FREQ/)
  })
})

describe('/api/v1/workspace/rules', () => {
  it('shows the defaults, and lets only an admin change them', async () => {
    expect((await json(await call('/api/v1/workspace/rules', { as: 'rep1' }))).body).toMatchObject({
      quiet_hours: '21:00-08:00',
      pool: { enabled: false, no_follow_up_days: 30, no_won_days: 90, warn_days: 3 },
      nudges: { deal_days: 14, customer_days: 60 },
    })
    const body = JSON.stringify({ quiet_hours: '22:00-07:00', pool: { enabled: true, claim_limit: 20 } })
    expect((await call('/api/v1/workspace/rules', { method: 'PATCH', as: 'rep1', body })).status).toBe(403)
    const changed = await json(await call('/api/v1/workspace/rules', { method: 'PATCH', as: 'boss', body }))
    expect(changed.body).toMatchObject({
      quiet_hours: '22:00-07:00',
      pool: { enabled: true, claim_limit: 20 },
    })
    const bad = JSON.stringify({ quiet_hours: '25:00-07:00' })
    expect((await call('/api/v1/workspace/rules', { method: 'PATCH', as: 'boss', body: bad })).status).toBe(
      400,
    )
  })
})
