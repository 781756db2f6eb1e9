import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { csrf } from 'hono/csrf'
import type { AppConfig } from '../config.ts'

/** Bodies above this are refused while being read, before any parsing or signature check. */
export const MAX_BODY_BYTES = 1024 * 1024

/**
 * Counts the body as it streams in, chunked or not, and answers 413 at the first byte over the limit, so a
 * 400 MB upload without Content-Length is never buffered whole (hono/body-limit reads the stream itself
 * when there is no Content-Length, and trusts the length Node's parser enforces when there is one).
 */
export const limitBody: MiddlewareHandler = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) =>
    c.json({ error: 'too_large', message: `body is over the ${MAX_BODY_BYTES}-byte limit` }, 413),
})

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/** Host names this server answers to: the localhost names, the bound host and PUBLIC_URL's host. */
export function allowedHostNames(config: Pick<AppConfig, 'host' | 'publicUrl'>): Set<string> {
  const names = new Set(LOCAL_NAMES)
  if (!['0.0.0.0', '::', ''].includes(config.host)) names.add(config.host.toLowerCase())
  if (config.publicUrl) names.add(new URL(config.publicUrl).hostname.toLowerCase())
  return names
}

/** Platform webhooks prove themselves by signature; the browser-facing guards do not apply to them. */
const isWebhook = (path: string) => path.startsWith('/slack/') || path.startsWith('/wecom/')

/**
 * Refuses (421) a request whose Host is not one of `allowedHostNames`: with no token, being on this machine
 * is the only credential, and DNS rebinding points an attacker's name at 127.0.0.1 to borrow it.
 */
export function checkHost(config: Pick<AppConfig, 'host' | 'publicUrl'>): MiddlewareHandler {
  const names = allowedHostNames(config)
  return async (c, next) => {
    if (isWebhook(c.req.path) || c.req.path === '/health') return next()
    const hostname = new URL(c.req.url).hostname.toLowerCase()
    if (!names.has(hostname))
      return c.json(
        {
          error: 'bad_host',
          message: `host "${hostname}" is not this server; expected one of ${[...names].join(', ')}`,
        },
        421,
      )
    return next()
  }
}

/**
 * Refuses (403) a form-like or text/plain write from another origin (hono/csrf: Origin or Sec-Fetch-Site),
 * and (415) any write under /api/ that is not JSON: a cross-site page can send text/plain or a typeless
 * body without a CORS preflight, but never application/json.
 */
export function checkOrigin(config: Pick<AppConfig, 'publicUrl'>): MiddlewareHandler {
  const publicOrigin = config.publicUrl ? new URL(config.publicUrl).origin : undefined
  const guard = csrf({
    origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin,
  })
  return async (c, next) => {
    if (isWebhook(c.req.path)) return next()
    if (c.req.path.startsWith('/api/') && !isJsonOrEmpty(c.req.raw))
      return c.json(
        {
          error: 'unsupported_media_type',
          message: `content-type "${c.req.header('content-type') ?? ''}" is not accepted; send application/json`,
        },
        415,
      )
    return guard(c, next)
  }
}

function isJsonOrEmpty(request: Request): boolean {
  if (/^(GET|HEAD|OPTIONS)$/.test(request.method)) return true
  const type = request.headers.get('content-type')
  if (type) return /^application\/json\s*(;|$)/i.test(type)
  const length = request.headers.get('content-length')
  return !request.headers.has('transfer-encoding') && (length === null || length === '0')
}
