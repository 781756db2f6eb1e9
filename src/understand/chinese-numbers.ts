/** Chinese and Arabic numerals as people type them in chat (`两`, `十五`, `一百五十`, `3`, `1.5`). */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

/** A regex source matching one number written either way. */
export const NUMBER_SRC = '(?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十廿卅百千]+)'

/**
 * The value of a number written with Arabic or Chinese digits below 万; NaN when it is neither.
 * `十五` → 15, `二十` → 20, `一百零五` → 105, `廿三` → 23, `零八` → 8, `三五` (a range, read as its first) → 3.
 */
export function parseNumber(raw: string): number {
  if (/^\d+(?:\.\d+)?$/.test(raw)) return Number(raw)
  // `廿三` is 二十三, `卅` 三十; a leading `零` (`零八` in `四点零八`) adds nothing.
  const text = raw
    .replace(/^零(?=.)/, '')
    .replace(/廿/g, '二十')
    .replace(/卅/g, '三十')
  let total = 0
  let digit = -1
  for (const ch of text) {
    const d = DIGITS[ch]
    if (d !== undefined) {
      if (digit >= 0 && !total) return digit
      digit = d
      continue
    }
    const u = UNITS[ch]
    if (u === undefined) return Number.NaN
    total += (digit < 0 ? 1 : digit) * u
    digit = -1
  }
  return total + Math.max(digit, 0)
}
