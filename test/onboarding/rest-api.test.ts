import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config.ts'
import { startServer } from '../../src/node/serve.ts'
import { createChatMessage, createTestCrm, type TestCrm } from '../support/test-crm.ts'

const TOKEN = 'test-token-123'
let t: TestCrm
const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }
const call = (path: string, init: RequestInit = {}) =>
  t.app.request(path, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } })
const say = (user: string, text: string) =>
  t.pipeline.handle(createChatMessage({ userId: user, userName: user, chatId: `dm:${user}`, text }))

beforeEach(async () => {
  t = await createTestCrm({ env: { CRM_API_TOKEN: TOKEN } })
  await say('张伟', '今天给华为张总打了电话,他对报价满意')
  await say('李娜', '帮助')
})
afterEach(() => t.close())

describe('issue 15 #6: the REST API', () => {
  it('X-CRM-User carries a Chinese name percent-encoded, or a user id', async () => {
    const asZhang = await call('/api/v1/customers', { headers: { 'x-crm-user': '%E5%BC%A0%E4%BC%9F' } })
    expect(asZhang.status).toBe(200)
    expect((await asZhang.json()).items.map((c: { name: string }) => c.name)).toEqual(['华为'])
    const users = (await (await call('/api/v1/users')).json()).items as { id: string; name: string }[]
    const lina = users.find((u) => u.name === '李娜')
    expect(lina).toBeDefined()
    expect((await call('/api/v1/reminders', { headers: { 'x-crm-user': lina!.id } })).status).toBe(200)
    const bad = await call('/api/v1/customers', { headers: { 'x-crm-user': '%E5%BC' } })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: 'invalid', message: expect.stringMatching(/X-CRM-User/) })
  })

  it('GET /users lists who owner and X-CRM-User may name', async () => {
    const res = await call('/api/v1/users')
    const names = ((await res.json()).items as { name: string; role: string }[]).map(
      (u) => `${u.name}:${u.role}`,
    )
    expect(names).toEqual(expect.arrayContaining(['张伟:admin', '李娜:rep']))
  })

  it('creates records owned by the user named in owner, visible to that rep', async () => {
    const res = await call('/api/v1/customers', {
      method: 'POST',
      body: JSON.stringify({ name: '小米', owner: '李娜' }),
    })
    expect(res.status).toBe(201)
    const customer = await res.json()
    const lina = (await (await call('/api/v1/users')).json()).items.find(
      (u: { name: string }) => u.name === '李娜',
    )
    expect(customer.owner_id).toBe(lina.id)
    const deal = await call('/api/v1/deals', {
      method: 'POST',
      body: JSON.stringify({ customer_id: customer.id, amount: 5000, owner: '李娜' }),
    })
    expect((await deal.json()).owner_id).toBe(lina.id)
    const nobody = await call('/api/v1/customers', {
      method: 'POST',
      body: JSON.stringify({ name: 'X', owner: '王五' }),
    })
    expect(nobody.status).toBe(400)
    expect((await nobody.json()).message).toMatch(/owner "王五" is not a user/)
  })

  it('shares a customer and switches sharing through the API', async () => {
    const [huawei] = (await (await call('/api/v1/customers')).json()).items
    const put = await call('/api/v1/workspace/sharing', {
      method: 'PUT',
      body: JSON.stringify({ mode: 'private' }),
    })
    expect(await put.json()).toEqual({ mode: 'private' })
    const hidden = await call(`/api/v1/customers/${huawei.id}`, {
      headers: { 'x-crm-user': encodeURIComponent('李娜') },
    })
    expect(hidden.status).toBe(404)
    const shared = await call(`/api/v1/customers/${huawei.id}/collaborators`, {
      method: 'POST',
      body: JSON.stringify({ user: '李娜' }),
    })
    expect((await shared.json()).added).toBe(true)
    const seen = await call(`/api/v1/customers/${huawei.id}`, {
      headers: { 'x-crm-user': encodeURIComponent('李娜') },
    })
    expect(seen.status).toBe(200)
  })

  it('serves a browsable docs page without a token, and documents X-CRM-Workspace', async () => {
    const page = await t.app.request('/api/docs')
    expect(page.status).toBe(200)
    expect(await page.text()).toMatch(/\/api\/v1\/openapi\.json/)
    const doc = await (await t.app.request('/api/v1/openapi.json')).json()
    expect(doc.info.description).toMatch(/X-CRM-Workspace: <platform>:<id>/)
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/users', '/customers/{id}/collaborators']),
    )
  })
})

describe('issue 15 #6: over real HTTP', () => {
  it('the README first curl works, and an unencoded query gets a JSON 400 saying what to fix', async () => {
    const dir = t.dir
    const server = await startServer(
      parseConfig({
        DATABASE_URL: `file:${dir}/served.db`,
        PORT: '0',
        CRM_API_TOKEN: TOKEN,
        HOST: '127.0.0.1',
      }),
    )
    try {
      const readme = readFileSync('README.md', 'utf8')
      const first = /^curl .*$/m.exec(readme)?.[0] ?? ''
      const args = [...first.matchAll(/'[^']*'|"[^"]*"|\S+/g)]
        .map((m) => m[0].replace(/^['"]|['"]$/g, ''))
        .slice(1)
        .map((a) =>
          a
            .replace('$CRM_API_TOKEN', TOKEN)
            .replace('http://localhost:8787', `http://127.0.0.1:${server.port}`),
        )
      const { stdout } = await promisify(execFile)('curl', ['-sS', '--fail-with-body', ...args])
      expect(JSON.parse(stdout)).toEqual({ items: [], next_cursor: null })

      const raw = await new Promise<string>((resolve) => {
        const socket = connect(server.port, '127.0.0.1', () =>
          socket.write(`GET /api/v1/customers?q=华为 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
        )
        let out = ''
        socket.on('data', (d) => {
          out += d
        })
        socket.on('end', () => resolve(out))
      })
      expect(raw).toMatch(/^HTTP\/1\.1 400/)
      expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
        error: 'bad_request',
        message: expect.stringMatching(/--data-urlencode/),
      })
    } finally {
      await server.stop()
    }
  })
})
