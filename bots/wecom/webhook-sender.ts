import type { ChatSender, ChatTarget, Reply } from '../../src/chat/chat-message.ts'
import type { AppConfig } from '../../src/config.ts'
import { type Clock, createRateLimitedQueue, systemClock } from './rate-limit-queue.ts'
import { renderMarkdown } from './render-markdown.ts'
import { WecomApiError } from './wecom-api-client.ts'
import { truncateBytes } from './wecom-message.ts'

/** The 消息推送 (group webhook robot) platform: push only, it never receives messages. */
export const WECOM_WEBHOOK_PLATFORM = 'wecom-webhook'
/** A group robot takes at most 20 messages a minute; past that WeCom answers errcode 45009. */
export const WEBHOOK_RATE = { limit: 20, windowMs: 60_000 }
/** The robot refuses markdown over 4096 bytes. */
const WEBHOOK_MARKDOWN_BYTES = 4096

export interface WebhookSenderOptions {
  /** `WECOM_WEBHOOK_URL`, the send endpoint without `?key=`. */
  webhookUrl: string
  /** Chat id → robot key (`WECOM_WEBHOOK_KEYS`). */
  keys: Record<string, string>
  fetch?: typeof fetch
  clock?: Clock
}

export interface WebhookSender extends ChatSender {
  /** Whether a robot key is configured for this chat. */
  hasChat(chatId: string): boolean
  /** Pushes a reply as markdown into the chat's group; queued behind the robot's rate limit. */
  push(chatId: string, reply: Reply): Promise<void>
}

/**
 * Pushes markdown through group webhook robots, one rate-limited queue per robot key (two chats sharing a
 * robot share its 20 a minute). The robot has no buttons and no callbacks, so replies go out as markdown.
 */
export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const doFetch = options.fetch ?? fetch
  const queues = new Map<string, ReturnType<typeof createRateLimitedQueue>>()
  const queueFor = (key: string) => {
    const queue = queues.get(key) ?? createRateLimitedQueue(WEBHOOK_RATE, options.clock ?? systemClock)
    queues.set(key, queue)
    return queue
  }

  async function post(key: string, content: string): Promise<void> {
    const url = `${options.webhookUrl}?key=${encodeURIComponent(key)}`
    const response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ msgtype: 'markdown', markdown: { content } }),
      signal: AbortSignal.timeout(10_000),
    })
    const body = (await response.json().catch(() => null)) as { errcode?: number; errmsg?: string } | null
    if (!response.ok || body?.errcode !== 0)
      throw new WecomApiError(body?.errcode ?? -1, body?.errmsg ?? `HTTP ${response.status}`, 'webhook/send')
  }

  const sender: WebhookSender = {
    platform: WECOM_WEBHOOK_PLATFORM,
    hasChat: (chatId) => chatId in options.keys,
    async push(chatId, reply) {
      const key = options.keys[chatId]
      if (!key) throw new Error(`no webhook robot key for chat ${chatId} (WECOM_WEBHOOK_KEYS)`)
      const content = truncateBytes(renderMarkdown(reply), WEBHOOK_MARKDOWN_BYTES)
      await queueFor(key).run(() => post(key, content))
    },
    send: (target: ChatTarget, reply: Reply) => sender.push(target.chatId, reply),
  }
  return sender
}

const shared = new WeakMap<AppConfig['wecom'], WebhookSender>()

/**
 * The one webhook sender of an app: the webhook bot and the AI bot's fallback must share the queues, or
 * together they would exceed a robot's limit.
 */
export function webhookSenderFor(
  wecom: AppConfig['wecom'],
  options: Pick<WebhookSenderOptions, 'fetch' | 'clock'> = {},
): WebhookSender {
  let sender = shared.get(wecom)
  if (!sender) {
    sender = createWebhookSender({ webhookUrl: wecom.webhookUrl, keys: wecom.webhookKeys, ...options })
    shared.set(wecom, sender)
  }
  return sender
}
