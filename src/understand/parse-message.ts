import type { Intent, ParseContext, ParsedMessage } from './parsed-message.ts'

// A small keyword parser: the foundation's stand-in until the full offline parser lands.
const RULES: [Intent, RegExp][] = [
  ['help', /^(帮助|help|\?|what can you do)/i],
  ['list_reminders', /(我的提醒|my reminders|show me my reminders)/i],
  ['set_reminder', /(提醒我|remind me|set a reminder)/i],
  ['pipeline_summary', /(管道|漏斗|汇总|pipeline|forecast)/i],
  ['update_deal', /(赢了|丢了|签约|谈判|阶段|won|lost|signed|stage)/i],
  ['lookup_customer', /^(查一下|查询客户|查下|查|find|look ?up)\s*/i],
  ['log_interaction', /(打了电话|电话|拜访|见了|开了|聊了|发了|called|met|emailed|call with|meeting)/i],
]

export function parseMessage(text: string, ctx: ParseContext): ParsedMessage {
  const clean = text.replace(/<@[A-Z0-9]+>/g, '').replace(/@\S+\s*/g, '').trim()
  const intent = RULES.find(([, re]) => re.test(clean))?.[0] ?? 'unknown'
  const zhCustomer = /(?:给|拜访了?|查一下|查询客户|查下|查|和|跟)\s*([\u4e00-\u9fffA-Za-z]{2,8}?)(?:的|那个|公司|$|\s|[张李王刘陈赵孙周吴郑何黄钱][总工经理主任])/.exec(clean)
  const enCustomer = /(?:at|find|to|with)\s+([A-Z][\w]*(?:\s[A-Z][\w]*)*)/.exec(clean)
  const contact = /([张李王刘陈赵孙周吴郑何黄钱][总工]|[张李王刘陈赵孙周吴郑何黄钱](?:经理|主任))/.exec(clean)
  const amount = /(\d+(?:\.\d+)?)\s*(万|w|k)/i.exec(clean)
  const multiplier = { 万: 10_000, w: 10_000, k: 1000 }[(amount?.[2] ?? '').toLowerCase() as '万' | 'w' | 'k'] ?? 1
  return {
    intent,
    customer: zhCustomer?.[1] ?? enCustomer?.[1] ?? null,
    contact: contact?.[1] ?? null,
    interaction_type: intent === 'log_interaction' ? (/电话|call/i.test(clean) ? 'call' : /拜访|visit/i.test(clean) ? 'visit' : 'note') : null,
    sentiment: intent === 'log_interaction' ? (/满意|愉快|loved|happy/.test(clean) ? 'positive' : 'neutral') : null,
    sentiment_score: null,
    due_at: /明天/.test(clean) ? new Date(ctx.now.getTime() + 86_400_000).toISOString() : null,
    amount: amount ? Number(amount[1]) * multiplier : null,
    currency: amount ? 'CNY' : null,
    stage: /赢|won|signed|签约/i.test(clean) ? 'won' : /丢|lost/i.test(clean) ? 'lost' : /谈判|negotiation/i.test(clean) ? 'negotiation' : null,
    period: intent === 'pipeline_summary' ? (/本周|this week/i.test(clean) ? 'this_week' : 'this_month') : null,
    task: intent === 'set_reminder' ? clean.replace(/提醒我|remind me( to)?/gi, '').trim() : null,
    confidence: intent === 'unknown' ? 0.2 : 0.7,
  }
}
