import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyOf, leftmostOf } from '../../src/understand/any-of.ts'

/** Rules that overlap, capture, look behind, anchor and differ in case-folding, as the parser's do. */
const RULES: [string, RegExp][] = [
  ['ab', /ab(c)?/i],
  ['b-run', /(b+)(?=a)/],
  ['after-x', /(?<=x)[ab]{2}/i],
  ['start', /^c+/],
  ['cap', /B(A|C)/],
  ['any-a', /a/i],
]

/** What the parser did before: every rule tried, the earliest match kept, ties to the rule listed first. */
function naive(text: string): { value: string; index: number; text: string } | null {
  let best: { value: string; index: number; text: string } | null = null
  for (const [value, re] of RULES) {
    const m = re.exec(text)
    if (m && (!best || m.index < best.index)) best = { value, index: m.index, text: m[0] }
  }
  return best
}

const TEXT = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'x', 'A', 'B', 'C', ' '), maxLength: 12 })

describe('leftmostOf', () => {
  const first = leftmostOf(RULES)

  it('finds what trying each rule and keeping the earliest finds, for any text', () => {
    fc.assert(
      fc.property(TEXT, (text) => {
        const m = first(text)
        const want = naive(text)
        expect(m && { value: m.value, index: m.match.index, text: m.match[0] }).toEqual(want)
      }),
      { numRuns: 2000 },
    )
  })

  it('gives a tie to the rule listed first, across flag sets', () => {
    // `ab` (case-folded) and `cap` (case-sensitive) both start at 0 in `BA`; `ab` is listed first but
    // does not match `BA`, so `cap` wins; in `AB`, `ab` does.
    expect(first('BA')?.value).toBe('cap')
    expect(first('AB')?.value).toBe('ab')
  })
})

describe('anyOf', () => {
  const gate = anyOf(RULES.map(([, re]) => re))

  it('matches exactly when some rule does, for any text', () => {
    fc.assert(
      fc.property(TEXT, (text) => {
        // Case is folded for all once one rule folds it, so the gate may say yes where no rule does, but
        // never no where one does.
        if (naive(text)) expect(gate.test(text)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('refuses a back-reference, whose number the union would shift', () => {
    expect(() => anyOf([/a/, /(b)\1/])).toThrow(/back-reference in \/\(b\)\\1\//)
  })
})
