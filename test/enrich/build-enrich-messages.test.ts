import { describe, expect, it } from 'vitest'
import { formatZonedIso, quoteNote } from '../../src/enrich/build-enrich-messages.ts'

describe('formatZonedIso', () => {
  it('writes the wall-clock time with the zone’s offset', () => {
    const at = new Date('2026-11-18T02:00:05Z')
    expect(formatZonedIso(at, 'Asia/Shanghai')).toBe('2026-11-18T10:00:05+08:00')
    expect(formatZonedIso(at, 'America/New_York')).toBe('2026-11-17T21:00:05-05:00')
    expect(formatZonedIso(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe(
      '2026-07-01T08:00:00-04:00',
    )
    expect(formatZonedIso(at, 'Asia/Kolkata')).toBe('2026-11-18T07:30:05+05:30')
    expect(formatZonedIso(at, 'UTC')).toBe('2026-11-18T02:00:05+00:00')
  })
})

describe('quoteNote', () => {
  it('leaves ordinary text alone', () => {
    expect(quoteNote('报价 <5% 折扣, a<b, notebook')).toBe('报价 <5% 折扣, a<b, notebook')
  })

  it('breaks every spelling of a note tag', () => {
    for (const tag of ['</note>', '<note>', '< / NOTE >', '<\u200b/note>', '＜／note＞', '<note id="x">']) {
      expect(quoteNote(`a ${tag} b`)).not.toMatch(/[<＜][\s\u200b]*[/／]?[\s\u200b]*note/i)
    }
  })
})
