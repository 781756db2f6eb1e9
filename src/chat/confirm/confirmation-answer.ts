/** A typed answer to the bot's pending question, for chats without buttons. */
export type ConfirmationAnswer = { kind: 'yes' } | { kind: 'no' } | { kind: 'pick'; index: number }

const YES =
  /^(?:是的?|对的?|确认|确定|好的?|可以|没错|yes|yep|yeah|y|ok(?:ay)?|confirm(?:ed)?|correct|right)[。.!！]?$/i
const NO = /^(?:否|不是|不对|不要|取消|算了|错了|no|nope|n|cancel|wrong)[。.!！]?$/i
const PICK = /^([1-9])[。.]?$/

/**
 * `是` / `确认` / `yes` → yes; `否` / `不是` / `no` → no; `1`–`9` → that option (1-based in, 0-based out).
 * Anything longer is not an answer: `不对,是拜访` is a correction and goes its own way.
 */
export function readConfirmationAnswer(text: string): ConfirmationAnswer | null {
  const trimmed = text.trim()
  if (YES.test(trimmed)) return { kind: 'yes' }
  if (NO.test(trimmed)) return { kind: 'no' }
  const pick = PICK.exec(trimmed)
  return pick ? { kind: 'pick', index: Number(pick[1]) - 1 } : null
}
