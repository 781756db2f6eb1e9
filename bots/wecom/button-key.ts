import { z } from 'zod'
import { ACTION_NAMES, type ActionName, type ReplyAction } from '../../src/chat/chat-message.ts'
import { newId } from '../../src/db/database.ts'

/**
 * A template card button carries only a `key` (≤ 1024 bytes) back in `template_card_event`, so the key is the
 * whole `ReplyAction` minus its label: `crm1.` + base64url(JSON). It needs no signature of its own: the click
 * arrives inside WeCom's signed, encrypted callback, and `pipeline.act` checks permissions anyway.
 */
const PREFIX = 'crm1.'
const MAX_KEY_BYTES = 1024

const ButtonPayload = z.object({
  a: z.enum(ACTION_NAMES),
  v: z.record(z.string(), z.union([z.string(), z.number()])),
})

/** The key for one button; throws when the action's value would not fit WeCom's 1024-byte limit. */
export function encodeButtonKey(action: Pick<ReplyAction, 'action' | 'value'>): string {
  const key =
    PREFIX + Buffer.from(JSON.stringify({ a: action.action, v: action.value })).toString('base64url')
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) throw new Error(`button key for ${action.action} is too long`)
  return key
}

/** The action a pressed button stands for, or null for a key this app did not make. */
export function decodeButtonKey(
  key: string,
): { action: ActionName; value: Record<string, string | number> } | null {
  if (!key.startsWith(PREFIX)) return null
  try {
    const parsed = ButtonPayload.safeParse(
      JSON.parse(Buffer.from(key.slice(PREFIX.length), 'base64url').toString('utf8')),
    )
    return parsed.success ? { action: parsed.data.a, value: parsed.data.v } : null
  } catch {
    return null
  }
}

/** A template card task id: unique per app, `[0-9a-zA-Z_\-@]`, at most 128 bytes. */
export function newTaskId(): string {
  return `crm-${newId()}`
}
