import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { scoreCorpus } from './score-corpus.ts'

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name)

// Our own labelled corpora (the shared dev set has its own test). heldout and heldout-2 were tuned on;
// heldout-3 to -5 were written blind, by people who never saw the parser, and guard against regressions
// at the level they were last measured, rounded down. heldout-8 to -18 were the last blind ones.
const FLOORS: [string, { intent: number; fields: number }][] = [
  ['heldout.jsonl', { intent: 0.99, fields: 0.99 }],
  ['heldout-2.jsonl', { intent: 0.99, fields: 0.99 }],
  ['heldout-3.jsonl', { intent: 0.99, fields: 0.99 }],
  ['heldout-4.jsonl', { intent: 0.99, fields: 0.99 }],
  // Measured at intent 1.000, fields 0.926 after its misses were worked on as classes of phrasing.
  ['heldout-5.jsonl', { intent: 0.98, fields: 0.9 }],
  // Measured at intent 0.960, fields 0.941 blind; 1.000 and 1.000 after its misses were worked on as
  // classes of phrasing. The floor is that minus 0.02.
  ['heldout-6.jsonl', { intent: 0.98, fields: 0.98 }],
  // Measured at intent 0.933, fields 0.938 blind; 1.000 and 1.000 after its misses were worked on as
  // classes of phrasing (test/understand/round-seven-phrasing.test.ts).
  ['heldout-7.jsonl', { intent: 0.98, fields: 0.98 }],
  // Blind: heldout-8 (mostly Chinese) 0.900 / 0.939, heldout-9 (mostly English and mixed) 0.971 / 0.811;
  // then worked on as classes of phrasing (test/understand/round-eight-phrasing.test.ts). `反馈一般` and
  // `lukewarm` alone are neutral, as heldout-9, -13 and -14 label them.
  ['heldout-8.jsonl', { intent: 0.98, fields: 0.98 }],
  ['heldout-9.jsonl', { intent: 0.98, fields: 0.98 }],
  // Blind: 0.914 / 0.895 (reminders, deals, summaries and small talk); then worked on as classes of
  // phrasing (test/understand/round-nine-phrasing.test.ts).
  // Blind: 0.975 / 0.909 (long, noisy notes from phones); then worked on as classes of phrasing
  // (test/understand/round-ten-phrasing.test.ts).
  ['heldout-10.jsonl', { intent: 0.98, fields: 0.98 }],
  ['heldout-11.jsonl', { intent: 0.98, fields: 0.98 }],
  // Blind: 0.971 / 0.936 (three sales teams' real mix); then worked on as classes of phrasing
  // (test/understand/round-eleven-phrasing.test.ts).
  // Blind: 0.988 / 0.946 (a second team's set in the dev set's mix); then worked on as classes of
  // phrasing (test/understand/round-twelve-phrasing.test.ts).
  ['heldout-12.jsonl', { intent: 0.98, fields: 0.98 }],
  ['heldout-13.jsonl', { intent: 0.98, fields: 0.98 }],
  // Blind: heldout-14 (a third team's dev-style set) 0.988 / 0.941; heldout-15 (written to be hard)
  // 0.783 / 0.795. Then worked on as classes of phrasing (test/understand/round-thirteen-phrasing.test.ts).
  ['heldout-14.jsonl', { intent: 0.98, fields: 0.98 }],
  ['heldout-15.jsonl', { intent: 0.98, fields: 0.98 }],
  // Blind: 0.988 / 0.909 (a fourth team's dev-style set); then worked on as classes of phrasing
  // (test/understand/round-fourteen-phrasing.test.ts).
  ['heldout-16.jsonl', { intent: 0.98, fields: 0.98 }],
  // Blind: 0.957 / 0.868 (Slack English and mixed); then worked on as classes of phrasing
  // (test/understand/round-fifteen-phrasing.test.ts).
  ['heldout-17.jsonl', { intent: 0.98, fields: 0.98 }],
  // Blind: 0.975 / 0.929 (a fifth team's dev-style set); then worked on as classes of phrasing
  // (test/understand/round-sixteen-phrasing.test.ts).
  ['heldout-18.jsonl', { intent: 0.98, fields: 0.98 }],
]

describe('labelled corpora', () => {
  it.each(FLOORS)('%s scores at least its floor', (name, floor) => {
    const score = scoreCorpus(fixture(name))
    expect(score.intent, score.misses.join('\n')).toBeGreaterThanOrEqual(floor.intent)
    expect(score.fields, score.misses.join('\n')).toBeGreaterThanOrEqual(floor.fields)
  })
})
