import type { Log } from '../chat/chat-bot.ts'

/** One JSON line per event on stderr: greppable locally, parseable by any log shipper. */
export function createLog(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Log {
  return (event, fields = {}) => write(JSON.stringify({ at: new Date().toISOString(), event, ...fields }))
}
