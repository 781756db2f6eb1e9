import { eq, TransactionRollbackError } from 'drizzle-orm'
import { newId } from '../../db/database.ts'
import { insertRows, type SqlRunner } from '../../db/insert-rows.ts'
import { auditLog, consents, contacts, customers, deals, interactions, users } from '../../db/schema.ts'
import type { Actor, CrmContext } from '../crm-context.ts'
import { CrmError } from '../crm-error.ts'
import { settleImportedLastContact } from '../last-touch.ts'
import { type ColumnMap, type ImportKind, mapColumns } from './import-columns.ts'
import { loadLookups } from './import-lookups.ts'
import { emptyPlan, type PlannedRows, planRecord, type RowOutcome } from './import-plan.ts'
import {
  type ImportRecord,
  type InteractionRecord,
  noteKey,
  RECORD_READERS,
  type ReadContext,
} from './import-records.ts'
import type { Parsed } from './import-values.ts'

/** A file's rows as read, the header first; `line` is where the row starts in the file (1-based). */
export type ImportRows = () => AsyncIterable<{ line: number; values: string[] }>

export interface ImportOptions {
  /** Report what would happen; write nothing. */
  dryRun?: boolean | undefined
  /** Import the good rows even when some are bad; by default one bad row rejects the whole file. */
  skipBad?: boolean | undefined
  /** Called after every batch of rows with the rows read so far. */
  onProgress?: ((rows: number) => void) | undefined
}

export interface ImportReport {
  kind: ImportKind
  /** Data rows in the file (the header and empty rows not counted). */
  rows: number
  created: Record<ImportKind, number>
  /** Rows whose record was already there (a customer, contact, deal or note it matched), left unchanged. */
  present: { count: number; first: { line: number; as: string }[] }
  rejected: { count: number; first: { line: number; reason: string }[] }
  ignoredColumns: string[]
  /** Whether anything was written: false on a dry run, or when bad rows rejected the file. */
  written: boolean
}

/** Rows read, matched and inserted together; what memory holds at once. */
const BATCH_ROWS = 500
/** Present and rejected rows listed by line in the report; the rest are counted. */
const LISTED = 100

/**
 * Imports a file of customers, contacts, deals or interactions in one pass and one transaction. Each
 * batch of rows is read, matched against the workspace with indexed queries (which see the batches
 * before it, written in the same transaction) and inserted. A dry run, or a file with bad rows and no
 * `skipBad`, is rolled back at the end, so it reports exactly what an import would do and leaves nothing.
 * Memory holds one batch, whatever the size of the file or of the workspace.
 */
export async function runImport(
  crm: CrmContext,
  actor: Actor,
  kind: ImportKind,
  rows: ImportRows,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = {
    kind,
    rows: 0,
    created: { customers: 0, contacts: 0, deals: 0, interactions: 0 },
    present: { count: 0, first: [] },
    rejected: { count: 0, first: [] },
    ignoredColumns: [],
    written: false,
  }
  try {
    await crm.db.transaction(async (tx) => {
      await importRows(tx, { actor, kind, now: crm.now(), importId: newId() }, rows, report, options)
      if (options.dryRun || (report.rejected.count > 0 && !options.skipBad)) tx.rollback()
    })
    report.written = true
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error
  }
  return report
}

interface ImportRun {
  actor: Actor
  kind: ImportKind
  now: Date
  importId: string
}

async function importRows(
  db: SqlRunner & Pick<CrmContext['db'], 'select'>,
  run: ImportRun,
  rows: ImportRows,
  report: ImportReport,
  options: ImportOptions,
): Promise<void> {
  const read: ReadContext = {
    userByName: await usersByName(db, run.actor.workspaceId),
    timeZone: run.actor.timeZone,
    now: run.now,
  }
  let columns: ColumnMap | undefined
  let batch: { line: number; values: string[] }[] = []
  const flush = async (columns: ColumnMap) => {
    await importBatch(db, run, batch, (values) => RECORD_READERS[run.kind](values, columns, read), report)
    batch = []
    options.onProgress?.(report.rows)
  }
  for await (const row of rows()) {
    if (!columns) {
      const mapped = mapColumns(run.kind, row.values)
      columns = mapped.columns
      report.ignoredColumns = mapped.ignored
    } else if (row.values.some((v) => v.trim())) {
      batch.push(row)
      if (batch.length === BATCH_ROWS) await flush(columns)
    }
  }
  if (!columns) throw new CrmError('invalid', 'the file is empty: expected a header row')
  if (batch.length) await flush(columns)
}

async function importBatch(
  db: SqlRunner,
  run: ImportRun,
  batch: { line: number; values: string[] }[],
  readRecord: (values: string[]) => Parsed<ImportRecord>,
  report: ImportReport,
): Promise<void> {
  const read = batch.map(({ line, values }) => ({ line, record: readRecord(values) }))
  const records = read.flatMap(({ record }) => (record.ok ? [record.value] : []))
  const notes = records.filter((r): r is InteractionRecord => r.kind === 'interactions')
  const noteKeys = new Map<ImportRecord, string>(
    (await Promise.all(notes.map(noteKey))).map((key, i) => [notes[i] as ImportRecord, key]),
  )
  const lookups = await loadLookups(db, run.actor.workspaceId, records, [...noteKeys.values()])
  const out = emptyPlan()
  for (const { line, record } of read) {
    const outcome: RowOutcome = record.ok
      ? planRecord(record.value, { ...run, line, lookups, noteKey: noteKeys.get(record.value), out })
      : { kind: 'rejected', reason: record.reason }
    tally(report, line, outcome)
  }
  for (const kind of ['customers', 'contacts', 'deals', 'interactions'] as const)
    report.created[kind] += out[kind].length
  await writePlan(db, out, run.now)
}

function tally(report: ImportReport, line: number, outcome: RowOutcome) {
  report.rows++
  if (outcome.kind === 'present') {
    report.present.count++
    if (report.present.first.length < LISTED) report.present.first.push({ line, as: outcome.as })
  } else if (outcome.kind === 'rejected') {
    report.rejected.count++
    if (report.rejected.first.length < LISTED) report.rejected.first.push({ line, reason: outcome.reason })
  }
}

/** Parents before children (contacts point at customers, consents at contacts), audit rows last. */
async function writePlan(db: SqlRunner, planned: PlannedRows, importedAt: Date): Promise<void> {
  await insertRows(db, customers, planned.customers)
  await insertRows(db, contacts, planned.contacts)
  await insertRows(db, deals, planned.deals)
  await insertRows(db, interactions, planned.interactions)
  await insertRows(db, consents, planned.consents)
  await insertRows(db, auditLog, planned.audit)
  const noted = [...new Set(planned.interactions.map((i) => i.customerId))]
  if (noted.length) await settleImportedLastContact(db, noted, importedAt)
}

async function usersByName(db: Pick<CrmContext['db'], 'select'>, workspaceId: string) {
  const rows = await db.select().from(users).where(eq(users.workspaceId, workspaceId))
  return new Map(
    rows.flatMap((u) => [
      [u.displayName.toLowerCase(), u.id],
      [u.platformUserId.toLowerCase(), u.id],
    ]),
  )
}
