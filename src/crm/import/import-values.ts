import { DEAL_STAGES, type DealStage, INTERACTION_TYPES } from '../../db/schema.ts'
import { extractAmount } from '../../understand/extract-amount.ts'
import { instantOf } from '../../understand/zoned-time.ts'

type InteractionType = (typeof INTERACTION_TYPES)[number]

/** A cell read as a field's value, or the reason it cannot be. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const bad = (reason: string): Parsed<never> => ({ ok: false, reason })

const STAGE_WORDS: Record<string, DealStage> = {
  线索: 'lead',
  初步接触: 'lead',
  潜在: 'lead',
  需求确认: 'qualified',
  已确认需求: 'qualified',
  确认需求: 'qualified',
  方案: 'proposal',
  报价: 'proposal',
  方案报价: 'proposal',
  谈判: 'negotiation',
  商务谈判: 'negotiation',
  赢单: 'won',
  成交: 'won',
  已签约: 'won',
  签约: 'won',
  'closed won': 'won',
  丢单: 'lost',
  输单: 'lost',
  'closed lost': 'lost',
}

/** `商务谈判`, `Negotiation`, `negotiation` → `negotiation`; empty is `lead`. */
export function parseStage(text: string): Parsed<DealStage> {
  const folded = text.trim().toLowerCase()
  if (!folded) return ok('lead')
  if ((DEAL_STAGES as readonly string[]).includes(folded)) return ok(folded as DealStage)
  const stage = STAGE_WORDS[folded]
  return stage
    ? ok(stage)
    : bad(`stage "${text}" is not one of ${DEAL_STAGES.join(', ')} (or 线索/方案报价/商务谈判/赢单/丢单)`)
}

/** `1200000`, `1,200,000`, `¥120万`, `$50k` → whole units and currency (CNY unless named). */
export function parseAmount(
  text: string,
  currencyCell: string,
): Parsed<{ amount: number; currency: string }> {
  const currency = currencyCell.trim().toUpperCase()
  if (currency && !/^[A-Z]{3}$/.test(currency))
    return bad(`currency "${currencyCell}" is not an ISO 4217 code like CNY`)
  const plain = text.replace(/[,，\s]/g, '')
  if (!plain) return ok({ amount: 0, currency: currency || 'CNY' })
  if (/^\d+(\.\d+)?$/.test(plain)) return ok({ amount: Number(plain), currency: currency || 'CNY' })
  const found = extractAmount(text)
  if (!found) return bad(`amount "${text}" is not a number (expected e.g. 1200000 or 120万)`)
  return ok({ amount: found.amount, currency: currency || found.currency })
}

const TYPE_WORDS: Record<string, InteractionType> = {
  电话: 'call',
  通话: 'call',
  拜访: 'visit',
  上门: 'visit',
  会议: 'meeting',
  开会: 'meeting',
  微信: 'message',
  消息: 'message',
  邮件: 'email',
  备注: 'note',
  笔记: 'note',
}

/** `电话`, `拜访`, `call`… → the interaction type; empty is `note`. */
export function parseInteractionType(text: string): Parsed<InteractionType> {
  const folded = text.trim().toLowerCase()
  if (!folded) return ok('note')
  if ((INTERACTION_TYPES as readonly string[]).includes(folded)) return ok(folded as InteractionType)
  const type = TYPE_WORDS[folded]
  return type
    ? ok(type)
    : bad(`type "${text}" is not one of ${INTERACTION_TYPES.join(', ')} (or 电话/拜访/会议/微信/邮件)`)
}

const DATE =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：](\d{2})(?::\d{2}(?:\.\d+)?)?)?(Z)?$/

/** `2026-11-01`, `2026/11/01 14:30`, `2026年11月1日`, an ISO instant: a wall time is read in `timeZone`. */
export function parseDate(text: string, timeZone: string, fallback: Date): Parsed<Date> {
  const trimmed = text.trim()
  if (!trimmed) return ok(fallback)
  const m = DATE.exec(trimmed)
  if (!m) return bad(`date "${text}" is not a date (expected e.g. 2026-11-01 or 2026-11-01 14:30)`)
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0'].map(
    Number,
  ) as number[]
  if (month < 1 || month > 12 || day < 1 || day > 31) return bad(`date "${text}" has no such day`)
  const wall = { year, month, day, hour, minute }
  return ok(m[6] ? new Date(Date.UTC(year, month - 1, day, hour, minute)) : instantOf(wall, timeZone))
}

/** `2026-12-31` (a date without time, as deals keep it), or '' for none. */
export function parseCloseDate(text: string): Parsed<string | null> {
  const m = DATE.exec(text.trim())
  if (!text.trim()) return ok(null)
  if (!m) return bad(`expected close "${text}" is not a date (expected e.g. 2026-12-31)`)
  return ok(`${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`)
}

/** `是`/`yes`/`同意` → granted, `否`/`no`/`拒绝` → withdrawn, '' → nothing recorded. */
export function parseConsent(text: string): Parsed<'granted' | 'withdrawn' | null> {
  const folded = text.trim().toLowerCase()
  if (!folded) return ok(null)
  if (['是', '同意', '已同意', 'y', 'yes', 'true', '1', 'granted'].includes(folded)) return ok('granted')
  if (['否', '不同意', '拒绝', '撤回', 'n', 'no', 'false', '0', 'withdrawn'].includes(folded))
    return ok('withdrawn')
  return bad(`consent "${text}" is not yes/no (是/否)`)
}
