import { describe, expect, it } from 'vitest'
import { afterAck } from '../../bots/slack/after-ack.ts'

describe('afterAck', () => {
  it('starts the work only after this turn, hands its outcome to waitUntil, and one failure spares the rest', async () => {
    const started: string[] = []
    const tracked: Promise<unknown>[] = []
    const waitUntil = (work: Promise<unknown>) => void tracked.push(work)
    afterAck(waitUntil, async () => {
      started.push('a')
      return 'a done'
    })
    afterAck(waitUntil, () => {
      started.push('b')
      throw new Error('b failed')
    })
    afterAck(waitUntil, async () => started.push('c'))
    // Microtasks of this turn (where the acks of a batch are written) run before any of it.
    await Promise.resolve()
    await Promise.resolve()
    expect(started).toEqual([])
    expect(tracked).toHaveLength(3)
    const outcomes = await Promise.allSettled(tracked)
    expect(started).toEqual(['a', 'b', 'c'])
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(outcomes[0]).toMatchObject({ value: 'a done' })
  })
})
