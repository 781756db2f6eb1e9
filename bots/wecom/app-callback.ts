import type { ChatAction, ChatMessage } from '../../src/chat/chat-message.ts'
import { decodeButtonKey } from './button-key.ts'
import type { AppCallbackXml } from './callback-xml.ts'

/** The self-built app's platform name. */
export const WECOM_APP_PLATFORM = 'wecom'

/**
 * What a decrypted app callback asks of the CRM: a message to understand, a button press, or nothing.
 * App callbacks only come from a user's 1:1 session with the app, so the chat is the user.
 */
export type AppCallback =
  | { kind: 'message'; message: ChatMessage }
  | { kind: 'action'; action: ChatAction; key: string }
  | { kind: 'ignored'; reason: string }

/**
 * The help command stands in for `enter_agent`: the pipeline picks the reply language from the text, and a
 * user opening the app should be greeted in Chinese with what the bot can do.
 */
const ENTER_AGENT_TEXT = '帮助'

/** Translates one decrypted callback; `corpId` is the workspace, `now` the time it is received. */
export function translateAppCallback(xml: AppCallbackXml, corpId: string, now: Date): AppCallback {
  const common = {
    platform: WECOM_APP_PLATFORM,
    workspaceId: corpId,
    chatId: xml.FromUserName,
    userId: xml.FromUserName,
  }
  if (xml.MsgType === 'text') {
    return {
      kind: 'message',
      message: {
        ...common,
        chatKind: 'direct',
        text: xml.Content,
        mentionsBot: true,
        platformMessageId: xml.MsgId,
        receivedAt: now,
      },
    }
  }
  if (xml.Event === 'enter_agent') {
    return {
      kind: 'message',
      message: {
        ...common,
        chatKind: 'direct',
        text: ENTER_AGENT_TEXT,
        mentionsBot: true,
        // Events have no MsgId; WeCom's own advice is to dedup them by sender and CreateTime.
        platformMessageId: `event:${xml.FromUserName}:${xml.CreateTime}`,
        receivedAt: now,
      },
    }
  }
  if (xml.Event === 'template_card_event') {
    const pressed = decodeButtonKey(xml.EventKey ?? '')
    if (!pressed) return { kind: 'ignored', reason: 'button key not made by this app' }
    return {
      kind: 'action',
      action: { ...common, ...pressed, receivedAt: now },
      key: `${xml.FromUserName}:${xml.CreateTime}:${xml.TaskId ?? ''}:${xml.EventKey}`,
    }
  }
  return { kind: 'ignored', reason: `event ${xml.Event}` }
}
