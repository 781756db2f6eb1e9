import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestCrm, type TestCrm } from '../support/test-crm.ts'

const TOKEN = 'test-token-123'
let t: TestCrm
const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }
const post = (path: string, body: unknown) =>
  t.app.request(path, { method: 'POST', body: JSON.stringify(body), headers })

beforeEach(async () => {
  t = await createTestCrm({ env: { CRM_API_TOKEN: TOKEN } })
})
afterEach(() => t.close())

describe('duplicates and merges over REST', () => {
  it('lists 华为 ~ Huawei with why, merges one into the other, and undoes it', async () => {
    const full = await (await post('/api/v1/customers', { name: '华为技术有限公司' })).json()
    const latin = await (await post('/api/v1/customers', { name: 'Huawei' })).json()
    await post('/api/v1/customers', { name: '华夏银行' })
    const dup = await (await t.app.request('/api/v1/duplicates', { headers })).json()
    expect(dup.items).toEqual([
      expect.objectContaining({
        kind: 'customer',
        reasons: [{ code: 'alias', detail: expect.stringMatching(/Huawei/) }],
      }),
    ])
    const merged = await post(`/api/v1/customers/${full.id}/merge`, { from_id: latin.id })
    expect(merged.status).toBe(201)
    const merge = await merged.json()
    expect(merge).toMatchObject({ survivor_id: full.id, merged_id: latin.id, undone_at: null })
    expect((await post(`/api/v1/customers/${full.id}/merge`, { from_id: latin.id })).status).toBe(409)
    const undone = await (await post(`/api/v1/merges/${merge.id}/undo`, {})).json()
    expect(undone.undone_at).toEqual(expect.any(String))
    expect((await post(`/api/v1/merges/${merge.id}/undo`, {})).status).toBe(409)
    expect((await post('/api/v1/merges/nope/undo', {})).status).toBe(404)
  })
})
