import { createInterface } from 'node:readline'
import { parseMessage } from '../understand/parse-message.ts'
import { offsetMinutes } from '../understand/zoned-time.ts'

/** Default zone for lines that do not name one; the product's first users are in China. */
const DEFAULT_ZONE = 'Asia/Shanghai'

function predict(line: string): string {
  try {
    let input: { text?: unknown; now?: unknown; tz?: unknown }
    try {
      input = JSON.parse(line)
    } catch {
      throw new Error('not JSON: expected {"text":"…","now"?:"ISO time","tz"?:"IANA zone"}')
    }
    if (typeof input?.text !== 'string') throw new Error('"text" must be a string')
    const now = input.now === undefined ? new Date() : new Date(String(input.now))
    if (Number.isNaN(now.getTime())) throw new Error(`bad "now": ${String(input.now)}`)
    const timeZone = typeof input.tz === 'string' && input.tz ? input.tz : DEFAULT_ZONE
    // Checked here, not only when a date is read, so a bad zone fails every line the same way.
    offsetMinutes(now, timeZone)
    return JSON.stringify(parseMessage(input.text, { now, timeZone }))
  } catch (err) {
    return JSON.stringify({ intent: 'unknown', error: err instanceof Error ? err.message : String(err) })
  }
}

/**
 * `crm parse`: reads `{"text","now","tz"}` JSON lines on stdin and prints one prediction a line, in
 * order. A bad line (plain text, a missing "text") prints `{"intent":"unknown","error":…}` so lines stay
 * aligned, is named on stderr, and makes the exit code 1. Blank lines are skipped.
 */
export async function runParseCommand(): Promise<number> {
  const out: string[] = []
  const bad: string[] = []
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })
  let number = 0
  for await (const line of lines) {
    number++
    if (!line.trim()) continue
    const prediction = predict(line)
    out.push(prediction)
    const error = (JSON.parse(prediction) as { error?: string }).error
    if (error) bad.push(`crm parse: line ${number} (${JSON.stringify(line.slice(0, 60))}): ${error}`)
  }
  // One write at the end: the scorer reads everything at once and many small writes cost more.
  await new Promise<void>((resolve, reject) => {
    process.stdout.write(out.length ? `${out.join('\n')}\n` : '', (err) => (err ? reject(err) : resolve()))
  })
  if (bad.length) process.stderr.write(`${bad.join('\n')}\n`)
  return bad.length ? 1 : 0
}
