import * as chrono from 'chrono-node'
import type { CivilDay, DateToken } from './date-token.ts'
import { offsetMinutes } from './zoned-time.ts'

/**
 * Absolute calendar dates (`Dec 1 at 10am`, `3rd of December`, `2026-12-01 14:00`) read by chrono.
 * Relative phrases are left to our own rules, which follow the product's week rules; so chrono only
 * runs when a cheap test sees a month name or an ISO date, and with just the parsers for those.
 */

const CHRONO_HINT =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d|\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b/i
const CJK = /[\u4e00-\u9fff]/

/** Parsers of chrono's strict English set that read calendar dates and clock times, nothing relative. */
const EN_PARSERS = new Set([
  'ISOFormatParser',
  'ENYearMonthDayParser',
  'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser',
  'ENTimeExpressionParser',
])
/** Refiners for phrases we never hand to chrono (ranges, `3 days after`, zone names) cost time for nothing. */
const SKIPPED_REFINERS = new Set([
  'ExtractTimezoneAbbrRefiner',
  'ExtractTimezoneOffsetRefiner',
  'ENMergeDateRangeRefiner',
  'ENMergeRelativeAfterDateRefiner',
  'ENMergeRelativeFollowByDateRefiner',
])

/** Built once: a chrono holding about half of the strict parsers runs roughly a third faster. */
const EN = (() => {
  const parsers = chrono.en.strict.parsers.filter((p) => EN_PARSERS.has(p.constructor.name))
  const refiners = chrono.en.strict.refiners.filter((r) => !SKIPPED_REFINERS.has(r.constructor.name))
  // Should a chrono upgrade rename its classes, fall back to the whole strict set.
  return parsers.length === EN_PARSERS.size ? new chrono.Chrono({ parsers, refiners }) : chrono.en.strict
})()
const ZH = chrono.zh.hans.strict
const DEFAULT_HOUR = 9

/** Date tokens chrono finds, with the calendar day and (when said) the clock time it read. */
export function chronoTokens(text: string, now: Date, timeZone: string): DateToken[] {
  if (!CHRONO_HINT.test(text)) return []
  // The reference carries the user's offset so that chrono's implied year and day are theirs.
  const ref = { instant: now, timezone: offsetMinutes(now, timeZone) }
  // `Dec 2提醒我…`: an English date inside Chinese text is English.
  let results = EN.parse(text, ref, { forwardDate: true })
  if (!results.length && CJK.test(text)) results = ZH.parse(text, ref, { forwardDate: true })
  return results.map((r) => {
    const civil: CivilDay = {
      year: r.start.get('year') ?? 0,
      month: r.start.get('month') ?? 1,
      day: r.start.get('day') ?? 1,
    }
    const time = r.start.isCertain('hour')
      ? { hour: r.start.get('hour') ?? DEFAULT_HOUR, minute: r.start.get('minute') ?? 0 }
      : undefined
    return { start: r.index, end: r.index + r.text.length, day: () => civil, ...(time ? { time } : {}) }
  })
}
