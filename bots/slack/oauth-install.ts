import { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { Log } from '../../src/chat/chat-bot.ts'
import type { InstallationStore } from './installation-store.ts'
import type { SlackWeb } from './slack-web.ts'

/** The bot scopes the app asks for; keep in step with manifest.yml. */
export const BOT_SCOPES = [
  'app_mentions:read',
  'chat:write',
  'commands',
  'im:history',
  'im:read',
  'im:write',
  'users:read',
]

/** An install link is good for ten minutes. */
const STATE_TTL_MS = 10 * 60 * 1000
const COOKIE = 'slack_oauth_state'
const CALLBACK_PATH = '/slack/oauth/callback'

export interface OAuthInstallOptions {
  clientId: string
  clientSecret: string
  /** `config.publicUrl`: the redirect URI is built from it; without it Slack uses the app's only one. */
  publicUrl: string | undefined
  /** `config.slack.apiUrl`; the authorize page lives beside the API (`https://slack.com/oauth/v2/authorize`). */
  apiUrl: string | undefined
  web: SlackWeb
  installations: InstallationStore
  now: () => Date
  log: Log
}

/**
 * Multi-workspace install: `GET /slack/install` sends the admin to Slack's consent page, and
 * `GET /slack/oauth/callback` trades the code for the team's bot token and stores it sealed. The `state` is
 * signed with the client secret, expires, and must match a cookie set on this browser (no forged installs).
 */
export function createOAuthRoutes(options: OAuthInstallOptions) {
  const routes = new Hono()
  const redirectUri = options.publicUrl ? new URL(CALLBACK_PATH, options.publicUrl).href : undefined
  const { sign, verify } = hmac(options.clientSecret)

  routes.get('/slack/install', async (c) => {
    const nonce = crypto.randomUUID()
    const issued = String(options.now().getTime())
    const state = `${issued}.${nonce}.${await sign(`${issued}.${nonce}`)}`
    setCookie(c, COOKIE, nonce, {
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
      path: '/slack/oauth',
      maxAge: 600,
    })
    const authorize = new URL('../oauth/v2/authorize', options.apiUrl ?? 'https://slack.com/api/')
    authorize.search = new URLSearchParams({
      client_id: options.clientId,
      scope: BOT_SCOPES.join(','),
      state,
      ...(redirectUri && { redirect_uri: redirectUri }),
    }).toString()
    return c.redirect(authorize.href, 302)
  })

  routes.get(CALLBACK_PATH, async (c) => {
    const { code, state, error } = c.req.query()
    if (error) return c.html(page('Installation cancelled', `Slack said: ${escapeHtml(error)}`), 400)
    const [issued = '', nonce = '', signature = ''] = (state ?? '').split('.')
    const fresh = Math.abs(options.now().getTime() - Number(issued)) <= STATE_TTL_MS
    const valid = fresh && nonce === getCookie(c, COOKIE) && (await verify(`${issued}.${nonce}`, signature))
    if (!code || !valid)
      return c.html(
        page(
          'Installation failed',
          'The install link expired or was not started here. Start again from /slack/install.',
        ),
        400,
      )
    const result = await options.web.anonymous.oauth.v2.access({
      client_id: options.clientId,
      client_secret: options.clientSecret,
      code,
      ...(redirectUri && { redirect_uri: redirectUri }),
    })
    if (!result.team?.id || !result.access_token) throw new Error('oauth.v2.access returned no team or token')
    await options.installations.save(
      {
        teamId: result.team.id,
        teamName: result.team.name,
        botToken: result.access_token,
        botUserId: result.bot_user_id,
        appId: result.app_id,
        scope: result.scope,
        enterpriseId: result.enterprise?.id,
      },
      options.now(),
    )
    options.log('slack.installed', { teamId: result.team.id, teamName: result.team.name })
    setCookie(c, COOKIE, '', { path: '/slack/oauth', maxAge: 0 })
    return c.html(
      page(
        'Installed',
        `The CRM bot is now in ${escapeHtml(result.team.name ?? result.team.id)}. Say hi to it in Slack.`,
      ),
    )
  })

  return routes
}

/** HMAC-SHA256 of the state with the client secret; `verify` compares in constant time (subtle.verify). */
function hmac(secret: string) {
  const encoder = new TextEncoder()
  const key = crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  )
  return {
    async sign(text: string): Promise<string> {
      const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await key, encoder.encode(text)))
      return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('')
    },
    async verify(text: string, hex: string): Promise<boolean> {
      if (!/^[0-9a-f]{64}$/.test(hex)) return false
      const mac = Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16))
      return crypto.subtle.verify('HMAC', await key, mac, encoder.encode(text))
    },
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

function page(title: string, body: string): string {
  return `<!doctype html><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><p>${body}</p>`
}
