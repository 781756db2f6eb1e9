import { describe, expect, it } from 'vitest'
import { EventEnvelope, parseEventEnvelope } from '../../bots/slack/slack-payloads.ts'
import { appMention, directMessage } from './slack-fixtures.ts'

/** A copy of `base` with `path` (dot-separated) set to `value`, or removed when `value` is `undefined`. */
function withField(base: object, path: string, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>
  const keys = path.split('.')
  let at = copy
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>
  const last = keys.at(-1) as string
  if (value === undefined) delete at[last]
  else at[last] = value
  return copy
}

const WRONG_VALUES = [undefined, null, '', 'x'.repeat(65), 42, true, [], {}, ['a']]
const FIELDS = [
  'type',
  'team_id',
  'event_id',
  'event',
  'authorizations',
  'event.type',
  'event.user',
  'event.text',
  'event.ts',
  'event.thread_ts',
  'event.channel',
  'event.channel_type',
  'event.subtype',
  'event.bot_id',
  'event.tab',
]

describe('parseEventEnvelope', () => {
  it('agrees with the schema on every field of a mention and a DM set to a wrong or edge value', () => {
    const bases = [appMention(), directMessage(), appMention({ threadTs: '1763430000.000100' })]
    const cases: unknown[] = [
      ...bases,
      null,
      [],
      'event_callback',
      { type: 'url_verification', challenge: 'c' },
    ]
    for (const base of bases)
      for (const field of FIELDS) for (const value of WRONG_VALUES) cases.push(withField(base, field, value))
    cases.push(withField(bases[0] as object, 'authorizations', [null]))
    cases.push(withField(bases[0] as object, 'authorizations', [{ user_id: 7 }]))
    cases.push(withField(bases[0] as object, 'event.text', 'x'.repeat(200_001)))
    let accepted = 0
    for (const value of cases) {
      const schema = EventEnvelope.safeParse(value)
      const ours = parseEventEnvelope(value)
      expect(ours, JSON.stringify(value)?.slice(0, 200)).toEqual(schema.success ? schema.data : null)
      if (ours) accepted++
    }
    // Both outcomes were exercised, not only refusals.
    expect(accepted).toBeGreaterThan(bases.length)
    expect(accepted).toBeLessThan(cases.length / 2)
  })

  it('hands back a mention as parsed, without the schema copying it', () => {
    const mention = appMention()
    expect(parseEventEnvelope(mention)).toBe(mention)
    const challenge = { type: 'url_verification', challenge: 'c' }
    expect(parseEventEnvelope(challenge)).toEqual(challenge)
  })
})
