import type { WechatyOptions } from 'wechaty'
import type { ChatBotFactory } from '../../src/chat/chat-bot.ts'
import type { ChatSender, Reply } from '../../src/chat/chat-message.ts'
import { ConfigError } from '../../src/config.ts'
import type { WechatySession } from './wechaty-session.ts'

/** WeChat through Wechaty: the platform name. */
export const WECHATY_PLATFORM = 'wechaty'

/** A puppet object, as `wechaty-puppet-mock`'s `PuppetMock` is. */
export type PuppetInstance = Exclude<NonNullable<WechatyOptions['puppet']>, string>

export interface WechatyBotOptions {
  /** A puppet instance (tests pass `wechaty-puppet-mock`'s); default: the npm name in WECHATY_PUPPET. */
  puppet?: PuppetInstance
  /** Messages older than this on arrival (history a puppet replays after login) are skipped; default 120 s. */
  maxAgeSeconds?: number
}

const PUPPET_NAME = /^(@[\w.-]+\/)?wechaty-puppet-[\w.-]+$/

/**
 * WeChat text has no markdown and no buttons: the reply's plain text is what every platform can show, and
 * questions in it are already numbered for a typed answer.
 */
export function renderWechatText(reply: Reply): string {
  return reply.text
}

/**
 * A Wechaty bot (puppet chosen by WECHATY_PUPPET, token in WECHATY_PUPPET_TOKEN) feeding the pipeline: direct
 * messages always, room messages when they @-mention the bot. The logged-in account is the workspace.
 * Wechaty itself is imported on `start()`, so an app without WeChat never pays for loading it.
 */
export function createWechatyBotFactory(options: WechatyBotOptions = {}): ChatBotFactory {
  return ({ config, pipeline, waitUntil, log, now }) => {
    const name = config.wechaty.puppet
    if (!options.puppet && !name) return null
    if (!options.puppet && name && !PUPPET_NAME.test(name))
      throw new ConfigError(
        `invalid WECHATY_PUPPET "${name}": expected an npm name like wechaty-puppet-service`,
      )
    let session: WechatySession | null = null
    const sender: ChatSender = {
      platform: WECHATY_PLATFORM,
      async send(target, reply) {
        if (!session) throw new Error('Wechaty has not been started')
        await session.send(target, reply)
      },
    }
    return {
      name: WECHATY_PLATFORM,
      sender,
      async start() {
        const { startWechatySession } = await import('./wechaty-session.ts')
        session = await startWechatySession({
          puppet: options.puppet ?? null,
          settings: config.wechaty,
          maxAgeSeconds: options.maxAgeSeconds ?? 120,
          pipeline,
          waitUntil,
          log,
          now,
        })
      },
      async stop() {
        await session?.stop()
        session = null
      },
    }
  }
}

/** The Wechaty bot as registered in `bots/index.ts`. */
export const createWechatyBot: ChatBotFactory = createWechatyBotFactory()
