import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { createSlackBot } from '../bots/slack/index.ts'
import { createApp } from '../src/app.ts'
import { createBackgroundWork } from '../src/background-work.ts'
import { parseConfig } from '../src/config.ts'
import { openDatabase } from '../src/node/open-database.ts'

const ATTACKERS = 4
const ATTEMPT_BYTES = 400 * 1024 * 1024
const GIVE_UP_MS = 10_000

/**
 * Issue 10's memory attack: 4 concurrent chunked 400 MB bodies (no Content-Length) to /slack/events, which
 * once were buffered whole before the signature check (2.2 GB RSS). Each attacker keeps writing until the
 * server answers or 10 s pass. Reports the answer, what each got through, and the server's RSS growth.
 */
export async function benchBodyLimit() {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-body-'))
  const config = parseConfig({
    DATABASE_URL: `file:${join(dir, 'crm.db')}`,
    SLACK_SIGNING_SECRET: 'bench-signing-secret-0123456789ab',
    SLACK_BOT_TOKEN: 'xoxb-bench',
  })
  const { db, close } = await openDatabase(config.database)
  const background = createBackgroundWork(() => {})
  const { app } = createApp({
    config,
    db,
    waitUntil: background.waitUntil,
    log: () => {},
    bots: [createSlackBot],
  })
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  const port = (server.address() as AddressInfo).port
  global.gc?.()
  const rssBefore = process.memoryUsage().rss
  let rssPeak = rssBefore
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss)
  }, 20)
  const started = performance.now()
  const runs = await Promise.all(Array.from({ length: ATTACKERS }, () => attack(port)))
  clearInterval(sampler)
  const health = await getStatus(port, '/health')
  // Keep-alive sockets would hold close() open; the attackers' sockets are gone already.
  ;(server as { closeAllConnections?: () => void }).closeAllConnections?.()
  await new Promise((resolve) => server.close(resolve))
  close()
  rmSync(dir, { recursive: true, force: true })
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`
  return {
    name: 'Body limit under a chunked-upload attack (4 × 400 MB, no Content-Length, /slack/events)',
    results: {
      answers: runs.map((r) => r.status).join(', '),
      'sent before the answer (each)': runs.map((r) => mb(r.sentBeforeAnswer)).join(', '),
      'time to answer (max)': `${Math.max(...runs.map((r) => r.answeredMs)).toFixed(0)} ms`,
      'server+client RSS growth (peak)': mb(rssPeak - rssBefore),
      'wall time': `${(performance.now() - started).toFixed(0)} ms`,
      '/health afterwards': health,
    },
  }
}

/** One chunked upload of up to 400 MB; stops writing once answered (or after 10 s). */
function attack(port: number): Promise<{ status: number; sentBeforeAnswer: number; answeredMs: number }> {
  return new Promise((resolve) => {
    const began = performance.now()
    const req = request({
      port,
      host: '127.0.0.1',
      path: '/slack/events',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    })
    const chunk = Buffer.alloc(64 * 1024, 0x61)
    let sent = 0
    let done = false
    const finish = (status: number) => {
      if (done) return
      done = true
      resolve({ status, sentBeforeAnswer: sent, answeredMs: performance.now() - began })
      req.destroy()
    }
    req.on('response', (res) => {
      res.resume()
      finish(res.statusCode ?? 0)
    })
    req.on('error', () => finish(-1))
    setTimeout(() => finish(0), GIVE_UP_MS).unref()
    const pump = () => {
      while (!done && sent < ATTEMPT_BYTES) {
        sent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      if (!done) req.end()
    }
    pump()
  })
}

function getStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    request({ port, host: '127.0.0.1', path }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
      .on('error', () => resolve(-1))
      .end()
  })
}
