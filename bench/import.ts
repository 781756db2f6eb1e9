import { execFile } from 'node:child_process'
import { once } from 'node:events'
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { readTable } from '../src/cli/read-table.ts'
import { runImport } from '../src/crm/import/run-import.ts'
import { actorFromUser, ensureUser, ensureWorkspace } from '../src/crm/users.ts'
import { openDatabase } from '../src/node/open-database.ts'

const SIZES = [10_000, 100_000]
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`

/**
 * `crm import contacts` of generated CSVs (Chinese headers, one customer per 5 rows spread over the file, a phone, an email and
 * a consent cell per row) into a real libSQL file, then the same file again (every row already present).
 * Each size runs in a fresh process, so one size's heap does not carry into the next; RSS is sampled every
 * 50 ms and at each quarter of the rows. `node bin/run-ts.mjs bench/import.ts 10000 100000 300000`.
 */
export async function benchImport(
  sizes = SIZES,
): Promise<{ name: string; results: Record<string, number | string> }> {
  const results: Record<string, string> = {}
  for (const rows of sizes) {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        fileURLToPath(new URL('../bin/run-ts.mjs', import.meta.url)),
        fileURLToPath(import.meta.url),
        `--one=${rows}`,
      ],
      { maxBuffer: 2 ** 20 },
    )
    const run = JSON.parse(stdout) as Awaited<ReturnType<typeof importOnce>>
    const size = rows.toLocaleString('en')
    const times = (t: typeof run.first) => `${t.seconds} · ${t.cpuSeconds} · ${t.rowsPerSecond}`
    results[`${size} rows (${run.csv}): s · CPU s · rows/s`] = times(run.first)
    results[`${size} rows: RSS at start → 25/50/75/100 % → peak`] =
      `${run.startRss} → ${run.first.rssAtQuarters.join(' / ')} → ${run.first.peakRss}`
    results[`${size} rows again (all present): s · CPU s · rows/s · peak RSS`] =
      `${times(run.again)} · ${run.again.peakRss}`
  }
  return { name: 'Import (bench/import.ts): contact rows, a fresh process per size', results }
}

async function importOnce(rows: number) {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-import-'))
  try {
    const file = join(dir, 'contacts.csv')
    await writeCsv(file, rows)
    const { db, close } = await openDatabase({ url: `file:${join(dir, 'bench.db')}` })
    try {
      const crm = { db, now: () => new Date() }
      const ws = await ensureWorkspace(crm, 'web', 'local')
      const user = await ensureUser(crm, ws.id, 'cli', { displayName: 'CLI' }, 'Asia/Shanghai')
      const actor = actorFromUser(user)
      const startRss = process.memoryUsage().rss
      const timed = async (expectCreated: number) => {
        let peak = process.memoryUsage().rss
        const sampler = setInterval(() => {
          peak = Math.max(peak, process.memoryUsage().rss)
        }, 50)
        const quarters: string[] = []
        const cpu = process.cpuUsage()
        const start = performance.now()
        const report = await runImport(crm, actor, 'contacts', readTable(file), {
          onProgress: (done) => {
            if (done >= ((quarters.length + 1) * rows) / 4) quarters.push(mb(process.memoryUsage().rss))
          },
        })
        const seconds = (performance.now() - start) / 1000
        const cpuUsed = process.cpuUsage(cpu)
        clearInterval(sampler)
        if (!report.written || report.created.contacts !== expectCreated)
          throw new Error(`import failed: ${JSON.stringify(report).slice(0, 500)}`)
        return {
          seconds: seconds.toFixed(1),
          // Wall time waits for the other processes on a shared machine; CPU time does not.
          cpuSeconds: ((cpuUsed.user + cpuUsed.system) / 1e6).toFixed(1),
          rowsPerSecond: Math.round(rows / seconds).toLocaleString('en'),
          rssAtQuarters: quarters,
          peakRss: mb(Math.max(peak, process.memoryUsage().rss)),
        }
      }
      const first = await timed(rows)
      const again = await timed(0)
      return { csv: mb(statSync(file).size), startRss: mb(startRss), first, again }
    } finally {
      close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function writeCsv(file: string, rows: number) {
  const out = createWriteStream(file)
  out.write('\uFEFF客户名称,联系人,手机,邮箱,职位,同意\n')
  // Each customer's contacts spread over the whole file, so most rows match a customer an earlier batch made.
  const customers = Math.ceil(rows / 5)
  for (let i = 0; i < rows; i++) {
    const phone = `139${String(i).padStart(8, '0')}`
    const line = `客户${i % customers}科技有限公司,联系人${i},${phone},user${i}@example.com,经理,${i % 3 ? '是' : ''}\n`
    if (!out.write(line)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

const one = process.argv.find((a) => a.startsWith('--one='))
if (one) {
  process.stdout.write(JSON.stringify(await importOnce(Number(one.slice('--one='.length)))))
} else if (import.meta.url === pathToFileURL(process.argv[2] ?? process.argv[1] ?? '').href) {
  const sizes = process.argv.slice(3).map(Number).filter(Boolean)
  console.log(await benchImport(sizes.length ? sizes : SIZES))
}
