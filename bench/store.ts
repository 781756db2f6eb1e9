import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createChatPipeline } from '../src/chat/chat-pipeline.ts'
import { openDatabase } from '../src/node/open-database.ts'

/**
 * The store's write path on a real libSQL file (WAL): raw chat messages accepted per second when they
 * arrive in bursts (batched per tick) and one by one, and whole notes (parse, customer, interaction, audit)
 * processed per second.
 */
export async function benchStore(): Promise<{ name: string; results: Record<string, number | string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-'))
  const { db, close } = await openDatabase({ url: `file:${join(dir, 'bench.db')}` })
  const pipeline = createChatPipeline({
    db,
    now: () => new Date(),
    defaultTimeZone: 'Asia/Shanghai',
    botNames: ['CRM助手'],
    waitUntil: () => {},
    log: () => {},
  })
  let n = 0
  const message = (text: string) => ({
    platform: 'bench',
    workspaceId: 'T1',
    chatId: 'C1',
    chatKind: 'direct' as const,
    userId: `U${n % 4}`,
    text,
    mentionsBot: true,
    platformMessageId: `m${n++}`,
    receivedAt: new Date(),
  })
  try {
    const burst = 20_000
    let start = performance.now()
    await Promise.all(Array.from({ length: burst }, () => pipeline.accept(message('今天给华为张总打了电话'))))
    const burstPerSecond = burst / ((performance.now() - start) / 1000)
    const serial = 2_000
    start = performance.now()
    for (let i = 0; i < serial; i++) await pipeline.accept(message('今天给华为张总打了电话'))
    const serialPerSecond = serial / ((performance.now() - start) / 1000)
    const notes = 1_000
    start = performance.now()
    for (let i = 0; i < notes; i++)
      await pipeline.handle(message(`今天给客户${i % 50}的张总打了电话,他很满意`))
    const notesPerSecond = notes / ((performance.now() - start) / 1000)
    return {
      name: 'store (libSQL file, WAL)',
      results: {
        'accept, burst of 20,000 (msg/s)': Math.round(burstPerSecond),
        'accept, one at a time (msg/s)': Math.round(serialPerSecond),
        'whole note: parse + customer + interaction + audit (notes/s)': Math.round(notesPerSecond),
      },
    }
  } finally {
    close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[2] ?? process.argv[1] ?? '').href) {
  console.log(await benchStore())
}
