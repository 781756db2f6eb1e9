import type { Context } from 'hono'
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie'

/** The web session cookie's name. */
export const SESSION_COOKIE = 'crm_session'

/** How long a web session lasts after signing in. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000

/** Who a valid session cookie says is signed in, and until when. */
export interface SessionClaim {
  userId: string
  workspaceId: string
  expiresAt: number
}

/**
 * Sets the session cookie: `userId|workspaceId|expiresAt` with Hono's HMAC-SHA256 signature, httpOnly so
 * page scripts cannot read it, SameSite=Lax so another site's form POST does not carry it, Secure on https.
 */
export async function setSessionCookie(
  c: Context,
  claim: SessionClaim,
  secret: string,
  secure: boolean,
): Promise<void> {
  await setSignedCookie(
    c,
    SESSION_COOKIE,
    `${claim.userId}|${claim.workspaceId}|${claim.expiresAt}`,
    secret,
    {
      httpOnly: true,
      sameSite: 'Lax',
      secure,
      path: '/',
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    },
  )
}

/** The claim of a correctly signed, unexpired session cookie; null for none, a bad signature or an old one. */
export async function readSessionCookie(
  c: Context,
  secret: string,
  nowMs: number,
): Promise<SessionClaim | null> {
  const value = await getSignedCookie(c, secret, SESSION_COOKIE)
  if (!value) return null
  const [userId, workspaceId, expires] = value.split('|')
  const expiresAt = Number(expires)
  if (!userId || !workspaceId || !Number.isSafeInteger(expiresAt) || expiresAt <= nowMs) return null
  return { userId, workspaceId, expiresAt }
}

/** Removes the session cookie (sign-out). */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
}
