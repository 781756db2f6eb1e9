import type { AddressInfo } from 'node:net'
import { type WebSocket, WebSocketServer } from 'ws'

/** A frame in the AI bot long-connection protocol: `{ cmd, headers: { req_id }, body }`. */
export interface AibotFrame {
  cmd?: string
  headers: { req_id: string }
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary fields of frame bodies
  body?: any
  errcode?: number
  errmsg?: string
}

export interface FakeAibotWs {
  /** `ws://127.0.0.1:PORT`, for the SDK's `wsUrl`. */
  url: string
  /** Every frame the bot sent, in order (auth and pings included). */
  received: AibotFrame[]
  /** Frames the bot sent with this command. */
  sentWith(cmd: string): AibotFrame[]
  /** Pushes a frame to the connected bot, as WeCom does for messages and events. */
  push(frame: AibotFrame): void
  /** Resolves once the bot has sent a frame matching `test`. */
  waitFor(test: (frame: AibotFrame) => boolean, timeoutMs?: number): Promise<AibotFrame>
  close(): Promise<void>
}

const REPLY_CMDS = new Set([
  'aibot_respond_msg',
  'aibot_respond_welcome_msg',
  'aibot_respond_update_msg',
  'aibot_send_msg',
])

/**
 * WeCom's AI bot long-connection endpoint on 127.0.0.1: checks the subscribe frame's bot id and secret,
 * answers heartbeats, and acknowledges every reply (`{ headers: { req_id }, errcode: 0 }`) as WeCom does.
 */
export async function startFakeAibotWs(credentials: { botId: string; secret: string }): Promise<FakeAibotWs> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const received: AibotFrame[] = []
  const waiters: { test: (frame: AibotFrame) => boolean; resolve: (frame: AibotFrame) => void }[] = []
  let socket: WebSocket | null = null

  server.on('connection', (ws) => {
    socket = ws
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as AibotFrame
      received.push(frame)
      const ack = { headers: { req_id: frame.headers.req_id }, errcode: 0, errmsg: 'ok' }
      if (frame.cmd === 'aibot_subscribe') {
        const ok = frame.body?.bot_id === credentials.botId && frame.body?.secret === credentials.secret
        ws.send(JSON.stringify(ok ? ack : { ...ack, errcode: 40001, errmsg: 'invalid secret' }))
      } else if (frame.cmd === 'ping' || REPLY_CMDS.has(frame.cmd ?? '')) {
        ws.send(JSON.stringify(ack))
      }
      for (const waiter of [...waiters])
        if (waiter.test(frame)) {
          waiters.splice(waiters.indexOf(waiter), 1)
          waiter.resolve(frame)
        }
    })
  })

  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    sentWith: (cmd) => received.filter((frame) => frame.cmd === cmd),
    push(frame) {
      if (!socket) throw new Error('no bot connected')
      socket.send(JSON.stringify(frame))
    },
    waitFor(test, timeoutMs = 5000) {
      const seen = received.find(test)
      if (seen) return Promise.resolve(seen)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('frame never came')), timeoutMs)
        waiters.push({
          test,
          resolve: (frame) => {
            clearTimeout(timer)
            resolve(frame)
          },
        })
      })
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate()
        server.close(() => resolve())
      }),
  }
}
