import { parseConfig } from '../config.ts'
import { startServer } from '../node/serve.ts'
import { CliError } from './cli-error.ts'

/** `crm serve` (what `npm start` runs): serves until SIGINT/SIGTERM. */
export async function runServeCommand(): Promise<number> {
  const config = parseConfig(process.env)
  const server = await startServer(config).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE')
      throw new CliError(`port ${config.port} on ${config.host} is in use: stop the other server or set PORT`)
    if (error.code === 'EACCES')
      throw new CliError(`no permission to listen on ${config.host}:${config.port}: use a port above 1024`)
    throw error
  })
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await server.stop()
  return 0
}
