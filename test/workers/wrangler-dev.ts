import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { promisify } from 'node:util'

const run = promisify(execFile)
const WRANGLER = new URL('../../node_modules/.bin/wrangler', import.meta.url).pathname
const ROOT = new URL('../..', import.meta.url).pathname

/**
 * Wrangler with no way out: no metrics, no login, and npm's registry (its update check) on a closed local
 * port, so a run never waits on, or reaches, anything beyond 127.0.0.1.
 */
export function offlineEnv(persistTo: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: 'false',
    // Miniflare otherwise downloads request.cf data from workers.cloudflare.com.
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    CI: '1',
    npm_config_registry: 'http://127.0.0.1:9/',
    WRANGLER_LOG_PATH: `${persistTo}/logs`,
    CLOUDFLARE_API_TOKEN: '',
  }
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** `wrangler d1 …` against the local D1 kept in `persistTo`. */
export async function wranglerD1(persistTo: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(WRANGLER, ['d1', ...args, '--local', '--persist-to', persistTo], {
    cwd: ROOT,
    env: offlineEnv(persistTo),
    timeout: 60_000,
  })
  return stdout
}

/** Applies migrations/ to the local D1 database, as `wrangler d1 migrations apply chat-crm` does remotely. */
export function applyMigrations(persistTo: string): Promise<string> {
  return wranglerD1(persistTo, 'migrations', 'apply', 'chat-crm')
}

/** Runs SQL on the local D1 database and returns the rows of its last statement. */
export async function executeSql(persistTo: string, sql: string): Promise<Record<string, unknown>[]> {
  const out = await wranglerD1(persistTo, 'execute', 'chat-crm', '--json', '--command', sql)
  const results = JSON.parse(out) as { results: Record<string, unknown>[] }[]
  return results.at(-1)?.results ?? []
}

export interface WranglerDev {
  url: string
  output: () => string
  stop(): Promise<void>
}

/**
 * Starts `wrangler dev` (workerd, local D1 in `persistTo`) on 127.0.0.1 with `--test-scheduled`, and resolves
 * once `/health` answers. The process gets its own group, so `stop()` ends workerd with it.
 */
export async function startWranglerDev(options: {
  persistTo: string
  vars: Record<string, string>
  readyTimeoutMs?: number
}): Promise<WranglerDev> {
  const [port, inspectorPort] = [await freePort(), await freePort()]
  const args = ['dev', '--local', '--ip', '127.0.0.1', '--port', String(port)]
  args.push('--inspector-port', String(inspectorPort), '--persist-to', options.persistTo, '--test-scheduled')
  args.push('--show-interactive-dev-session=false', '--log-level', 'info')
  for (const [name, value] of Object.entries(options.vars)) args.push('--var', `${name}:${value}`)
  const child = spawn(WRANGLER, args, {
    cwd: ROOT,
    env: offlineEnv(options.persistTo),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  const dev = { url, output: () => output, stop: () => stopProcessGroup(child) }
  const until = Date.now() + (options.readyTimeoutMs ?? 60_000)
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`)
    const ready = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ready) return dev
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await dev.stop()
  throw new Error(`wrangler dev did not answer /health in time:\n${output}`)
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  process.kill(-child.pid, 'SIGTERM')
  const killed = await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000, 'timeout'))])
  if (killed === 'timeout') process.kill(-child.pid, 'SIGKILL')
}
