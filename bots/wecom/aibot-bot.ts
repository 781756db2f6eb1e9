import type { ChatBotFactory } from '../../src/chat/chat-bot.ts'
import type { ChatSender } from '../../src/chat/chat-message.ts'
import { createSeenDeliveries } from '../../src/chat/seen-deliveries.ts'
import type { AibotLongConnection, createAibotLongConnection } from './aibot-long-connection.ts'
import { WECOM_AIBOT_PLATFORM } from './aibot-message.ts'
import { createAibotRoutes } from './aibot-routes.ts'
import { createAibotStreams } from './aibot-streams.ts'
import { assertEncodingAesKey } from './config-checks.ts'
import type { Clock } from './rate-limit-queue.ts'
import { postToResponseUrl } from './response-url.ts'
import { webhookSenderFor } from './webhook-sender.ts'

export interface AibotBotOptions {
  /** The long connection's address; default WeCom's. */
  wsUrl?: string
  /** How long a finished answer waits for a stream refresh before going to `response_url`; default 60 s. */
  responseUrlAfterMs?: number
  /** The webhook rate limiter's clock (for tests). */
  clock?: Clock
  /**
   * Loads the long connection's module (`@wecom/aibot-node-sdk`, Node-only). Injected by `bots/wecom/index.ts`
   * so the Workers entry, which leaves it out, never bundles the SDK; without it only callback mode runs.
   */
  loadLongConnection?: () => Promise<{ createAibotLongConnection: typeof createAibotLongConnection }>
}

/**
 * The 智能机器人 (AI bot) in group chats and 1:1s. Callback mode (`/wecom/aibot`) when WECOM_AIBOT_TOKEN and
 * WECOM_AIBOT_ENCODING_AES_KEY are set; long-connection mode when WECOM_AIBOT_ID and WECOM_AIBOT_SECRET are;
 * both at once is fine. Pushes go over the long connection, else through the chat's webhook robot if it has one.
 */
export function createWecomAibotFactory(options: AibotBotOptions = {}): ChatBotFactory {
  return ({ config, db, pipeline, waitUntil, log, now }) => {
    const { aibot, corpId } = config.wecom
    const callbackMode = Boolean(aibot.token && aibot.encodingAesKey)
    const loadLongConnection = options.loadLongConnection
    const wantsLongConnection = Boolean(aibot.botId && aibot.secret)
    if (wantsLongConnection && !loadLongConnection)
      log('wecom.aibot_long_connection_unavailable', {
        note: 'the long connection runs on the Node server only',
      })
    const longConnection = wantsLongConnection && loadLongConnection !== undefined
    if (!callbackMode && !longConnection) return null
    // The SDK is loaded on start(): an app using only callback mode never pays for importing it.
    let connection: AibotLongConnection | null = null
    async function start() {
      if (!loadLongConnection) return
      const { createAibotLongConnection } = await loadLongConnection()
      connection = createAibotLongConnection({
        botId: aibot.botId ?? '',
        secret: aibot.secret ?? '',
        corpId,
        botNames: config.botNames,
        wsUrl: options.wsUrl ?? aibot.wsUrl,
        pipeline,
        waitUntil,
        log,
        now,
        seen: createSeenDeliveries(db, now),
      })
      await connection.start()
    }
    const routes =
      aibot.token && aibot.encodingAesKey
        ? createAibotRoutes({
            keys: {
              token: aibot.token,
              encodingAesKey: assertEncodingAesKey(aibot.encodingAesKey, 'WECOM_AIBOT_ENCODING_AES_KEY'),
              receiveId: '',
            },
            corpId,
            botNames: config.botNames,
            pipeline,
            waitUntil,
            log,
            now,
            seen: createSeenDeliveries(db, now),
            streams: createAibotStreams({
              fallbackMs: options.responseUrlAfterMs ?? 60_000,
              postToResponseUrl,
              log,
            }),
          })
        : undefined
    const webhook = webhookSenderFor(config.wecom, options.clock ? { clock: options.clock } : {})
    const sender: ChatSender = {
      platform: WECOM_AIBOT_PLATFORM,
      async send(target, reply) {
        if (connection?.isConnected) return connection.push(target.chatId, reply)
        if (webhook.hasChat(target.chatId)) return webhook.push(target.chatId, reply)
        throw new Error(`AI bot cannot push to ${target.chatId}: no long connection and no webhook robot key`)
      },
    }
    return {
      name: WECOM_AIBOT_PLATFORM,
      ...(routes && { routes }),
      sender,
      ...(longConnection && { start, stop: async () => connection?.stop() }),
    }
  }
}
