/**
 * One pattern that matches wherever any of `patterns` would: a gate tested once before a list of
 * rules, because most messages hold none of them and one scan says so where many would. Exact as a
 * gate (never false where a rule matches); case is folded if any rule folds it. Rules must not use
 * back-references, whose group numbers the union would shift.
 */
export function anyOf(patterns: readonly RegExp[]): RegExp {
  const flags = patterns.some((p) => p.flags.includes('i')) ? 'i' : ''
  const unicode = patterns.some((p) => p.flags.includes('u') || p.flags.includes('v'))
  for (const p of patterns) assertUnitable(p)
  return new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), unicode ? `${flags}u` : flags)
}

/** A back-reference counts groups, and a union renumbers them: such a pattern is refused by name. */
function assertUnitable(p: RegExp): void {
  if (/\\[1-9]|\\k</.test(p.source)) throw new Error(`back-reference in /${p.source}/ cannot be united`)
}

/** The rule that matched first in the text, and its match (`match[0]` and `match.index` only). */
export interface FirstMatch<T> {
  value: T
  match: RegExpExecArray
}

/** How many capture groups `re` has: an empty alternative makes it match '', with every group unset. */
const groupCount = (re: RegExp) => (new RegExp(`${re.source}|`, re.flags).exec('')?.length ?? 1) - 1

interface United<T> {
  re: RegExp
  members: { order: number; value: T; group: number }[]
}

/**
 * A reader that finds, across `rules`, the match starting earliest in the text, ties going to the
 * rule listed first: what trying each rule and keeping the leftmost gives, in one scan per set of
 * flags. Each rule becomes one capture group of a united pattern, so the group that took part names
 * the rule, and `match[0]` is what that rule alone would have matched there.
 */
export function leftmostOf<T>(
  rules: readonly (readonly [T, RegExp])[],
): (text: string) => FirstMatch<T> | null {
  const byFlags = new Map<string, { sources: string[]; members: United<T>['members']; groups: number }>()
  rules.forEach(([value, re], order) => {
    assertUnitable(re)
    const flags = re.flags.replace(/[gy]/g, '')
    const set = byFlags.get(flags) ?? { sources: [], members: [], groups: 0 }
    set.members.push({ order, value, group: set.groups + 1 })
    set.groups += 1 + groupCount(re)
    set.sources.push(`(${re.source})`)
    byFlags.set(flags, set)
  })
  const united: United<T>[] = [...byFlags].map(([flags, set]) => ({
    re: new RegExp(set.sources.join('|'), flags),
    members: set.members,
  }))
  return (text) => {
    let best: FirstMatch<T> | null = null
    let bestOrder = Number.POSITIVE_INFINITY
    for (const { re, members } of united) {
      const m = re.exec(text)
      const member = m && members.find((x) => m[x.group] !== undefined)
      if (!m || !member) continue
      if (best && (m.index > best.match.index || (m.index === best.match.index && member.order > bestOrder)))
        continue
      best = { value: member.value, match: m }
      bestOrder = member.order
    }
    return best
  }
}
