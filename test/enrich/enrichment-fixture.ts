import type { NoteEnrichment } from '../../src/enrich/enrichment-schema.ts'

export const NOTE = '今天给华为张总打了电话,他对报价满意,下周三跟进'
export const NOW = new Date('2026-11-18T10:00:00+08:00')
export const TIME_ZONE = 'Asia/Shanghai'

/** What a careful model answers for NOTE. */
export function createEnrichment(overrides: Partial<NoteEnrichment> = {}): NoteEnrichment {
  return {
    intent: 'log_interaction',
    customer: '华为',
    contact: '张总',
    contact_title: null,
    interaction_type: 'call',
    summary: '给华为张总打电话,对方对报价满意,下周三跟进。',
    sentiment: 'positive',
    sentiment_score: 0.7,
    amount: null,
    currency: null,
    next_step: '跟进',
    next_step_at: '2026-11-25T09:00:00+08:00',
    stage: null,
    deal_outcome: null,
    competitor: null,
    products: [],
    ...overrides,
  }
}
