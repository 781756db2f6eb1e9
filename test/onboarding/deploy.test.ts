import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseConfig } from '../../src/config.ts'
import { accessNote } from '../../src/node/access-note.ts'

const run = promisify(execFile)
let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crm-image-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

describe('issue 15 #4: going live', () => {
  it('the Dockerfile builds through the script, in two stages, as a non-root user with data on a volume', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8')
    expect(dockerfile).toMatch(/^RUN sh scripts\/build-image-steps\.sh \/src \/app$/m)
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2)
    expect(dockerfile).toMatch(/^USER node$/m)
    expect(dockerfile).toMatch(/^VOLUME \["\/data"\]$/m)
    expect(dockerfile).toMatch(/DATABASE_URL=file:\/data\/crm\.db/)
    const compose = parse(readFileSync('compose.yaml', 'utf8'))
    expect(compose.services.crm.volumes).toEqual(['crm-data:/data'])
    expect(compose.services.crm.environment.CRM_API_TOKEN).toMatch(/:\?/)
  })

  it('the image build steps produce a server that runs with production dependencies only', async () => {
    const out = join(dir, 'app')
    await run('sh', ['scripts/build-image-steps.sh', process.cwd(), out], {
      env: { ...process.env, DEPS_FROM: process.cwd() },
      timeout: 240_000,
    })
    expect(existsSync(join(out, 'node_modules', 'hono'))).toBe(true)
    expect(existsSync(join(out, 'node_modules', 'vitest'))).toBe(false)
    // The worktree's own node_modules is untouched by the prune.
    expect(existsSync(join(process.cwd(), 'node_modules', 'vitest'))).toBe(true)
    const port = await freePort()
    const server = spawn(process.execPath, ['bin/crm.mjs', 'serve'], {
      cwd: out,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '0.0.0.0',
        CRM_API_TOKEN: 't',
        DATABASE_URL: `file:${dir}/data/crm.db`,
      },
    })
    let log = ''
    server.stderr.on('data', (d) => {
      log += d
    })
    try {
      let health: Response | undefined
      for (let i = 0; i < 100 && !health; i++) {
        health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined)
        if (!health) await new Promise((r) => setTimeout(r, 200))
      }
      expect(await health?.json()).toEqual({ ok: true })
      expect(log).toMatch(/listening on 0\.0\.0\.0 \(the network\); \/api requires the bearer token/)
      expect(log).not.toMatch(/127\.0\.0\.1 only/)
    } finally {
      server.kill('SIGTERM')
    }
  }, 300_000)

  it('refuses to bind beyond loopback without a token unless ALLOW_INSECURE=1, and says so', () => {
    expect(() => parseConfig({ HOST: '0.0.0.0' })).toThrow(
      /HOST=0\.0\.0\.0 without CRM_API_TOKEN would expose the admin API; set CRM_API_TOKEN, or ALLOW_INSECURE=1/,
    )
    const insecure = parseConfig({ HOST: '0.0.0.0', ALLOW_INSECURE: '1' })
    expect(accessNote(insecure)).toMatch(
      /^INSECURE: listening on 0\.0\.0\.0 \(the network\) without CRM_API_TOKEN/,
    )
    expect(accessNote(parseConfig({}))).toMatch(/^listening on 127\.0\.0\.1 only/)
  })

  it('a Slack bot token without a signing secret or app token fails fast with one clear line', () => {
    expect(() => parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(
      'invalid configuration: SLACK_BOT_TOKEN is set without SLACK_SIGNING_SECRET (HTTP events) or SLACK_APP_TOKEN (Socket Mode); set one of them',
    )
    expect(() => parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).not.toThrow()
  })
})
