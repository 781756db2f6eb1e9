/** The most of any one string a log line keeps: enough to see what failed, never a whole 100 KB message. */
export const MAX_LOGGED_CHARS = 1000

/** A string cut to `MAX_LOGGED_CHARS`, saying how much was left out. */
export function capForLog(text: string, max = MAX_LOGGED_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}…(+${text.length - max} chars)`
}

/**
 * A log event's fields with every string (nested ones too, a few levels down) cut by `capForLog`, so an error
 * that quotes the user's message, or a SQL error that lists it as a parameter, logs a line of bounded size.
 */
export function capLogFields(fields: Record<string, unknown>): Record<string, unknown> {
  return capValue(fields, 0) as Record<string, unknown>
}

function capValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return capForLog(value)
  if (value instanceof Error) return capForLog(String(value))
  if (!value || typeof value !== 'object') return value
  if (depth >= 4) return '[nested]'
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => capValue(item, depth + 1))
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, capValue(inner, depth + 1)]))
}
