/** Default clock time for a part of the day named without a number (`下午`, `morning`). */
export const PART_OF_DAY_HOUR: Record<string, number> = {
  凌晨: 6,
  早: 9,
  早上: 9,
  早晨: 9,
  清晨: 7,
  上午: 9,
  中午: 12,
  午: 12,
  下午: 14,
  傍晚: 18,
  晚: 20,
  晚上: 20,
  夜晚: 20,
  夜里: 21,
  morning: 9,
  noon: 12,
  midday: 12,
  lunch: 12,
  afternoon: 14,
  evening: 19,
  night: 20,
  tonight: 20,
}

const PM = /下午|傍晚|晚|夜|afternoon|evening|night|tonight|pm|p\.m\./i

/**
 * The 24-hour clock for an hour said with a part of day. With none, 1–7 o'clock is read as
 * afternoon, since sales staff rarely schedule work at 3 in the morning.
 */
export function toHour24(hour: number, part: string | undefined): number {
  if (hour > 12) return hour
  if (!part) return hour >= 1 && hour <= 7 ? hour + 12 : hour
  if (PM.test(part)) return hour < 12 ? hour + 12 : hour
  // `上午` holds `午` too: only noon itself moves 1–2 o'clock into the afternoon.
  if (/中午|^午$|noon/.test(part)) return hour <= 2 ? hour + 12 : hour
  if (/am|a\.m\./i.test(part) && hour === 12) return 0
  return hour
}

/** Whether a parsed clock time is a real one. */
export const isClock = (hour: number, minute: number) =>
  hour >= 0 && hour <= 24 && minute >= 0 && minute < 60 && Number.isInteger(minute)
