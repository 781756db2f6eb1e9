import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { eq } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/libsql'
import type { Actor, CrmContext } from '../src/crm/crm-context.ts'
import { pipelineSummary } from '../src/crm/pipeline-summary.ts'
import { runReport } from '../src/crm/reports/run-report.ts'
import { actorFromUser } from '../src/crm/users.ts'
import * as schema from '../src/db/schema.ts'
import { openDatabase } from '../src/node/open-database.ts'
import type { ReportQuery } from '../src/understand/parsed-message.ts'
import { BENCH_NOW, seededFile } from './reports-seed.ts'

/** Timed runs per question and role (`--runs=N` to change), after `WARM_UP` untimed ones. */
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 60)
const WARM_UP = Math.min(5, RUNS)
/** `--only=stale` asks only the questions whose name holds that text. */
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? ''

const query = (metric: ReportQuery['metric'], fields: Partial<ReportQuery> = {}): ReportQuery => ({
  metric,
  owner: null,
  period: null,
  stage: null,
  stale_days: null,
  sentiment: null,
  limit: null,
  channel: null,
  ...fields,
})

const QUESTIONS: [name: string, ask: (ctx: CrmContext, actor: Actor) => Promise<unknown>][] = [
  ['pipeline summary, this month', (ctx, actor) => pipelineSummary(ctx, actor, 'this_month')],
  ['activity this week', (ctx, actor) => runReport(ctx, actor, query('activity'), { chatKind: 'direct' })],
  [
    'stale customers, 14 days',
    (ctx, actor) => runReport(ctx, actor, query('stale_customers'), { chatKind: 'direct' }),
  ],
]
const ROLES = [
  ['admin', 'u-admin'],
  ['manager', 'u-m0'],
  ['rep', 'u-r07'],
] as const

/** Nearest-rank percentile of sorted samples. */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
const ms = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en'))

/**
 * The three report questions of issue 13 over 1,000,000 interactions, 100,000 customers and 100,000 deals
 * on a libSQL file, asked as an admin, a manager (10 reps) and a rep: p50 and p95 in ms. The seeded file
 * is cached in the temp folder (see `reports-seed.ts`); `BENCH_RESEED=1` or `--reseed` builds it again,
 * `--explain` prints each query's `EXPLAIN QUERY PLAN`.
 */
export async function benchReports() {
  const reseed = process.env.BENCH_RESEED === '1' || process.argv.includes('--reseed')
  const seeded = await seededFile(reseed)
  const { db, client, close } = await openDatabase({ url: `file:${seeded.path}` })
  try {
    // Statistics for indexes added by migrations applied since the file was seeded.
    await client.execute('PRAGMA optimize')
    const ctx: CrmContext = { db, now: () => BENCH_NOW }
    const actors = new Map<string, Actor>()
    for (const [role, id] of ROLES) {
      const [user] = await db.select().from(schema.users).where(eq(schema.users.id, id))
      if (!user) throw new Error(`the seeded file has no ${id}: rebuild it with BENCH_RESEED=1`)
      actors.set(role, actorFromUser(user))
    }
    const results: Record<string, string> = {
      'data (customers / deals / interactions)': '100,000 / 100,000 / 1,000,000',
      seeding: seeded.seededSeconds === null ? 'cached file reused' : `${seeded.seededSeconds.toFixed(1)} s`,
    }
    for (const [name, ask] of QUESTIONS.filter(([name]) => name.includes(ONLY)))
      for (const [role] of ROLES) {
        const actor = actors.get(role)!
        for (let i = 0; i < WARM_UP; i++) await ask(ctx, actor)
        const samples: number[] = []
        for (let i = 0; i < RUNS; i++) {
          const started = performance.now()
          await ask(ctx, actor)
          samples.push(performance.now() - started)
        }
        samples.sort((a, b) => a - b)
        results[`${name}, ${role} (p50 · p95 ms)`] =
          `${ms(percentile(samples, 50))} · ${ms(percentile(samples, 95))}`
      }
    if (process.argv.includes('--explain')) await explain(seeded.path, actors)
    return { name: 'Reports over 1,000,000 interactions (`bench/reports.ts`)', results }
  } finally {
    close()
  }
}

/** Runs each question once per role through a logging database and prints the plan of every query. */
async function explain(path: string, actors: Map<string, Actor>) {
  const { client, close } = await openDatabase({ url: `file:${path}` })
  const queries: { sql: string; params: unknown[] }[] = []
  const db = drizzle(client, { schema, logger: { logQuery: (sql, params) => queries.push({ sql, params }) } })
  try {
    for (const [name, ask] of QUESTIONS.filter(([name]) => name.includes(ONLY)))
      for (const [role] of ROLES) {
        queries.length = 0
        await ask({ db, now: () => BENCH_NOW }, actors.get(role)!)
        console.log(`\n### ${name}, ${role}`)
        for (const q of queries) {
          const plan = await client.execute({ sql: `EXPLAIN QUERY PLAN ${q.sql}`, args: q.params as never })
          console.log(`\n${q.sql}\n${plan.rows.map((r) => `  ${r.detail}`).join('\n')}`)
        }
      }
  } finally {
    close()
  }
}

if (import.meta.url === pathToFileURL(resolve(process.argv[2] ?? process.argv[1] ?? '')).href) {
  const { name, results } = await benchReports()
  console.log(`## ${name}\n\n| measure | value |\n| --- | --- |`)
  for (const [key, value] of Object.entries(results)) console.log(`| ${key} | ${value} |`)
}
