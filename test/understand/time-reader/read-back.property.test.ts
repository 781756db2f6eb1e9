import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractDates } from '../../../src/understand/extract-dates.ts'
import { parseMessage } from '../../../src/understand/parse-message.ts'
import { formatZoned, wallClock } from '../../../src/understand/zoned-time.ts'

/**
 * Random instants and zones: a future date and time written in each supported form reads back to
 * the same instant, and a reminder is never set in the past.
 */

const ZONES = [
  'Asia/Shanghai',
  'America/New_York',
  'Europe/London',
  'Asia/Kolkata',
  'America/Los_Angeles',
  'Asia/Tokyo',
]
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
const ZH_WEEKDAYS = '一二三四五六日'
const pad = (n: number) => String(n).padStart(2, '0')
const hour12 = (h: number) => (h % 12 === 0 ? 12 : h % 12)
const ZH_DIGITS = '零一二三四五六七八九'
const zhNumber = (n: number) =>
  n < 10
    ? ZH_DIGITS[n]
    : `${n >= 20 ? ZH_DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? ZH_DIGITS[n % 10] : ''}`

/** `凌晨零点` is midnight, `中午十二点` noon. */
const zhHalfDay = (h: number) => (h === 0 ? '凌晨' : h < 12 ? '上午' : h === 12 ? '中午' : '下午')

type Wall = ReturnType<typeof wallClock>
/** Each supported form of a full date and time, as people write it. */
const FORMS: [string, (w: Wall) => string][] = [
  [
    'Month D, YYYY at h:mm am/pm',
    (w) =>
      `${MONTHS[w.month - 1]} ${w.day}, ${w.year} at ${hour12(w.hour)}:${pad(w.minute)}${w.hour < 12 ? 'am' : 'pm'}`,
  ],
  [
    'D Mon YYYY HH:MM',
    (w) => `${w.day} ${MONTHS[w.month - 1]?.slice(0, 3)} ${w.year} ${pad(w.hour)}:${pad(w.minute)}`,
  ],
  ['ISO date and time', (w) => `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`],
  [
    'M/D/YYYY h:mm am/pm',
    (w) => `${w.month}/${w.day}/${w.year} ${hour12(w.hour)}:${pad(w.minute)} ${w.hour < 12 ? 'am' : 'pm'}`,
  ],
  [
    'YYYY年M月D日 (凌晨)H点M分',
    (w) => `${w.year}年${w.month}月${w.day}日${w.hour < 8 ? '凌晨' : ''}${w.hour}点${w.minute}分`,
  ],
  [
    'YYYY年M月D号 上午/下午 h点',
    (w) =>
      `${w.year}年${w.month}月${w.day}号${zhHalfDay(w.hour)}${zhNumber(hour12(w.hour) % (w.hour === 0 ? 12 : 13))}点${w.minute ? `${zhNumber(w.minute)}分` : ''}`,
  ],
  ['YYYY/M/D HH:MM', (w) => `${w.year}/${w.month}/${w.day} ${pad(w.hour)}:${pad(w.minute)}`],
]

/** Instants in the next two years, on a whole minute, with the `now` they are read at. */
const future = fc
  .record({
    now: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 0, 1) }),
    ahead: fc.integer({ min: 2 * 3_600_000, max: 700 * 86_400_000 }),
    zone: fc.constantFrom(...ZONES),
  })
  .map(({ now, ahead, zone }) => ({
    now: new Date(now),
    at: new Date(Math.floor((now + ahead) / 60_000) * 60_000),
    zone,
  }))

const HOUR = 3_600_000
const sameWall = (a: Date, b: Date, zone: string) =>
  JSON.stringify(wallClock(a, zone)) === JSON.stringify(wallClock(b, zone))
/**
 * The instants a written wall-clock time may mean: `at` itself, and in the hour the clocks go back
 * (`2027-10-31 01:30` in London happens twice) the other one as well, since nothing written tells them apart.
 */
const readings = (at: Date, zone: string) =>
  [at, new Date(at.getTime() - HOUR), new Date(at.getTime() + HOUR)]
    .filter((d) => sameWall(d, at, zone))
    .map((d) => formatZoned(d, zone))

describe('a written date and time reads back to the same instant', () => {
  it.each(FORMS)('%s', (_name, write) => {
    fc.assert(
      fc.property(future, ({ now, at, zone }) => {
        const text = write(wallClock(at, zone))
        const found = extractDates(text, { now, timeZone: zone, allowWeak: true })
        expect(readings(at, zone), text).toContain(found[0]?.iso)
      }),
      { numRuns: 150 },
    )
  })
})

const PHRASES = [
  'remind me tomorrow at 3pm to call Bob',
  'remind me at 9am to send the deck',
  'remind me Friday to follow up',
  'remind me today to call Acme',
  'remind me this morning to email Jane',
  'remind me at 6 in the morning',
  'remind me on Nov 10 to renew',
  'remind me the second Monday of January to renew',
  '提醒我明天下午三点给张总打电话',
  '提醒我今天上午给华为打电话',
  '提醒我周五下午给万科发合同',
  '提醒我三點半開會',
  '每周一上午9点提醒我写周报',
  'remind me yesterday to call Bob',
  'remind me in 2 hours to call back',
  `remind me at ${'12:30'} to eat`,
]

describe('a reminder is never set in the past', () => {
  it('holds for random instants, zones and phrasings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.constantFrom(...ZONES),
        fc.constantFrom(...PHRASES),
        fc.constantFrom(...ZH_WEEKDAYS),
        (ms, zone, phrase, weekday) => {
          const now = new Date(ms)
          for (const text of [phrase, `提醒我周${weekday}上午十点打电话`, `提醒我下周${weekday}打电话`]) {
            const parsed = parseMessage(text, { now, timeZone: zone })
            if (parsed.due_at)
              expect(Date.parse(parsed.due_at), `${text} at ${now.toISOString()} ${zone}`).toBeGreaterThan(ms)
            for (const c of parsed.due_candidates ?? []) expect(Date.parse(c), text).toBeGreaterThan(ms)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
