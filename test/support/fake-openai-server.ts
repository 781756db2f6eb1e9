import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the fake server got. */
export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary fields of the request body
  body: any
}

/** One scripted answer: an object body is sent as JSON, a string as it is. */
export interface FakeReply {
  status?: number
  headers?: Record<string, string>
  body?: unknown
  /** Wait this long before answering. */
  delayMs?: number
}

export interface FakeOpenAiServer {
  /** `http://127.0.0.1:PORT/v1`, the `baseURL` for the `openai` client. */
  baseUrl: string
  requests: RecordedRequest[]
  /** Queues answers for the next requests, in order; a request with none queued gets a 500. */
  reply(...replies: FakeReply[]): void
  close(): Promise<void>
}

/** An OpenAI-compatible `POST /v1/chat/completions` on 127.0.0.1, answering from a script. */
export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const requests: RecordedRequest[] = []
  const queue: FakeReply[] = []
  const timers = new Set<ReturnType<typeof setTimeout>>()

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const path = req.url ?? ''
    requests.push({
      method: req.method ?? '',
      path,
      headers: req.headers,
      body: raw ? JSON.parse(raw) : null,
    })
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      return send(res, { status: 404, body: apiError('not found', 'invalid_request_error') })
    }
    const next = queue.shift() ?? { status: 500, body: apiError('no scripted reply', 'server_error') }
    if (!next.delayMs) return send(res, next)
    const timer = setTimeout(() => {
      timers.delete(timer)
      if (!res.destroyed) send(res, next)
    }, next.delayMs)
    timers.add(timer)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    reply: (...replies) => void queue.push(...replies),
    close: () => {
      for (const timer of timers) clearTimeout(timer)
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

function send(res: ServerResponse, reply: FakeReply): void {
  const json = typeof reply.body !== 'string'
  const body = json ? JSON.stringify(reply.body ?? {}) : (reply.body as string)
  res.writeHead(reply.status ?? 200, {
    'content-type': json ? 'application/json' : 'text/plain',
    'x-request-id': `req_${Math.random().toString(36).slice(2)}`,
    ...reply.headers,
  })
  res.end(body)
}

/** A `chat.completion` body as OpenAI sends it, with `content` as the assistant's text. */
export function chatCompletion(
  content: string | null,
  options: { refusal?: string; finishReason?: string; usage?: [number, number] } = {},
) {
  const [prompt, completion] = options.usage ?? [120, 45]
  return {
    id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'fake-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: options.refusal ?? null, annotations: [] },
        logprobs: null,
        finish_reason: options.finishReason ?? 'stop',
      },
    ],
    usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
    system_fingerprint: 'fp_fake',
  }
}

/** The `{ error: … }` body OpenAI sends with a 4xx or 5xx. */
export function apiError(message: string, type: string) {
  return { error: { message, type, param: null, code: null } }
}
