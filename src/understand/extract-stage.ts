import { anyOf } from './any-of.ts'
import type { DealStage } from './parsed-message.ts'

/** A deal stage the text moves a deal to, and whether it was said outright. */
export interface FoundStage {
  stage: DealStage
  /** False for the weak readings (`报价` alone as proposal), which only count on an update. */
  strong: boolean
  /** Said by handing something over (`发了方案`): to a named person that is a logged contact first. */
  sent?: boolean
}

/** `进入商务谈判阶段`, `moved to proposal stage`: the stage named with 阶段/stage wins over all. */
const NAMED_STAGE =
  /([\u4e00-\u9fffA-Za-z]{1,8}?)\s*(?:阶段|stage)|(?:to|into|in|at)\s+(?:the\s+)?(lead|qualified|qualification|proposal|negotiation|won|lost|closed[- ]won|closed[- ]lost)\b/i
const NAMED_HINT = /阶段|stage|\b(?:to|into|in|at)\s/i
/** `stage: qualified`, `Roche stage proposal`: a stage name right after the word stage. */
const AFTER_STAGE_WORD =
  /\bstage\s*[:：=-]?\s*(lead|qualified|qualification|proposal|negotiation|won|lost|closed[- ]won|closed[- ]lost)\b/i
const STAGE_WORDS: readonly [DealStage, RegExp][] = [
  [
    'lost',
    /closed[- ]lost|\bCL\b|\bDQ(?:['’]d|ed)?\b|\bdisqualified\b|\b(?:went with|chose|picked|selected)\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?\s+(?:instead of|over)\s+us\b|\bwent with (?:someone|somebody) else\b|(?:单子|项目|商机|订单|生意|这单|那单)(?:就|也|彻底|算是|基本)?(?:没了|飞了|凉了|泡汤了?)|泡汤了|丢单|输单|丢标|落标|未中标|没中标|(?:标|招标|投标)(?:也)?(?:没有?|未)中(?!标)|丢了|输了|输给|败给|丢给|黄了|没戏|败了|失败|被.{0,8}抢走|放弃了|没拿下|落选|\blost\b(?! (?:deals?|opportunit|interest))|\b(?:is|went|now) dead\b|fell through|went with (?:a|another) (?:competitor|vendor)/i,
  ],
  [
    'won',
    /closed[- ]won|\bCW\b|\b(?:picked|chose|selected|went with) us\b|(?:合同)?(?:已经|今天|刚刚?)?盖(?:了|好)?章了|赢单(?!率|情况|数|金额|量|意向|意愿|可能|概率|把握|机会|计划|时间|前景|流程|进度|节点)|赢了|拿下|签了(?!多少|几|保密|NDA|意向|框架|备忘|合作备忘)|签约(?!额|率|情况|数|金额|量|了?多少|意向|意愿|可能|概率|把握|机会|计划|时间|前景|流程|进度|节点)|签单(?!额|率|数|量|意向|意愿|可能|概率|把握|机会|计划|时间|前景|流程|进度|节点)|已签|签下|成交(?!率|情况|额|量|了?多少|意向|意愿|可能|概率|把握|机会|计划|时间|前景|流程|进度|节点)|中标(?!意向|意愿|可能|概率|把握|机会|计划|时间|前景|流程|进度|节点)|落地了|搞定了|(?:收到|拿到)(?:了)?.{0,6}(?:采购订单|采购单|订单|\bPO\b)|盖章回来|盖好章|回签|签回来|双签|\b(?:PO|purchase order) (?:received|came in|arrived|signed)\b|\b(?:received|got) (?:the |a |their )?(?:PO|purchase order)\b|\bcountersigned\b|\bwon\b(?!['’])|\bsigned\b(?!\s+(?:the\s+|an?\s+|our\s+|their\s+)?(?:mutual\s+)?(?:nda|mou|loi|letter of intent|non-disclosure|confidentiality|framework|mnda))|\bclosed\b(?![- ]lost)(?:\s+(?:the|a|an|our))?(?:\s+[\w$.,-]+){0,3}\s+deal(?!s)|\bdeal (?:is |was |got |has been )?closed\b(?![- ]lost)|\bclosed it\b/i,
  ],
  [
    'negotiation',
    /谈判|议价|砍价|讨价还价|谈价格?|(?:正在|还在|在)(?:谈|洽谈|商谈)(?!话)|洽谈中|商谈中|谈合同|合同条款|商务条款|negotiat|contract review|合同审核|法务审核|legal review|\bin legal\b|redlin/i,
  ],
  [
    'proposal',
    /\b(?:quote|proposal|deck|sow|pricing) (?:sent|submitted|delivered)\b|提案|方案阶段|报价阶段|proposal|quote stage|quoting|发了?(?:正式)?(?:报价|方案|标书|建议书)|提交了?(?:报价|方案|标书|建议书)|(?:报价|方案|标书|建议书)(?:已经?|也)?(?:发|提交|递交)(?:了|过去|出去|给)|\bsent (?:over )?(?:the|a|our) quote\b/i,
  ],
  [
    'qualified',
    /需求确认|确认需求|确认了需求|需求已确认|立项|合格(?:商机|线索)|有效商机|商机确认|确认商机|\bqualified\b|qualification|\bsql\b|需求明确/i,
  ],
  ['lead', /线索|\blead\b|初步接触|prospect/i],
]
const STAGE_WORDS_ALL = STAGE_WORDS.map(([stage, re]) => [stage, new RegExp(re.source, 'gi')] as const)
/** Every stage's words at once: most messages name no stage. */
const ANY_STAGE_WORD = anyOf(STAGE_WORDS.map(([, re]) => re))
const WEAK_PROPOSAL = /方案|报价|\bquote\b/i
/** `发了报价`, `提交了方案`, `sent the quote`: handing one over moves the deal to proposal. */
const SENT = /发|提交|已|sent|submitted|delivered/i
/** Words that move a deal: with one, any stage word counts as said outright (`推进到商务谈判`). */
const MOVE =
  /进入|推进|转入|转到|转为|转成|转化为|变为|变成|升级为|升为|进展到|到了|走到|改成|改为|改回|退回|打回|回退到|降为|调整为|更新为|正在|还在|已经|已|目前(?:在|处于)|现在在|处于|\b(?:move[sd]?|moving|advanced|progressed|now in|is in|is now|are now|mark(?:ed)?|set|change[sd]?|update[sd]?|sent|submitted|new|is an?(?: new)?|as an?|became|now an?)\b/i
/** Words right before the stage that move it (`新线索`, `建个线索`, `转qualified`, `→ negotiation`, `now qualified`). */
const MOVE_RIGHT_BEFORE =
  /(?:新(?:的|增|增了)?|(?:新建|创建|建|录入|录|添加|加|登记|记|标记?|列|设|归)(?:了|成|为|作)?(?:新的?)?)(?:一个|一条|个|条)?(?:新的?)?$|(?:转|→|->|=>|⇒|➡️?|⟶|\bnow|\b(?:is|are|got|been))\s*$/i
const NAME_THEN_STAGE = /^\s*[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}\s+$/
const ALWAYS_STRONG: ReadonlySet<DealStage> = new Set(['won', 'lost'])
/**
 * Future, feared or hedged outcomes are not a stage change: `下周签约`, `担心丢单`, `基本没戏了`,
 * `will sign`, `back to us after legal review`.
 */
const SPECULATIVE =
  /(?:下周|明天|准备|打算|计划|即将|将|要|能|会|可能|预计|争取|希望|担心|怕|避免|防止|以免|不想|有望|有可能|应该|估计|可望|预期|等待|等|基本上?|大概|多半|恐怕|看来|八成|怕是|感觉|似乎|好像|年底前?|(?:下|这|本)?(?:周|星期|礼拜)[一二三四五六日天]?|明天|后天|月底|月初|下个?月|\d+[号日]|\b(?:not|never|will|would|could|might|may|to|yet)\s+(?:be\s+|have\s+)?|\b(?:after|until|till|pending|once|waiting (?:for|on)|before)(?:\s+(?:the|a|our|their|its))?)\s*(?:推进到?|进入到?|推到|走到|转入|转到|转为|转|(?:move|get|go|push)\s+(?:it\s+)?(?:to|into)\s+(?:the\s+)?)?\s*$/i

function readStage(text: string, stage: DealStage, m: RegExpExecArray): FoundStage {
  const sent = stage === 'proposal' && SENT.test(m[0])
  const strong =
    sent ||
    ALWAYS_STRONG.has(stage) ||
    MOVE.test(text.slice(0, m.index)) ||
    MOVE_RIGHT_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index)) ||
    // `JBS qualified - budget confirmed`: a name, then its stage, opening the message.
    NAME_THEN_STAGE.test(text.slice(0, m.index)) ||
    /^(?:正在|还在|在)|已/.test(m[0]) ||
    // `谈判中`, `negotiating`, `需求确认了`, and the Singlish `qualified liao` / `qualified already`:
    // the stage is reached.
    /^(?:中|ing|了|[a-z]*\s+(?:liao|le|already|oredi|done)\b)/i.test(text.slice(m.index + m[0].length))
  return { stage, strong, sent }
}

function stageOf(word: string): DealStage | null {
  const w = word.toLowerCase()
  if (/谈判|negotiat|议价|谈价|签约|合同|contract/.test(w)) return 'negotiation'
  if (/方案|报价|提案|proposal|quote/.test(w)) return 'proposal'
  if (/需求|立项|qualif/.test(w)) return 'qualified'
  if (/线索|lead|接触|prospect/.test(w)) return 'lead'
  if (/赢|won|签/.test(w)) return 'won'
  if (/输|丢|lost/.test(w)) return 'lost'
  return null
}

/** The deal stage a message reports, or null. */
export function extractStage(text: string): FoundStage | null {
  const named = NAMED_HINT.test(text) ? (AFTER_STAGE_WORD.exec(text) ?? NAMED_STAGE.exec(text)) : null
  const fromName = named ? stageOf(named[1] ?? named[2] ?? '') : null
  if (fromName) return { stage: fromName, strong: true }
  for (const [stage, re] of ANY_STAGE_WORD.test(text) ? STAGE_WORDS_ALL : []) {
    let weak: FoundStage | null = null
    re.lastIndex = 0
    // `需求确认了,商机转qualified`: a later mention may say the move outright.
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (SPECULATIVE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue
      const found = readStage(text, stage, m)
      if (found.strong) return found
      weak ??= found
    }
    if (weak) return weak
  }
  return WEAK_PROPOSAL.test(text) ? { stage: 'proposal', strong: false } : null
}
