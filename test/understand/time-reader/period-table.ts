import { describe, expect, it } from 'vitest'
import { periodBounds } from '../../../src/understand/time-reader/period-reading.ts'
import { readCloseDate } from '../../../src/understand/time-reader/read-close-date.ts'
import { readPeriods } from '../../../src/understand/time-reader/read-periods.ts'
import { formatZoned, wallClock } from '../../../src/understand/zoned-time.ts'

/** The period a text names: its granularity and its [start, end) instants, ISO with the user's offset. */
export type PeriodRow = [text: string, expected: [unit: string, start: string, end: string] | null]

/**
 * One test per row: the first period `readPeriods` finds in the text, placed at `now` and turned into its
 * instants in `zone` by `periodBounds`.
 */
export function describePeriods(
  title: string,
  table: { now: string; zone: string; rows: PeriodRow[] },
): void {
  describe(`${title} (now ${table.now}, ${table.zone})`, () => {
    it.each(table.rows)('%s → %j', (text, expected) => {
      const now = wallClock(new Date(table.now), table.zone)
      const [first] = readPeriods(text, now)
      if (!first) return expect(expected).toBeNull()
      const { start, end } = periodBounds(first, now, table.zone)
      const unit = 'count' in first ? `${first.unit} ${first.count}` : first.unit
      expect([unit, formatZoned(start, table.zone), formatZoned(end, table.zone)]).toEqual(expected)
    })
  })
}

/** A deal's close date said in a message: the day (`YYYY-MM-DD`), and `past` when it is before today. */
export type CloseRow = [text: string, expected: string | null, past?: 'past']

/** One test per row: the close date `readCloseDate` reads at `now` in `zone` (and `locale`). */
export function describeCloseDates(
  title: string,
  table: { now: string; zone: string; locale?: string; rows: CloseRow[] },
): void {
  const where = `${table.zone}${table.locale ? `, ${table.locale}` : ''}`
  describe(`${title} (now ${table.now}, ${where})`, () => {
    it.each(table.rows)('%s → %s %s', (text, expected, past) => {
      const close = readCloseDate(text, {
        now: new Date(table.now),
        timeZone: table.zone,
        ...(table.locale ? { locale: table.locale } : {}),
      })
      expect(close?.date ?? null).toBe(expected)
      if (close) expect(close.past).toBe(past === 'past')
    })
  })
}
