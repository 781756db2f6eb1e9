import { describe, expect, it } from 'vitest'
import { extractDates } from '../../../src/understand/extract-dates.ts'
import { parseMessage } from '../../../src/understand/parse-message.ts'

/** Wed 2026-11-18 10:00 in Shanghai: the instant the shared corpus is read at. */
export const WED_10AM = '2026-11-18T10:00:00+08:00'
export const SHANGHAI = 'Asia/Shanghai'

/** A table of phrasings read at one `now` in one zone, each with the instant it must give (null: none). */
export interface TimeTable {
  now: string
  zone: string
  locale?: string
  /** Read as in a reminder (weak pieces believed); default true. */
  reminder?: boolean
  rows: [text: string, expected: string | null][]
}

/** One test per row: the first date found in the text, as ISO with the user's offset. */
export function describeTimes(title: string, table: TimeTable): void {
  describe(`${title} (now ${table.now}, ${table.zone}${table.locale ? `, ${table.locale}` : ''})`, () => {
    it.each(table.rows)('%s → %s', (text, expected) => {
      const found = extractDates(text, {
        now: new Date(table.now),
        timeZone: table.zone,
        allowWeak: table.reminder ?? true,
        ...(table.locale ? { locale: table.locale } : {}),
      })
      expect(found[0]?.iso ?? null).toBe(expected)
    })
  })
}

/** What a reminder message parses to: its due time, whether it is unsure, its candidates and repetition. */
export interface ReminderRow {
  due_at: string | null
  due_unsure?: boolean
  due_candidates?: string[]
  recurrence?: string
}

/** One test per row: the reminder fields `parseMessage` gives. */
export function describeReminders(
  title: string,
  table: { now: string; zone: string; rows: [text: string, expected: ReminderRow][] },
): void {
  describe(`${title} (now ${table.now}, ${table.zone})`, () => {
    it.each(table.rows)('%s', (text, expected) => {
      const parsed = parseMessage(text, { now: new Date(table.now), timeZone: table.zone })
      expect(parsed.intent).toBe('set_reminder')
      expect(parsed).toMatchObject(expected)
    })
  })
}
