/**
 * One pattern that matches wherever any of `patterns` would: a gate tested once before a list of
 * rules, because most messages hold none of them and one scan says so where many would. Exact as a
 * gate (never false where a rule matches); case is folded if any rule folds it. Rules must not use
 * back-references, whose group numbers the union would shift.
 */
export function anyOf(patterns: readonly RegExp[]): RegExp {
  const flags = patterns.some((p) => p.flags.includes('i')) ? 'i' : ''
  const unicode = patterns.some((p) => p.flags.includes('u') || p.flags.includes('v'))
  for (const p of patterns)
    if (/\\[1-9]|\\k</.test(p.source))
      throw new Error(`anyOf: back-reference in /${p.source}/ cannot be united`)
  return new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), unicode ? `${flags}u` : flags)
}
