import { type Column, getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { CrmDb } from './database.ts'

/** The part of a database (or of a transaction) that runs raw statements. */
export type SqlRunner = Pick<CrmDb, 'run' | 'all'>

/** A list as the one JSON parameter a `json_each(?)` reads. */
export const jsonList = (values: readonly unknown[]): string => JSON.stringify(values)

interface InsertShape {
  head: SQL
  keys: string[]
  columns: Column[]
}

const shapes = new WeakMap<SQLiteTable, InsertShape>()

/**
 * Inserts whole rows into `table` in one statement, however many: the rows travel as a single JSON
 * parameter that SQLite unpacks with `json_each`. A multi-row `VALUES` through the query builder binds one
 * parameter per cell (8,500 for 500 contacts), and building and binding those was most of an import's
 * CPU time. Values are converted as drizzle converts them (dates to milliseconds, JSON columns to text,
 * booleans to 0/1), so the rows read back the same.
 */
export async function insertRows<T extends SQLiteTable>(
  db: SqlRunner,
  table: T,
  rows: readonly T['$inferSelect'][],
): Promise<void> {
  if (!rows.length) return
  const { head, keys, columns } = shapeOf(table)
  const cells = rows.map((row) =>
    keys.map((key, i) => {
      const value = (row as Record<string, unknown>)[key]
      return value === null || value === undefined ? null : columns[i]?.mapToDriverValue(value)
    }),
  )
  await db.run(sql`${head} FROM json_each(${jsonList(cells)})`)
}

function shapeOf(table: SQLiteTable): InsertShape {
  const known = shapes.get(table)
  if (known) return known
  const entries = Object.entries(getTableColumns(table))
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`
  const names = entries.map(([, column]) => quote(column.name)).join(', ')
  // `->>` gives SQL values: JSON strings as text, numbers as integer or real, null as NULL.
  const picks = entries.map((_, i) => `value ->> ${i}`).join(', ')
  const shape = {
    head: sql.raw(`INSERT INTO ${quote(getTableName(table))} (${names}) SELECT ${picks}`),
    keys: entries.map(([key]) => key),
    columns: entries.map(([, column]) => column),
  }
  shapes.set(table, shape)
  return shape
}
