import { parseNumber } from '../chinese-numbers.ts'
import { isClock, PART_OF_DAY_HOUR, toHour24 } from './clock.ts'
import type { TimeParser } from './time-token.ts'

/** Chinese clock times (`下午四点零八`, `两点三刻`, `三点半`, `十点过五分`, `差一刻三点`) and parts of day. */

const POD = '凌晨|早上|早晨|清晨|上午|中午|下午|傍晚|晚上|夜晚|夜里'
const HOUR = '(\\d{1,2}|[零一二两三四五六七八九十]{1,3})'
const MINUTE = '(\\d{1,2}|[零一二三四五六七八九十]{1,3})'

export const ZH_CLOCK_PARSERS: TimeParser[] = [
  {
    // `周五下班前`, `下班后`: the end of the working day.
    name: 'zh-end-of-work',
    need: /下班/,
    re: /下班(?:前|之前|以前|后|之后)?/g,
    make: () => ({ time: { hour: 18, minute: 0 } }),
  },
  {
    name: 'zh-clock',
    need: /[点:：时午晨晚夜傍]|早上/,
    re: new RegExp(
      `(${POD})?\\s*${HOUR}\\s*(?:点钟?|[:：](?=\\d{2}(?!\\d))|时)\\s*(?:(半)|([一三])刻|过?${MINUTE}\\s*(分钟?|个字)?)?|(${POD})`,
      'g',
    ),
    make: (m) => {
      if (m[7])
        return {
          time: { hour: PART_OF_DAY_HOUR[m[7]] ?? 9, minute: 0 },
          pod: m[7],
          podOnly: true,
          weak: true,
        }
      const raw = m[2] ?? ''
      const hour = parseNumber(raw)
      // `十点三个字`: in Cantonese a 字 is five minutes.
      const perUnit = m[6] === '个字' ? 5 : 1
      const minute = m[3] ? 30 : m[4] ? parseNumber(m[4]) * 15 : m[5] ? parseNumber(m[5]) * perUnit : 0
      if (!isClock(hour, minute)) return null
      // `一点`/`三点` without a part of day or minutes is as often "a bit"/"three points" as a time.
      // `01:00`: a leading zero is the 24-hour clock, not an afternoon guess.
      if (/^0\d/.test(raw)) return { time: { hour, minute } }
      const weak = !m[1] && !/\d/.test(raw) && !m[3] && !m[4] && !m[5] && !/钟/.test(m[0])
      return {
        time: { hour: toHour24(hour, m[1]), minute },
        weak,
        ...(m[1] ? { pod: m[1] } : { bareHour: hour }),
      }
    },
  },
  {
    // `差一刻三点` is 2:45, `差五分四点` 3:55.
    name: 'zh-minutes-to',
    need: /差/,
    re: new RegExp(`(${POD})?差\\s*(?:([一三])刻|${MINUTE}\\s*分钟?)\\s*${HOUR}\\s*点钟?`, 'g'),
    make: (m) => {
      const minutes = m[2] ? parseNumber(m[2]) * 15 : parseNumber(m[3] ?? '')
      const hour = parseNumber(m[4] ?? '')
      if (!(minutes > 0 && minutes < 60) || !isClock(hour, 0)) return null
      const total = toHour24(hour, m[1]) * 60 - minutes
      return {
        time: { hour: Math.floor(total / 60), minute: total % 60 },
        ...(m[1] ? { pod: m[1] } : { bareHour: hour - 1 || 12 }),
      }
    },
  },
]
