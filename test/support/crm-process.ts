import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

/** A `crm serve` child process: its URL, the JSON log lines it wrote, and ways to stop it. */
export interface CrmProcess {
  url: string
  child: ChildProcess
  events: { event: string; [field: string]: unknown }[]
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string | null>
  kill(signal: NodeJS.Signals): Promise<number | string | null>
}

/**
 * Starts `node bin/crm.mjs serve` (what `npm start` runs) on a free port with `env` on top of this
 * process's, and resolves once it logs `server.listening`.
 */
export async function startCrmProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<CrmProcess> {
  const child = spawn(process.execPath, ['bin/crm.mjs', 'serve'], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const events: CrmProcess['events'] = []
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  )
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('crm serve did not start in time')), timeoutMs)
    void exited.then((code) => reject(new Error(`crm serve exited (${code}) before listening`)))
    createInterface({ input: child.stderr! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line)
        events.push(entry)
        if (entry.event === 'server.listening') {
          clearTimeout(timer)
          resolve(String(entry.url).replace('localhost', '127.0.0.1'))
        }
      } catch {
        events.push({ event: 'stderr', line })
      }
    })
  })
  return {
    url,
    child,
    events,
    exited,
    kill(signal) {
      child.kill(signal)
      return exited
    },
  }
}
