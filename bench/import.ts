import { once } from 'node:events'
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { readTable } from '../src/cli/read-table.ts'
import { runImport } from '../src/crm/import/run-import.ts'
import { actorFromUser, ensureUser, ensureWorkspace } from '../src/crm/users.ts'
import { openDatabase } from '../src/node/open-database.ts'

const ROWS = 100_000

/**
 * `crm import contacts` of a 100,000-row CSV (Chinese headers, 20,000 customers, a phone and an email per
 * row) into a real libSQL file: both passes (check, then write in one transaction), with peak memory
 * sampled every 50 ms.
 */
export async function benchImport(): Promise<{ name: string; results: Record<string, number | string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-import-'))
  const file = join(dir, 'contacts.csv')
  const out = createWriteStream(file)
  out.write('\uFEFF客户名称,联系人,手机,邮箱,职位,同意\n')
  for (let i = 0; i < ROWS; i++) {
    const phone = `139${String(i).padStart(8, '0')}`
    const line = `客户${i % 20_000}科技有限公司,联系人${i},${phone},user${i}@example.com,经理,${i % 3 ? '是' : ''}\n`
    if (!out.write(line)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  const { db, close } = await openDatabase({ url: `file:${join(dir, 'bench.db')}` })
  const crm = { db, now: () => new Date() }
  const ws = await ensureWorkspace(crm, 'web', 'local')
  const actor = actorFromUser(await ensureUser(crm, ws.id, 'cli', { displayName: 'CLI' }, 'Asia/Shanghai'))
  global.gc?.()
  const baseline = process.memoryUsage()
  let peakRss = baseline.rss
  let peakHeap = baseline.heapUsed
  const sampler = setInterval(() => {
    const m = process.memoryUsage()
    peakRss = Math.max(peakRss, m.rss)
    peakHeap = Math.max(peakHeap, m.heapUsed)
  }, 50)
  try {
    const start = performance.now()
    const report = await runImport(crm, actor, 'contacts', readTable(file))
    const seconds = (performance.now() - start) / 1000
    if (!report.written || report.created.contacts !== ROWS)
      throw new Error(`import failed: ${JSON.stringify(report)}`)
    const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`
    return {
      name: `Import (bench/import.ts): ${ROWS.toLocaleString('en')} contact rows, ${mb(statSync(file).size)} CSV`,
      results: {
        'total time, check + write (s)': seconds.toFixed(1),
        'rows/s': Math.round(ROWS / seconds),
        'created (customers / contacts)': `${report.created.customers} / ${report.created.contacts}`,
        'peak RSS (start)': `${mb(peakRss)} (${mb(baseline.rss)})`,
        'peak heap used (start)': `${mb(peakHeap)} (${mb(baseline.heapUsed)})`,
      },
    }
  } finally {
    clearInterval(sampler)
    close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[2] ?? process.argv[1] ?? '').href) {
  console.log(await benchImport())
}
