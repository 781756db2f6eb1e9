import { z } from 'zod'
import { ACTION_NAMES, type ActionName, type ReplyAction } from '../../src/chat/chat-message.ts'
import { clip } from './slack-text.ts'

/** Block Kit button limits: label 75 characters, value 2,000. */
const MAX_LABEL = 75
const MAX_VALUE = 2000

/**
 * The button for one `ReplyAction`. The action name rides in `action_id` (with the button's index,
 * because Slack wants action ids unique within a message) and the value as JSON in `value`.
 */
export function actionButton(action: ReplyAction, index: number) {
  const value = JSON.stringify(action.value)
  if (value.length > MAX_VALUE)
    throw new Error(`button value for ${action.action} is over ${MAX_VALUE} chars`)
  return {
    type: 'button' as const,
    action_id: `crm:${action.action}:${index}`,
    text: { type: 'plain_text' as const, text: clip(action.label, MAX_LABEL), emoji: true },
    value,
    ...(action.style && { style: action.style }),
  }
}

const ButtonValue = z.record(z.string(), z.union([z.string(), z.number()]))
const ActionId = /^crm:([a-z_]+):\d+$/

/** A pressed button back as the action and value it was made from; `null` for a button not ours. */
export function readActionButton(pressed: {
  action_id: string
  value?: string | undefined
}): { action: ActionName; value: Record<string, string | number> } | null {
  const name = ActionId.exec(pressed.action_id)?.[1]
  if (!name || !(ACTION_NAMES as readonly string[]).includes(name)) return null
  let raw: unknown
  try {
    raw = JSON.parse(pressed.value ?? '{}')
  } catch {
    return null
  }
  const value = ButtonValue.safeParse(raw)
  return value.success ? { action: name as ActionName, value: value.data } : null
}
