const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** The wall-clock parts of an instant in a zone. */
export function zonedParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    weekday: 'short',
  }).formatToParts(at)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'))
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    weekday,
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** `11月25日(周三) 09:00` in Chinese, `Wed, Nov 25, 09:00` otherwise; always in the user's zone. */
export function formatLocalTime(at: Date, timeZone: string, locale: string): string {
  const p = zonedParts(at, timeZone)
  if (locale.startsWith('zh'))
    return `${p.month}月${p.day}日(${WEEKDAYS_ZH[p.weekday]}) ${pad(p.hour)}:${pad(p.minute)}`
  const date = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  }).format(at)
  return `${date}, ${pad(p.hour)}:${pad(p.minute)}`
}

/** UTC instant of a wall-clock time in a zone (handles DST by re-checking the offset once). */
export function instantFromZoned(
  wall: { year: number; month: number; day: number; hour?: number; minute?: number },
  timeZone: string,
): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour ?? 0, wall.minute ?? 0)
  let instant = guess - offsetMs(new Date(guess), timeZone)
  instant = guess - offsetMs(new Date(instant), timeZone)
  return new Date(instant)
}

function offsetMs(at: Date, timeZone: string): number {
  const p = zonedParts(at, timeZone)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute)
  return asUtc - Math.floor(at.getTime() / 60_000) * 60_000
}
