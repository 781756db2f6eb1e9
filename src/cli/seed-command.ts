import { parseConfig } from '../config.ts'
import { seedDemo } from '../demo/seed-demo.ts'
import { openDatabase } from '../node/open-database.ts'
import { CliError } from './cli-error.ts'

/** `crm seed --demo [--force]`: loads a realistic team into the web workspace of the configured database. */
export async function runSeedCommand(options: {
  demo: boolean
  force?: boolean | undefined
}): Promise<number> {
  const config = parseConfig(process.env)
  const { db, close } = await openDatabase(config.database)
  try {
    const result = await seedDemo({ db, now: () => new Date() }, config.defaultTimeZone, {
      force: options.force ?? false,
    })
    if (result.refused) throw new CliError(result.refused)
    process.stdout.write(`seeded ${JSON.stringify(result.counts)} into ${config.database.url}\n`)
    return 0
  } finally {
    close()
  }
}
