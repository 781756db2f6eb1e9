import { Hono } from 'hono'
import { html } from 'hono/html'
import type { CrmContext } from '../crm/crm-context.ts'
import { clearSessionCookie, SESSION_TTL_MS, setSessionCookie } from './session-cookie.ts'
import { REDEEM_PATH, redeemSignInToken } from './sign-in-tokens.ts'

export interface AuthRoutesDeps {
  crm: CrmContext
  secret: () => Promise<string>
  /** Mark the cookie Secure (the server is reached over https). */
  secureCookie: boolean
}

/** Only a path on this server: `/dashboard`, never `//evil.example` or `https://…`. */
function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : '/'
}

/**
 * Web sign-in and sign-out:
 * - `GET /auth/redeem?token=…[&next=/path]`: a page that POSTs the token back at once. Link previewers
 *   (Slack's unfurler, mail scanners) fetch a link with GET but run no script, so they cannot spend it.
 * - `POST /auth/redeem` (form `token`, `next`): spends the token, sets the session cookie, 303 to `next`.
 * - `POST /auth/sign-out`: clears the cookie, 303 to `/`.
 * - `GET /auth/me`: `{ signedIn: true, userId, displayName, role, locale, timeZone, workspace }` or
 *   `{ signedIn: false }`.
 */
export function createAuthRoutes(deps: AuthRoutesDeps): Hono {
  const routes = new Hono()
  routes.get(REDEEM_PATH, (c) => {
    const token = c.req.query('token') ?? ''
    const next = safeNext(c.req.query('next'))
    return c.html(html`<!doctype html>
<html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>Sign in · 登录</title></head>
<body><form method="post" action="${REDEEM_PATH}"><input type="hidden" name="token" value="${token}">
<input type="hidden" name="next" value="${next}"><button type="submit">登录 / Sign in</button></form>
<script>document.forms[0].submit()</script></body></html>`)
  })
  routes.post(REDEEM_PATH, async (c) => {
    const form = await c.req.parseBody()
    const token = typeof form.token === 'string' ? form.token : ''
    const user = await redeemSignInToken(deps.crm, token)
    if (!user)
      return c.html(
        '<!doctype html><meta charset="utf-8"><p>登录链接无效、已过期或已用过,请重新向机器人要一个(私聊发送「网页版」)。</p>' +
          '<p>This sign-in link is unknown, expired or already used; ask the bot for a new one ("/crm web" in a DM).</p>',
        401,
      )
    const expiresAt = deps.crm.now().getTime() + SESSION_TTL_MS
    await setSessionCookie(
      c,
      { userId: user.id, workspaceId: user.workspaceId, expiresAt },
      await deps.secret(),
      deps.secureCookie,
    )
    return c.redirect(safeNext(typeof form.next === 'string' ? form.next : undefined), 303)
  })
  routes.post('/auth/sign-out', (c) => {
    clearSessionCookie(c)
    return c.redirect('/', 303)
  })
  routes.get('/auth/me', (c) => {
    const session = c.get('webSession')
    // 200 either way: the page asks on every load, and "nobody yet" is an answer, not a failure.
    if (!session) return c.json({ signedIn: false })
    const { actor } = session
    return c.json({
      signedIn: true,
      userId: actor.userId,
      displayName: actor.displayName,
      role: actor.role,
      locale: actor.locale,
      timeZone: actor.timeZone,
      workspace: session.workspace,
    })
  })
  return routes
}
