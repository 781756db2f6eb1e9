import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the fake Slack got: a Web API call (`method` = `chat.postMessage`…) or a response_url post. */
export interface SlackCall {
  method: string
  path: string
  headers: IncomingHttpHeaders
  /** `Bearer xoxb-…` → `xoxb-…`. */
  token: string | undefined
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary fields of what the bot sent
  body: any
  at: number
}

/** A scripted answer; `body` objects go out as JSON. */
export interface FakeSlackReply {
  status?: number
  headers?: Record<string, string>
  body?: unknown
}

export interface FakeSlackUser {
  id: string
  name?: string
  real_name?: string
  tz?: string
  locale?: string
}

export interface FakeSlackApi {
  /** `http://127.0.0.1:PORT/api/`, what `SLACK_API_URL` is set to. */
  apiUrl: string
  origin: string
  calls: SlackCall[]
  /** Calls to one Web API method, or (`response_url`) to response URLs. */
  callsTo(method: string): SlackCall[]
  /** Resolves once `count` calls to `method` arrived (polls; rejects after `timeoutMs`). */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<SlackCall[]>
  /** Answers the next calls to `method` from this script, in order, before the defaults. */
  script(method: string, ...replies: FakeSlackReply[]): void
  /** A response_url on this server, as Slack would hand out with a command or a click. */
  responseUrl(name?: string): string
  users: Map<string, FakeSlackUser>
  /** What `oauth.v2.access` and `apps.connections.open` answer. */
  oauthAccess: Record<string, unknown>
  socketUrl: string
  close(): Promise<void>
}

/**
 * A Slack Web API on 127.0.0.1 answering like Slack: form or JSON bodies in, `{ ok: true, … }` out, 429 with
 * `Retry-After` when scripted. Response URLs (`/hooks/…`) answer `ok` like hooks.slack.com.
 */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: SlackCall[] = []
  const scripts = new Map<string, FakeSlackReply[]>()
  const users = new Map<string, FakeSlackUser>()
  // Real seconds, as Slack's ts are: `oldest` in history look-ups compares against them.
  let ts = Math.floor(Date.now() / 1000)
  const fake = {
    oauthAccess: {} as Record<string, unknown>,
    socketUrl: '',
  }

  /** Messages posted, as `conversations.history` lists them (with their metadata, for outbox look-ups). */
  const posted: { channel: string; ts: string; thread_ts?: string; text: unknown; metadata?: unknown }[] = []
  const listed = (b: Record<string, unknown>, inThread: boolean) => ({
    messages: posted
      .filter((m) => m.channel === b.channel && Number(m.ts) > Number(b.oldest ?? 0))
      .filter((m) => !inThread || m.thread_ts === b.ts)
      .reverse(),
    has_more: false,
  })

  const defaults: Record<string, (body: Record<string, unknown>) => Record<string, unknown>> = {
    'chat.postMessage': (b) => {
      const message = {
        channel: String(b.channel),
        ts: `${++ts}.000100`,
        text: b.text,
        ...(b.thread_ts !== undefined && { thread_ts: String(b.thread_ts) }),
        ...(b.metadata !== undefined && { metadata: b.metadata }),
      }
      posted.push(message)
      return { channel: b.channel, ts: message.ts, message: { text: b.text } }
    },
    'conversations.history': (b) => listed(b, false),
    'conversations.replies': (b) => listed(b, true),
    'chat.update': (b) => ({ channel: b.channel, ts: b.ts, text: b.text }),
    'chat.postEphemeral': () => ({ message_ts: `${++ts}.000200` }),
    'users.info': (b) => {
      const user = users.get(String(b.user)) ?? { id: String(b.user), name: String(b.user) }
      return { user: { ...user, profile: { display_name: user.name ?? '' } } }
    },
    'views.publish': () => ({ view: { id: `V${++ts}` } }),
    'views.open': () => ({ view: { id: `V${++ts}` } }),
    'oauth.v2.access': () => fake.oauthAccess,
    'apps.connections.open': () => ({ url: fake.socketUrl }),
    'auth.test': () => ({ user_id: 'UBOT', team_id: 'T1' }),
  }

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const path = req.url ?? ''
    const hook = path.startsWith('/hooks/')
    const method = hook ? 'response_url' : (path.replace(/^\/api\//, '').split('?')[0] ?? '')
    const body = parseBody(raw, String(req.headers['content-type'] ?? ''))
    const token =
      String(req.headers.authorization ?? '').replace(/^Bearer /, '') || (body.token as string) || undefined
    calls.push({ method, path, headers: req.headers, token, body, at: performance.now() })
    const scripted = scripts.get(method)?.shift()
    if (scripted) return send(res, scripted)
    if (hook) return send(res, { body: 'ok' })
    const answer = defaults[method]
    if (!answer) return send(res, { body: { ok: false, error: 'unknown_method' } })
    send(res, { body: { ok: true, ...answer(body) } })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  let hooks = 0

  const callsTo = (method: string) => calls.filter((c) => c.method === method)
  return Object.assign(fake, {
    apiUrl: `${origin}/api/`,
    origin,
    calls,
    users,
    callsTo,
    async waitFor(method: string, count = 1, timeoutMs = 5000) {
      const until = performance.now() + timeoutMs
      while (callsTo(method).length < count) {
        if (performance.now() > until)
          throw new Error(`waited ${timeoutMs} ms for ${count} × ${method}; got ${callsTo(method).length}`)
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      return callsTo(method)
    },
    script(method: string, ...replies: FakeSlackReply[]) {
      scripts.set(method, [...(scripts.get(method) ?? []), ...replies])
    },
    responseUrl(name = `${++hooks}`) {
      return `${origin}/hooks/commands/T1/${name}/aBcDeF`
    },
    close() {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  })
}

/** WebClient sends forms whose nested values (blocks, view) are JSON strings; response URLs get JSON. */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {}
  if (contentType.includes('application/json')) return JSON.parse(raw)
  const out: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value
  }
  return out
}

function send(res: ServerResponse, reply: FakeSlackReply): void {
  const json = typeof reply.body !== 'string'
  res.writeHead(reply.status ?? 200, {
    'content-type': json ? 'application/json; charset=utf-8' : 'text/plain',
    ...reply.headers,
  })
  res.end(json ? JSON.stringify(reply.body ?? {}) : (reply.body as string))
}
