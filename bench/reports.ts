import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type Client, createClient } from '@libsql/client'
import { eq } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/libsql'
import type { Actor, CrmContext } from '../src/crm/crm-context.ts'
import { pipelineSummary } from '../src/crm/pipeline-summary.ts'
import { runReport } from '../src/crm/reports/run-report.ts'
import { actorFromUser } from '../src/crm/users.ts'
import * as schema from '../src/db/schema.ts'
import { openDatabase } from '../src/node/open-database.ts'
import type { Period, ReportQuery } from '../src/understand/parsed-message.ts'
import { BENCH_NOW, seededFile, USER_IDS } from './reports-seed.ts'

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

type Question = [name: string, ask: (ctx: CrmContext, actor: Actor) => Promise<unknown>]
const pipeline = (period: Period): Question => [
  `pipeline summary, ${period.replace('_', ' ')}`,
  (ctx, actor) => pipelineSummary(ctx, actor, period),
]
/** Issue 13's three questions; `--periods` adds the pipeline over longer and past periods. */
const QUESTIONS: Question[] = [
  pipeline('this_month'),
  ['activity this week', (ctx, actor) => runReport(ctx, actor, query('activity'), { chatKind: 'direct' })],
  [
    'stale customers, 14 days',
    (ctx, actor) => runReport(ctx, actor, query('stale_customers'), { chatKind: 'direct' }),
  ],
  ...(process.argv.includes('--periods')
    ? (['last_month', 'this_quarter', 'this_year'] as const).map(pipeline)
    : []),
]
const ROLES = [
  ['admin', USER_IDS.admin],
  ['manager', USER_IDS.manager(0)],
  ['rep', USER_IDS.rep(7)],
] as const

/** Nearest-rank percentile of sorted samples. */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
const ms = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en'))

/**
 * The three report questions of issue 13 over 1,000,000 interactions, 100,000 customers and 100,000 deals
 * on a libSQL file, asked as an admin, a manager (10 reps) and a rep: p50 and p95 in ms, first as the app
 * runs (it never runs `ANALYZE`, so the planner has no statistics), then after `ANALYZE`. The seeded file
 * is cached in the temp folder (see `reports-seed.ts`); `BENCH_RESEED=1` or `--reseed` builds it again,
 * `--explain` prints each query's `EXPLAIN QUERY PLAN` in both passes, `--only=<text>` asks only the questions
 * whose name holds it, `--runs=N` times N asks (60).
 */
export async function benchReports() {
  const reseed = process.env.BENCH_RESEED === '1' || process.argv.includes('--reseed')
  const seeded = await seededFile(reseed)
  await dropStatistics(seeded.path)
  const { db, client, close } = await openDatabase({ url: `file:${seeded.path}` })
  try {
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
    for (const pass of ['no statistics', 'after ANALYZE']) {
      if (pass === 'after ANALYZE') await client.execute('ANALYZE')
      Object.assign(results, await timeQuestions({ db, now: () => BENCH_NOW }, actors, pass))
      if (process.argv.includes('--explain')) await explain(client, actors, pass)
    }
    return { name: 'Reports over 1,000,000 interactions (`bench/reports.ts`)', results }
  } finally {
    close()
    await dropStatistics(seeded.path)
  }
}

async function timeQuestions(ctx: CrmContext, actors: Map<string, Actor>, pass: string) {
  const results: Record<string, string> = {}
  for (const [name, ask] of QUESTIONS.filter(([name]) => name.includes(ONLY)))
    for (const [role] of ROLES) {
      const actor = actors.get(role)!
      for (let i = 0; i < WARM_UP; i++) await ask(ctx, actor)
      const samples: number[] = []
      const cpu: number[] = []
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now()
        const cpuBefore = process.cpuUsage()
        await ask(ctx, actor)
        const used = process.cpuUsage(cpuBefore)
        samples.push(performance.now() - started)
        cpu.push((used.user + used.system) / 1000)
      }
      samples.sort((a, b) => a - b)
      cpu.sort((a, b) => a - b)
      results[`${name}, ${role}, ${pass} (p50 · p95 ms; CPU p50)`] =
        `${ms(percentile(samples, 50))} · ${ms(percentile(samples, 95))}; ${ms(percentile(cpu, 50))}`
    }
  return results
}

/** Leaves the cached file as the app would have it: no planner statistics (even after an interrupted run). */
async function dropStatistics(path: string) {
  const client = createClient({ url: `file:${path}` })
  try {
    const stats = await client.execute("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'")
    for (const row of stats.rows) await client.execute(`DELETE FROM ${row.name}`)
  } finally {
    client.close()
  }
}

/** Runs each question once per role through a logging database and prints the plan of every query. */
async function explain(client: Client, actors: Map<string, Actor>, pass: string) {
  const queries: { sql: string; params: unknown[] }[] = []
  const db = drizzle(client, { schema, logger: { logQuery: (sql, params) => queries.push({ sql, params }) } })
  for (const [name, ask] of QUESTIONS.filter(([name]) => name.includes(ONLY)))
    for (const [role] of ROLES) {
      queries.length = 0
      await ask({ db, now: () => BENCH_NOW }, actors.get(role)!)
      console.log(`\n### ${name}, ${role}, ${pass}`)
      for (const q of queries) {
        const plan = await client.execute({ sql: `EXPLAIN QUERY PLAN ${q.sql}`, args: q.params as never })
        console.log(`\n${q.sql}\n${plan.rows.map((r) => `  ${r.detail}`).join('\n')}`)
      }
    }
}

if (import.meta.url === pathToFileURL(resolve(process.argv[2] ?? process.argv[1] ?? '')).href) {
  const { name, results } = await benchReports()
  console.log(`## ${name}\n\n| measure | value |\n| --- | --- |`)
  for (const [key, value] of Object.entries(results)) console.log(`| ${key} | ${value} |`)
}
