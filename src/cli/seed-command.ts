import { parseConfig } from '../config.ts'
import { seedDemo } from '../demo/seed-demo.ts'
import { openDatabase } from '../node/open-database.ts'

/** `crm seed --demo`: loads a realistic team into the configured database. */
export async function runSeedCommand(args: string[]): Promise<number> {
  if (!args.includes('--demo')) {
    process.stderr.write('usage: crm seed --demo\n')
    return 2
  }
  const config = parseConfig(process.env)
  const { db, close } = await openDatabase(config.database)
  try {
    const counts = await seedDemo({ db, now: () => new Date() }, config.defaultTimeZone)
    process.stdout.write(`seeded ${JSON.stringify(counts)} into ${config.database.url}\n`)
    return 0
  } finally {
    close()
  }
}
