import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crm-help-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs the real `crm` with a database path that must never be created by a help or version call. */
function crm(args: string[], env: Record<string, string> = {}, input = '') {
  const run = spawnSync(process.execPath, ['bin/crm.mjs', ...args], {
    input,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, DATABASE_URL: `file:${join(dir, 'db', 'crm.db')}`, ...env },
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('issue 15 #5: the CLI', () => {
  it.each([['--help'], ['-h'], ['help'], []])('crm %s prints the commands and exits 0', (...args) => {
    const run = crm(args.filter(Boolean) as string[])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Usage: crm/)
    for (const command of ['serve', 'migrate', 'seed', 'parse', 'role']) expect(run.stdout).toContain(command)
  })

  it('crm --version prints the package version', () => {
    const run = crm(['--version'])
    expect(run).toMatchObject({ code: 0, stdout: '0.1.0\n' })
  })

  it.each(['serve', 'migrate', 'parse', 'seed', 'role'])(
    'crm %s --help prints its help without running it (no server, no database, no stdin wait)',
    (command) => {
      const run = crm([command, '--help'])
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(new RegExp(`Usage: crm ${command}`))
      expect(readdirSync(dir)).toEqual([])
    },
  )

  it('an unknown command is named, exit 1', () => {
    const run = crm(['frobnicate'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/unknown command 'frobnicate'/)
  })

  it('a plain-text line to crm parse fails and names the line', () => {
    const run = crm(['parse'], {}, '今天给华为张总打了电话\n')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/line 1 \("今天给华为张总打了电话"\): not JSON/)
  })

  it('a config error is one line, no stack trace', () => {
    const run = crm(['migrate'], { PORT: 'eighty' })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^crm: invalid configuration: PORT: /)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('a port in use is one line, no stack trace', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const run = crm(['serve'], { PORT: String(port) })
      expect(run.code).toBe(1)
      expect(run.stderr.trim().split('\n').at(-1)).toBe(
        `crm: port ${port} on 127.0.0.1 is in use: stop the other server or set PORT`,
      )
      expect(run.stderr).not.toMatch(/\n\s+at /)
    } finally {
      blocker.close()
    }
  })
})
