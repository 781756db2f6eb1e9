/**
 * Intent and field scores of every labelled corpus (the shared dev set and test/understand/fixtures), one
 * line each, for the before/after table in docs/benchmarks.md. Run: node bin/run-ts.mjs bench/score-corpora.ts
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { scoreCorpus } from '../test/understand/score-corpus.ts'

const fixtures = join(import.meta.dirname, '..', 'test', 'understand', 'fixtures')
const corpora = [
  ['messages.dev', join(import.meta.dirname, '..', '..', '..', 'shared', 'eval', 'messages.dev.jsonl')],
  ...readdirSync(fixtures)
    .filter((name) => name.endsWith('.jsonl'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((name) => [name.replace(/\.jsonl$/, ''), join(fixtures, name)]),
] as const
for (const [name, path] of corpora) {
  const score = scoreCorpus(path)
  console.log(`| ${name} | ${score.intent.toFixed(3)} | ${score.fields.toFixed(3)} |`)
}
