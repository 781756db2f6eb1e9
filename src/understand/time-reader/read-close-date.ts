import { addDays, wallClock, type ZonedNow } from '../zoned-time.ts'
import { isBefore } from './calendar.ts'
import { foldChinese } from './fold-chinese.ts'
import { type PeriodReading, periodDays } from './period-reading.ts'
import { readPeriods } from './read-periods.ts'
import { type ReadOptions, readTimes, type TimeReading } from './read-times.ts'
import type { Span } from './run-parsers.ts'
import type { CivilDay } from './time-token.ts'

/**
 * A deal's expected close as people say it (`预计下个月底签约`, `月底能签`, `expected to close end of Q1`,
 * `close date 3/15`): the day comes from the one time reader, a day reading or a period's closing day.
 */
export interface CloseDate extends Span {
  /** `2026-12-31` in the user's calendar, as deals keep it. */
  date: string
  /** Before today: the bot asks before setting it. */
  past: boolean
  /** Where the close words are (`签约`, `expected to close`): a signing still to come, not one done. */
  words: Span
}

/**
 * Only texts with one of these (either script) can say a close; most have none, and nothing more is run.
 * Case is spelled out rather than ignored: the test runs on most messages, and is cheaper so.
 */
const CLOSE_HINT = /[签簽]|成交|[关關结結落][单單]|拿下|[Cc]los|[Ss]ign|CLOS|SIGN/

/**
 * `签`, `签约`, `签合同`, `签下来`, but not `签到`, `签字`, `签证`, `签名`, `签收`; the look-ahead also stops a
 * shorter form inside a longer one (`签` of `签约了`), so the words after are judged on the whole verb.
 */
const ZH_SIGN = '签(?:约|单|合同|下来|下|掉)?(?![约单合下来掉到字证名收不唔])'
const ZH_CLOSE_VERB = `(?:${ZH_SIGN}|成交|关单|结单|落单|拿下)`
/**
 * `签了`, `签不了`, `签唔落`, `签约额`, `成交的单子`, `签约成功`: done, denied, a sum or a list; no date to
 * come. A `的` that ends the clause (`月底应该能签的,`) is only emphasis.
 */
const ZH_NOT_AFTER = '(?![了过不唔额率量数]|的[^,，。;；!！?？\\s]|金额|情况|成功)'
/** `签约日期`, `成交时间`: the date follows the noun. */
const ZH_CLOSE_NOUN = '(?:签约|签单|成交|关单)(?:日期|时间|日)'
const ZH_CLOSE = new RegExp(`(${ZH_CLOSE_NOUN})|(?<!已经?|标|书|抽)${ZH_CLOSE_VERB}${ZH_NOT_AFTER}`, 'g')
/** Hedges and helpers between a date and its verb, simplified and traditional (`應該`, `會`). */
const ZH_HELPERS = [
  '就',
  '才',
  '应该|應該',
  '可能',
  '大概',
  '估计',
  '有望',
  '争取|爭取',
  '预计',
  '计划|計劃',
  '准备|準備',
  '能够?|能夠',
  '会|會',
  '可以',
  '要',
  '将|將',
  '再',
  '把(?:单子|合同|單子)',
]
/** Between a date and the verb after it: `月底前应该能签`, `年底之前就可以签下来`, `预计12月签约`. */
const ZH_DATE_THEN_VERB = new RegExp(`^(?:之?前|以前|左右|之?内)?(?:${ZH_HELPERS.join('|')})*$`)
/** Between the noun and its date: `签约日期: 12月15日`, `成交时间定在下个月底`. */
const ZH_NOUN_THEN_DATE = /^[\s:：]*(?:是|为|定在|在|大概|预计)?\s*$/

/** `expected to close`, `close date`, `closing`, `target close`, `sign the contract`; not `closed`, `signed`. */
const EN_CLOSE_WORD = '(?:close|closes|closing|sign|signs|signing)'
const EN_CLOSE_LEAD =
  '(?:(?:expected|estimated|est\\.|target|projected|planned|forecast(?:ed)?)\\s+)?(?:to\\s+)?'
const EN_CLOSE_OBJECT = '(?:\\s+(?:date|the\\s+deal|the\\s+contract|it|this))?'
const EN_CLOSE = new RegExp(`\\b${EN_CLOSE_LEAD}${EN_CLOSE_WORD}${EN_CLOSE_OBJECT}\\b`, 'gi')
/** `won't close this quarter`, `not signing before Q1`: a close denied gives no date. */
const EN_DENIED =
  /\b(?:not|never|won['’]t|can['’]t|cannot|didn['’]t|isn['’]t|aren['’]t|unlikely to)\b[^.,;!?]{0,20}$/i
/** Between the close words and the date: `close date: 3/15`, `closing by the end of the month`. */
const EN_THEN_DATE = /^[\s:：,=-]*(?:is|was|will be|on|by|in|at|around|before|for|of)?[\s:：]*(?:the\s+)?$/i

/** A day a close could be on, and how long its phrase is (longer readings say more). */
interface DayFound extends Span {
  day: CivilDay
}

/** A period's closing day: a week's Friday (as `end of the week` reads), any other its last day. */
function closingDay(p: PeriodReading, now: ZonedNow): CivilDay | null {
  if (!('offset' in p)) return null
  const { first, after } = periodDays(p, now)
  return p.unit === 'week' ? addDays(first, 4) : addDays(after, -1)
}

/** Every day the time reader found, and every calendar period's closing day; periods first, so they win ties. */
function daysIn(text: string, times: readonly TimeReading[], opts: ReadOptions, now: ZonedNow): DayFound[] {
  const out: DayFound[] = []
  for (const p of readPeriods(text, now)) {
    const day = closingDay(p, now)
    if (day) out.push({ start: p.start, end: p.end, day })
  }
  for (const t of times) {
    if (t.recurrence) continue
    const w = wallClock(t.at, opts.timeZone)
    out.push({ start: t.start, end: t.end, day: { year: w.year, month: w.month, day: w.day } })
  }
  return out
}

/** The longest day found that `fits` next to the close words; on a tie the period read first. */
function longestFitting(days: DayFound[], fits: (d: DayFound) => boolean): DayFound | undefined {
  let best: DayFound | undefined
  for (const d of days) if (fits(d) && (!best || d.end - d.start > best.end - best.start)) best = d
  return best
}

const wordsOf = (m: RegExpExecArray): Span => ({ start: m.index, end: m.index + m[0].length })

/**
 * The day said as a deal's close, right after the close words in English, right before the verb in
 * Chinese, with where the close words are.
 */
function closeDay(text: string, days: DayFound[]): { found: DayFound; words: Span } | undefined {
  ZH_CLOSE.lastIndex = 0
  for (let m = ZH_CLOSE.exec(text); m; m = ZH_CLOSE.exec(text)) {
    const words = wordsOf(m)
    const found = m[1]
      ? longestFitting(
          days,
          (d) => d.start >= words.end && ZH_NOUN_THEN_DATE.test(text.slice(words.end, d.start)),
        )
      : longestFitting(
          days,
          (d) => d.end <= words.start && ZH_DATE_THEN_VERB.test(text.slice(d.end, words.start)),
        )
    if (found) return { found, words }
  }
  EN_CLOSE.lastIndex = 0
  for (let m = EN_CLOSE.exec(text); m; m = EN_CLOSE.exec(text)) {
    if (EN_DENIED.test(text.slice(Math.max(0, m.index - 30), m.index))) continue
    const words = wordsOf(m)
    const found = longestFitting(
      days,
      (d) => d.start >= words.end && EN_THEN_DATE.test(text.slice(words.end, d.start)),
    )
    if (found) return { found, words }
  }
  return undefined
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Whether `text` has a word a close is said with: a cheap test before anything is read for one. */
export const mayHaveCloseDate = (text: string) => CLOSE_HINT.test(text)

/**
 * The expected close a message gives a deal, or null: the time reader's day next to the close words, or
 * the closing day of a period said there (`下个月签约` is the month's last day, `Q1` its quarter's). A
 * day before today is `past`, which the bot asks about before setting.
 */
export function readCloseDate(
  raw: string,
  opts: ReadOptions,
  /** The time reader's readings of `raw`, when the caller has them; read here otherwise. */
  readings?: readonly TimeReading[],
): CloseDate | null {
  if (!mayHaveCloseDate(raw)) return null
  const text = foldChinese(raw)
  ZH_CLOSE.lastIndex = 0
  EN_CLOSE.lastIndex = 0
  if (!ZH_CLOSE.test(text) && !EN_CLOSE.test(text)) return null
  const now = wallClock(opts.now, opts.timeZone)
  const read = readings ?? readTimes(raw, { ...opts, allowWeak: false })
  const close = closeDay(text, daysIn(raw, read, opts, now))
  if (!close) return null
  const { found, words } = close
  const d = addDays(found.day, 0)
  return {
    start: found.start,
    end: found.end,
    date: `${d.year}-${pad(d.month)}-${pad(d.day)}`,
    past: isBefore(d, now),
    words,
  }
}
