import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

describe('crm parse', () => {
  it('reads JSON lines and prints one prediction a line, bad lines included', () => {
    const input = [
      JSON.stringify({
        text: '提醒我明天下午3点给美团王总发合同',
        now: '2026-11-18T10:00:00+08:00',
        tz: 'Asia/Shanghai',
      }),
      'not json',
      JSON.stringify({ text: 'find Globex', now: '2026-11-18T10:00:00+08:00', tz: 'America/New_York' }),
    ].join('\n')
    const run = spawnSync(process.execPath, ['bin/crm.mjs', 'parse'], {
      input,
      encoding: 'utf8',
      timeout: 30_000,
    })
    // The bad line still prints (lines stay aligned) but is named on stderr and fails the run.
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/line 2 \("not json"\): not JSON/)
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatchObject({
      intent: 'set_reminder',
      customer: '美团',
      due_at: '2026-11-19T15:00:00+08:00',
      task: '给美团王总发合同',
      amount: null,
      period: null,
    })
    expect(Object.keys(lines[0])).toEqual(
      expect.arrayContaining([
        'customer',
        'contact',
        'interaction_type',
        'sentiment',
        'sentiment_score',
        'confidence',
      ]),
    )
    expect(lines[1]).toMatchObject({ intent: 'unknown' })
    expect(typeof lines[1].error).toBe('string')
    expect(lines[2]).toMatchObject({ intent: 'lookup_customer', customer: 'Globex' })
  })

  it('reports an unknown time zone as a bad line', () => {
    const input = JSON.stringify({ text: '明天提醒我', now: '2026-11-18T10:00:00Z', tz: 'Mars/Base' })
    const run = spawnSync(process.execPath, ['bin/crm.mjs', 'parse'], {
      input,
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ intent: 'unknown' })
  })
})
