import { NUMBER_SRC, parseNumber } from '../chinese-numbers.ts'
import { daysInMonth, type ZonedNow } from '../zoned-time.ts'
import {
  endOfNamedQuarter,
  endOfQuarter,
  inDays,
  isBefore,
  nextDate,
  nextMonthDay,
  nthWeekday,
  shiftMonth,
} from './calendar.ts'
import { PART_OF_DAY_HOUR } from './clock.ts'
import type { CivilDay, TimeParser, WeekRef } from './time-token.ts'

/** Chinese days (simplified; traditional and Cantonese forms are folded to these first). */

const RELATIVE_DAYS: Record<string, number> = { 今: 0, 明: 1, 后: 2, 大后: 3, 昨: -1, 前: -2 }
const WEEKDAY_CHARS = '一二三四五六日天1234567'
const WEEK_REFS: Record<string, WeekRef> = {
  下下: 'after_next',
  下: 'next',
  这: 'this',
  本: 'this',
  上: 'last',
}
/** A small number in Chinese or Arabic digits, for months and days (`十二`, `廿三`, `5`). */
const SMALL = '(\\d{1,2}|[一二三四五六七八九十廿卅]{1,3})'
const HOUR_MS = 3_600_000
/** What the month parsers need; shared, so a text is tested for it once. */
const MONTH_NEED = /月/
/** What the week parsers need, shared in the same way. */
const WEEK_NEED = /[周期拜]/

const weekRef = (prefix: string | undefined): WeekRef =>
  WEEK_REFS[(prefix ?? '').replace(/个/g, '')] ?? 'bare'
export const zhWeekday = (ch: string) => {
  const i = '一二三四五六'.indexOf(ch)
  if (i >= 0) return i
  if (ch === '日' || ch === '天' || ch === '7') return 6
  return Number(ch) - 1
}
const monthOffset = (prefix: string) => {
  const p = prefix.replace(/个/g, '')
  return p === '下下' ? 2 : p === '下' ? 1 : p === '上' ? -1 : 0
}

function monthPart(which: string, offset: number, explicitMonth?: number) {
  return (now: ZonedNow): CivilDay => {
    const { year, month } =
      explicitMonth === undefined
        ? shiftMonth(now.year, now.month, offset)
        : { year: now.year, month: explicitMonth }
    let day = 1
    if (/底|末|尾|下旬/.test(which)) day = /下旬/.test(which) ? 21 : daysInMonth(year, month)
    else if (/中/.test(which)) day = 15
    // A part of this month already gone means next month's: `月初` said on the 18th.
    if (explicitMonth === undefined && offset === 0 && day < now.day)
      return { ...shiftMonth(year, month, 1), day }
    return { year, month, day }
  }
}

export const ZH_DAY_PARSERS: TimeParser[] = [
  {
    name: 'zh-relative-day',
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
    name: 'zh-weekday',
    need: WEEK_NEED,
    re: new RegExp(`(下下个?|下个?|这个?|本|上个?)?(?:周|星期|礼拜)([${WEEKDAY_CHARS}])(?!次)`, 'g'),
    make: (m) => ({ weekday: { target: zhWeekday(m[2] ?? '一'), ref: weekRef(m[1]) } }),
  },
  {
    // `下周` alone means its Monday; `周末` its Saturday.
    name: 'zh-week',
    need: WEEK_NEED,
    re: /(下下个?|下个?|这个?|本|上个?)(?:周|星期|礼拜)(末)?(?![一二三四五六日天1-7])|(?<![下这本上个每])周末/g,
    make: (m) => {
      const ref = weekRef(m[1])
      const weekend = m[2] !== undefined || m[1] === undefined
      return { weekday: { target: weekend ? 5 : 0, ref: ref === 'bare' ? 'this' : ref } }
    },
  },
  {
    name: 'zh-span-after',
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
      if (unit === '月') return { day: (now) => ({ ...shiftMonth(now.year, now.month, n), day: now.day }) }
      return { day: inDays(Math.round(/周|星期|礼拜/.test(unit) ? n * 7 : n)) }
    },
  },
  {
    name: 'zh-span-pass',
    need: /过/,
    re: /过\s*(\d+|[一二两三四五六七八九十]+|半)\s*个?\s*(小时|钟头|分钟|天)/g,
    make: (m) => {
      const n = m[1] === '半' ? 0.5 : parseNumber(m[1] ?? '')
      if (m[2] === '天') return { day: inDays(n) }
      return { afterMs: n * (m[2] === '分钟' ? 60_000 : HOUR_MS) }
    },
  },
  {
    // `十二月第二个星期三`, `下个月第一个周一`, `3月最后一个周五`.
    name: 'zh-nth-weekday',
    need: /第|最后/,
    re: new RegExp(
      `(?:${SMALL}月|(下下|下|这|本)个?月)的?(?:第([一二三四五1-5])个?|最后一个)(?:周|星期|礼拜)([${WEEKDAY_CHARS}])`,
      'g',
    ),
    make: (m) => {
      const n = m[3] ? parseNumber(m[3]) : -1
      const target = zhWeekday(m[4] ?? '一')
      const explicit = m[1] ? parseNumber(m[1]) : undefined
      if (explicit !== undefined && !(explicit >= 1 && explicit <= 12)) return null
      return {
        day: (now) => {
          if (explicit === undefined) {
            const { year, month } = shiftMonth(now.year, now.month, monthOffset(m[2] ?? ''))
            return nthWeekday(year, month, target, n)
          }
          const day = nthWeekday(now.year, explicit, target, n)
          return isBefore(day, now) ? nthWeekday(now.year + 1, explicit, target, n) : day
        },
      }
    },
  },
  {
    name: 'zh-month-part',
    need: MONTH_NEED,
    re: new RegExp(
      `(本|这个?|下下个?|下个?|上个?)?月(底|末|尾|初|中旬|中(?![标国心间])|上旬|下旬)|${SMALL}月(底|末|尾|初|中旬|上旬|下旬)`,
      'g',
    ),
    make: (m) => {
      if (m[3]) return { day: monthPart(m[4] ?? '初', 0, parseNumber(m[3])) }
      return { day: monthPart(m[2] ?? '底', monthOffset(m[1] ?? '')) }
    },
  },
  {
    // `下个月5号` is that day; `下个月` alone its first day, the earliest moment it names.
    name: 'zh-next-month',
    need: MONTH_NEED,
    re: new RegExp(`(下下|下)个?月(?![底末尾初中上下份])(?:的?${SMALL}\\s*[号日])?`, 'g'),
    make: (m) => {
      const day = m[2] ? parseNumber(m[2]) : 1
      if (!(day >= 1 && day <= 31)) return null
      return { day: (now) => ({ ...shiftMonth(now.year, now.month, m[1] === '下下' ? 2 : 1), day }) }
    },
  },
  {
    // `12月1号`, `2027年1月5日`.
    name: 'zh-month-day',
    need: MONTH_NEED,
    re: new RegExp(`(?:(\\d{4})\\s*年\\s*)?${SMALL}\\s*月\\s*${SMALL}\\s*(?:日|号)?`, 'g'),
    make: (m) => {
      const month = parseNumber(m[2] ?? '')
      const day = parseNumber(m[3] ?? '')
      const year = m[1] ? Number(m[1]) : undefined
      if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year ?? 2024, month))) return null
      return { day: (now) => (year ? { year, month, day } : nextDate(now, month, day)) }
    },
  },
  {
    // `季度末`, `下季度末`, `一季度末`, `Q1底`: a quarter's last day (a named one the next still to come).
    name: 'zh-quarter-end',
    need: /季|[Qq][1-4]\s*[末底]/,
    re: /(?:(本|这一?个?|下一?个?|上一?个?)?季度?|第?([一二三四1-4])季度|[Qq]([1-4]))\s*(?:末|底)/g,
    make: (m) => {
      const n = m[2] ? parseNumber(m[2]) : m[3] ? Number(m[3]) : 0
      if (n) return { day: endOfNamedQuarter(n) }
      return { day: endOfQuarter(monthOffset((m[1] ?? '').replace('一', ''))) }
    },
  },
  {
    // `年底`, `明年年底`, and the Cantonese `年尾`.
    name: 'zh-year-end',
    need: /年/,
    re: /(今年|明年)?(?:年底|年末|年尾)/g,
    make: (m) => ({ day: (now) => ({ year: now.year + (m[1] === '明年' ? 1 : 0), month: 12, day: 31 }) }),
  },
  {
    // `25号`, `廿三号`, and `本月25号` / `这个月25号` (a month before the day is another parser's, unless it is this one).
    name: 'zh-day-of-month',
    need: /[号日]/,
    re: new RegExp(
      `(?<!\\d)(?:(?:本|这个|当)月)?(?<!(?<![本当个])月)${SMALL}\\s*(?:号|日)(?![本元子楼线院门位机码])`,
      'g',
    ),
    make: (m) => {
      const day = parseNumber(m[1] ?? '')
      if (!(day >= 1 && day <= 31)) return null
      return { day: (now) => nextMonthDay(now, day) }
    },
  },
]
