import type { AppConfig } from '../../config.ts'
import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { matchCustomer } from '../../crm/customers.ts'
import { claimFromPool, listPool } from '../../crm/public-pool.ts'
import { updateWorkspaceRules, type WorkspaceRules, workspaceRules } from '../../crm/workspace-settings.ts'
import type { Reply } from '../chat-message.ts'
import { type Lang, t } from '../intents/intent-context.ts'

/** `公海客户`, `公海`, `public pool`, `pool`. */
export const POOL_LIST_COMMAND =
  /^(?:查看|看看|列出)?公海(?:客户|列表|里的客户|里有哪些客户)?[?？]?$|^(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:public\s+)?pool(?:\s+customers)?\??$/i
/** `领取 华为`, `认领华为`, `claim Acme`. */
export const POOL_CLAIM_COMMAND = /^(?:领取|认领|捞取|捞回)\s*[「“"]?(.+?)[」”"]?$|^claim\s+(.+)$/i
/** `公海规则`, `公海规则 30天未跟进 90天未成交 上限50`, `pool rules off`. */
export const POOL_RULES_COMMAND = /^(?:公海规则|(?:public\s+)?pool\s+rules)\s*[:：]?\s*(.*)$/i

type Defaults = Pick<AppConfig, 'quietHours'>

export async function listPoolCommand(crm: CrmContext, actor: Actor, lang: Lang): Promise<Reply> {
  const rows = await listPool(crm, actor)
  if (rows.length === 0)
    return {
      text: t(lang, '公海里暂时没有客户。', 'The public pool is empty.'),
      intent: 'action',
      data: { pool: [] },
    }
  return {
    text: [
      t(
        lang,
        `🌊 公海客户 ${rows.length} 个(回复「领取 客户名」认领):`,
        `🌊 ${rows.length} customers in the pool (say "claim <name>"):`,
      ),
      ...rows.map((c) => `- ${c.name}`),
    ].join('\n'),
    intent: 'action',
    data: { pool: rows.map((c) => ({ id: c.id, name: c.name })) },
  }
}

export async function claimCommand(
  crm: CrmContext,
  actor: Actor,
  text: string,
  defaults: Defaults,
  lang: Lang,
): Promise<Reply> {
  const m = POOL_CLAIM_COMMAND.exec(text)
  const name = (m?.[1] ?? m?.[2] ?? '').trim()
  const match = await matchCustomer(crm, actor, name)
  const inPool =
    match.kind === 'found'
      ? [match.customer]
      : match.kind === 'ambiguous'
        ? match.options.filter((c) => c.inPool)
        : []
  const customer = inPool.length === 1 ? inPool[0] : undefined
  if (!customer?.inPool)
    return {
      text: t(
        lang,
        `⚠️ 公海里没有「${name}」。发「公海客户」看看有哪些。`,
        `⚠️ No "${name}" in the public pool. Say "pool" to see who is.`,
      ),
      intent: 'error',
      data: null,
    }
  const rules = await workspaceRules(crm, actor.workspaceId, defaults.quietHours)
  const claimed = await claimFromPool(crm, actor, customer, rules.pool.claimLimit)
  return {
    text: t(lang, `✅ 已领取「${claimed.name}」,现在归你跟进。`, `✅ ${claimed.name} is yours now.`),
    intent: 'action',
    data: { customerId: claimed.id },
  }
}

const FOLLOW_UP_DAYS = /(\d+)\s*(?:天|days?)\s*(?:内)?\s*(?:未|没有?|无|no|without)?\s*(?:跟进|follow)/i
const WON_DAYS = /(\d+)\s*(?:天|days?)\s*(?:内)?\s*(?:未|没有?|无|no|without)?\s*(?:成交|赢单|签单|won|win)/i
const CLAIM_LIMIT = /(?:上限|最多|limit|max)\s*(\d+)/i
const WARN_DAYS = /(?:提前|warn)\s*(\d+)/i
const TURN_OFF = /关闭|停用|\boff\b|disable/i

/** Shows the pool rules, or (admins) changes them: any rule given also turns the pool on. */
export async function poolRulesCommand(
  crm: CrmContext,
  actor: Actor,
  text: string,
  defaults: Defaults,
  lang: Lang,
): Promise<Reply> {
  const args = POOL_RULES_COMMAND.exec(text)?.[1]?.trim() ?? ''
  let rules: WorkspaceRules
  if (!args) rules = await workspaceRules(crm, actor.workspaceId, defaults.quietHours)
  else {
    const num = (re: RegExp) => {
      const v = re.exec(args)?.[1]
      return v === undefined ? undefined : Number(v)
    }
    rules = await updateWorkspaceRules(
      crm,
      actor,
      {
        pool: {
          enabled: !TURN_OFF.test(args),
          noFollowUpDays: num(FOLLOW_UP_DAYS),
          noWonDays: num(WON_DAYS),
          claimLimit: num(CLAIM_LIMIT),
          warnDays: num(WARN_DAYS),
        },
      },
      defaults.quietHours,
    )
  }
  const p = rules.pool
  return {
    text: p.enabled
      ? t(
          lang,
          `🌊 公海规则:${p.noFollowUpDays}天未跟进或${p.noWonDays}天未成交的客户回到公海,提前${p.warnDays}天提醒负责人;每人最多持有${p.claimLimit}个客户。`,
          `🌊 Pool rules: customers with no follow-up for ${p.noFollowUpDays} days or no won deal in ${p.noWonDays} days return to the pool; owners are told ${p.warnDays} days before; each rep holds at most ${p.claimLimit}.`,
        )
      : t(
          lang,
          '🌊 公海规则未开启。管理员可发「公海规则 30天未跟进 90天未成交 上限50」开启。',
          '🌊 The public pool is off. An admin can say "pool rules 30 days no follow-up 90 days no won limit 50".',
        ),
    intent: 'action',
    data: { pool: p },
  }
}
