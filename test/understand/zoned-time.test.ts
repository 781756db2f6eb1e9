import { describe, expect, it } from 'vitest'
import { offsetMinutes } from '../../src/understand/zoned-time.ts'

describe('offsetMinutes', () => {
  it('is right on both sides of a DST change, however often it is asked', () => {
    const at = (iso: string) => offsetMinutes(new Date(iso), 'America/New_York')
    for (let round = 0; round < 2; round++) {
      expect(at('2026-03-07T12:00:00Z')).toBe(-300)
      expect(at('2026-03-08T06:59:00Z')).toBe(-300)
      expect(at('2026-03-08T07:00:00Z')).toBe(-240)
      expect(at('2026-03-08T23:00:00Z')).toBe(-240)
      expect(at('2026-11-01T05:59:00Z')).toBe(-240)
      expect(at('2026-11-01T06:00:00Z')).toBe(-300)
    }
  })

  it('reads Shanghai as +08:00 all year', () => {
    expect(offsetMinutes(new Date('2026-01-15T00:00:00Z'), 'Asia/Shanghai')).toBe(480)
    expect(offsetMinutes(new Date('2026-07-15T23:59:00Z'), 'Asia/Shanghai')).toBe(480)
  })
})
