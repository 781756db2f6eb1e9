import { instantOf, wallClock } from '../understand/zoned-time.ts'

const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** The wall-clock parts (and weekday, 0 = Sunday) of an instant in a zone. */
export const zonedParts = wallClock

const pad = (n: number) => String(n).padStart(2, '0')

/** `11月25日(周三) 09:00` in Chinese, `Wed, Nov 25, 09:00` otherwise; always in the user's zone. */
export function formatLocalTime(at: Date, timeZone: string, locale: string): string {
  const p = zonedParts(at, timeZone)
  if (locale.startsWith('zh'))
    return `${p.month}月${p.day}日(${WEEKDAYS_ZH[p.weekday]}) ${pad(p.hour)}:${pad(p.minute)}`
  return `${englishDate(timeZone).format(at)}, ${pad(p.hour)}:${pad(p.minute)}`
}

// Building a formatter costs far more than using one; replies format many times in a few zones.
const englishDates = new Map<string, Intl.DateTimeFormat>()
function englishDate(timeZone: string): Intl.DateTimeFormat {
  let format = englishDates.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric' })
    englishDates.set(timeZone, format)
  }
  return format
}

/** UTC instant of a wall-clock time in a zone; a day without a time is its midnight. */
export function instantFromZoned(
  wall: { year: number; month: number; day: number; hour?: number; minute?: number },
  timeZone: string,
): Date {
  return instantOf({ hour: 0, minute: 0, ...wall }, timeZone)
}
