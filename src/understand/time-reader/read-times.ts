import { formatZoned, wallClock } from '../zoned-time.ts'
import { EN_CALENDAR_PARSERS } from './en-calendar-parsers.ts'
import { EN_CLOCK_PARSERS } from './en-clock-parsers.ts'
import { EN_DAY_PARSERS } from './en-day-parsers.ts'
import { foldChinese } from './fold-chinese.ts'
import { HOUR_WORDS, MONTH_STEMS, WEEKDAY_STEMS } from './lexicon-en.ts'
import { attachZones, dropOverlaps, joinDayAndTime, mergePartOfDay } from './merge-refiners.ts'
import { EN_RECURRENCE_PARSER, toRRule, ZH_RECURRENCE_PARSER } from './recurrence-parsers.ts'
import { applyWeekRules, resolveToken } from './resolve-token.ts'
import { type Grammar, groupedByNeed, runGrammar } from './run-parsers.ts'
import { kindOf, type ParserContext, type TimeToken } from './time-token.ts'
import { candidateInstants, clockTwice, unusedNextTo } from './unsure-readings.ts'
import { ZH_CLOCK_PARSERS } from './zh-clock-parsers.ts'
import { ZH_DAY_PARSERS } from './zh-day-parsers.ts'
import { ZONE_PARSER } from './zone-parser.ts'

/** A time phrase read to an instant in the user's zone. */
export interface TimeReading {
  start: number
  end: number
  at: Date
  /** ISO 8601 with the user's offset. */
  iso: string
  /** Whether a clock time was written (`明天` alone has none and defaults to 09:00). */
  timed: boolean
  /** The phrase names a moment before now (or now itself, too late to remind). */
  beforeNow: boolean
  /** The zone as written, when one was (`PST`, `北京时间`). */
  zone?: string
  /** RFC 5545 RRULE when the phrase repeats (`每周一` → `FREQ=WEEKLY;BYDAY=MO`). */
  recurrence?: string
  /** A time-like piece next to the phrase went unread (`tomorrow 3`): the bot must ask. */
  unsure?: boolean
  /** Likely readings (ISO, user's offset) to offer when unsure or in the past; reminders only. */
  candidates?: string[]
}

export interface ReadOptions {
  now: Date
  timeZone: string
  /** Also believe pieces that are easily something else (`三点`, `下午` alone, `sat`): reminders. */
  allowWeak?: boolean
  /** BCP 47 locale of the user; day-first ones (`en-GB`) read `7/4` as 7 April. */
  locale?: string
}

/**
 * Every parser of the one grammar, in no particular order (the refiners decide between overlaps),
 * grouped by the script their words are in so a Chinese message skips the English ones and back.
 */
const ENGLISH = [EN_RECURRENCE_PARSER, ...EN_CALENDAR_PARSERS, ...EN_DAY_PARSERS, ...EN_CLOCK_PARSERS]
const TIME_GRAMMAR: Grammar<Omit<TimeToken, 'start' | 'end'>> = {
  // Digits and zone names read the same in any script.
  any: [...ENGLISH.filter((p) => p.anyScript), ZONE_PARSER],
  latin: groupedByNeed(ENGLISH.filter((p) => !p.anyScript)),
  han: groupedByNeed([ZH_RECURRENCE_PARSER, ...ZH_DAY_PARSERS, ...ZH_CLOCK_PARSERS]),
}

/** English words that can start a time expression; each a regex fragment (`tmrw?`, `eo[wmyd]`). */
const HINT_WORDS = [
  'today',
  'tonight',
  'tomorrow',
  'tmrw?',
  'yesterday',
  'noon',
  'midday',
  'midnight',
  'morning',
  'afternoon',
  'evening',
  'night',
  'next',
  'this',
  'last',
  'end',
  'eo[wmqyd]',
  'every',
  'each',
  'daily',
  'weekly',
  'monthly',
  'weekdays',
  'in',
  'within',
  'after',
  'at',
  'by',
  'around',
  'half',
  'quarter',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  ...WEEKDAY_STEMS,
  ...MONTH_STEMS,
  ...HOUR_WORDS,
]
/** One cheap scan for anything a parser could match; most messages without a time stop here. */
const HINT = new RegExp(
  [
    String.raw`\d`,
    '[今明后昨前大][天日儿早晚晨]',
    '[周期拜月号点时午晨晚夜傍后过每差第刻班年季]',
    String.raw`\b(?:${HINT_WORDS.join('|')})`,
    '[A-Z]{2}T',
    'UTC',
    'GMT',
  ].join('|'),
  'i',
)
const DAY_FIRST = /^(?:en-(?:GB|AU|NZ|IE|IN|ZA|SG)|fr|de|es|it|pt|nl|ru|pl|sv|da|nb|fi|tr|id|vi)\b/i

/** Parsers, then refiners: overlaps, part of day, zones, day + time, week rules. */
function refine(tokens: TimeToken[], text: string): TimeToken[] {
  let t = dropOverlaps(tokens)
  t = mergePartOfDay(t, text)
  t = attachZones(t, text, 'time')
  t = joinDayAndTime(t, text)
  t = attachZones(t, text, 'day')
  return t.map(applyWeekRules)
}

/** Every time phrase in `text`, read by the one grammar and resolved in the user's zone, in text order. */
export function readTimes(raw: string, opts: ReadOptions): TimeReading[] {
  const text = foldChinese(raw)
  if (!HINT.test(text)) return []
  const ctx: ParserContext = { dayFirst: opts.locale ? DAY_FIRST.test(opts.locale) : false }
  const tokens: TimeToken[] = runGrammar(TIME_GRAMMAR, text, ctx)
  if (!tokens.length) return []
  const all = refine(tokens, text)
  const kept = all.filter(
    (t) => (opts.allowWeak || !t.weak) && kindOf(t) !== 'zone' && !(t.podOnly && !t.time),
  )
  if (!kept.length) return []
  const wall = wallClock(opts.now, opts.timeZone)
  return kept.map((t) => {
    const at = resolveToken(t, opts.now, wall, opts.timeZone)
    const reading: TimeReading = {
      start: t.start,
      end: t.end,
      at,
      iso: formatZoned(at, opts.timeZone),
      timed: t.time !== undefined || t.afterMs !== undefined,
      beforeNow: at.getTime() <= opts.now.getTime(),
    }
    if (t.zoneName) reading.zone = t.zoneName
    if (t.recurrence) reading.recurrence = toRRule(t.recurrence)
    if (!opts.allowWeak) return reading
    const unused = unusedNextTo(t, text, all)
    if (unused !== undefined) reading.unsure = true
    if (unused !== undefined || reading.beforeNow)
      reading.candidates = candidateInstants(t, at, opts.now, opts.timeZone, unused).map((d) =>
        formatZoned(d, opts.timeZone),
      )
    // `1:30` in the night the clocks go back happens twice: ask which.
    const twice = reading.unsure || reading.beforeNow ? [] : clockTwice(t, at, opts.timeZone)
    if (twice.length) {
      reading.unsure = true
      reading.candidates = twice.map((d) => formatZoned(d, opts.timeZone))
    }
    return reading
  })
}
