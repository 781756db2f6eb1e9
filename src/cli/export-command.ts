import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import type { Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import { stringify } from 'csv-stringify'
import { exportRows } from '../crm/import/export-rows.ts'
import { IMPORT_KINDS, type ImportKind } from '../crm/import/import-columns.ts'
import { withCliContext } from './cli-context.ts'

export interface ExportCommandOptions {
  kind: ImportKind
  format: 'csv' | 'jsonl'
  /** A file to write; stdout when absent. */
  out?: string | undefined
  workspace?: string | undefined
}

/**
 * `crm export <customers|contacts|deals|interactions> [--format csv|jsonl] [--out file]`. CSV is UTF-8
 * with a BOM, which is what makes Excel read Chinese right; its headers are the ones `crm import` reads.
 */
export async function exportCommand(options: ExportCommandOptions): Promise<number> {
  const target: Writable = options.out ? createWriteStream(options.out) : process.stdout
  let count = 0
  await withCliContext(options.workspace, async ({ crm, actor }) => {
    const rows = exportRows(crm, actor.workspaceId, options.kind)
    if (options.format === 'jsonl') {
      for await (const row of rows) {
        count++
        if (!target.write(`${JSON.stringify(row)}\n`)) await once(target, 'drain')
      }
      return
    }
    const csv = stringify({ header: true, bom: true })
    csv.pipe(target, { end: false })
    for await (const row of rows) {
      count++
      if (!csv.write(row)) await once(csv, 'drain')
    }
    csv.end()
    await once(csv, 'end')
  })
  if (options.out) {
    target.end()
    await once(target, 'finish')
    process.stderr.write(`exported ${count} ${options.kind} to ${options.out}\n`)
  }
  return 0
}

export async function runExportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
      workspace: { type: 'string' },
    },
  })
  const [kind] = positionals
  if (!kind || !IMPORT_KINDS.includes(kind as ImportKind) || !['csv', 'jsonl'].includes(values.format)) {
    process.stderr.write(`usage: crm export <${IMPORT_KINDS.join('|')}> [--format csv|jsonl] [--out file]\n`)
    return 2
  }
  return exportCommand({
    kind: kind as ImportKind,
    format: values.format as 'csv' | 'jsonl',
    out: values.out,
    workspace: values.workspace,
  })
}
