import { editDistance, normalizeCompanyName, normalizePersonName, soundKey } from '../normalize.ts'
import { BUILT_IN_ALIASES, canonicalKey, companyKey } from './company-key.ts'

/** Why two records may be one: each reason has a fixed weight, the pair's score is the strongest. */
export const MATCH_REASONS = {
  same_name: 1,
  same_key: 0.9,
  alias: 0.9,
  same_phone: 0.85,
  same_email: 0.85,
  same_pinyin: 0.7,
  contains: 0.6,
  edit_distance: 0.5,
} as const
export type MatchReasonCode = keyof typeof MATCH_REASONS

export interface MatchReason {
  code: MatchReasonCode
  /** What matched, e.g. `华为` for a shared company key or `+8613800138000` for a phone. */
  detail: string
}

export interface NameMatch {
  /** 0..1; a hint for ordering and for asking, never enough to merge on. */
  score: number
  reasons: MatchReason[]
}

/** The score of a set of reasons: the strongest, plus a little for each further one, at most 1. */
export function scoreOf(reasons: MatchReason[]): number {
  const weights = reasons.map((r) => MATCH_REASONS[r.code]).sort((a, b) => b - a)
  const [best = 0, ...rest] = weights
  return Math.min(1, Math.round((best + rest.length * 0.02) * 100) / 100)
}

/** Every key a company key is also known by in the built-in alias list (`华为` → `huawei`). */
export function builtInAliasKeys(key: string): string[] {
  const canonical = canonicalKey(key)
  const others = Object.keys(BUILT_IN_ALIASES).filter((k) => canonicalKey(k) === canonical)
  return [...new Set([canonical, ...others])].filter((k) => k !== key)
}

/** What comparing a company name needs, worked out once per name (dedup compares every pair). */
export interface CompanyProfile {
  name: string
  normalized: string
  key: string
  canonical: string
  sound: string | null
}

export function companyProfile(name: string): CompanyProfile {
  const key = companyKey(name)
  return {
    name,
    normalized: normalizeCompanyName(name),
    key,
    canonical: canonicalKey(key),
    sound: hasChinese(key) ? soundKey(key) : null,
  }
}

/**
 * Whether two company names may be the same company, and why. `aliasKeys` are keys the second company is
 * also known by (its `customer_aliases`). Look-alikes stay apart: `华为`/`华夏银行`, `中国银行`/`中国建设银行`.
 */
export function compareCompanyNames(
  a: string,
  b: string,
  aliasKeys: readonly string[] = [],
): NameMatch | null {
  return compareCompanies(companyProfile(a), companyProfile(b), aliasKeys)
}

/** `compareCompanyNames` on profiles made beforehand. */
export function compareCompanies(
  a: CompanyProfile,
  b: CompanyProfile,
  aliasKeys: readonly string[] = [],
): NameMatch | null {
  const reasons: MatchReason[] = []
  if (!a.key || !b.key) return null
  if (a.normalized === b.normalized) reasons.push({ code: 'same_name', detail: b.key })
  else if (a.key === b.key) reasons.push({ code: 'same_key', detail: a.key })
  else if (a.canonical === b.canonical || aliasKeys.includes(a.key))
    reasons.push({ code: 'alias', detail: `${a.name} = ${b.name}` })
  else if (a.sound && a.sound === b.sound) reasons.push({ code: 'same_pinyin', detail: a.sound })
  else if (contains(a.key, b.key)) reasons.push({ code: 'contains', detail: `${a.key} / ${b.key}` })
  else if (Math.min(a.key.length, b.key.length) >= 3 && editDistance(a.key, b.key, 2) === 1)
    reasons.push({ code: 'edit_distance', detail: `${a.key} / ${b.key}` })
  return reasons.length ? { score: scoreOf(reasons), reasons } : null
}

/** Whether two people's names may be one person: same name, same pinyin (张伟/张炜), or one edit apart. */
export function comparePersonNames(a: string, b: string): MatchReason | null {
  const [keyA, keyB] = [normalizePersonName(a), normalizePersonName(b)]
  if (!keyA || !keyB) return null
  if (keyA === keyB) return { code: 'same_name', detail: keyA }
  if (soundKey(a) === soundKey(b)) return { code: 'same_pinyin', detail: soundKey(a) }
  if (Math.min(keyA.length, keyB.length) >= 3 && editDistance(keyA, keyB, 2) === 1)
    return { code: 'edit_distance', detail: `${keyA} / ${keyB}` }
  return null
}

function contains(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a]
  return shorter.length >= 2 && longer.includes(shorter)
}

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text)
