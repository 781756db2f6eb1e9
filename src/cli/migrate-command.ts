import { parseConfig } from '../config.ts'
import { openDatabase } from '../node/open-database.ts'

/** `crm migrate`: applies pending migrations (start-up does too; this is for deploy scripts). */
export async function runMigrateCommand(): Promise<number> {
  const config = parseConfig(process.env)
  const { close } = await openDatabase(config.database)
  close()
  process.stdout.write(`migrations applied to ${config.database.url}\n`)
  return 0
}
