import { parseArgs } from 'node:util'
import { findDuplicates } from '../crm/matching/find-duplicates.ts'
import { printLine, withCliContext } from './cli-context.ts'

/** `crm dedup [--json]`: likely duplicate customers and contacts, best first, each with why. */
export async function dedupCommand(options: { json?: boolean | undefined; workspace?: string | undefined }) {
  const pairs = await withCliContext(options.workspace, ({ crm, actor }) =>
    findDuplicates(crm, actor, { limit: 1000 }),
  )
  if (options.json) {
    await printLine(pairs.map((p) => JSON.stringify(p)).join('\n'))
    return 0
  }
  const lines = pairs.map(
    (p) =>
      `${p.score.toFixed(2)}  ${p.kind}  ${p.a.name} (${p.a.id})  ~  ${p.b.name} (${p.b.id})  ${p.reasons.map((r) => `${r.code}: ${r.detail}`).join('; ')}`,
  )
  await printLine(lines.length ? lines.join('\n') : 'no likely duplicates')
  return 0
}

export async function runDedupCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, workspace: { type: 'string' } },
  })
  return dedupCommand(values)
}
