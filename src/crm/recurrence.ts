/**
 * Recurring reminders: the subset of RFC 5545 RRULE that people say in chat (`每周一`, `every other Friday`,
 * `每月1号`, `weekdays`, `每月最后一天`), stepped in the user's own zone so 09:00 stays 09:00 across daylight
 * saving. The `rrule` package keeps "floating" UTC dates and leaves zones to the caller, which is the one part
 * that matters here, so the few lines below walk the local calendar instead.
 */
import { addDays, daysInMonth, instantOf, wallClock } from '../understand/zoned-time.ts'
import { CrmError } from './crm-error.ts'

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY'

export interface RecurrenceRule {
  freq: Frequency
  interval: number
  /** 0 = Sunday … 6 = Saturday; empty means the first occurrence's weekday (weekly only). */
  byDay: number[]
  /** 1..31, or -1 for the month's last day; empty means the first occurrence's day (monthly only). */
  byMonthDay: number[]
}

const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const
const FREQUENCIES: readonly Frequency[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']

/** Reads an RRULE string; throws `invalid` naming the part it does not understand. */
export function parseRecurrence(rrule: string): RecurrenceRule {
  const rule: RecurrenceRule = { freq: 'WEEKLY', interval: 1, byDay: [], byMonthDay: [] }
  let sawFreq = false
  for (const part of rrule.replace(/^RRULE:/i, '').split(';')) {
    if (!part) continue
    const [key, value = ''] = part.toUpperCase().split('=')
    if (key === 'FREQ' && (FREQUENCIES as string[]).includes(value)) {
      rule.freq = value as Frequency
      sawFreq = true
    } else if (key === 'INTERVAL' && /^[1-9]\d?$/.test(value)) rule.interval = Number(value)
    else if (key === 'BYDAY') rule.byDay = value.split(',').map(dayCode)
    else if (key === 'BYMONTHDAY') rule.byMonthDay = value.split(',').map(monthDay)
    else if (key !== 'WKST') throw new CrmError('invalid', `recurrence part "${part}" is not supported`)
  }
  if (!sawFreq) throw new CrmError('invalid', `recurrence "${rrule}" has no FREQ=DAILY|WEEKLY|MONTHLY|YEARLY`)
  return rule
}

function dayCode(code: string): number {
  const index = DAY_CODES.indexOf(code.slice(-2) as (typeof DAY_CODES)[number])
  if (index < 0) throw new CrmError('invalid', `BYDAY "${code}" should be one of ${DAY_CODES.join(',')}`)
  return index
}

function monthDay(value: string): number {
  const day = Number(value)
  if (!Number.isInteger(day) || day === 0 || day < -1 || day > 31)
    throw new CrmError('invalid', `BYMONTHDAY "${value}" should be 1..31 or -1`)
  return day
}

/**
 * The rule with the first occurrence's weekday or day of month spelled out (`FREQ=WEEKLY` on a Monday
 * becomes `FREQ=WEEKLY;BYDAY=MO`), so any later occurrence alone says where the next one falls.
 */
export function normalizeRecurrence(rrule: string, first: Date, timeZone: string): string {
  const rule = parseRecurrence(rrule)
  const start = wallClock(first, timeZone)
  if (rule.freq === 'WEEKLY' && !rule.byDay.length) rule.byDay = [start.weekday]
  if (rule.freq === 'MONTHLY' && !rule.byMonthDay.length) rule.byMonthDay = [start.day]
  return formatRecurrence(rule)
}

export function formatRecurrence(rule: RecurrenceRule): string {
  return [
    `FREQ=${rule.freq}`,
    rule.interval > 1 ? `INTERVAL=${rule.interval}` : '',
    rule.byDay.length ? `BYDAY=${rule.byDay.map((d) => DAY_CODES[d]).join(',')}` : '',
    rule.byMonthDay.length ? `BYMONTHDAY=${rule.byMonthDay.join(',')}` : '',
  ]
    .filter(Boolean)
    .join(';')
}

const MAX_DAYS_AHEAD = 800

/**
 * The occurrence after `previous` (an occurrence of the series whose first occurrence was `first`), at the
 * first occurrence's wall-clock time in `timeZone`. Intervals count from the first occurrence's week or month.
 */
export function nextOccurrence(rule: RecurrenceRule, first: Date, previous: Date, timeZone: string): Date {
  const start = wallClock(first, timeZone)
  const from = wallClock(previous, timeZone)
  let day = { year: from.year, month: from.month, day: from.day }
  for (let i = 0; i < MAX_DAYS_AHEAD; i++) {
    day = addDays(day, 1)
    if (!matches(rule, start, day)) continue
    const at = instantOf({ ...day, hour: start.hour, minute: start.minute }, timeZone)
    if (at.getTime() > previous.getTime()) return at
  }
  throw new CrmError('invalid', 'recurrence has no occurrence in the next two years')
}

type Day = { year: number; month: number; day: number }

function matches(rule: RecurrenceRule, start: ReturnType<typeof wallClock>, day: Day): boolean {
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay()
  const months = (day.year - start.year) * 12 + (day.month - start.month)
  switch (rule.freq) {
    case 'DAILY':
      return (
        daysBetween(start, day) % rule.interval === 0 && (!rule.byDay.length || rule.byDay.includes(weekday))
      )
    case 'WEEKLY': {
      const weeks = Math.floor((daysBetween(mondayOf(start), day) + 0) / 7)
      const days = rule.byDay.length ? rule.byDay : [start.weekday]
      return weeks % rule.interval === 0 && days.includes(weekday)
    }
    case 'MONTHLY':
      return months % rule.interval === 0 && monthDayMatches(rule.byMonthDay, start.day, day)
    case 'YEARLY':
      return (
        (day.year - start.year) % rule.interval === 0 && day.month === start.month && day.day === start.day
      )
  }
}

function monthDayMatches(byMonthDay: number[], startDay: number, day: Day): boolean {
  const last = daysInMonth(day.year, day.month)
  const wanted = byMonthDay.length ? byMonthDay : [startDay]
  // A day past the month's end (31 in April) falls on its last day, as people mean "每月31号".
  return wanted.some((d) => (d === -1 ? day.day === last : Math.min(d, last) === day.day))
}

const dayNumber = (d: Day) => Math.floor(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000)
const daysBetween = (a: Day, b: Day) => dayNumber(b) - dayNumber(a)
function mondayOf(d: ReturnType<typeof wallClock>): Day {
  return addDays(d, -((d.weekday + 6) % 7))
}

/** `每周一 09:00` / `every Mon 09:00`: how the series reads in a list. */
export function describeRecurrence(rule: RecurrenceRule, first: Date, timeZone: string, zh: boolean): string {
  const start = wallClock(first, timeZone)
  const time = `${String(start.hour).padStart(2, '0')}:${String(start.minute).padStart(2, '0')}`
  const zhDays = ['日', '一', '二', '三', '四', '五', '六']
  const enDays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const every =
    rule.interval > 1 ? (zh ? `每${rule.interval}` : `every ${rule.interval} `) : zh ? '每' : 'every '
  switch (rule.freq) {
    case 'DAILY':
      return zh ? `${every}天 ${time}` : `${every}${rule.interval > 1 ? 'days' : 'day'} ${time}`
    case 'WEEKLY': {
      const days = rule.byDay.length ? rule.byDay : [start.weekday]
      if (zh) return `${every}周${days.map((d) => zhDays[d]).join('、')} ${time}`
      return `${every}${rule.interval > 1 ? 'weeks on ' : ''}${days.map((d) => enDays[d]).join(', ')} ${time}`
    }
    case 'MONTHLY': {
      const days = rule.byMonthDay.length ? rule.byMonthDay : [start.day]
      if (zh) return `${every}月${days.map((d) => (d === -1 ? '最后一天' : `${d}号`)).join('、')} ${time}`
      return `${every}${rule.interval > 1 ? 'months' : 'month'} on ${days.map((d) => (d === -1 ? 'the last day' : ordinal(d))).join(', ')} ${time}`
    }
    case 'YEARLY':
      return zh
        ? `每年${start.month}月${start.day}日 ${time}`
        : `every year on ${start.month}/${start.day} ${time}`
  }
}

function ordinal(n: number): string {
  const suffix =
    n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'
  return `${n}${suffix}`
}
