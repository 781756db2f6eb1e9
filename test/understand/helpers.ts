import { describe, expect, it } from 'vitest'
import { parseMessage } from '../../src/understand/parse-message.ts'
import type { ParsedMessage } from '../../src/understand/parsed-message.ts'

/** The instant the shared eval corpus is read at: a Wednesday morning in Shanghai. */
export const NOW = new Date('2026-11-18T10:00:00+08:00')
export const SHANGHAI = 'Asia/Shanghai'
export const NEW_YORK = 'America/New_York'

/** parseMessage at NOW in Shanghai, with the bot answering to `CRM助手`. */
export const parse = (text: string, timeZone = SHANGHAI): ParsedMessage =>
  parseMessage(text, { now: NOW, timeZone, botNames: ['CRM助手'] })

/** Classes of phrasing, each with several sentences and the fields each must parse to. */
export type PhrasingCases = Record<string, [string, Partial<ParsedMessage>][]>

/** One describe block per class and one test per sentence, read at NOW in Shanghai. */
export function describePhrasing(cases: PhrasingCases): void {
  describe.each(Object.entries(cases))('%s', (_, rows) => {
    it.each(rows)('%s', (text, expected) => {
      expect(parse(text)).toMatchObject(expected)
    })
  })
}
