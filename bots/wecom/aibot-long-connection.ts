import { generateReqId, WSClient, type WsFrame } from '@wecom/aibot-node-sdk'
import type { ChatPipeline, Log, WaitUntil } from '../../src/chat/chat-bot.ts'
import type { Reply } from '../../src/chat/chat-message.ts'
import type { SeenDeliveries } from '../../src/chat/seen-deliveries.ts'
import {
  AibotBody,
  aibotChatAction,
  aibotChatMessage,
  aibotWelcomeMessage,
  aibotWorkspaceId,
} from './aibot-message.ts'
import { aibotMarkdown, pushBodies, STREAM_PLACEHOLDER } from './aibot-reply.ts'
import { renderButtonCard, renderResultCard } from './render-template-card.ts'

export interface AibotLongConnectionOptions {
  botId: string
  secret: string
  corpId: string | undefined
  /** BOT_NAMES: the `@name` in front of a group message is dropped when it is one of these. */
  botNames: readonly string[]
  /** WeCom's default `wss://openws.work.weixin.qq.com`; private deployments and tests set their own. */
  wsUrl?: string | undefined
  /** How long `start()` waits for the first authentication before carrying on; default 10 s. */
  startTimeoutMs?: number
  pipeline: ChatPipeline
  waitUntil: WaitUntil
  log: Log
  now: () => Date
  /** Button presses already run (by the frame's msgid), so a redelivered press runs once. */
  seen?: SeenDeliveries | undefined
}

/**
 * The AI bot over `@wecom/aibot-node-sdk`'s long connection (no public URL needed, like Slack's Socket
 * Mode). A message frame is stored, then answered on the same frame: a placeholder stream at once, the
 * reply when the pipeline is done. The SDK reconnects by itself with back-off.
 */
export function createAibotLongConnection(options: AibotLongConnectionOptions) {
  const { pipeline, log } = options
  const client = new WSClient({
    botId: options.botId,
    secret: options.secret,
    ...(options.wsUrl && { wsUrl: options.wsUrl }),
    maxReconnectAttempts: -1,
    logger: {
      debug: () => {},
      info: () => {},
      warn: (message: string) => log('wecom.aibot_ws', { level: 'warn', message }),
      error: (message: string) => log('wecom.aibot_ws', { level: 'error', message }),
    },
  })

  const parse = (frame: WsFrame): AibotBody | null => {
    const parsed = AibotBody.safeParse(frame.body)
    if (!parsed.success) log('wecom.aibot_frame_ignored', { cmd: frame.cmd, reqId: frame.headers?.req_id })
    return parsed.success ? parsed.data : null
  }

  async function onMessage(frame: WsFrame, body: AibotBody) {
    const workspaceId = aibotWorkspaceId(body, options.corpId)
    const message = aibotChatMessage(body, workspaceId, options.now(), options.botNames)
    if (!message) return
    const accepted = await pipeline.accept(message)
    if (accepted.status === 'duplicate') return
    const streamId = generateReqId('stream')
    await client.replyStream(frame, streamId, STREAM_PLACEHOLDER, false).catch(() => undefined)
    const reply = await pipeline.process(accepted.inboxId)
    const templateCard = reply ? renderButtonCard(reply) : null
    await client.replyStreamWithCard(frame, streamId, reply ? aibotMarkdown(reply) : '', true, {
      ...(templateCard && { templateCard }),
    })
  }

  async function onEvent(frame: WsFrame, body: AibotBody) {
    const workspaceId = aibotWorkspaceId(body, options.corpId)
    const click = aibotChatAction(body, workspaceId, options.now())
    if (click?.taskId) {
      if (options.seen && !(await options.seen.firstTime(`wecom-aibot:${body.msgid}`))) return
      const result = await pipeline.act(click.action)
      // WeCom allows 5 s to replace the pressed card; `act` is a few database writes.
      await client.updateTemplateCard(frame, renderResultCard(result, click.taskId), [click.action.userId])
      return
    }
    const welcome = aibotWelcomeMessage(body, workspaceId, options.now())
    const greeting = welcome ? await pipeline.handle(welcome) : null
    if (greeting) await client.replyWelcome(frame, { msgtype: 'text', text: { content: greeting.text } })
  }

  const track = (work: Promise<unknown>) => options.waitUntil(work)
  client.on('message', (frame) => {
    const body = parse(frame)
    if (body) track(onMessage(frame, body))
  })
  client.on('event', (frame) => {
    const body = parse(frame)
    if (body) track(onEvent(frame, body))
  })

  return {
    /** Connects and waits for the first authentication (or the start timeout; reconnecting goes on). */
    start(): Promise<void> {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          log('wecom.aibot_not_connected', { hint: 'check WECOM_AIBOT_ID / WECOM_AIBOT_SECRET' })
          resolve()
        }, options.startTimeoutMs ?? 10_000)
        client.once('authenticated', () => {
          clearTimeout(timer)
          resolve()
        })
        client.connect()
      })
    },
    async stop(): Promise<void> {
      client.disconnect()
    },
    get isConnected(): boolean {
      return client.isConnected
    },
    /** Pushes a reply into a chat (a user id or a group chatid) without a frame to answer. */
    async push(chatId: string, reply: Reply): Promise<void> {
      for (const body of pushBodies(reply)) await client.sendMessage(chatId, body)
    },
  }
}

/** A started (or starting) AI bot long connection. */
export type AibotLongConnection = ReturnType<typeof createAibotLongConnection>
