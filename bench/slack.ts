import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { serve } from '@hono/node-server'
import { createClient } from '@libsql/client'
import { App, HTTPReceiver, LogLevel } from '@slack/bolt'
import { sql } from 'drizzle-orm'
import { createSlackBot } from '../bots/slack/index.ts'
import { createApp } from '../src/app.ts'
import { createBackgroundWork } from '../src/background-work.ts'
import { parseConfig } from '../src/config.ts'
import { openDatabase } from '../src/node/open-database.ts'
import { startFakeSlackApi } from '../test/slack/fake-slack-api.ts'

/** The signing secret every bench target is configured with and the load generator signs with. */
export const SECRET = 'bench-signing-secret-0123456789ab'
const CONNECTIONS = 50
const WARMUP_MS = 1000
const MEASURE_MS = 5000
const FIXED_RATE = 1000
const ROUNDS = 3

/** `ok`: 2xx answers in the measured window; `okTotal`: all of them, warm-up included (to compare with rows). */
export interface LoadResult {
  ok: number
  okTotal: number
  errors: number
  seconds: number
  latencies: Float64Array
}

/**
 * The load generator, in a worker thread so it does not share the server's event loop. Plain JavaScript in
 * a string: a worker does not inherit the TypeScript loader. It speaks HTTP/1.1 on raw keep-alive sockets:
 * node:http's client costs more per request than the servers under test and capped both at about the same
 * rate. Each request is a distinct, freshly signed app_mention envelope (real shape, real HMAC).
 * `max`: CONNECTIONS closed loops. `rate`: an open loop at a fixed rate, latency counted from when each
 * request was due, so a stall is not hidden by requests that were never sent (no coordinated omission).
 */
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const net = require('node:net')
const { createHmac } = require('node:crypto')
const { port, secret, mode, connections, warmupMs, measureMs, rate, runId } = workerData
let seq = 0
function requestBytes() {
  const n = ++seq
  const ts = Math.floor(Date.now() / 1000)
  const body = JSON.stringify({
    token: 'ZZZZZZWSxiZZZ2yIvs3peJ', team_id: 'T0BENCH01', api_app_id: 'A0BENCH01', type: 'event_callback',
    event_id: 'Ev' + runId + n, event_time: ts,
    authorizations: [{ enterprise_id: null, team_id: 'T0BENCH01', user_id: 'U0BOT0001', is_bot: true, is_enterprise_install: false }],
    event: { type: 'app_mention', client_msg_id: runId + '-' + n, text: '<@U0BOT0001> 今天给客户' + (n % 500) + '的张总打了电话,他对报价满意,下周三跟进',
      user: 'U0REP' + String(n % 16).padStart(4, '0'), ts: ts + '.' + runId + String(n).padStart(8, '0'), team: 'T0BENCH01', channel: 'C0SALES' + (n % 8), event_ts: String(ts) },
  })
  const signature = 'v0=' + createHmac('sha256', secret).update('v0:' + ts + ':' + body).digest('hex')
  return 'POST /slack/events HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nContent-Type: application/json\\r\\nContent-Length: ' +
    Buffer.byteLength(body) + '\\r\\nX-Slack-Request-Timestamp: ' + ts + '\\r\\nX-Slack-Signature: ' + signature + '\\r\\n\\r\\n' + body
}
/** One keep-alive connection, one request at a time; resolves each request with whether it got a 2xx. */
function connect() {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(conn))
    socket.setNoDelay(true)
    let buffer = '', done = null
    socket.setEncoding('latin1')
    socket.on('data', (chunk) => {
      buffer += chunk
      const head = buffer.indexOf('\\r\\n\\r\\n')
      if (head < 0) return
      const headers = buffer.slice(0, head).toLowerCase()
      const length = /content-length: *(\\d+)/.exec(headers)
      let end
      if (length) end = head + 4 + Number(length[1])
      else if (headers.includes('transfer-encoding: chunked')) {
        const last = buffer.indexOf('0\\r\\n\\r\\n', head + 4)
        end = last < 0 ? Infinity : last + 5
      } else end = head + 4
      if (buffer.length < end) return
      const ok = buffer.charCodeAt(9) === 50 // "2xx"
      buffer = buffer.slice(end)
      const resolveDone = done
      ;(done = null), resolveDone(ok)
    })
    socket.on('error', () => done && done(false))
    const conn = { send: () => new Promise((r) => { done = r; socket.write(requestBytes(), 'utf8') }), close: () => socket.destroy() }
  })
}
const latencies = []
let ok = 0, okTotal = 0, errors = 0
const start = performance.now(), measureFrom = start + warmupMs, end = measureFrom + measureMs
function record(due, good) {
  good ? okTotal++ : errors++
  if (due >= measureFrom) { if (good) ok++; latencies.push(performance.now() - due) }
}
async function closedLoop() {
  const conn = await connect()
  while (performance.now() < end) {
    const due = performance.now()
    record(due, await conn.send())
  }
  conn.close()
}
async function openLoop() {
  const idle = [], all = [], pending = []
  async function one(due) {
    let conn = idle.pop()
    if (!conn) { conn = await connect(); all.push(conn) }
    record(due, await conn.send())
    idle.push(conn)
  }
  let sent = 0
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now()
      if (now >= end) { clearInterval(timer); return resolve() }
      const due = Math.floor(((now - start) * rate) / 1000)
      for (; sent < due; sent++) pending.push(one(start + (sent * 1000) / rate))
    }, 1)
  })
  await Promise.all(pending)
  for (const conn of all) conn.close()
}
;(mode === 'max' ? Promise.all(Array.from({ length: connections }, closedLoop)) : openLoop()).then(() => {
  parentPort.postMessage({ ok, okTotal, errors, seconds: measureMs / 1000, latencies: Float64Array.from(latencies) })
})
`

/** Drives signed app_mention events at 127.0.0.1:`port` from a worker thread; see LOAD_WORKER. */
export function runLoad(port: number, mode: 'max' | 'rate', runId: string): Promise<LoadResult> {
  const warmupMs = mode === 'max' ? WARMUP_MS : 0
  const workerData = { port, secret: SECRET, mode, connections: CONNECTIONS, rate: FIXED_RATE, runId }
  const worker = new Worker(LOAD_WORKER, {
    eval: true,
    workerData: { ...workerData, warmupMs, measureMs: MEASURE_MS },
  })
  return new Promise((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
}

interface Target {
  name: string
  port: number
  /** Rows durably stored, to check against the acknowledged count. */
  stored(): Promise<number>
  close(): Promise<void>
}

/** This repo: the real app and pipeline (accept batches a tick's inserts), the Slack routes over real HTTP. */
async function startOurs(dir: string, id: string): Promise<Target> {
  const fakeSlack = await startFakeSlackApi()
  const config = parseConfig({
    DATABASE_URL: `file:${join(dir, `ours-${id}.db`)}`,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: fakeSlack.apiUrl,
  })
  // As `crm serve` opens it: WAL checkpoints from a worker thread.
  const { db, close } = await openDatabase({ ...config.database, checkpointInBackground: true })
  const background = createBackgroundWork(() => {})
  const { app } = createApp({
    config,
    db,
    waitUntil: background.waitUntil,
    log: () => {},
    // The ack path only: understanding a note runs after the ack and is measured by the store bench, so
    // here it is skipped to compare like with like (Bolt's side only stores).
    bots: [(deps) => createSlackBot({ ...deps, pipeline: { ...deps.pipeline, process: async () => null } })],
  })
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server
  await new Promise((resolve) => server.once('listening', resolve))
  return {
    name: 'Hono + pipeline',
    port: (server.address() as AddressInfo).port,
    async stored() {
      const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM inbound_messages`)
      return Number(row?.n ?? 0)
    },
    async close() {
      await new Promise((resolve) => server.close(resolve))
      await background.settle()
      close()
      await fakeSlack.close()
    },
  }
}

/** A stock Bolt app: HTTPReceiver, `processBeforeResponse` so the ack waits for the insert, one insert a note. */
async function startBolt(dir: string, id: string): Promise<Target> {
  const client = createClient({ url: `file:${join(dir, `bolt-${id}.db`)}` })
  await client.execute('PRAGMA journal_mode = WAL')
  await client.execute('PRAGMA synchronous = NORMAL')
  await client.execute(
    'CREATE TABLE notes (id INTEGER PRIMARY KEY, team TEXT, channel TEXT, ts TEXT, user TEXT, text TEXT, UNIQUE (team, channel, ts))',
  )
  const receiver = new HTTPReceiver({ signingSecret: SECRET, processBeforeResponse: true })
  const app = new App({
    receiver,
    logLevel: LogLevel.ERROR,
    authorize: async () => ({ botToken: 'xoxb-bench', botUserId: 'U0BOT0001', botId: 'B0BOT0001' }),
  })
  app.event('app_mention', async ({ event, body }) => {
    await client.execute({
      sql: 'INSERT INTO notes (team, channel, ts, user, text) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      args: [body.team_id ?? '', event.channel, event.ts, event.user ?? '', event.text],
    })
  })
  const server = (await app.start(0)) as Server
  return {
    name: 'Bolt HTTPReceiver',
    port: (server.address() as AddressInfo).port,
    async stored() {
      const result = await client.execute('SELECT count(*) AS n FROM notes')
      return Number(result.rows[0]?.n ?? 0)
    },
    async close() {
      await app.stop()
      client.close()
    },
  }
}

/** The p-th percentile of sorted latencies, in ms to one decimal. */
const percentile = (sorted: Float64Array, p: number) =>
  Number(
    (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN).toFixed(1),
  )

type Measured = Awaited<ReturnType<typeof measure>>

async function measure(target: Target, runId: string) {
  const max = await runLoad(target.port, 'max', `${runId}1`)
  const fixed = await runLoad(target.port, 'rate', `${runId}2`)
  const sortedMax = max.latencies.sort()
  const sortedFixed = fixed.latencies.sort()
  const stored = await target.stored()
  return {
    eventsPerSecond: Math.round(max.ok / max.seconds),
    p50: percentile(sortedMax, 50),
    p99: percentile(sortedMax, 99),
    fixedP50: percentile(sortedFixed, 50),
    fixedP99: percentile(sortedFixed, 99),
    errors: max.errors + fixed.errors,
    acked: max.okTotal + fixed.okTotal,
    stored,
  }
}

/**
 * Signed app_mention events per second and ack latency through real HTTP, each stored before the ack:
 * this repo's Slack routes on the real pipeline against a stock @slack/bolt app doing one libSQL insert per
 * event, in one run; then both at a fixed 1,000 events/s.
 */
export async function benchSlack(): Promise<{ name: string; results: Record<string, number | string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-slack-'))
  try {
    const rounds: Record<string, Measured[]> = {}
    // Alternating rounds, each on a fresh database, so a noisy neighbour on a shared machine hits both sides.
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [index, start] of [startOurs, startBolt].entries()) {
        const target = await start(dir, `${round}${index}`)
        try {
          const measured = await measure(target, `${round}${index}`)
          rounds[target.name] = [...(rounds[target.name] ?? []), measured]
        } finally {
          await target.close()
        }
      }
    }
    const results: Record<string, number | string> = {}
    const medians: number[] = []
    for (const [name, all] of Object.entries(rounds)) {
      // The round with the median throughput stands for the target; the others give the range.
      const sorted = [...all].sort((a, b) => a.eventsPerSecond - b.eventsPerSecond)
      const r = sorted[Math.floor(sorted.length / 2)]!
      medians.push(r.eventsPerSecond)
      const range = `${sorted[0]!.eventsPerSecond}–${sorted.at(-1)!.eventsPerSecond}`
      results[`${name}: events/s, ${CONNECTIONS} connections (median of ${all.length}; range)`] =
        `${r.eventsPerSecond} (${range})`
      results[`${name}: ack p50 / p99 at max (ms)`] = `${r.p50} / ${r.p99}`
      results[`${name}: ack p50 / p99 at ${FIXED_RATE.toLocaleString('en')} ev/s (ms; each round)`] = all
        .map((m) => `${m.fixedP50} / ${m.fixedP99}`)
        .join(', ')
      results[`${name}: acknowledged = stored (all rounds), errors`] =
        `${all.every((m) => m.acked === m.stored) ? 'yes' : 'NO'}, ${all.reduce((n, m) => n + m.errors, 0)}`
    }
    const [ours, bolt] = medians
    if (ours && bolt) results['throughput, Hono + pipeline ÷ Bolt (medians)'] = `${(ours / bolt).toFixed(1)}×`
    return { name: 'Slack events: the ack path (signed app_mention, stored before the ack)', results }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[2] ?? process.argv[1] ?? '').href) {
  console.log(await benchSlack())
}
