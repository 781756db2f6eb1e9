import {
  type Message,
  type OfficialPuppetNpmName,
  qrcodeValueToImageUrl,
  type Wechaty,
  WechatyBuilder,
  type WechatyOptions,
} from 'wechaty'
import type { ChatBotFactory, ChatPipeline, Log } from '../../src/chat/chat-bot.ts'
import type { ChatMessage, ChatSender, ChatTarget, Reply } from '../../src/chat/chat-message.ts'
import { type AppConfig, ConfigError } from '../../src/config.ts'

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

/**
 * WeChat text has no markdown and no buttons: the reply's plain text is what every platform can show, and
 * questions in it are already numbered for a typed answer.
 */
export function renderWechatText(reply: Reply): string {
  return reply.text
}

/**
 * A Wechaty bot (puppet chosen by WECHATY_PUPPET, token in WECHATY_PUPPET_TOKEN) feeding the pipeline: direct
 * messages always, room messages when they @-mention the bot. The account it is logged in as is the workspace.
 */
export function createWechatyBotFactory(options: WechatyBotOptions = {}): ChatBotFactory {
  return ({ config, pipeline, waitUntil, log, now }) => {
    if (!options.puppet && !config.wechaty.puppet) return null
    const bot = buildWechaty(options.puppet, config.wechaty)
    const maxAge = options.maxAgeSeconds ?? 120
    // Wechaty reports lookups of unknown rooms and contacts as 'error' events; unheard, they would crash Node.
    bot.on('error', (error) => log('wechaty.error', { error: String(error) }))
    bot.on('scan', (qrcode, status) => log('wechaty.scan', { status, url: qrcodeValueToImageUrl(qrcode) }))
    bot.on('login', (user) => log('wechaty.login', { user: user.id }))
    bot.on('message', (message) => {
      if (message.self() || message.type() !== bot.Message.Type.Text || message.age() > maxAge) return
      waitUntil(answer(bot, pipeline, message, now()))
    })
    return {
      name: WECHATY_PLATFORM,
      sender: createWechatySender(bot, log),
      start: () => bot.start(),
      stop: () => bot.stop(),
    }
  }
}

const PUPPET_NAME = /^(@[\w.-]+\/)?wechaty-puppet-[\w.-]+$/

function buildWechaty(instance: PuppetInstance | undefined, settings: AppConfig['wechaty']): Wechaty {
  if (instance) return WechatyBuilder.build({ name: 'chat-crm', puppet: instance })
  const name = settings.puppet ?? ''
  if (!PUPPET_NAME.test(name))
    throw new ConfigError(
      `invalid WECHATY_PUPPET "${name}": expected an npm name like wechaty-puppet-service`,
    )
  return WechatyBuilder.build({
    name: 'chat-crm',
    // Wechaty's type lists only its official puppets; it loads any installed `wechaty-puppet-*` by name.
    puppet: name as OfficialPuppetNpmName,
    ...(settings.puppetToken && { puppetOptions: { token: settings.puppetToken } }),
  })
}

async function answer(bot: Wechaty, pipeline: ChatPipeline, message: Message, receivedAt: Date) {
  const room = message.room()
  const talker = message.talker()
  const mentioned = room ? await message.mentionSelf() : true
  const chat: ChatMessage = {
    platform: WECHATY_PLATFORM,
    workspaceId: bot.currentUser.id,
    chatId: room?.id ?? talker.id,
    chatKind: room ? 'group' : 'direct',
    userId: talker.id,
    userName: talker.name(),
    // mentionText() drops the "@机器人 " that WeChat puts in front, whatever the bot's nickname is.
    text: mentioned && room ? await message.mentionText() : message.text(),
    mentionsBot: mentioned,
    platformMessageId: message.id,
    receivedAt,
  }
  const reply = await pipeline.handle(chat)
  if (!reply) return
  if (room) await room.say(renderWechatText(reply), talker)
  else await talker.say(renderWechatText(reply))
}

/** Pushes into a room (ids end in `@chatroom`) or a contact's chat; throws while logged out. */
function createWechatySender(bot: Wechaty, log: Log): ChatSender {
  return {
    platform: WECHATY_PLATFORM,
    async send(target: ChatTarget, reply: Reply) {
      if (!bot.isLoggedIn) throw new Error('Wechaty is not logged in')
      const conversation = target.chatId.endsWith('@chatroom')
        ? await bot.Room.find({ id: target.chatId })
        : await bot.Contact.find({ id: target.chatId })
      if (!conversation) throw new Error(`no WeChat chat ${target.chatId} for this account`)
      await conversation.say(renderWechatText(reply))
      log('wechaty.pushed', { chatId: target.chatId })
    },
  }
}

/** The Wechaty bot as registered in `bots/index.ts`. */
export const createWechatyBot: ChatBotFactory = createWechatyBotFactory()
