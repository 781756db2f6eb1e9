/**
 * Property-based tests (fast-check) of the parser, the money and time helpers, the text cleaner and the
 * HTTP edges: random Unicode, control characters, huge and deeply nested input never throw and never
 * answer 500, and a message sent twice is stored once.
 */
import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CrmError } from '../../src/crm/crm-error.ts'
import { instantFromZoned, zonedParts } from '../../src/crm/local-time.ts'
import { fromMinorUnits, isCurrencyCode, normalizeCurrency, toMinorUnits } from '../../src/crm/money.ts'
import { inboundMessages } from '../../src/db/schema.ts'
import { stripControlCharacters } from '../../src/text/clean-text.ts'
import { parseMessage } from '../../src/understand/parse-message.ts'
import { INTENTS } from '../../src/understand/parsed-message.ts'
import { createTestCrm, TEST_NOW, type TestCrm } from '../support/test-crm.ts'

/** Any text: full Unicode (lone surrogates included), with control characters mixed in. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({
    unit: fc.constantFrom(
      '\u0000',
      '\u0007',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u200e',
      '华',
      'a',
      ' ',
      '%',
      '_',
      '\n',
    ),
    maxLength: 200,
  }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
)
const ZONES = [
  'Asia/Shanghai',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'UTC',
]
// biome-ignore lint/suspicious/noControlCharactersInRegex: the property is that none are left
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

describe('text cleaning', () => {
  it('leaves no control character or lone surrogate, and is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const clean = stripControlCharacters(text)
        expect(CONTROL.test(clean)).toBe(false)
        expect(() => encodeURIComponent(clean)).not.toThrow()
        expect(stripControlCharacters(clean)).toBe(clean)
      }),
      { numRuns: 300 },
    )
  })
})

describe('parseMessage', () => {
  it('reads any text, huge ones too, without throwing and with a known intent', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...ZONES), (text, timeZone) => {
        const parsed = parseMessage(text, { now: TEST_NOW, timeZone, botNames: ['CRM助手'] })
        expect(INTENTS).toContain(parsed.intent)
        expect(parsed.confidence).toBeGreaterThanOrEqual(0)
        expect(parsed.confidence).toBeLessThanOrEqual(1)
      }),
      { numRuns: 300 },
    )
    const huge = `今天给华为张总打了电话${'很长的会议纪要,'.repeat(10_000)}下周三跟进`
    expect(() => parseMessage(huge, { now: TEST_NOW, timeZone: 'Asia/Shanghai', botNames: [] })).not.toThrow()
  })
})

describe('money', () => {
  const codes = Intl.supportedValuesOf('currency')
  it('round-trips whole minor units through every ISO 4217 code', () => {
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.integer({ min: -1e12, max: 1e12 }), (currency, minor) => {
        expect(toMinorUnits(fromMinorUnits(minor, currency), currency)).toBe(minor)
      }),
      { numRuns: 500 },
    )
  })

  it('accepts exactly the ISO 4217 codes and refuses anything else as CrmError, never a crash', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), (code) => {
        if (isCurrencyCode(code)) expect(normalizeCurrency(code)).toBe(code.trim().toUpperCase())
        else expect(() => normalizeCurrency(code)).toThrow(CrmError)
      }),
      { numRuns: 500 },
    )
    expect(isCurrencyCode('XYZ')).toBe(false)
  })

  it('refuses non-finite and unsafe amounts with a RangeError', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(Number.NaN), fc.constant(Infinity), fc.double({ min: 1e17, noNaN: true })),
        (amount) => {
          expect(() => toMinorUnits(amount, 'CNY')).toThrow(RangeError)
        },
      ),
    )
  })
})

describe('time helpers', () => {
  it('turns an instant into wall-clock parts and back in any zone, DST included', () => {
    const instants = fc
      .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) })
      .map((ms) => new Date(Math.floor(ms / 60_000) * 60_000))
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), (at, zone) => {
        const p = zonedParts(at, zone)
        const back = instantFromZoned(
          { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute },
          zone,
        )
        // In the hour a clock falls back, one wall time names two instants; either is a true answer.
        const again = zonedParts(back, zone)
        expect([again.year, again.month, again.day, again.hour, again.minute]).toEqual([
          p.year,
          p.month,
          p.day,
          p.hour,
          p.minute,
        ])
      }),
      { numRuns: 500 },
    )
  })
})

describe('HTTP edges', () => {
  let t: TestCrm
  beforeAll(async () => {
    t = await createTestCrm()
  })
  afterAll(() => t.close())

  const post = (path: string, body: string) =>
    t.app.request(`http://localhost${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })

  it('never answers 500 to any JSON, any text or deep nesting on the chat and API routes', async () => {
    const bodies = fc.oneof(
      fc.json({ maxDepth: 4 }),
      anyText,
      fc
        .record({ user: anyText, text: anyText, chat: fc.option(anyText, { nil: undefined }) })
        .map((b) => JSON.stringify(b)),
      fc
        .record({
          name: anyText,
          owner_id: fc.option(anyText, { nil: undefined }),
          tags: fc.array(anyText, { maxLength: 3 }),
        })
        .map((b) => JSON.stringify(b)),
      fc.integer({ min: 1, max: 100_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
    )
    await fc.assert(
      fc.asyncProperty(
        bodies,
        fc.constantFrom(
          '/api/messages',
          '/api/actions',
          '/api/v1/customers',
          '/api/v1/deals',
          '/api/v1/reminders',
        ),
        async (body, path) => {
          const res = await post(path, body)
          expect(res.status, `${path} ${body.slice(0, 200)}`).toBeLessThan(500)
        },
      ),
      { numRuns: 150 },
    )
  }, 120_000)

  it('stores a message sent twice with one id once', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyText.filter((s) => stripControlCharacters(s).trim().length > 0),
        fc.uuid(),
        async (text, id) => {
          const body = JSON.stringify({ user: 'prop', text, id })
          const [first, second] = await Promise.all([
            post('/api/messages', body),
            post('/api/messages', body),
          ])
          expect(first.status).toBeLessThan(500)
          expect(second.status).toBeLessThan(500)
          const rows = await t.db.$count(inboundMessages, eqId(id))
          expect(rows).toBe(1)
        },
      ),
      { numRuns: 40 },
    )
  }, 120_000)
})

const eqId = (id: string) => eq(inboundMessages.platformMessageId, id)
