import { parseNumber } from '../chinese-numbers.ts'
import { WEEKDAY_SRC, weekdayIndex } from './lexicon-en.ts'
import type { Recurrence, TimeParser } from './time-token.ts'
import { zhWeekday } from './zh-day-parsers.ts'

/** Repeating reminders (`每周一`, `every other Friday`, `每月1号`, `weekdays`), read into an RRULE's parts. */

const WORKDAYS = [0, 1, 2, 3, 4]
const SMALL = '(\\d{1,2}|[一二三四五六七八九十廿卅]{1,3})'
const rec = (r: Recurrence, weak = false) => ({ recurrence: r, ...(weak ? { weak } : {}) })

/** `every other Friday`, `each week`, `every working day`: groups 1 (other), 2 (unit), 3 (weekday). */
const EN_EVERY = `\\b(?:every|each)\\s+(?:(other|second|2nd)\\s+)?(?:(day|weekday|working\\s+day|business\\s+day|week|month(?!\\s+on\\s+the\\s+\\d))|(${WEEKDAY_SRC}))s?\\b`
/** `on weekdays`: group 4. */
const EN_WEEKDAYS = '\\b(?:on\\s+)?(weekdays)\\b'
/** `daily`, `weekly`, `monthly` as the whole schedule, before the end, a time or the next part: group 5. */
const EN_ADVERB = '\\b(daily|weekly|monthly)\\b(?=\\s*(?:$|[,.;!?@\\d]|(?:at|on|from|until|to|remind)\\b))'
/** `every month on the 5th`: group 6. */
const EN_MONTH_DAY_AFTER = '\\bevery\\s+month\\s+on\\s+the\\s+(\\d{1,2})(?:st|nd|rd|th)\\b'
/** `the 5th of every month`: group 7. */
const EN_MONTH_DAY_BEFORE = '\\b(?:on\\s+)?the\\s+(\\d{1,2})(?:st|nd|rd|th)\\s+of\\s+every\\s+month\\b'

export const EN_RECURRENCE_PARSER: TimeParser = {
  name: 'en-every',
  need: /every|each|daily|weekly|monthly|weekdays/i,
  re: new RegExp([EN_EVERY, EN_WEEKDAYS, EN_ADVERB, EN_MONTH_DAY_AFTER, EN_MONTH_DAY_BEFORE].join('|'), 'gi'),
  make: (m) => {
    const interval = m[1] ? { interval: 2 } : {}
    const monthDay = Number(m[6] ?? m[7])
    if (monthDay) return monthDay <= 31 ? rec({ freq: 'MONTHLY', byMonthDay: monthDay }) : null
    if (m[3]) return rec({ freq: 'WEEKLY', ...interval, byDay: [weekdayIndex(m[3])] })
    const unit = (m[2] ?? m[4] ?? m[5] ?? '').toLowerCase()
    if (/weekday|working|business/.test(unit)) return rec({ freq: 'WEEKLY', byDay: WORKDAYS }, true)
    if (/^(day|daily)$/.test(unit)) return rec({ freq: 'DAILY', ...interval }, true)
    if (/^week/.test(unit)) return rec({ freq: 'WEEKLY', ...interval }, true)
    return rec({ freq: 'MONTHLY', ...interval }, true)
  },
}

const ZH_WEEK = '(?:周|星期|礼拜)'
const ZH_WEEKDAY = '([一二三四五六日天1-7])'
/** `每隔一周的周四`, `隔周五`, `每两周周一`: every other week, group 1. */
const ZH_EVERY_OTHER = `(?:每隔一|隔|每两)(?:个)?${ZH_WEEK}(?:的)?${ZH_WEEK}?${ZH_WEEKDAY}`
/** `每周一`, `每个星期五`: group 2. */
const ZH_EVERY_WEEKDAY = `每(?:个)?${ZH_WEEK}${ZH_WEEKDAY}`
/** `每月1号`, `每个月的十五日`: group 3. */
const ZH_MONTH_DAY = `每(?:个)?月(?:的)?${SMALL}\\s*[号日]`
/** `每个工作日`: group 4. */
const ZH_WORKDAYS = '(每个?工作日|工作日每天|每逢工作日)'
/** `每天`, `每周`, `每个月` with no day named: group 5. */
const ZH_EVERY_UNIT = '每(天|日|周|星期|礼拜|个?月)(?![一二三四五六日天1-7])'

export const ZH_RECURRENCE_PARSER: TimeParser = {
  name: 'zh-every',
  need: /每|隔周|工作日/,
  re: new RegExp([ZH_EVERY_OTHER, ZH_EVERY_WEEKDAY, ZH_MONTH_DAY, ZH_WORKDAYS, ZH_EVERY_UNIT].join('|'), 'g'),
  make: (m) => {
    if (m[1]) return rec({ freq: 'WEEKLY', interval: 2, byDay: [zhWeekday(m[1])] })
    if (m[2]) return rec({ freq: 'WEEKLY', byDay: [zhWeekday(m[2])] })
    if (m[3]) {
      const day = parseNumber(m[3])
      return day >= 1 && day <= 31 ? rec({ freq: 'MONTHLY', byMonthDay: day }) : null
    }
    if (m[4]) return rec({ freq: 'WEEKLY', byDay: WORKDAYS }, true)
    const unit = m[5] ?? ''
    if (unit === '天' || unit === '日') return rec({ freq: 'DAILY' }, true)
    if (/月/.test(unit)) return rec({ freq: 'MONTHLY' }, true)
    return rec({ freq: 'WEEKLY' }, true)
  },
}

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']

/** The RFC 5545 RRULE of a recurrence (`FREQ=WEEKLY;INTERVAL=2;BYDAY=FR`). */
export function toRRule(r: Recurrence): string {
  const parts = [`FREQ=${r.freq}`]
  if (r.interval && r.interval > 1) parts.push(`INTERVAL=${r.interval}`)
  if (r.byDay?.length) parts.push(`BYDAY=${r.byDay.map((d) => BYDAY[d]).join(',')}`)
  if (r.byMonthDay) parts.push(`BYMONTHDAY=${r.byMonthDay}`)
  return parts.join(';')
}
