import { newId } from '../../db/database.ts'
import { auditLog, consents, contacts, customers, deals, interactions } from '../../db/schema.ts'
import type { Actor, CrmContext } from '../crm-context.ts'
import { CrmError } from '../crm-error.ts'
import { type ImportKind, mapColumns } from './import-columns.ts'
import { emptyPlan, loadLookups, PLANNERS, type PlannedRows, type RowOutcome } from './import-plan.ts'

/** A file's rows as read, the header first; `line` is where the row starts in the file (1-based). */
export type ImportRows = () => AsyncIterable<{ line: number; values: string[] }>

export interface ImportOptions {
  /** Report what would happen; write nothing. */
  dryRun?: boolean
  /** Import the good rows even when some are bad; by default one bad row rejects the whole file. */
  skipBad?: boolean
  /** Called every `PROGRESS_EVERY` rows with the rows read so far in the current pass. */
  onProgress?: (pass: 'check' | 'write', rows: number) => void
}

export interface ImportReport {
  kind: ImportKind
  /** Data rows in the file (the header not counted). */
  rows: number
  created: Record<ImportKind, number>
  merged: { count: number; first: { line: number; into: string }[] }
  rejected: { count: number; first: { line: number; reason: string }[] }
  ignoredColumns: string[]
  /** Whether anything was written: false on a dry run, or when bad rows rejected the file. */
  written: boolean
}

const BATCH_ROWS = 500
const LISTED = 100
export const PROGRESS_EVERY = 1000

/**
 * Imports a file of customers, contacts, deals or interactions. It is read twice: once to check every row
 * (nothing is written, so a file with bad rows is rejected whole unless `skipBad`), then to write, in one
 * transaction of multi-row inserts, so a failure part-way leaves nothing behind. Memory holds the lookups
 * of existing records and one batch, never the file.
 */
export async function runImport(
  crm: CrmContext,
  actor: Actor,
  kind: ImportKind,
  rows: ImportRows,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const importId = newId()
  const report: ImportReport = {
    kind,
    rows: 0,
    created: { customers: 0, contacts: 0, deals: 0, interactions: 0 },
    merged: { count: 0, first: [] },
    rejected: { count: 0, first: [] },
    ignoredColumns: [],
    written: false,
  }
  const check = await planAll(crm, actor, kind, rows, importId, options, {
    onRow(line, outcome, planned) {
      report.rows++
      for (const entity of ['customers', 'contacts', 'deals', 'interactions'] as const)
        report.created[entity] += planned[entity].length
      if (outcome.kind === 'merged') {
        report.merged.count++
        if (report.merged.first.length < LISTED) report.merged.first.push({ line, into: outcome.into })
      } else if (outcome.kind === 'rejected') {
        report.rejected.count++
        if (report.rejected.first.length < LISTED)
          report.rejected.first.push({ line, reason: outcome.reason })
      }
    },
  })
  report.ignoredColumns = check.ignored
  if (options.dryRun || (report.rejected.count > 0 && !options.skipBad)) return report
  await crm.db.transaction(async (tx) => {
    await planAll(crm, actor, kind, rows, importId, options, {
      async onBatch(planned) {
        if (planned.customers.length) await tx.insert(customers).values(planned.customers)
        if (planned.contacts.length) await tx.insert(contacts).values(planned.contacts)
        if (planned.deals.length) await tx.insert(deals).values(planned.deals)
        if (planned.interactions.length) await tx.insert(interactions).values(planned.interactions)
        if (planned.consents.length) await tx.insert(consents).values(planned.consents)
        for (let i = 0; i < planned.audit.length; i += BATCH_ROWS)
          await tx.insert(auditLog).values(planned.audit.slice(i, i + BATCH_ROWS))
      },
    })
  })
  report.written = true
  return report
}

/**
 * Plans every row in order: `onRow` sees each row's outcome and what it adds; `onBatch` gets the rows to
 * insert every `BATCH_ROWS` rows and once at the end.
 */
async function planAll(
  crm: CrmContext,
  actor: Actor,
  kind: ImportKind,
  rows: ImportRows,
  importId: string,
  options: ImportOptions,
  visit: {
    onRow?: (line: number, outcome: RowOutcome, planned: PlannedRows) => void
    onBatch?: (planned: PlannedRows) => Promise<void>
  },
): Promise<{ ignored: string[] }> {
  const lookups = await loadLookups(crm, actor.workspaceId)
  const now = crm.now()
  const pass = visit.onBatch ? 'write' : 'check'
  let columns: ReturnType<typeof mapColumns> | undefined
  let count = 0
  let batch = emptyPlan()
  for await (const { line, values } of rows()) {
    if (!columns) {
      columns = mapColumns(kind, values)
      continue
    }
    if (values.every((v) => !v.trim())) continue
    count++
    const planned = emptyPlan()
    const outcome = PLANNERS[kind](values, columns.columns, {
      actor,
      now,
      importId,
      line,
      lookups,
      out: planned,
    })
    visit.onRow?.(line, outcome, planned)
    if (outcome.kind !== 'rejected')
      for (const key of Object.keys(batch) as (keyof PlannedRows)[])
        (batch[key] as unknown[]).push(...planned[key])
    if (count % BATCH_ROWS === 0 && visit.onBatch) {
      await visit.onBatch(batch)
      batch = emptyPlan()
    }
    if (count % PROGRESS_EVERY === 0) options.onProgress?.(pass, count)
  }
  if (!columns) throw new CrmError('invalid', 'the file is empty: expected a header row')
  await visit.onBatch?.(batch)
  return { ignored: columns.ignored }
}
