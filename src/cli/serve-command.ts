import { parseConfig } from '../config.ts'
import { startServer } from '../node/serve.ts'

/** `crm serve` (what `npm start` runs): serves until SIGINT/SIGTERM. */
export async function runServeCommand(): Promise<number> {
  const server = await startServer(parseConfig(process.env))
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await server.stop()
  return 0
}
