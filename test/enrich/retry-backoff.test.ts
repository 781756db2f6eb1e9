import { describe, expect, it } from 'vitest'
import { nextEnrichAttemptAt } from '../../src/enrich/retry-backoff.ts'

const now = new Date('2026-11-18T02:00:00Z')
const laterBy = (ms: number) => new Date(now.getTime() + ms)

describe('nextEnrichAttemptAt', () => {
  it('backs off 1 min, 5 min, 30 min, 2 h, 12 h, then gives up', () => {
    expect(nextEnrichAttemptAt(1, now)).toEqual(laterBy(60_000))
    expect(nextEnrichAttemptAt(2, now)).toEqual(laterBy(5 * 60_000))
    expect(nextEnrichAttemptAt(3, now)).toEqual(laterBy(30 * 60_000))
    expect(nextEnrichAttemptAt(4, now)).toEqual(laterBy(2 * 3_600_000))
    expect(nextEnrichAttemptAt(5, now)).toEqual(laterBy(12 * 3_600_000))
    expect(nextEnrichAttemptAt(6, now)).toBeNull()
    expect(nextEnrichAttemptAt(40, now)).toBeNull()
  })

  it('is due now before any attempt failed', () => {
    expect(nextEnrichAttemptAt(0, now)).toEqual(now)
  })
})
