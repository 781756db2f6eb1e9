import type { WecomMessageBody } from './wecom-message.ts'

/** How the server API is reached; `fetch` and `now` are for tests. */
export interface WecomApiClientOptions {
  /** `WECOM_API_URL`, default `https://qyapi.weixin.qq.com`. */
  apiUrl: string
  corpId: string
  secret: string
  agentId: string
  fetch?: typeof fetch
  now?: () => number
  /** Per request; default 10 s. */
  timeoutMs?: number
}

/** A WeCom API answer with a non-zero `errcode` (or no JSON at all: `errcode` -1). */
export class WecomApiError extends Error {
  override name = 'WecomApiError'
  constructor(
    readonly errcode: number,
    errmsg: string,
    readonly path: string,
  ) {
    super(`WeCom ${path} failed: ${errcode} ${errmsg}`)
  }
}

interface WecomResponse {
  errcode: number
  errmsg: string
  [field: string]: unknown
}

/** 40014: invalid access_token; 42001: expired. Either way a fresh token and one resend fix it. */
const STALE_TOKEN = new Set([40014, 42001])
/** Tokens live `expires_in` seconds (7200); refetch this much earlier so none expires mid-request. */
const EARLY_REFRESH_S = 300

/** The self-built app's server API client: one cached access token, message/send and appchat/send. */
export function createWecomApiClient(options: WecomApiClientOptions) {
  const doFetch = options.fetch ?? fetch
  const now = options.now ?? Date.now
  const base = options.apiUrl.replace(/\/+$/, '')
  let cached: { token: string; expiresAt: number } | null = null
  let fetching: Promise<string> | null = null

  async function request(path: string, init?: RequestInit): Promise<WecomResponse> {
    const response = await doFetch(`${base}${path}`, {
      ...init,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    })
    const body = (await response.json().catch(() => null)) as WecomResponse | null
    if (!response.ok || !body || typeof body.errcode !== 'number')
      throw new WecomApiError(-1, `HTTP ${response.status}`, path.split('?')[0] ?? path)
    return body
  }

  async function fetchToken(): Promise<string> {
    const query = new URLSearchParams({ corpid: options.corpId, corpsecret: options.secret })
    const body = await request(`/cgi-bin/gettoken?${query}`)
    if (body.errcode !== 0 || typeof body.access_token !== 'string')
      throw new WecomApiError(body.errcode, body.errmsg, '/cgi-bin/gettoken')
    const lifetime = Math.max(Number(body.expires_in ?? 7200) - EARLY_REFRESH_S, 60)
    cached = { token: body.access_token, expiresAt: now() + lifetime * 1000 }
    return body.access_token
  }

  /** The cached token, fetched once for all callers waiting at the same moment. */
  function accessToken(): Promise<string> {
    if (cached && cached.expiresAt > now()) return Promise.resolve(cached.token)
    fetching ??= fetchToken().finally(() => {
      fetching = null
    })
    return fetching
  }

  /** POSTs JSON to an API path with the token; on a stale token refetches it and resends once. */
  async function post(path: string, payload: unknown): Promise<WecomResponse> {
    for (let attempt = 0; ; attempt++) {
      const token = await accessToken()
      const body = await request(`${path}?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      })
      if (body.errcode === 0) return body
      if (attempt === 0 && STALE_TOKEN.has(body.errcode)) {
        if (cached?.token === token) cached = null
        continue
      }
      throw new WecomApiError(body.errcode, body.errmsg, path)
    }
  }

  /** `media/upload` of a temporary image (multipart field `media`); its `media_id` for an image message. */
  async function uploadImage(filename: string, png: Uint8Array): Promise<string> {
    const form = new FormData()
    form.append('media', new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }), filename)
    const token = await accessToken()
    const body = await request(`/cgi-bin/media/upload?access_token=${encodeURIComponent(token)}&type=image`, {
      method: 'POST',
      body: form,
    })
    if (body.errcode !== 0 || typeof body.media_id !== 'string')
      throw new WecomApiError(body.errcode, body.errmsg, '/cgi-bin/media/upload')
    return body.media_id
  }

  return {
    accessToken,
    post,
    uploadImage,
    /** `message/send` to one user (or `a|b|c`) as the app. */
    sendToUser: (touser: string, message: WecomMessageBody) =>
      post('/cgi-bin/message/send', { touser, agentid: Number(options.agentId), ...message }),
    /** `appchat/send` to a group chat the app created. */
    sendToAppChat: (chatid: string, message: WecomMessageBody) =>
      post('/cgi-bin/appchat/send', { chatid, ...message }),
  }
}

/** The self-built app's server API client. */
export type WecomApiClient = ReturnType<typeof createWecomApiClient>
