/** What a reminder is for: the message without its time phrases and its `remind me`. */

const REMINDER_WORDS =
  /提醒我一下|提醒一下我|提醒下我|提醒我|(?:别|不要)让我忘(?:了|记)?|帮我记着|帮我记住|\bfirst thing\b|提醒一下|提个醒|设(?:置|定)?(?:一个|个)?提醒|别忘了|别忘记|记得|到时候?叫我|叫我一下|\bremind (?:me|us)\b|\b(?:set|schedule|add)(?: up)? (?:a )?(?=follow-?up\b)|\bset (?:up )?(?:a |an )?reminder\b|\breminder\b|don'?t let me forget(?: to)?|\b(?:ping|nudge|alert) me\b|\bremind\s*我(?:们)?|(?<!(?:里|上|中)\s?)\b(?:ping|nudge|call)\s*我(?:一下)?|^\s*(?:please|pls|请|帮我)\s*/gi
const DEADLINE_AFTER = /^(?:之前|以前|前|一大早|一早)/
const LEADING =
  /^(?:[\s,.;:!?，。；：！？、-]|\b(?:to|for|about|that|on|at|in|by)\b|我要|我得|我|要|一下|在|于|之前|以前|前)+/i
const TRAILING =
  /(?:[\s,.;:!?，。；：！？、-]|\b(?:on|at|by|for)\b|哦|啊|呀|吧|哈|[\ud83c-\ud83e][\udc00-\udfff]|[\u2600-\u27bf]\ufe0f?)+$/i

/**
 * `提醒我明天下午3点给美团王总发合同` → `给美团王总发合同`;
 * `remind me Friday 3pm to send the proposal to Initech` → `send the proposal to Initech`.
 * `spans` are the date phrases to cut out. Returns null when nothing is left.
 */
export function extractTask(text: string, spans: readonly { start: number; end: number }[]): string | null {
  let rest = ''
  let last = 0
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < last) continue
    rest += `${text.slice(last, s.start)} `
    // `下周一前发` → `发`: a deadline word belongs to the date just cut out.
    last = s.end + (DEADLINE_AFTER.exec(text.slice(s.end))?.[0].length ?? 0)
  }
  rest += text.slice(last)
  rest = rest.replace(REMINDER_WORDS, ' ').replace(/\s+/g, ' ')
  let prev = ''
  while (prev !== rest) {
    prev = rest
    rest = rest.replace(LEADING, '').replace(TRAILING, '')
  }
  // Joining around a removed phrase can leave `给 美团`; Chinese needs no space between characters.
  rest = rest.replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, '')
  return rest || null
}
