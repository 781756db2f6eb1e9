import { CrmError } from '../crm/crm-error.ts'

/**
 * NUL, the other C0 controls except tab, line feed and carriage return, DEL and the C1 controls. SQLite and
 * many C libraries read a string only up to a NUL (`al\0ice` came back as `al`), and the rest can hide
 * text from a reader or a terminal.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's job
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g
/** Half of a surrogate pair without its other half: not text, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** How deep a JSON body may nest; ours go three levels down, and deeper bodies are refused, not recursed. */
export const MAX_JSON_DEPTH = 32

/**
 * Text as every edge accepts it: control characters removed and lone surrogates replaced with U+FFFD, so
 * what is stored is what is read back. Used on chat messages, API bodies and CLI arguments alike.
 */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '').replace(LONE_SURROGATE, '\uFFFD')
}

/**
 * `stripControlCharacters` on every string inside a parsed JSON body, keys included. Throws
 * `CrmError('invalid')` past `MAX_JSON_DEPTH` levels instead of walking (and overflowing the stack on) them.
 */
export function cleanJsonStrings<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return stripControlCharacters(value) as T
  if (!value || typeof value !== 'object') return value
  if (depth >= MAX_JSON_DEPTH)
    throw new CrmError('invalid', `body: nested deeper than ${MAX_JSON_DEPTH} levels`)
  if (Array.isArray(value)) return value.map((item) => cleanJsonStrings(item, depth + 1)) as T
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value))
    out[stripControlCharacters(key)] = cleanJsonStrings(inner, depth + 1)
  return out as T
}
