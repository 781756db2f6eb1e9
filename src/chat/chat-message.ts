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
  'confirm_write',
  'reject_write',
  'reminder_done',
  'reminder_snooze',
  'reminder_cancel',
  'nudge_log_note',
  'nudge_snooze',
  'nudge_mark_lost',
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
  intent: Intent | 'action' | 'choice' | 'confirm' | 'error' | 'reminder_due' | 'digest' | 'list'
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
  /** Answer under this message (a Slack thread's `ts`), when the platform threads. */
  threadId?: string
}

/** What the outbox tells a sender about the message it hands over. */
export interface SendOptions {
  /** The outbox row's dedupe key; a sender that can tag messages stores it so `findSent` can find them. */
  dedupeKey?: string
  /**
   * The claim on the row lapses at this instant (`Date.now()` ms, the real clock): a sender that waits before sending (pacing) must
   * not start the send after it, since another process may hold the row by then. It throws
   * {@link ClaimLapsedError} instead.
   */
  notAfter?: number
}

/** Thrown by a sender that waited past `SendOptions.notAfter`: the message was not sent. */
export class ClaimLapsedError extends Error {
  constructor(notAfter: number) {
    super(`claim lapsed at ${new Date(notAfter).toISOString()} before the send could start`)
    this.name = 'ClaimLapsedError'
  }
}

/**
 * A platform's way of sending a message on its own (replies after the ack, due reminders, digests). Each bot
 * registers one; the outbox dispatcher is its one caller. Failures throw; the outbox counts attempts and
 * retries.
 */
export interface ChatSender {
  platform: string
  /**
   * The reader takes its messages from the outbox itself (the web page polls), so the dispatcher leaves
   * them pending, and they wait in the database, through restarts, until the page asks.
   */
  pulled?: boolean
  /** Sends; resolves to the platform's id of the new message when the platform tells one. */
  send(target: ChatTarget, reply: Reply, options?: SendOptions): Promise<string | undefined> | Promise<void>
  /**
   * The platform's id of a message sent earlier with this dedupe key since `since` (UTC ms), if the platform
   * has it: asked before sending again a message whose earlier attempt died mid-send.
   */
  findSent?(target: ChatTarget, dedupeKey: string, since: number): Promise<string | undefined>
}
