import type { Intent } from '../understand/parsed-message.ts'

/** The one platform-neutral message every bot translates its platform's payload into. */
export interface ChatMessage {
  /** `web`, `slack`, `wecom`, `wecom-aibot`, `wechaty`… */
  platform: string
  /** The platform's workspace: a Slack team id, a WeCom corp id, `local` for the web chat. */
  workspaceId: string
  workspaceName?: string
  chatId: string
  chatKind: 'direct' | 'group'
  /** The platform's own user id. */
  userId: string
  userName?: string
  /** The user's IANA time zone when the platform tells it. */
  userTimeZone?: string
  text: string
  /** Whether the bot was @-mentioned: in a group it answers only then. */
  mentionsBot: boolean
  /** The platform's id of this message: a redelivery carries the same one and is never acted on twice. */
  platformMessageId: string
  receivedAt: Date
}

/** A button under a reply: the platform renders it; pressing it comes back as a `ChatAction`. */
export interface ReplyAction {
  /** What pressing does, e.g. `undo_interaction`, `snooze_reminder`. */
  action: ActionName
  label: string
  /** The id the action applies to, plus any argument, e.g. `{ id, minutes: 60 }`. */
  value: Record<string, string | number>
  style?: 'primary' | 'danger'
}

export const ACTION_NAMES = [
  'undo_interaction',
  'undo_customer',
  'edit_interaction',
  'set_follow_up',
  'choose_customer',
  'create_customer',
  'reminder_done',
  'reminder_snooze',
  'reminder_cancel',
  'ask_owner',
] as const
export type ActionName = (typeof ACTION_NAMES)[number]

/** A button press or a modal submission coming back from a platform. */
export interface ChatAction {
  platform: string
  workspaceId: string
  chatId: string
  userId: string
  action: ActionName
  value: Record<string, string | number>
  /** Free text the user typed, for an edit. */
  text?: string
  receivedAt: Date
}

/**
 * What the bot answers: text every platform can show as is, plus the structured result that each platform
 * renders its own way (Block Kit, WeCom markdown, the web chat's cards).
 */
export interface Reply {
  text: string
  intent: Intent | 'action' | 'choice' | 'error' | 'reminder_due' | 'digest' | 'list'
  data: Record<string, unknown> | null
  actions?: ReplyAction[]
}

/** Where a pushed message goes: a chat on a platform in a workspace. */
export interface ChatTarget {
  platform: string
  workspaceId: string
  chatId: string
  /** The CRM user the push is for, when there is one (a reminder's owner). */
  userPlatformId?: string
}

/**
 * A platform's way of pushing a message on its own (due reminders, digests). Each bot registers one.
 * Failures throw; the caller counts attempts and retries.
 */
export interface ChatSender {
  platform: string
  send(target: ChatTarget, reply: Reply): Promise<void>
}
