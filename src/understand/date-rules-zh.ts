import { NUMBER_SRC, parseNumber } from './chinese-numbers.ts'
import {
  type CivilDay,
  type DateToken,
  daysToWeekday,
  inDays,
  PART_OF_DAY_HOUR,
  toHour24,
  type WeekRef,
} from './date-token.ts'
import { daysInMonth, type ZonedNow } from './zoned-time.ts'

/** Chinese date phrases chrono reads wrongly or not at all (`下周三`, `半小时后`, `月底`, `下个月初`). */

const POD = '凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里'
const RELATIVE_DAYS: Record<string, number> = {
  今: 0,
  明: 1,
  后: 2,
  大后: 3,
  昨: -1,
  前: -2,
}
const WEEKDAY_CHARS = '一二三四五六日天1234567'
const WEEK_REFS: Record<string, WeekRef> = {
  下下: 'after_next',
  下: 'next',
  这: 'this',
  本: 'this',
  上: 'last',
}

const HOUR_MS = 3_600_000

type Rule = {
  /** A character every match holds; the rule's regex is only run when the text has one. */
  need: RegExp
  re: RegExp
  make: (m: RegExpExecArray) => Omit<DateToken, 'start' | 'end'> | null
}

const weekRef = (prefix: string | undefined): WeekRef =>
  WEEK_REFS[(prefix ?? '').replace(/个/g, '')] ?? 'bare'
const weekdayIndex = (ch: string) => {
  const i = '一二三四五六'.indexOf(ch)
  if (i >= 0) return i
  if (ch === '日' || ch === '天' || ch === '7') return 6
  return Number(ch) - 1
}

function monthPart(which: string, monthOffset: number, explicitMonth?: number) {
  return (now: ZonedNow): CivilDay => {
    const month = explicitMonth ?? now.month + monthOffset
    const year = now.year + Math.floor((month - 1) / 12)
    const m = ((month - 1) % 12) + 1
    let day = 1
    if (/底|末|下旬/.test(which)) day = /下旬/.test(which) ? 21 : daysInMonth(year, m)
    else if (/中/.test(which)) day = 15
    else if (/上旬|初/.test(which)) day = 1
    // A part of this month already gone means next month's: `月初` said on the 18th.
    if (explicitMonth === undefined && monthOffset === 0 && day < now.day) {
      return { year: m === 12 ? year + 1 : year, month: m === 12 ? 1 : m + 1, day }
    }
    return { year, month: m, day }
  }
}

function explicitDate(year: number | undefined, month: number, day: number) {
  return (now: ZonedNow): CivilDay => {
    if (year) return { year, month, day }
    const past = month < now.month || (month === now.month && day < now.day)
    // Without a year a date already gone this year is next year's, unless it is only just gone
    // (a note about last week's meeting), which we keep in this year.
    const longPast = past && (now.month - month) * 31 + (now.day - day) > 60
    return { year: longPast ? now.year + 1 : now.year, month, day }
  }
}

const RULES: Rule[] = [
  {
    // `周五下班前`, `下班后`: the end of the working day.
    need: /下班/,
    re: /下班(?:前|之前|以前|后|之后)?/g,
    make: () => ({ time: { hour: 18, minute: 0 } }),
  },
  {
    need: /[天日儿早晚晨]/,
    re: /(大后|今|明|后|昨|前)(?:天|日|儿个?)|(今|明|昨)(早|晚|晨)(?!餐|饭|会)/g,
    make: (m) => {
      const rel = RELATIVE_DAYS[m[1] ?? m[2] ?? '今'] ?? 0
      const pod = m[3] === '晨' ? '早' : m[3]
      return {
        day: inDays(rel),
        ...(pod ? { pod, time: { hour: PART_OF_DAY_HOUR[pod] ?? 9, minute: 0 } } : {}),
      }
    },
  },
  {
    need: /[周期拜]/,
    re: new RegExp(`(下下个?|下个?|这个?|本|上个?)?(?:周|星期|礼拜)([${WEEKDAY_CHARS}])(?!次)`, 'g'),
    make: (m) => {
      const target = weekdayIndex(m[2] ?? '一')
      const ref = weekRef(m[1])
      return { day: (now) => inDays(daysToWeekday(now, target, ref))(now) }
    },
  },
  {
    // `下周` alone means its Monday; `周末` its Saturday.
    need: /[周期拜]/,
    re: /(下下个?|下个?|这个?|本|上个?)(?:周|星期|礼拜)(末)?(?![一二三四五六日天1-7])|(?<![下这本上个])周末/g,
    make: (m) => {
      const ref = weekRef(m[1])
      const weekend = m[2] !== undefined || m[1] === undefined
      return { day: (now) => inDays(daysToWeekday(now, weekend ? 5 : 0, ref === 'bare' ? 'this' : ref))(now) }
    },
  },
  {
    need: /后/,
    re: new RegExp(
      `(${NUMBER_SRC}|半)\\s*个?(半)?\\s*(天|日|周|星期|礼拜|月|小时|钟头|分钟|刻钟)(?:以后|之后|后)`,
      'g',
    ),
    make: (m) => {
      const n = (m[1] === '半' ? 0.5 : parseNumber(m[1] ?? '')) + (m[2] ? 0.5 : 0)
      if (!Number.isFinite(n)) return null
      const unit = m[3] ?? ''
      if (/小时|钟头/.test(unit)) return { afterMs: n * HOUR_MS }
      if (unit === '分钟') return { afterMs: n * 60_000 }
      if (unit === '刻钟') return { afterMs: n * 15 * 60_000 }
      if (unit === '月') return { day: (now) => ({ year: now.year, month: now.month + n, day: now.day }) }
      return { day: inDays(Math.round(/周|星期|礼拜/.test(unit) ? n * 7 : n)) }
    },
  },
  {
    need: /过/,
    re: /过\s*(\d+|[一二两三四五六七八九十]+|半)\s*个?\s*(小时|钟头|分钟|天)/g,
    make: (m) => {
      const n = m[1] === '半' ? 0.5 : parseNumber(m[1] ?? '')
      if (m[2] === '天') return { day: inDays(n) }
      return { afterMs: n * (m[2] === '分钟' ? 60_000 : HOUR_MS) }
    },
  },
  {
    need: /月/,
    re: /(本|这个?|下下个?|下个?|上个?)?月(底|末|初|中旬|中(?![标国心间])|上旬|下旬)|(\d{1,2}|[一二三四五六七八九十]{1,3})月(底|末|初|中旬|上旬|下旬)/g,
    make: (m) => {
      if (m[3]) return { day: monthPart(m[4] ?? '初', 0, parseNumber(m[3])) }
      const prefix = (m[1] ?? '').replace(/个/g, '')
      const offset = prefix === '下下' ? 2 : prefix === '下' ? 1 : prefix === '上' ? -1 : 0
      return { day: monthPart(m[2] ?? '底', offset) }
    },
  },
  {
    // `下个月5号` is that day; `下个月` alone its first day, the earliest moment it names.
    need: /月/,
    re: /(下下|下)个?月(?![底末初中上下份])(?:(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[号日])?/g,
    make: (m) => {
      const day = m[2] ? parseNumber(m[2]) : 1
      if (!(day >= 1 && day <= 31)) return null
      return { day: (now) => ({ year: now.year, month: now.month + (m[1] === '下下' ? 2 : 1), day }) }
    },
  },
  {
    need: /年/,
    re: /(今年|明年)?(?:年底|年末)/g,
    make: (m) => ({ day: (now) => ({ year: now.year + (m[1] === '明年' ? 1 : 0), month: 12, day: 31 }) }),
  },
  {
    need: /[月/]/,
    re: /(?:(\d{4})\s*年\s*)?(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:日|号)?|(?<![\d.])(\d{1,2})\/(\d{1,2})(?![\d/])/g,
    make: (m) => {
      const month = parseNumber(m[2] ?? m[4] ?? '')
      const day = parseNumber(m[3] ?? m[5] ?? '')
      if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null
      return { day: explicitDate(m[1] ? Number(m[1]) : undefined, month, day) }
    },
  },
  {
    need: /[号日]/,
    // `25号`, and `本月25号` / `这个月25号` (a month before the day is another rule's, unless it is this one).
    re: /(?<!\d)(?:(?:本|这个|当)月)?(?<!(?<![本当个])月)(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:号|日)(?![本元子楼线院门位机码])/g,
    make: (m) => {
      const day = parseNumber(m[1] ?? '')
      if (!(day >= 1 && day <= 31)) return null
      return {
        day: (now) => (day >= now.day ? { ...now, day } : { year: now.year, month: now.month + 1, day }),
      }
    },
  },
  {
    need: /[点:：时午晨晚夜傍]|早上/,
    re: new RegExp(
      `(${POD})?\\s*(\\d{1,2}|[零一二两三四五六七八九十]{1,3})\\s*(?:点钟?|[:：](?=\\d{2}(?!\\d))|时)\\s*(?:(半)|([一三])刻|(\\d{1,2}|[零一二三四五六七八九十]{1,3})\\s*分?)?|(${POD})`,
      'g',
    ),
    make: (m) => {
      if (m[6]) return { time: { hour: PART_OF_DAY_HOUR[m[6]] ?? 9, minute: 0 }, weak: true }
      const raw = m[2] ?? ''
      const hour = parseNumber(raw)
      const minute = m[3] ? 30 : m[4] ? parseNumber(m[4]) * 15 : m[5] ? parseNumber(m[5]) : 0
      if (!(hour >= 0 && hour <= 24 && minute >= 0 && minute < 60)) return null
      // `一点`/`三点` without a part of day or minutes is as often "a bit"/"three points" as a time.
      const weak = !m[1] && !/\d/.test(raw) && !m[3] && !m[4] && !m[5] && !/钟/.test(m[0])
      return { time: { hour: toHour24(hour, m[1]), minute }, weak, ...(m[1] ? {} : { bareHour: hour }) }
    },
  },
]

/** One cheap scan for anything a rule could match; most messages without a date stop here. */
export const ZH_DATE_HINT =
  /[今明后昨前][天日儿早晚晨]|周|星期|礼拜|(?:天|日|期|拜|月|时|头|钟)(?:以|之)?后|过\s*[\d一二两三四五六七八九十半]|月[底末初中上下]|下个?月|年[底末]|[\d一二两三四五六七八九十零]\s*(?:月|号|日|点|时|:|：)|\d\/\d|凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|下班/

/** Date and time tokens in a Chinese (or mixed) message, in text order, overlaps dropped. */
export function zhDateTokens(text: string): DateToken[] {
  const out: DateToken[] = []
  for (const rule of RULES) {
    if (!rule.need.test(text)) continue
    rule.re.lastIndex = 0
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const made = rule.make(m)
      if (made) out.push({ start: m.index, end: m.index + m[0].length, ...made })
    }
  }
  return out
}
