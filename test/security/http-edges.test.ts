/**
 * Issue 10, items 3 and 4: bodies limited while they stream in, and the local (no-token) mode closed to
 * other web pages (CSRF) and other host names (DNS rebinding). Each case failed on the code before.
 */
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type ServerType, serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { interactions } from '../../src/db/schema.ts'
import { SIGNING_SECRET } from '../slack/sign-slack-request.ts'
import { createTestCrm, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm
let server: ServerType
let base: string

beforeAll(async () => {
  t = await createTestCrm({ env: { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-test' } })
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await t.close()
})

/**
 * POSTs `megabytes` in 64 KB chunks with no Content-Length (Transfer-Encoding: chunked) and resolves with
 * the status as soon as the server answers, even while the body is still being written.
 */
function postChunked(path: string, megabytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' } })
    const chunk = Buffer.alloc(64 * 1024, 0x61)
    let sent = 0
    let answered = false
    req.on('response', (res) => {
      answered = true
      resolve(res.statusCode ?? 0)
      res.resume()
      req.destroy()
    })
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    const pump = () => {
      while (!answered && sent < megabytes * 1024 * 1024) {
        sent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      if (!answered) req.end()
    }
    pump()
  })
}

describe('body limits', () => {
  it('refuses a chunked body over 1 MB on every webhook route before its signature is checked', async () => {
    for (const path of ['/slack/events', '/slack/interactions', '/wecom/callback', '/api/messages']) {
      expect(await postChunked(path, 3), path).toBe(413)
    }
    expect((await fetch(`${base}/health`)).status).toBe(200)
  })

  it('still reads a chunked body under the limit', async () => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([JSON.stringify({ user: 'alice', text: '帮助' })]).stream(),
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(200)
  })
})

describe('local mode: only this machine, only JSON', () => {
  const note = JSON.stringify({ user: 'alice', text: '今天给华为张总打了电话' })

  it('refuses text/plain and typeless bodies, which any web page can send without a preflight', async () => {
    for (const headers of [{ 'content-type': 'text/plain' }, {}] as Record<string, string>[]) {
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers,
        body: new Blob([note]),
      })
      expect(res.status).toBe(415)
    }
    expect(await t.db.$count(interactions)).toBe(0)
  })

  it('refuses a write from another origin', async () => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: note,
    })
    expect(res.status).toBe(403)
    const form = await t.app.request('http://localhost/api/v1/customers', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      body: 'name=x',
    })
    expect([403, 415]).toContain(form.status)
    expect(await t.db.$count(interactions)).toBe(0)
  })

  it('answers only to localhost names: a rebound DNS name reads nothing', async () => {
    const rebound = await t.app.request('http://attacker.example:8787/api/v1/customers')
    expect(rebound.status).toBe(421)
    const page = await t.app.request('http://attacker.example:8787/')
    expect(page.status).toBe(421)
    expect((await t.app.request('http://localhost:8787/api/v1/customers')).status).toBe(200)
    expect((await t.app.request('http://127.0.0.1:8787/')).status).toBe(200)
  })

  it('accepts the page’s own same-origin JSON', async () => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ user: 'alice', text: '帮助' }),
    })
    expect(res.status).toBe(200)
  })
})
