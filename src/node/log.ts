import type { Log } from '../chat/chat-bot.ts'
import { capLogFields } from '../text/cap-log-fields.ts'

/** One JSON line per event on stderr, each string field capped: greppable locally, parseable by any shipper. */
export function createLog(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Log {
  return (event, fields = {}) =>
    write(JSON.stringify({ at: new Date().toISOString(), event, ...capLogFields(fields) }))
}
