import { parseArgs } from 'node:util'
import cliProgress from 'cli-progress'
import { IMPORT_KINDS, type ImportKind } from '../crm/import/import-columns.ts'
import { type ImportReport, runImport } from '../crm/import/run-import.ts'
import { printLine, withCliContext } from './cli-context.ts'
import { readTable } from './read-table.ts'
import { encodingOf } from './text-encoding.ts'

export interface ImportCommandOptions {
  kind: ImportKind
  file: string
  dryRun?: boolean | undefined
  skipBad?: boolean | undefined
  /** A CSV's encoding (`gb18030`, `utf-8`…); detected when absent. */
  encoding?: string | undefined
  /** `platform:id`, default `web:local`. */
  workspace?: string | undefined
}

/**
 * `crm import <customers|contacts|deals|interactions> <file.csv|xlsx> [--dry-run] [--skip-bad]
 * [--encoding gb18030]`: prints what was (or would be) created, what was already present and what was
 * rejected, with line numbers. Exit 1 when rows were rejected and nothing written.
 */
export async function importCommand(options: ImportCommandOptions): Promise<number> {
  const rows = readTable(options.file, { encoding: options.encoding && encodingOf(options.encoding) })
  // A progress bar only for a person watching: piped output and CI logs get the report alone.
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        { stream: process.stderr, format: '{pass} {value} rows', hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined
  bar?.start(0, 0, { pass: options.dryRun ? 'checking' : 'importing' })
  try {
    const report = await withCliContext(options.workspace, ({ crm, actor }) =>
      runImport(crm, actor, options.kind, rows, {
        dryRun: options.dryRun,
        skipBad: options.skipBad,
        onProgress: (count) => bar?.update(count),
      }),
    )
    bar?.stop()
    await printLine(formatReport(report, options))
    return report.rejected.count > 0 && !report.written && !options.dryRun ? 1 : 0
  } finally {
    bar?.stop()
  }
}

/** The report as lines a person reads: totals, then each present and rejected row by line number. */
export function formatReport(
  report: ImportReport,
  options: Pick<ImportCommandOptions, 'dryRun' | 'file'>,
): string {
  const created = Object.entries(report.created)
    .filter(([, n]) => n > 0)
    .map(([entity, n]) => `${n} ${entity}`)
    .join(', ')
  const verdict = options.dryRun
    ? 'dry run: nothing written'
    : report.written
      ? 'imported'
      : 'rejected: nothing imported (fix the rows below, or pass --skip-bad to import the rest)'
  const lines = [
    `${options.file}: ${report.rows} rows, ${verdict}`,
    `  ${options.dryRun || !report.written ? 'would create' : 'created'}: ${created || 'nothing'}`,
    `  already present, left unchanged: ${report.present.count}`,
    `  rejected: ${report.rejected.count}`,
  ]
  if (report.ignoredColumns.length) lines.push(`  ignored columns: ${report.ignoredColumns.join(', ')}`)
  for (const p of report.present.first) lines.push(`  line ${p.line}: already present as ${p.as}`)
  const morePresent = report.present.count - report.present.first.length
  if (morePresent > 0) lines.push(`  … and ${morePresent} more already present`)
  for (const r of report.rejected.first) lines.push(`  line ${r.line}: rejected, ${r.reason}`)
  const more = report.rejected.count - report.rejected.first.length
  if (more > 0) lines.push(`  … and ${more} more rejected rows`)
  return lines.join('\n')
}

export async function runImportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      'skip-bad': { type: 'boolean' },
      encoding: { type: 'string' },
      workspace: { type: 'string' },
    },
  })
  const [kind, file] = positionals
  if (!kind || !file || !IMPORT_KINDS.includes(kind as ImportKind)) {
    process.stderr.write(
      `usage: crm import <${IMPORT_KINDS.join('|')}> <file.csv|file.xlsx> [--dry-run] [--skip-bad] [--encoding gb18030]\n`,
    )
    return 2
  }
  return importCommand({
    kind: kind as ImportKind,
    file,
    dryRun: values['dry-run'],
    skipBad: values['skip-bad'],
    encoding: values.encoding,
    workspace: values.workspace,
  })
}
