import { extname } from 'node:path'
import { pipeline, Readable } from 'node:stream'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import type { ImportRows } from '../crm/import/run-import.ts'
import { detectEncoding, readText } from './text-encoding.ts'

export interface ReadTableOptions {
  /** A CSV's encoding (a `TextDecoder` label); detected when absent, see `detectEncoding`. */
  encoding?: string | undefined
}

/**
 * The rows of a `.csv` (UTF-8, UTF-16 or GB18030, see `detectEncoding`) or `.xlsx` file (its first sheet),
 * streamed: a 100,000-row file is never in memory whole. Each call of the returned function reads the
 * file afresh.
 */
export function readTable(file: string, options: ReadTableOptions = {}): ImportRows {
  const kind = extname(file).toLowerCase()
  if (kind === '.csv' || kind === '.txt') return () => readCsv(file, options.encoding)
  if (kind === '.xlsx') return () => readXlsx(file)
  throw new Error(`cannot import "${file}": expected a .csv or .xlsx file`)
}

async function* readCsv(
  file: string,
  encoding: string | undefined,
): AsyncGenerator<{ line: number; values: string[] }> {
  const text = readText(file, encoding ?? (await detectEncoding(file)))
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true })
  // pipeline, not pipe: a read or decoding error destroys the parser with it, which the loop rethrows.
  pipeline(Readable.from(text), parser, () => {})
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[]
    info: { lines: number }
  }>) {
    yield { line: info.lines, values: record }
  }
}

async function* readXlsx(file: string): AsyncGenerator<{ line: number; values: string[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  })
  for await (const sheet of reader) {
    for await (const row of sheet) {
      // exceljs numbers cells from 1; index 0 of `values` is always empty.
      const values = (row.values as unknown[]).slice(1).map(cellText)
      yield { line: row.number, values }
    }
    // Only the first sheet: a second one is usually notes or a pivot, not more rows.
    return
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  // Excel keeps a wall time, which exceljs hands over as if it were UTC: read it back as a wall time.
  if (value instanceof Date) return value.toISOString().slice(0, 16).replace('T', ' ')
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[] }
    if (v.richText) return v.richText.map((r) => r.text).join('')
    if (v.text !== undefined) return cellText(v.text)
    if (v.result !== undefined) return cellText(v.result)
    return ''
  }
  return String(value)
}
