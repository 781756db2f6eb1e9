import { and, eq, gt, isNull } from 'drizzle-orm'
import { auditInsert } from '../crm/audit.ts'
import type { CrmContext } from '../crm/crm-context.ts'
import { newId } from '../db/database.ts'
import { signInTokens, users } from '../db/schema.ts'

/** How long a sign-in link works: long enough to open it, short enough that a leaked link soon dies. */
export const SIGN_IN_LINK_TTL_MS = 15 * 60 * 1000

/** The path a sign-in link opens; `?token=` carries the one-time token. */
export const REDEEM_PATH = '/auth/redeem'

type UserRow = typeof users.$inferSelect

/** SHA-256 of a token, hex: what the table keeps instead of the token. */
export async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')
}

/**
 * Mints a one-time sign-in token for `user` (15 minutes, single use, bound to the user and their workspace)
 * and returns it; only its hash is stored, audited in the same batch.
 */
export async function createSignInToken(
  crm: CrmContext,
  user: Pick<UserRow, 'id' | 'workspaceId'>,
): Promise<string> {
  const token = randomToken()
  const now = crm.now()
  const row = {
    id: newId(),
    tokenHash: await hashToken(token),
    workspaceId: user.workspaceId,
    userId: user.id,
    expiresAt: new Date(now.getTime() + SIGN_IN_LINK_TTL_MS),
    createdAt: now,
  }
  await crm.db.batch([
    crm.db.insert(signInTokens).values(row),
    auditInsert(
      crm.db,
      { userId: user.id, workspaceId: user.workspaceId },
      user.workspaceId,
      { action: 'sign_in_link', entityType: 'user', entityId: user.id, after: { expiresAt: row.expiresAt } },
      now,
    ),
  ])
  return token
}

/** The full sign-in URL for a token, under the server's public base URL. */
export function signInUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${REDEEM_PATH}?token=${encodeURIComponent(token)}`
}

/**
 * Spends a sign-in token: the user it was made for, or null when it is unknown, expired or already used.
 * The update's `used_at IS NULL` condition makes two concurrent redemptions of one link sign in only once.
 */
export async function redeemSignInToken(crm: CrmContext, token: string): Promise<UserRow | null> {
  if (!token || token.length > 200) return null
  const now = crm.now()
  const tokenHash = await hashToken(token)
  const [spent] = await crm.db
    .update(signInTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(signInTokens.tokenHash, tokenHash),
        isNull(signInTokens.usedAt),
        gt(signInTokens.expiresAt, now),
      ),
    )
    .returning()
  if (!spent) return null
  const [user] = await crm.db.select().from(users).where(eq(users.id, spent.userId))
  if (!user || user.workspaceId !== spent.workspaceId) return null
  await auditInsert(
    crm.db,
    { userId: user.id, workspaceId: user.workspaceId },
    user.workspaceId,
    { action: 'sign_in', entityType: 'user', entityId: user.id, after: { tokenId: spent.id } },
    now,
  )
  return user
}

/** Where sign-in links point: PUBLIC_URL, or this machine's own port when none is set. */
export function signInBaseUrl(config: { publicUrl: string | undefined; port: number }): string {
  return config.publicUrl ?? `http://localhost:${config.port}`
}
