import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'

// `ws` comes with @slack/socket-mode's dependency tree and ships no types; these are the parts used here.
interface WsSocket {
  send(data: string): void
  on(event: 'message', listener: (data: Buffer) => void): void
  terminate(): void
}
interface WsServer {
  on(event: 'connection', listener: (socket: WsSocket) => void): void
  on(event: 'listening', listener: () => void): void
  address(): AddressInfo
  close(done?: () => void): void
}
const { WebSocketServer } = createRequire(import.meta.url)('ws') as {
  WebSocketServer: new (options: { port: number; host: string }) => WsServer
}

export interface FakeSocketMode {
  /** The `ws://` URL `apps.connections.open` hands out. */
  url: string
  /** Resolves when the app has connected (and been sent `hello`). */
  connected: Promise<void>
  /** Sends one envelope; resolves with the app's acknowledgement (its `payload`, if any). */
  deliver(
    type: string,
    payload: unknown,
    retryAttempt?: number,
  ): Promise<{ envelope_id: string; payload?: unknown }>
  close(): Promise<void>
}

/** Slack's Socket Mode side on 127.0.0.1: says hello, sends envelopes, collects acks by envelope id. */
export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await new Promise<void>((resolve) => server.on('listening', resolve))
  const acks = new Map<string, (ack: { envelope_id: string; payload?: unknown }) => void>()
  let socket: WsSocket | null = null
  let onConnect: () => void = () => {}
  const connected = new Promise<void>((resolve) => {
    onConnect = resolve
  })
  server.on('connection', (ws) => {
    socket = ws
    ws.on('message', (data) => {
      const ack = JSON.parse(data.toString())
      acks.get(ack.envelope_id)?.(ack)
    })
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'applink-fake', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0CRMAPP1' },
      }),
    )
    onConnect()
  })
  return {
    url: `ws://127.0.0.1:${server.address().port}/link/?ticket=fake`,
    connected,
    deliver(type, payload, retryAttempt = 0) {
      const envelopeId = randomUUID()
      const acked = new Promise<{ envelope_id: string; payload?: unknown }>((resolve) =>
        acks.set(envelopeId, resolve),
      )
      socket?.send(
        JSON.stringify({
          envelope_id: envelopeId,
          payload,
          type,
          accepts_response_payload: type !== 'events_api',
          retry_attempt: retryAttempt,
          retry_reason: retryAttempt ? 'timeout' : '',
        }),
      )
      return acked
    },
    close() {
      socket?.terminate()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
