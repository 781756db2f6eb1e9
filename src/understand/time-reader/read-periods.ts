import type { ZonedNow } from '../zoned-time.ts'
import { ANY_PERIOD_PARSERS, EN_PERIOD_PARSERS } from './en-period-parsers.ts'
import { foldChinese } from './fold-chinese.ts'
import { type PeriodReading, type PeriodSpec, placePeriod } from './period-reading.ts'
import { type Grammar, runGrammar, type Span } from './run-parsers.ts'
import { ZH_PERIOD_PARSERS } from './zh-period-parsers.ts'

/** The period half of the grammar: the same folding, scripts and runner as the time parsers. */
const PERIOD_GRAMMAR: Grammar<PeriodSpec> = {
  any: ANY_PERIOD_PARSERS,
  latin: EN_PERIOD_PARSERS,
  han: ZH_PERIOD_PARSERS,
}
const CTX = { dayFirst: false }

/** Of overlapping spans the longest (`2026年11月` over `2026年`, `上一季度` over `一季度`); in text order. */
function longestApart<T extends Span>(found: T[]): T[] {
  if (found.length < 2) return found
  const kept: T[] = []
  const longestFirst = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  for (const t of longestFirst) if (!kept.some((k) => k.start < t.end && t.start < k.end)) kept.push(t)
  return kept.sort((a, b) => a.start - b.start)
}

/**
 * Every period `text` names (`本周`, `last quarter`, `Q3`, `2026年11月`, `过去30天`), placed relative to
 * the user's wall clock now, in text order. `periodBounds` turns one into its [start, end) instants.
 */
export function readPeriods(raw: string, now: ZonedNow): PeriodReading[] {
  const found = runGrammar(PERIOD_GRAMMAR, foldChinese(raw), CTX)
  return longestApart(found).map((spec) => {
    const reading: PeriodReading = { start: spec.start, end: spec.end, ...placePeriod(spec, now) }
    if (spec.weak) reading.weak = true
    if (spec.kind === 'named' && spec.unit !== 'year' && spec.year === undefined) reading.yearless = true
    return reading
  })
}
