import { type Context, Hono } from 'hono'
import type { ChartRenderer } from '../charts/chart-renderer.ts'
import { visibleOwnerIds } from '../crm/access.ts'
import type { Actor, CrmContext } from '../crm/crm-context.ts'
import { listCustomers } from '../crm/customers.ts'
import { periodRange } from '../crm/periods.ts'
import { pipelineSummary } from '../crm/pipeline-summary.ts'
import { activityByOwner } from '../crm/reports/activity-report.ts'
import { staleCustomers } from '../crm/reports/customer-reports.ts'
import { BoardPage } from './board-page.tsx'
import { CustomerListPage, CustomerPage } from './customer-pages.tsx'
import { customerPage, pipelineBoard, teamReminders } from './dashboard-data.ts'
import { langOf } from './dashboard-layout.tsx'
import { ActivityPage, RemindersPage } from './team-pages.tsx'

export interface DashboardDeps {
  crm: CrmContext
  /** Draws the funnel and by-owner charts; absent where no renderer runs (Workers), and pages omit them. */
  charts?: ChartRenderer | undefined
}

const SIGN_IN_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Sign in</title>' +
  '<p>请先登录:私聊机器人发送「网页版」获取登录链接。</p>' +
  '<p>Sign in first: send the bot "/crm web" in a direct message for a sign-in link.</p>'

/** The signed-in actor; the session middleware (src/auth/web-session.ts) sets it. */
const actorOf = (c: Context): Actor | undefined => c.get('webActor')

/**
 * `/dashboard` and its pages, server-rendered, each read through the same permission rules as the chat
 * (a rep their own, a manager the team, an admin all). Nobody signed in gets a 401 page saying how to sign in.
 */
export function createDashboardRoutes(deps: DashboardDeps): Hono {
  const { crm, charts } = deps
  const routes = new Hono()
  routes.use('/dashboard', guard)
  routes.use('/dashboard/*', guard)
  routes.get('/dashboard', async (c) => {
    const actor = actorOf(c) as Actor
    return c.html(<BoardPage actor={actor} columns={await pipelineBoard(crm, actor)} chart={!!charts} />)
  })
  routes.get('/dashboard/customers', async (c) => {
    const actor = actorOf(c) as Actor
    const q = (c.req.query('q') ?? '').slice(0, 100)
    const page = await listCustomers(crm, actor, { q: q || undefined, limit: 50 })
    return c.html(<CustomerListPage actor={actor} q={q} customers={page.items} />)
  })
  routes.get('/dashboard/customers/:id', async (c) => {
    const actor = actorOf(c) as Actor
    return c.html(<CustomerPage actor={actor} page={await customerPage(crm, actor, c.req.param('id'))} />)
  })
  routes.get('/dashboard/reminders', async (c) => {
    const actor = actorOf(c) as Actor
    return c.html(<RemindersPage actor={actor} reminders={await teamReminders(crm, actor)} />)
  })
  routes.get('/dashboard/activity', async (c) => {
    const actor = actorOf(c) as Actor
    const owners = await visibleOwnerIds(crm, actor)
    const range = periodRange('this_week', crm.now(), actor.timeZone)
    const [rows, stale] = await Promise.all([
      activityByOwner(crm, actor.workspaceId, owners, range, null),
      staleCustomers(crm, actor.workspaceId, owners, 14),
    ])
    return c.html(<ActivityPage actor={actor} rows={rows} stale={stale.customers} chart={!!charts} />)
  })
  if (charts) {
    routes.get('/dashboard/charts/:kind{funnel|owners}.png', async (c) => {
      const actor = actorOf(c) as Actor
      const summary = await pipelineSummary(crm, actor, 'this_month')
      const lang = langOf(actor)
      const png =
        c.req.param('kind') === 'funnel'
          ? await charts.pipelineFunnel(summary, lang)
          : await charts.ownerBars(summary, lang)
      return c.body(png as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'image/png',
        'cache-control': 'private, max-age=60',
      })
    })
  }
  return routes
}

async function guard(c: Context, next: () => Promise<void>) {
  const actor = actorOf(c)
  if (!actor) return c.html(SIGN_IN_PAGE, 401)
  c.header('cache-control', 'private, no-store')
  await next()
  return undefined
}
