import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { findDuplicates } from '../../crm/matching/find-duplicates.ts'
import type { MatchReasonCode } from '../../crm/matching/name-match.ts'
import type { Reply } from '../chat-message.ts'
import { type Lang, t } from '../intents/intent-context.ts'

/** `查重`, `查重复`, `dedup`, `find duplicates`. */
export const DEDUP_COMMAND = /^(?:查重(?:复)?|重复客户|dedup|find duplicates)[。.!！?？]?$/i

const REASON: Record<MatchReasonCode, [string, string]> = {
  same_name: ['同名', 'same name'],
  same_key: ['同一品牌', 'same brand'],
  alias: ['别名', 'alias'],
  same_phone: ['同一手机', 'same phone'],
  same_email: ['同一邮箱', 'same email'],
  same_pinyin: ['同音', 'same pinyin'],
  contains: ['名称包含', 'name contains'],
  edit_distance: ['一字之差', 'one letter apart'],
}

/** Lists the likely duplicates the asker can see, with why; merging stays a separate, explicit step. */
export async function handleDedupCommand(crm: CrmContext, actor: Actor, lang: Lang): Promise<Reply> {
  const pairs = await findDuplicates(crm, actor, { limit: 10 })
  if (!pairs.length)
    return {
      text: t(lang, '没有发现疑似重复的客户或联系人。', 'No likely duplicates found.'),
      intent: 'action',
      data: { pairs },
    }
  const lines = pairs.map((p, i) => {
    const why = p.reasons
      .map((r) => `${lang === 'zh' ? REASON[r.code][0] : REASON[r.code][1]} ${r.detail}`)
      .join(', ')
    return `${i + 1}. ${p.a.name} ~ ${p.b.name} (${why})`
  })
  const hint = t(
    lang,
    '合并客户:发送「合并 A B」(把 A 并入 B)。',
    'To merge customers send "merge A into B".',
  )
  return {
    text: `${t(lang, '疑似重复:', 'Likely duplicates:')}\n${lines.join('\n')}\n${hint}`,
    intent: 'action',
    data: { pairs },
  }
}
