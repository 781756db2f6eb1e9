import { parseArgs } from 'node:util'
import { parseConfig } from '../config.ts'
import { backupDatabase, restoreDatabase } from '../node/backup.ts'
import { openDatabase } from '../node/open-database.ts'
import { printLine } from './cli-context.ts'

/** `crm backup <file>`: a consistent snapshot of the configured database, safe while the server writes. */
export async function backupCommand(options: { file: string }): Promise<number> {
  const config = parseConfig(process.env)
  const { db, close } = await openDatabase(config.database)
  try {
    const { file, bytes } = await backupDatabase(db, options.file)
    await printLine(`backup written to ${file} (${bytes} bytes)`)
    return 0
  } finally {
    close()
  }
}

/** `crm restore <file>`: replaces the configured database with a checked backup (stop the server first). */
export async function restoreCommand(options: { file: string }): Promise<number> {
  const config = parseConfig(process.env)
  const { customers } = await restoreDatabase(config.database, options.file)
  await printLine(`restored ${options.file} into ${config.database.url} (${customers} customers)`)
  return 0
}

export async function runBackupCommand(args: string[]): Promise<number> {
  const [file] = parseArgs({ args, allowPositionals: true }).positionals
  if (!file) return usage('usage: crm backup <file>')
  return backupCommand({ file })
}

export async function runRestoreCommand(args: string[]): Promise<number> {
  const [file] = parseArgs({ args, allowPositionals: true }).positionals
  if (!file) return usage('usage: crm restore <file>   (stop the server first)')
  return restoreCommand({ file })
}

function usage(text: string): number {
  process.stderr.write(`${text}\n`)
  return 2
}
