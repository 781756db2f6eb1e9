import { describe, expect, it } from 'vitest'
import { extractDates } from '../../src/understand/extract-dates.ts'
import { parseMessage } from '../../src/understand/parse-message.ts'
import { formatZoned, instantOf, offsetMinutes } from '../../src/understand/zoned-time.ts'
import { NEW_YORK, NOW, SHANGHAI } from './helpers.ts'

const due = (text: string, timeZone = SHANGHAI, allowWeak = true) =>
  extractDates(text, { now: NOW, timeZone, allowWeak }).map((d) => d.iso)

// NOW is Wed 2026-11-18 10:00 in Shanghai, which is Tue 2026-11-17 21:00 in New York.
describe('relative dates in Asia/Shanghai', () => {
  it.each([
    ['下周三', '2026-11-25T09:00:00+08:00'],
    ['明早9点', '2026-11-19T09:00:00+08:00'],
    ['明晚8点', '2026-11-19T20:00:00+08:00'],
    ['半小时后', '2026-11-18T10:30:00+08:00'],
    ['两个半小时后', '2026-11-18T12:30:00+08:00'],
    ['后天下午两点', '2026-11-20T14:00:00+08:00'],
    ['月底', '2026-11-30T09:00:00+08:00'],
    ['下个月初', '2026-12-01T09:00:00+08:00'],
    ['月中', '2026-12-15T09:00:00+08:00'],
    ['11月30日上午9点半', '2026-11-30T09:30:00+08:00'],
    ['12月1号', '2026-12-01T09:00:00+08:00'],
    ['周五', '2026-11-20T09:00:00+08:00'],
    ['周三', '2026-11-25T09:00:00+08:00'],
    ['这周五', '2026-11-20T09:00:00+08:00'],
    ['下下周一', '2026-11-30T09:00:00+08:00'],
    ['礼拜五', '2026-11-20T09:00:00+08:00'],
    ['星期天晚上', '2026-11-22T20:00:00+08:00'],
    ['下周一早上9点', '2026-11-23T09:00:00+08:00'],
    ['3天后', '2026-11-21T09:00:00+08:00'],
    ['下午四点半', '2026-11-18T16:30:00+08:00'],
    ['in 2 hours', '2026-11-18T12:00:00+08:00'],
    ['in half an hour', '2026-11-18T10:30:00+08:00'],
    ['Dec 1 at 10am', '2026-12-01T10:00:00+08:00'],
    ['next Tuesday', '2026-11-24T09:00:00+08:00'],
    ['next Friday 2pm', '2026-11-27T14:00:00+08:00'],
    ['Friday 3pm', '2026-11-20T15:00:00+08:00'],
    ['Wednesday', '2026-11-25T09:00:00+08:00'],
    ['tomorrow at 2:30pm', '2026-11-19T14:30:00+08:00'],
    ['3pm tomorrow', '2026-11-19T15:00:00+08:00'],
    ['this afternoon', '2026-11-18T14:00:00+08:00'],
    ['end of month', '2026-11-30T09:00:00+08:00'],
    ['2026-12-01 14:00', '2026-12-01T14:00:00+08:00'],
  ])('%s → %s', (text, iso) => {
    expect(due(text)[0]).toBe(iso)
  })
})

describe('relative dates in America/New_York', () => {
  it.each([
    ['下周三', '2026-11-25T09:00:00-05:00'],
    ['明早9点', '2026-11-18T09:00:00-05:00'],
    ['半小时后', '2026-11-17T21:30:00-05:00'],
    ['后天下午两点', '2026-11-19T14:00:00-05:00'],
    ['月底', '2026-11-30T09:00:00-05:00'],
    ['下个月初', '2026-12-01T09:00:00-05:00'],
    ['11月30日上午9点半', '2026-11-30T09:30:00-05:00'],
    ['in 2 hours', '2026-11-17T23:00:00-05:00'],
    ['Dec 1 at 10am', '2026-12-01T10:00:00-05:00'],
    ['next Tuesday', '2026-11-24T09:00:00-05:00'],
    ['Friday', '2026-11-20T09:00:00-05:00'],
    ['tomorrow', '2026-11-18T09:00:00-05:00'],
  ])('%s → %s', (text, iso) => {
    expect(due(text, NEW_YORK)[0]).toBe(iso)
  })
})

describe('date finding', () => {
  it('keeps the order and marks past phrases', () => {
    const found = extractDates('今天上午给华为的张总打了电话,下周三再跟进', { now: NOW, timeZone: SHANGHAI })
    expect(found.map((d) => [d.iso, d.past])).toEqual([
      ['2026-11-18T09:00:00+08:00', true],
      ['2026-11-25T09:00:00+08:00', false],
    ])
  })

  it('does not read "a bit" or a greeting as a time unless asked to', () => {
    expect(due('有一点担心', SHANGHAI, false)).toEqual([])
    expect(due('早上好', SHANGHAI, false)).toEqual([])
    expect(due('大家中午吃啥', SHANGHAI, false)).toEqual([])
  })

  it('finds nothing in text without dates', () => {
    expect(due('查一下招商银行')).toEqual([])
    expect(due('find Globex')).toEqual([])
  })
})

describe('zoned time', () => {
  it('reads offsets across DST', () => {
    expect(offsetMinutes(new Date('2026-07-01T12:00:00Z'), NEW_YORK)).toBe(-240)
    expect(offsetMinutes(new Date('2026-12-01T12:00:00Z'), NEW_YORK)).toBe(-300)
    expect(offsetMinutes(new Date('2026-12-01T12:00:00Z'), 'Asia/Kolkata')).toBe(330)
  })

  it('turns a wall-clock time into the right instant on both sides of a DST change', () => {
    const before = instantOf({ year: 2026, month: 3, day: 7, hour: 9, minute: 0 }, NEW_YORK)
    const after = instantOf({ year: 2026, month: 3, day: 9, hour: 9, minute: 0 }, NEW_YORK)
    expect(formatZoned(before, NEW_YORK)).toBe('2026-03-07T09:00:00-05:00')
    expect(formatZoned(after, NEW_YORK)).toBe('2026-03-09T09:00:00-04:00')
  })
})

describe('a note written just after midnight', () => {
  // 00:14 on Tuesday: `今天`'s 09:00 default is still to come, but in a note it says when it happened.
  const justAfterMidnight = new Date('2026-12-01T00:14:00+08:00')
  const read = (text: string) => parseMessage(text, { now: justAfterMidnight, timeZone: SHANGHAI })

  it('takes the later phrase as the follow-up, not today', () => {
    expect(read('今天给华为张总打了电话,他对报价满意,下周三跟进').due_at).toBe('2026-12-09T09:00:00+08:00')
    expect(read('called Jane at Acme today, follow up Friday').due_at).toBe('2026-12-04T09:00:00+08:00')
  })

  it('still uses today when it is the only date given', () => {
    expect(read('提醒我今天给华为打电话').due_at).toBe('2026-12-01T09:00:00+08:00')
  })
})
