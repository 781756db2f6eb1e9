import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One call the fake WeCom API got. */
export interface WecomCall {
  /** Path without the query, e.g. `/cgi-bin/message/send`. */
  path: string
  query: URLSearchParams
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary fields of WeCom message bodies
  body: any
  /** `now()` when it arrived. */
  at: number
}

export interface FakeWecomApi {
  /** `http://127.0.0.1:PORT`, for WECOM_API_URL. */
  url: string
  /** `${url}/cgi-bin/webhook/send`, for WECOM_WEBHOOK_URL. */
  webhookUrl: string
  calls: WecomCall[]
  /** Calls to one path, in order. */
  callsTo(path: string): WecomCall[]
  /** Makes every token issued so far expire: the next API call gets errcode 42001. */
  expireTokens(): void
  /** A fresh `response_url` for an AI bot message (single use, like WeCom's). */
  responseUrl(): string
  close(): Promise<void>
}

/**
 * WeCom's server API on 127.0.0.1, in its wire format (`{errcode: 0, errmsg: "ok", …}`): gettoken,
 * message/send, appchat/send, the group robot's webhook/send and AI bot response_urls. Records every call.
 */
export async function startFakeWecomApi(
  options: { corpId?: string; secret?: string; now?: () => number } = {},
): Promise<FakeWecomApi> {
  const now = options.now ?? Date.now
  const calls: WecomCall[] = []
  const live = new Set<string>()
  const usedResponseUrls = new Set<string>()
  let tokens = 0
  let responseUrls = 0

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const bytes = Buffer.concat(chunks)
    if (url.pathname === '/cgi-bin/media/upload') {
      // A multipart form with the file in `media`: kept as bytes so tests can find the PNG in it.
      calls.push({ path: url.pathname, query: url.searchParams, body: bytes, at: now() })
      const fresh = live.has(url.searchParams.get('access_token') ?? '')
      return reply(
        res,
        fresh
          ? {
              errcode: 0,
              errmsg: 'ok',
              type: 'image',
              media_id: `media-${calls.length}`,
              created_at: '1700000000',
            }
          : { errcode: 42001, errmsg: 'access_token expired' },
      )
    }
    const raw = bytes.toString('utf8')
    const body = raw ? JSON.parse(raw) : null
    calls.push({ path: url.pathname, query: url.searchParams, body, at: now() })
    reply(res, answer(url, body))
  })

  function answer(url: URL, body: unknown): object {
    const q = url.searchParams
    if (url.pathname === '/cgi-bin/gettoken') {
      if (q.get('corpid') !== (options.corpId ?? q.get('corpid')) || q.get('corpsecret') !== options.secret)
        return { errcode: 40001, errmsg: 'invalid credential' }
      const token = `token-${++tokens}`
      live.add(token)
      return { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 }
    }
    if (url.pathname === '/cgi-bin/message/send' || url.pathname === '/cgi-bin/appchat/send') {
      const token = q.get('access_token') ?? ''
      if (!token.startsWith('token-')) return { errcode: 40014, errmsg: 'invalid access_token' }
      if (!live.has(token)) return { errcode: 42001, errmsg: 'access_token expired' }
      if (!body || typeof body !== 'object') return { errcode: 44004, errmsg: 'empty content' }
      return { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `msg-${calls.length}` }
    }
    if (url.pathname === '/cgi-bin/webhook/send') {
      if (!q.get('key')) return { errcode: 93000, errmsg: 'invalid webhook url' }
      return { errcode: 0, errmsg: 'ok' }
    }
    if (url.pathname.startsWith('/aibot/response/')) {
      if (usedResponseUrls.has(url.pathname)) return { errcode: 60131, errmsg: 'response_url used' }
      usedResponseUrls.add(url.pathname)
      return { errcode: 0, errmsg: 'ok' }
    }
    return { errcode: 404, errmsg: `no such API ${url.pathname}` }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: base,
    webhookUrl: `${base}/cgi-bin/webhook/send`,
    calls,
    callsTo: (path) => calls.filter((call) => call.path === path),
    expireTokens: () => live.clear(),
    responseUrl: () => `${base}/aibot/response/${++responseUrls}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function reply(res: ServerResponse, body: object) {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}
