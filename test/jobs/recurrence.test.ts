import { describe, expect, it } from 'vitest'
import { describeRecurrence, nextOccurrence, parseRecurrence } from '../../src/crm/recurrence.ts'

const steps = (rrule: string, first: string, zone: string, n: number) => {
  const rule = parseRecurrence(rrule)
  const out: string[] = []
  let at = new Date(first)
  for (let i = 0; i < n; i++) {
    at = nextOccurrence(rule, new Date(first), at, zone)
    out.push(at.toISOString())
  }
  return out
}

describe('recurring reminders, stepped in the user’s zone', () => {
  it('keeps 09:00 in New York across the end of daylight saving (2026-11-01)', () => {
    // Monday 2026-10-26 09:00 EDT is 13:00Z; after the change 09:00 EST is 14:00Z.
    expect(steps('FREQ=WEEKLY;BYDAY=MO', '2026-10-26T13:00:00Z', 'America/New_York', 2)).toEqual([
      '2026-11-02T14:00:00.000Z',
      '2026-11-09T14:00:00.000Z',
    ])
  })

  it('keeps 09:00 in Berlin across the start of summer time (2027-03-28)', () => {
    expect(steps('FREQ=WEEKLY;BYDAY=FR', '2027-03-19T08:00:00Z', 'Europe/Berlin', 2)).toEqual([
      '2027-03-26T08:00:00.000Z',
      '2027-04-02T07:00:00.000Z',
    ])
  })

  it('每月1号 in Shanghai, every other Friday, weekdays, the month’s last day', () => {
    expect(steps('FREQ=MONTHLY;BYMONTHDAY=1', '2026-12-01T01:00:00Z', 'Asia/Shanghai', 2)).toEqual([
      '2027-01-01T01:00:00.000Z',
      '2027-02-01T01:00:00.000Z',
    ])
    expect(steps('FREQ=WEEKLY;INTERVAL=2;BYDAY=FR', '2026-11-20T08:00:00Z', 'Asia/Shanghai', 2)).toEqual([
      '2026-12-04T08:00:00.000Z',
      '2026-12-18T08:00:00.000Z',
    ])
    expect(steps('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '2026-11-20T01:00:00Z', 'Asia/Shanghai', 2)).toEqual([
      '2026-11-23T01:00:00.000Z',
      '2026-11-24T01:00:00.000Z',
    ])
    expect(steps('FREQ=MONTHLY;BYMONTHDAY=-1', '2027-01-31T01:00:00Z', 'Asia/Shanghai', 2)).toEqual([
      '2027-02-28T01:00:00.000Z',
      '2027-03-31T01:00:00.000Z',
    ])
  })

  it('reads as people say it, and refuses what it cannot follow', () => {
    const first = new Date('2026-11-23T01:00:00Z')
    expect(describeRecurrence(parseRecurrence('FREQ=WEEKLY;BYDAY=MO'), first, 'Asia/Shanghai', true)).toBe(
      '每周一 09:00',
    )
    expect(
      describeRecurrence(parseRecurrence('FREQ=MONTHLY;BYMONTHDAY=1'), first, 'Asia/Shanghai', false),
    ).toBe('every month on 1st 09:00')
    expect(() => parseRecurrence('FREQ=HOURLY')).toThrow(/FREQ/)
    expect(() => parseRecurrence('FREQ=WEEKLY;BYSETPOS=2')).toThrow(/BYSETPOS=2/)
  })
})
