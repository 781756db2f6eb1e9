import { readFileSync } from 'node:fs'
import { parseMessage } from '../../src/understand/parse-message.ts'
import { NOW, SHANGHAI } from './helpers.ts'

/** The field comparisons of ../shared/eval/score.mjs, so the repo's own corpora are scored the same way. */
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
const norm = (value: unknown) => {
  let text = String(value ?? '')
    .toLowerCase()
    .replace(/[\s·・,，.。!！?？:：'"“”‘’]/g, '')
  for (const suffix of SUFFIXES)
    if (text.length > suffix.length && text.endsWith(suffix)) text = text.slice(0, -suffix.length)
  return text
}
const anyOf = (p: unknown, l: unknown) => (l as unknown[]).some((a) => norm(a) === norm(p))
const SAME: Record<string, (p: unknown, l: unknown) => boolean> = {
  customer: anyOf,
  contact: anyOf,
  due_at: (p, l) => p != null && Math.abs(Date.parse(String(p)) - Date.parse(String(l))) < 60_000,
  amount: (p, l) => typeof p === 'number' && Math.abs(p - Number(l)) < 0.5,
  currency: (p, l) => String(p ?? '').toUpperCase() === l,
}

export interface CorpusScore {
  intent: number
  fields: number
  misses: string[]
}

/** Parses every line of a labelled JSONL corpus at the corpus' `now` and scores it like the shared scorer. */
export function scoreCorpus(path: string): CorpusScore {
  const rows = readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { text: string; labels: Record<string, unknown> })
  let intentRight = 0
  let fieldRight = 0
  let fieldAll = 0
  const misses: string[] = []
  for (const row of rows) {
    const predicted = parseMessage(row.text, { now: NOW, timeZone: SHANGHAI }) as unknown as Record<
      string,
      unknown
    >
    for (const [field, label] of Object.entries(row.labels)) {
      const ok = (SAME[field] ?? ((p, l) => p === l))(predicted[field], label)
      if (field === 'intent') intentRight += ok ? 1 : 0
      else {
        fieldAll++
        fieldRight += ok ? 1 : 0
      }
      if (!ok)
        misses.push(
          `${field}: wanted ${JSON.stringify(label)} got ${JSON.stringify(predicted[field])} <- ${row.text}`,
        )
    }
  }
  return { intent: intentRight / rows.length, fields: fieldRight / fieldAll, misses }
}
