import type OpenAI from 'openai'
import * as enrichNotePrompt from '../../prompts/enrich-note.v2.ts'
import { zonedParts } from '../crm/local-time.ts'
import type { ParsedMessage } from '../understand/parsed-message.ts'

/** One note to enrich. */
export interface EnrichInput {
  text: string
  /** The instant the note was written; relative dates are computed from it. */
  now: Date
  /** IANA zone of the user, e.g. `Asia/Shanghai`. */
  timeZone: string
  /** The offline parser's reading, given to the model as a hint. */
  offline?: ParsedMessage | undefined
}

/** The prompt this build uses; swap the import for a new version. */
export const PROMPT_VERSION: string = enrichNotePrompt.version

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

/** The system and user messages for one note. */
export function buildEnrichMessages(input: EnrichInput): OpenAI.Chat.ChatCompletionMessageParam[] {
  const values: Record<string, string> = {
    now: formatZonedIso(input.now, input.timeZone),
    weekday: WEEKDAYS[zonedParts(input.now, input.timeZone).weekday] ?? '',
    time_zone: input.timeZone,
    offline: input.offline ? quoteJson(input.offline) : 'none',
    note: quoteNote(input.text),
  }
  const user = enrichNotePrompt.user.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole)
  return [
    { role: 'system', content: enrichNotePrompt.system },
    { role: 'user', content: user },
  ]
}

/**
 * The note as it goes between `<note>` and `</note>`: any `<note` or `</note` inside it (also with
 * spaces, zero-width or full-width characters) gets its `<` replaced, so the text cannot close the block.
 */
export function quoteNote(text: string): string {
  return text.replace(
    /[<＜](?=[\s\u200b-\u200d\u2060\ufeff]*[/／]?[\s\u200b-\u200d\u2060\ufeff]*note)/gi,
    '‹',
  )
}

/** JSON with `<` and `>` escaped (still valid JSON), so no value can open or close a block. */
export function quoteJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e')
}

/** `2026-11-18T10:00:00+08:00`: the instant as wall-clock time in the zone, with the zone's offset. */
export function formatZonedIso(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone)
  const seconds = at.getUTCSeconds()
  const wallMs = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, seconds)
  const offsetMin = Math.round((wallMs - Math.floor(at.getTime() / 1000) * 1000) / 60_000)
  const sign = offsetMin < 0 ? '-' : '+'
  const abs = Math.abs(offsetMin)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(seconds)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
