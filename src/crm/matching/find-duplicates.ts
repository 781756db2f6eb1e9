import { and, eq, inArray, ne } from 'drizzle-orm'
import { contacts, customers } from '../../db/schema.ts'
import { canAccess, visibleOwnerIds } from '../access.ts'
import type { Actor, CrmContext } from '../crm-context.ts'
import { aliasKeysByCustomer } from './customer-aliases.ts'
import {
  type CompanyProfile,
  companyProfile,
  compareCompanies,
  comparePersonNames,
  type MatchReason,
  scoreOf,
} from './name-match.ts'

/** Two records that may be one, with why: shown to a person, never merged on its own. */
export interface DuplicatePair {
  kind: 'customer' | 'contact'
  a: { id: string; name: string }
  b: { id: string; name: string }
  score: number
  reasons: MatchReason[]
}

/** Past this many customers, names are compared by their keys only, not every pair (edit distance). */
export const PAIRWISE_LIMIT = 2000

/**
 * Candidate duplicates among the customers and contacts the actor can see, best first: customers by company
 * key, alias, pinyin, containment, edit distance and shared contact phones or emails; contacts by phone,
 * email, and, within one customer, by name, pinyin (张伟/张炜) or edit distance.
 */
export async function findDuplicates(
  crm: CrmContext,
  actor: Actor,
  options: { limit?: number } = {},
): Promise<DuplicatePair[]> {
  const owners = await visibleOwnerIds(crm, actor)
  const rows = (
    await crm.db
      .select()
      .from(customers)
      .where(and(eq(customers.workspaceId, actor.workspaceId), ne(customers.status, 'archived')))
  ).filter((c) => canAccess(actor, owners, c))
  const profiles = new Map(rows.map((c) => [c.id, companyProfile(c.name)]))
  const aliases = await aliasKeysByCustomer(crm, actor.workspaceId)
  const pairs = new Map<string, DuplicatePair>()
  const add = (kind: DuplicatePair['kind'], a: Named, b: Named, reasons: MatchReason[]) => {
    const [x, y] = a.id < b.id ? [a, b] : [b, a]
    const id = `${kind}:${x.id}:${y.id}`
    const pair = pairs.get(id) ?? { kind, a: named(x), b: named(y), score: 0, reasons: [] }
    for (const r of reasons)
      if (!pair.reasons.some((p) => p.code === r.code && p.detail === r.detail)) pair.reasons.push(r)
    pair.score = scoreOf(pair.reasons)
    pairs.set(id, pair)
  }
  compareCustomerNames(rows, profiles, aliases, add)
  const contactRows = rows.length
    ? await crm.db
        .select()
        .from(contacts)
        .where(
          inArray(
            contacts.customerId,
            rows.map((r) => r.id),
          ),
        )
    : []
  const customerOf = new Map(rows.map((r) => [r.id, r]))
  for (const group of groupBy(contactRows, (c) => [
    ...c.phones,
    ...(c.email ? [c.email.toLowerCase()] : []),
  ])) {
    for (const [a, b] of everyPair(group.rows)) {
      const code = group.key.includes('@') ? 'same_email' : 'same_phone'
      add('contact', a, b, [{ code, detail: group.key }])
      const [ca, cb] = [customerOf.get(a.customerId), customerOf.get(b.customerId)]
      if (ca && cb && ca.id !== cb.id) add('customer', ca, cb, [{ code, detail: group.key }])
    }
  }
  for (const group of groupBy(contactRows, (c) => [c.customerId])) {
    for (const [a, b] of everyPair(group.rows)) {
      const reason = comparePersonNames(a.name, b.name)
      if (reason) add('contact', a, b, [reason])
    }
  }
  return [...pairs.values()].sort((a, b) => b.score - a.score).slice(0, options.limit ?? 100)
}

interface Named {
  id: string
  name: string
}
const named = (row: Named) => ({ id: row.id, name: row.name })

function compareCustomerNames(
  rows: Named[],
  profiles: Map<string, CompanyProfile>,
  aliases: Map<string, string[]>,
  add: (kind: 'customer', a: Named, b: Named, reasons: MatchReason[]) => void,
) {
  const pairwise = rows.length <= PAIRWISE_LIMIT
  const candidates = pairwise
    ? everyPair(rows)
    : groupBy(rows, (r) => {
        const p = profiles.get(r.id)
        return p ? [p.canonical, ...(p.sound ? [p.sound] : []), ...(aliases.get(r.id) ?? [])] : []
      }).flatMap((g) => [...everyPair(g.rows)])
  for (const [a, b] of candidates) {
    const [pa, pb] = [profiles.get(a.id), profiles.get(b.id)]
    if (!pa || !pb) continue
    const match =
      compareCompanies(pa, pb, aliases.get(b.id) ?? []) ?? compareCompanies(pb, pa, aliases.get(a.id) ?? [])
    if (match) add('customer', a, b, match.reasons)
  }
}

function groupBy<T>(rows: T[], keys: (row: T) => string[]): { key: string; rows: T[] }[] {
  const groups = new Map<string, T[]>()
  for (const row of rows)
    for (const key of new Set(keys(row))) groups.set(key, [...(groups.get(key) ?? []), row])
  return [...groups].filter(([, g]) => g.length > 1).map(([key, g]) => ({ key, rows: g }))
}

// A generator: 2,000 customers are two million pairs, which need not all sit in memory at once.
function* everyPair<T>(rows: T[]): Generator<[T, T]> {
  for (let i = 0; i < rows.length; i++)
    for (let j = i + 1; j < rows.length; j++) yield [rows[i] as T, rows[j] as T]
}
