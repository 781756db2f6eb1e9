import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { offlineEnv } from './wrangler-dev.ts'

const run = promisify(execFile)
const ROOT = new URL('../..', import.meta.url).pathname

interface Metafile {
  inputs: Record<string, unknown>
}

let outdir: string
let inputs: string[]

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'crm-worker-bundle-'))
  // `wrangler deploy --dry-run` bundles exactly what `wrangler deploy` would upload, then stops.
  await run(
    join(ROOT, 'node_modules/.bin/wrangler'),
    ['deploy', '--dry-run', '--outdir', outdir, '--metafile', join(outdir, 'meta.json')],
    { cwd: ROOT, env: offlineEnv(outdir), timeout: 90_000 },
  )
  const meta = JSON.parse(readFileSync(join(outdir, 'meta.json'), 'utf8')) as Metafile
  inputs = Object.keys(meta.inputs)
}, 100_000)

afterAll(() => rmSync(outdir, { recursive: true, force: true }))

const bundled = (fragment: string) => inputs.filter((path) => path.includes(fragment))

describe('the Workers bundle (wrangler deploy --dry-run)', () => {
  it('builds src/worker.ts with the core, the webhook bots and both store drivers', () => {
    for (const file of [
      'src/worker.ts',
      'src/app.ts',
      'bots/slack/slack-event-routes.ts',
      'bots/wecom/callback-routes.ts',
      'node_modules/drizzle-orm/d1/',
      'node_modules/@libsql/client/lib-esm/web.js',
    ])
      expect(bundled(file), file).not.toHaveLength(0)
  })

  it('leaves out every Node-only module: long connections, Wechaty, the Node server and the native libSQL client', () => {
    for (const nodeOnly of [
      'node_modules/@slack/bolt/',
      'node_modules/@wecom/aibot-node-sdk/',
      'node_modules/wechaty',
      'bots/slack/socket-mode.ts',
      'bots/wecom/aibot-long-connection.ts',
      'bots/wechaty/',
      'src/node/',
      'src/cli/',
      'node_modules/@hono/node-server/',
      'node_modules/@libsql/client/lib-esm/node.js',
      'node_modules/libsql/',
    ])
      expect(bundled(nodeOnly), nodeOnly).toEqual([])
  })
})
