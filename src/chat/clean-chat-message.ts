import { cleanJsonStrings, stripControlCharacters } from '../text/clean-text.ts'
import type { ChatAction, ChatMessage } from './chat-message.ts'

/**
 * A platform's message with control characters stripped from every text field, applied where every bot's
 * translation enters the pipeline, so Slack, WeCom, Wechaty and the web chat store text the same way.
 */
export function cleanChatMessage(message: ChatMessage): ChatMessage {
  return {
    ...message,
    workspaceId: stripControlCharacters(message.workspaceId),
    ...(message.workspaceName !== undefined && {
      workspaceName: stripControlCharacters(message.workspaceName),
    }),
    chatId: stripControlCharacters(message.chatId),
    userId: stripControlCharacters(message.userId),
    ...(message.userName !== undefined && { userName: stripControlCharacters(message.userName) }),
    text: stripControlCharacters(message.text),
    platformMessageId: stripControlCharacters(message.platformMessageId),
  }
}

/** A button press with control characters stripped from its ids, value and typed text. */
export function cleanChatAction(action: ChatAction): ChatAction {
  return {
    ...action,
    workspaceId: stripControlCharacters(action.workspaceId),
    chatId: stripControlCharacters(action.chatId),
    userId: stripControlCharacters(action.userId),
    value: cleanJsonStrings(action.value),
    ...(action.text !== undefined && { text: stripControlCharacters(action.text) }),
  }
}
