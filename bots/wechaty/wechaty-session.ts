import {
  type Message,
  type OfficialPuppetNpmName,
  qrcodeValueToImageUrl,
  type Wechaty,
  WechatyBuilder,
} from 'wechaty'
import type { ChatPipeline, Log, WaitUntil } from '../../src/chat/chat-bot.ts'
import type { ChatMessage, ChatTarget, Reply } from '../../src/chat/chat-message.ts'
import type { AppConfig } from '../../src/config.ts'
import { type PuppetInstance, renderWechatText, WECHATY_PLATFORM } from './wechaty-bot.ts'

export interface WechatySessionOptions {
  /** A puppet object, or null to load the one named in WECHATY_PUPPET. */
  puppet: PuppetInstance | null
  settings: AppConfig['wechaty']
  maxAgeSeconds: number
  pipeline: ChatPipeline
  waitUntil: WaitUntil
  log: Log
  now: () => Date
}

/**
 * A running Wechaty: loaded only when a puppet is configured (importing Wechaty takes seconds), started,
 * and wired to the pipeline. Room messages count when they @-mention the logged-in account.
 */
export async function startWechatySession(options: WechatySessionOptions) {
  const { pipeline, log } = options
  const bot = options.puppet
    ? WechatyBuilder.build({ name: 'chat-crm', puppet: options.puppet })
    : WechatyBuilder.build({
        name: 'chat-crm',
        // Wechaty's type lists only its official puppets; it loads any installed `wechaty-puppet-*` by name.
        puppet: options.settings.puppet as OfficialPuppetNpmName,
        ...(options.settings.puppetToken && { puppetOptions: { token: options.settings.puppetToken } }),
      })
  // Wechaty reports lookups of unknown rooms and contacts as 'error' events; unheard, they would crash Node.
  bot.on('error', (error) => log('wechaty.error', { error: String(error) }))
  bot.on('scan', (qrcode, status) => log('wechaty.scan', { status, url: qrcodeValueToImageUrl(qrcode) }))
  bot.on('login', (user) => log('wechaty.login', { user: user.id }))
  bot.on('message', (message) => {
    // A puppet may replay history after login: only fresh text is answered.
    if (message.self() || message.type() !== bot.Message.Type.Text) return
    if (message.age() > options.maxAgeSeconds) return
    options.waitUntil(answer(bot, pipeline, message, options.now()))
  })
  await bot.start()

  return {
    /** Pushes into a room (ids end in `@chatroom`) or a contact's chat; throws while logged out. */
    async send(target: ChatTarget, reply: Reply): Promise<void> {
      if (!bot.isLoggedIn) throw new Error('Wechaty is not logged in')
      const conversation = target.chatId.endsWith('@chatroom')
        ? await bot.Room.find({ id: target.chatId })
        : await bot.Contact.find({ id: target.chatId })
      if (!conversation) throw new Error(`no WeChat chat ${target.chatId} for this account`)
      await conversation.say(renderWechatText(reply))
    },
    stop: () => bot.stop(),
  }
}

/** A started Wechaty wired to the pipeline. */
export type WechatySession = Awaited<ReturnType<typeof startWechatySession>>

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
    // mentionText() drops the "@机器人 " WeChat puts in front, whatever the bot's nickname is.
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
