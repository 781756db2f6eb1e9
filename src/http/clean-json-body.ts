import type { MiddlewareHandler } from 'hono'
import { cleanJsonStrings } from '../text/clean-text.ts'

/**
 * Strips control characters from every string of a JSON body (see `stripControlCharacters`) before any
 * route reads it, so the API and the web chat store what they will read back. A body that is not valid JSON
 * passes untouched: the route's own parser answers 400 for it.
 */
export const cleanJsonBody: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('content-type') ?? ''
  if (/^(GET|HEAD|OPTIONS)$/.test(c.req.method) || !/^application\/json/i.test(type)) return next()
  const text = await c.req.raw.text()
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    c.req.raw = new Request(c.req.raw, { body: text })
    return next()
  }
  c.req.raw = new Request(c.req.raw, { body: JSON.stringify(cleanJsonStrings(parsed)) })
  return next()
}
