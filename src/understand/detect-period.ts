import type { Period } from './parsed-message.ts'
import type { CalendarPeriod, PeriodReading } from './time-reader/period-reading.ts'
import { readPeriods } from './time-reader/read-periods.ts'
import type { ZonedNow } from './zoned-time.ts'

/** The periods a summary or report is asked for by name, each a calendar unit counted from the current one. */
export const NAMED_PERIODS: Record<Period, CalendarPeriod> = {
  today: { unit: 'day', offset: 0 },
  this_week: { unit: 'week', offset: 0 },
  last_week: { unit: 'week', offset: -1 },
  this_month: { unit: 'month', offset: 0 },
  last_month: { unit: 'month', offset: -1 },
  this_quarter: { unit: 'quarter', offset: 0 },
  last_quarter: { unit: 'quarter', offset: -1 },
  this_year: { unit: 'year', offset: 0 },
  last_year: { unit: 'year', offset: -1 },
}
const BY_UNIT = new Map(
  Object.entries(NAMED_PERIODS).map(([name, p]) => [`${p.unit}${p.offset}`, name as Period]),
)

const named = (r: PeriodReading): Period | undefined =>
  'offset' in r ? BY_UNIT.get(`${r.unit}${r.offset}`) : undefined

/** What a message says of its period. */
export interface PeriodSaid {
  /** The named period (`last_quarter`), or null when none has a name (`Q1` said in November). */
  period: Period | null
  /** Whether a period longer than a day is named at all, with a name or not: `Q1 pipeline` asks for one. */
  said: boolean
  /** The first period said that has no name (`过去30天`), when none with a name was. */
  unnamed?: PeriodReading
}

/**
 * The period a summary asks about, read by the time reader (src/understand/time-reader/): the first one in
 * the text that has a name, a weak one (`October`, `2025`) only when no sure one has.
 */
export function detectPeriod(text: string, now: ZonedNow): PeriodSaid {
  let weak: Period | undefined
  let said = false
  let unnamed: PeriodReading | undefined
  for (const reading of readPeriods(text, now)) {
    said ||= reading.unit !== 'day'
    const period = named(reading)
    if (!period) {
      // A sure one (`过去30天`) over a weak one (`September`), as for named periods.
      if (!unnamed || (unnamed.weak && !reading.weak)) unnamed = reading
      continue
    }
    if (!reading.weak) return { period, said: true }
    weak ??= period
  }
  const found: PeriodSaid = { period: weak ?? null, said: said || weak !== undefined }
  if (!weak && unnamed) found.unnamed = unnamed
  return found
}
