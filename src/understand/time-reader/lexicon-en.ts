/** English words the time parsers read: numbers, ordinals, weekdays, months. */

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
]
const TEENS = ['thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50 }
/** The first three letters of each weekday, Monday first: what every spelling of one starts with. */
export const WEEKDAY_STEMS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
/** The first three letters of each month, January first. */
export const MONTH_STEMS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
]
/** `one` … `twelve`: the numbers an hour is spelled with. */
export const HOUR_WORDS = UNITS.slice(1)

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
]

/** An hour 1–12 as a word or digits. */
export const HOUR_WORD_SRC = `(?:\\d{1,2}|${HOUR_WORDS.join('|')})`
/** Minutes as a word (`five`, `twenty-five`, `oh five`, `thirty`) or digits. */
export const MINUTE_WORD_SRC = `(?:\\d{1,2}|(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|oh[- ](?:one|two|three|four|five|six|seven|eight|nine)|${[...UNITS.slice(1), ...TEENS].join('|')})`
/** A day of the month as digits with a suffix or as an ordinal word (`3rd`, `twenty-first`). */
export const ORDINAL_DAY_SRC = `(?:\\d{1,2}(?:st|nd|rd|th)|(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|${ORDINALS.join('|')})`

/** The value of a number word or digits (`twenty-five` → 25, `oh five` → 5); NaN when neither. */
export function wordNumber(raw: string): number {
  const w = raw.toLowerCase().replace(/^oh[- ]/, '')
  if (/^\d+$/.test(w)) return Number(w)
  const unit = UNITS.indexOf(w)
  if (unit >= 0) return unit
  const teen = TEENS.indexOf(w)
  if (teen >= 0) return 13 + teen
  const [tens, ones] = w.split(/[- ]/)
  const t = TENS[tens ?? '']
  if (t === undefined) return Number.NaN
  return ones ? t + UNITS.indexOf(ones) : t
}

/** The value of an ordinal day (`3rd` → 3, `twenty-first` → 21). */
export function ordinalNumber(raw: string): number {
  const w = raw.toLowerCase()
  const digits = /^(\d+)/.exec(w)
  if (digits) return Number(digits[1])
  if (w === 'thirtieth') return 30
  const i = ORDINALS.indexOf(w)
  if (i >= 0) return i + 1
  const [tens, ones] = w.split(/[- ]/)
  return (tens === 'thirty' ? 30 : 20) + ORDINALS.indexOf(ones ?? '') + 1
}

/** What every weekday name holds; parsers that need one share this, so a text is tested once. */
export const WEEKDAY_NEED = new RegExp(WEEKDAY_STEMS.join('|'), 'i')

/** Weekday names and the short forms people type, longest first. */
export const WEEKDAY_SRC =
  '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)'
/** Monday-0 index of a weekday word. */
export const weekdayIndex = (word: string) => WEEKDAY_STEMS.indexOf(word.slice(0, 3).toLowerCase())

/** What every month name holds; parsers that need one share this, so a text is tested once. */
export const MONTH_NAME_NEED = new RegExp(MONTH_STEMS.join('|'), 'i')

/** Month names and short forms (`Sept.`). */
export const MONTH_SRC =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)'
/** 1-based month of a month word. */
export const monthIndex = (word: string) => MONTH_STEMS.indexOf(word.slice(0, 3).toLowerCase()) + 1
