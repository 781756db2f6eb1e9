import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseMessage } from '../../src/understand/parse-message.ts'
import type { ParsedMessage } from '../../src/understand/parsed-message.ts'

/** The shared labelled corpus lives next to the repo; the test is skipped where it is absent. */
const CORPUS = resolve(process.cwd(), '../shared/eval/messages.dev.jsonl')
const NOW = new Date('2026-11-18T10:00:00+08:00')

interface Row {
  text: string
  labels: Record<string, unknown>
}

const SUFFIXES = [
  '股份有限公司',
  '有限公司',
  '公司',
  '集团',
  'corporation',
  'corp.',
  'corp',
  'inc.',
  'inc',
  'ltd.',
  'ltd',
  'co.',
]
/** The scorer's comparison of names: case, spaces, punctuation and a trailing company suffix ignored. */
function norm(s: unknown): string {
  let t = String(s ?? '')
    .toLowerCase()
    .replace(/[\s·・,，.。!！?？:：'"“”‘’]/g, '')
  for (const suf of SUFFIXES) if (t.length > suf.length && t.endsWith(suf)) t = t.slice(0, -suf.length)
  return t
}

function same(field: string, got: unknown, want: unknown): boolean {
  if (field === 'customer' || field === 'contact')
    return (want as string[]).some((w) => norm(w) === norm(got))
  if (field === 'due_at')
    return typeof got === 'string' && Math.abs(Date.parse(got) - Date.parse(String(want))) < 60_000
  if (field === 'amount') return typeof got === 'number' && Math.abs(got - Number(want)) < 0.5
  if (field === 'currency') return String(got ?? '').toUpperCase() === want
  return got === want
}

describe.skipIf(!existsSync(CORPUS))('dev corpus', () => {
  it('meets intent ≥ 0.95 and fields ≥ 0.90', () => {
    const rows: Row[] = readFileSync(CORPUS, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
    let intents = 0
    let fieldsRight = 0
    let fieldsAll = 0
    const misses: string[] = []
    for (const row of rows) {
      const p: ParsedMessage = parseMessage(row.text, { now: NOW, timeZone: 'Asia/Shanghai' })
      for (const [field, want] of Object.entries(row.labels)) {
        const ok = same(field, p[field as keyof ParsedMessage], want)
        if (!ok)
          misses.push(
            `${field}: want ${JSON.stringify(want)} got ${JSON.stringify(p[field as keyof ParsedMessage])} <- ${row.text}`,
          )
        if (field === 'intent') intents += ok ? 1 : 0
        else {
          fieldsAll++
          fieldsRight += ok ? 1 : 0
        }
      }
    }
    const intent = intents / rows.length
    const fields = fieldsRight / fieldsAll
    expect({ intent: intent >= 0.95, fields: fields >= 0.9, misses }).toMatchObject({
      intent: true,
      fields: true,
    })
  })
})
