import { and, eq, inArray, ne, or, sql } from 'drizzle-orm'
import { customers } from '../../db/schema.ts'
import { canAccess, visibleOwnerIds } from '../access.ts'
import type { Actor, CrmContext } from '../crm-context.ts'
import type { CustomerRow } from '../customers.ts'
import { likeText } from '../like-pattern.ts'
import { editDistance, normalizeCompanyName } from '../normalize.ts'
import { sharedCustomerIds } from '../sharing.ts'
import { canonicalKey, companyKey } from './company-key.ts'
import { customerIdsByAliasKeys } from './customer-aliases.ts'
import { builtInAliasKeys, compareCompanyNames } from './name-match.ts'

export type CustomerMatch =
  | { kind: 'found'; customer: CustomerRow }
  /** Several customers fit: ask, never guess. `exact` tells whether the name matched one of them exactly. */
  | { kind: 'ambiguous'; options: CustomerRow[]; exact: boolean }
  | { kind: 'not_found' }
  /** The customer exists but belongs to someone the actor may not see (撞单): don't create a duplicate. */
  | { kind: 'forbidden'; customer: CustomerRow }

/**
 * Finds the customer a name in a message means. One exact (normalized) match, or one customer that took
 * this name as an alias in a merge, wins. A name that may be the same company (same brand `华为技术有限公司`
 * ~ `华为`, a known alias `Huawei` ~ `华为`, contained, one edit away) is a question for the user.
 */
export async function matchCustomer(ctx: CrmContext, actor: Actor, name: string): Promise<CustomerMatch> {
  const key = normalizeCompanyName(name)
  if (!key) return { kind: 'not_found' }
  const brand = companyKey(name)
  const brandKeys = [...new Set([brand, canonicalKey(brand), ...builtInAliasKeys(brand)])].filter(Boolean)
  const aliased = await customerIdsByAliasKeys(ctx, actor.workspaceId, brandKeys)
  const owners = await visibleOwnerIds(ctx, actor)
  const candidates = await ctx.db
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.workspaceId, actor.workspaceId),
        // An archived customer (an undone creation, a merged one) is not what a new message means.
        ne(customers.status, 'archived'),
        or(
          eq(customers.normalizedName, key),
          likeText(customers.normalizedName, key),
          sql`instr(${key}, ${customers.normalizedName}) > 0`,
          likeText(customers.normalizedName, key.slice(0, 2), 'start'),
          ...brandKeys.map((k) => likeText(customers.normalizedName, k)),
          aliased.length
            ? inArray(
                customers.id,
                aliased.map((a) => a.customerId),
              )
            : undefined,
        ),
      ),
    )
    .limit(50)
  // 协作人: customers shared with the actor are theirs to name, whatever the owner.
  const shared = owners === null ? [] : await sharedCustomerIds(ctx, actor.userId)
  const visible = candidates.filter((c) => canAccess(actor, owners, c) || shared.includes(c.id))
  const exact = visible.filter((c) => c.normalizedName === key)
  if (exact.length === 1 && exact[0]) return { kind: 'found', customer: exact[0] }
  if (exact.length > 1) return { kind: 'ambiguous', options: exact, exact: true }
  const hidden = candidates.find((c) => c.normalizedName === key && !visible.includes(c))
  if (hidden) return { kind: 'forbidden', customer: hidden }
  const byAlias = visible.filter((c) => aliased.some((a) => a.customerId === c.id && a.aliasKey === brand))
  if (byAlias.length === 1 && byAlias[0]) return { kind: 'found', customer: byAlias[0] }
  const close = visible
    .map((c) => ({
      c,
      match: Math.max(
        isCloseName(key, c.normalizedName) ? 0.6 : 0,
        compareCompanyNames(name, c.name)?.score ?? 0,
      ),
    }))
    .filter((x) => x.match > 0)
    .sort((a, b) => b.match - a.match)
    .map((x) => x.c)
  return close.length > 0
    ? { kind: 'ambiguous', options: close.slice(0, 5), exact: false }
    : { kind: 'not_found' }
}

function isCloseName(key: string, other: string): boolean {
  if (key.length >= 2 && (other.includes(key) || key.includes(other))) return true
  return Math.min(key.length, other.length) >= 3 && editDistance(key, other, 2) <= 1
}
