import { findKnown } from './find-known.ts'
import {
  COMPANY_SUFFIXES,
  COMPOUND_SURNAMES,
  FIRST_NAMES,
  SURNAMES,
  TITLES,
  ZH_CITIES,
  ZH_ORG_SUFFIX,
} from './name-lists.ts'

/**
 * Customer and contact in Chinese (or mixed) text. The text is cut at function words, verbs and
 * punctuation; each remaining piece is scored by what sits around it (`X的张总`, `查一下X`,
 * `X那个单子`), since an organisation name is rarely recognisable by itself.
 */

const TITLE_SRC = TITLES.map((t) => (t === '总' ? '总' : t)).join('|')
/**
 * `张总`, `李经理`, `陈工`, `李处`, `欧阳总监`, `老王`. `总`/`工`/`处` alone must not start a word
 * (`总结`, `工作`, `处理`); `王总会来` is 王总 who will come, `总会` a body only when no verb follows.
 */
export const ZH_CONTACT = new RegExp(
  `(?:${COMPOUND_SURNAMES.join('|')}|[${SURNAMES}])(?:${TITLE_SRC}|总(?![结共计额部体价数量之算归体署]|是(?!谁|哪)|会(?![面见谈晤上来去到在跟和说再给带过签亲派安参出]))|工(?![作厂期资人具业地位艺序单种会商程])|董(?!事)|处(?![理置于在罚分境事方所])|局(?![面势限部]))|老[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾](?![板师家婆公总])|小[王李张刘陈杨赵吴周徐孙朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾](?![时区组型件份学程店号车书说姐哥])|[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤常温康施牛樊葛邢安齐乔庞颜倪庄聂章鲁岳翟殷詹申欧关俞柳祝包宁尚舒柯纪梅童凌毕霍涂苗盛曲翁骆蓝路辛柴鲍华](?:姐|哥)(?![们俩])`,
  'g',
)
/** Two characters that look like surname + title but are not a person. */
const NOT_CONTACT_BEFORE = /[对双甲乙各]$/
/** `工程处`, `保卫处`, `公安局`, `铁路局`: an office, not 程处 or 安局. */
const OFFICE_BEFORE = /[工保公铁]$/
/** `Mr. Park`, `Ms Chen`, `Dr. Lee`: an English honorific makes any capitalised word a person. */
const HONORIFIC_NAME = /\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s?[A-Z][a-z]+/

/** Cut points. Their role around a piece decides its score, so they are grouped by meaning. */
const LOOKUP =
  '调出|调取|查一下|查一哈|查一查|查下|查查|查询|查|看看|看一下|看一哈|瞅瞅|瞅一眼|搜一下|搜下|搜搜|搜索|搜|找一下|找下|找找|找'
const BEFORE_ORG =
  '发给|寄给|送给|交给|转给|(?<![A-Za-z])(?:visit|call|meet|email|ping)(?:ed)?(?:\\s+back)?\\s*(?:了|完|过)?\\s*(?:一下)?(?![A-Za-z])|拜访了|拜访完|拜访|回访了|回访|跟进了|跟进(?!记录)|联系了|联系(?![人方电])|回复|致电|打给|约了|约|见了|去了一?趟|去一?趟|跑了一?趟|跑一趟|去了|到了|去(?![年掉除])|到|给|跟|和|与|同|向|对接(?![人])|来自|参加|出席|参与|走访|拜会|宴请|接待|陪同|邀请'
const AFTER_ORG_OBJECT =
  '(?<![A-Za-z])(?:procurement|purchasing|buyer|ops|IT|HR|CTO|CIO|CFO|CEO|VP)(?![A-Za-z])|客户资料|客户信息|客户档案|deal|stage|单子|项目|商机|订单|合同|投标|标书|需求|报价|方案|邮件|跟进记录|联系人|对接人|情况|资料|信息|进展|负责人|采购|老板|同事|领导|产品|设备|系统|团队|总部|办公室|阶段|金额|预算|续约|回款|合作|账期'
const DEAL = '那个单子|这个单子|那单|这单|单子|项目|商机|订单|那个项目|这个项目'
const ORG_VERB =
  '可以move到|move到|moved到|可以推进|回来|出来|进入|推进|建个|建了|新建|录个|录了|录入|登记|转成|转为|转到|转入|签约|签了|签单|赢了|赢单|丢了|丢单|输了|黄了|中标|成交|拿下|来电|来访|来公司|打来|那边|这边|方面|反馈|投诉|表示|说|要求|想要|希望|需要|决定|已经|最近|怎么样|的情况'
const ACTIVITY =
  '看了|看设备|看现场|看样品|现场调试|现场|调试|安装|实施|验收|商务谈判|谈判|演示|开会|开了|开(?=[\\u4e00-\\u9fff]{0,4}会)|汇报|交流|沟通|培训|考察|参观|面谈|吃饭|吃了|聊了|聊|谈了|谈'
const FILLER =
  '提醒我|提醒|记得|记一下|记录一下|记录|备注|帮我|请|麻烦|这个|那个|这家|那家|客户|电话|打电话|打了|微信|邮件|发了|发|寄了|寄|送了|刚刚|刚|今天|昨天|前天|之前|以前|此前|曾经|有没有|是否|上午|下午|晚上|早上|了|的|一下|一哈|也|又|再|还|就|把|被|让|从|在|对方|咱们|我们|我|他们|他|她'
const CUT = new RegExp(
  `(${ZH_CONTACT.source})|(${LOOKUP})|(${BEFORE_ORG})|(${DEAL})|(${ORG_VERB})|(${ACTIVITY})|(${AFTER_ORG_OBJECT})|(${FILLER})|([,.;:!?()"'|/\\[\\]<>~-]+|[\\ud83c-\\ud83e][\\udc00-\\udfff]|[\\u2600-\\u27bf])`,
  'g',
)
const ROLES = ['contact', 'lookup', 'before', 'deal', 'verb', 'activity', 'object', 'filler', 'sep'] as const
type Role = (typeof ROLES)[number] | 'piece'
interface Part {
  role: Role
  text: string
  /** A piece as cut, white space kept, to tell `浦东发展银行` from `浦东 发 银行`. */
  raw?: string
}
const ORG_END = new RegExp(`(?:${ZH_ORG_SUFFIX})$`)
const CJK_SPACE = /[\u4e00-\u9fff]\s+[\u4e00-\u9fff]/
const ORG_THEN_TAIL = new RegExp(
  `^([\\u4e00-\\u9fffA-Za-z]{1,}(?:${ZH_ORG_SUFFIX}))((?![园院所站厂行店馆局委厅署办处司系科室]|机场|码头|港)[\\u4e00-\\u9fff]{1,5})$`,
)
/** `储能车间`, `慈溪工厂`: a site of an organisation, never the organisation. */
const SITE_END = /(?:车间|工厂|厂区|分厂|仓库|办公室|门店|园区|基地|办事处|分部|大楼)$/
/** A city before a site (`米其林沈阳工厂`). */
const CITY_END = new RegExp(`(?:${ZH_CITIES})$`)

/** `Maersk上海` + `办公室`: the office named apart from its organisation. */
const SITE_NEXT = /^(?:办公室|总部|分公司|办事处)/

/** `海关总署科技司`, `工信部装备司`, `市教育局基教处`: the body, not its department. */
const GOV_DEPARTMENT = /^(.{1,8}?(?:总署|部|局|委|厅|署))[\u4e00-\u9fff]{1,4}[司处科室]$/

/** `浙江大学化学系`, `协和医院心内科`: the university or hospital, not its department. */
const SCHOOL_DEPARTMENT = /^(.{2,10}?(?:大学|学院|医院))[\u4e00-\u9fff]{1,6}(?:系|科|室|课题组|实验室|中心)$/

const CITY_START = new RegExp(`^(?:${ZH_CITIES})(?![市区县省])`)
/** Names whose city is part of them: public bodies, hospitals, schools, parks. */
const PLACE_BOUND =
  /(?:管委会|委员会|局|委|厅|政府|医院|大学|学院|中学|小学|学校|港|机场|地铁|公交|电视台|日报|银行)$|^(?:工业园|高新|开发区|经开区|保税区)/

/** `吴江亨通光电` → `亨通光电`: the city before a company's name says where it is, not who. */
function withoutCityPrefix(name: string): string {
  const city = CITY_START.exec(name)?.[0]
  if (!city || PLACE_BOUND.test(name)) return name
  const rest = name.slice(city.length)
  return rest.length >= 4 && !PLACE_BOUND.test(rest) ? rest : name
}

/** `米其林沈阳工厂` → `米其林`: the organisation a site belongs to, when at least three characters name it. */
function withoutSite(piece: string): string {
  const head = piece.replace(SITE_END, '').replace(CITY_END, '').trim()
  return head.length >= 3 && head !== piece ? head : ''
}

/** `新线索:`, `客户:`: a heading whose next piece is the customer. */
const HEADING = /^(?:新线索|线索|新商机|商机|新客户|客户|新单|lead|new lead|customer|client)$/i

/** Pieces that sit where a name would but are ordinary words. */
const NOT_ORG =
  /^(?:我们?|你们?|他们?|她们?|对方|客户|大家|公司|这边|那边|今天|明天|昨天|本周|下周|上周|这个|那个|之前|之后|以后|目前|现在|刚才|最近|一下|一起|计划|方案|报价|合同|价格|预算|资料|材料|文档|产品|技术|技术方案|商务|商务谈判|谈判|阶段|金额|周期|交付|交付周期|展厅|新品|工作|事情|东西|问题|发票|样品|演示|会议|线上会|拜访计划|跟进|反馈|消息|电话|邮件|微信|销售|管道|漏斗|业绩|汇总|提醒|帮助|单子|项目|需求|竞品|低价|投标|年底|月底|下个月|上个月|本月|今年|去年|明年|多少|哪些|什么|所有|全部|新增|几个|哪个|哪家|谁|新线索|线索|新商机|新客户|会议室|周会|例会|晨会|老婆|老公|爸爸|妈妈|爸妈|家里|孩子|儿子|女儿|领导|老板|同事|朋友|师傅|快递|外卖)$|^[\u4e00-\u9fff]{1,3}(?<!石)化$|^(?:上|下|本|这|今|去|明)个?(?:季度|周|月|年|星期)|^(?:季度|年度|月度)|^[Qq][1-4](?![0-9])/
const LATIN_NOT_ORG =
  /^(?:mes|erp|wms|oa|plm|scm|bi|sso|iot|pos|scada|dcs|plc|hrm|ehr|demo|ppt|poc|crm|ok|okr|kpi|roi|sla|api|app|pdf|email|e-mail|mail|pm|am|ceo|cto|cfo|coo|vp|it|ai|saas|q[1-4]|hr|bd|ka|ip|po|rfp|rfq|sow|nda|mou|id|vip|call|meeting|wechat|im|wx|pipeline|forecast|funnel|deals?|leads?|reports?|summary|dashboard|revenue|sales|quota|bookings|todo|feedback|offer|follow ?up|review|update|proposal|quote|budget|contract|case|team|boss|online|offline|zoom|teams|slack|excel|word|ppt|ppts|mvp|gmv|arr|mrr|q&a|faq|bug|bugs|issue|plan|idea|ok了|deadline|kickoff|kick-off|workshop|sales|leader|owner|partner|vendor|license|renewal|sla|tob|toc|b2b|b2c|lead|qualified|proposal|negotiation|won|lost|closed|stage|move|moved|thanks|thank you|thx|ty|cheers|lol|haha|hi|hello|hey|bye|yes|no|yep|nope|sure|noted|got it|received|roger|great|nice|cool|good|ok thanks|okay)$/i

/** Cut words that are grammar, never the inside of a name. */
const FUNCTION_CUT =
  /^(?:的|了|在|和|跟|与|同|给|去|到|把|被|让|从|对|向|也|又|再|还|就|我|他|她|我们|他们|对方|客户|请|帮我|一下|这个|那个|这家|那家)$/

/**
 * `上海浦东` + `发` + `展银行`: a cut word caught inside a name that ends like an organisation is
 * glued back, so `上海浦东发展银行` stays whole.
 */
function pushPiece(out: Part[], raw: string): void {
  const gap = raw.trim()
  if (!gap) return
  // `欣旺达 储能车间`: a space between two Chinese words ends a name.
  const spaced = CJK_SPACE.exec(gap)
  if (spaced) {
    pushPiece(out, gap.slice(0, spaced.index + 1))
    pushPiece(out, gap.slice(spaced.index + spaced[0].length - 1))
    return
  }
  // `公牛集团慈溪工厂`, `蓝思科技寄样品`: a name that ends like an organisation, then a site or a verb.
  const tail = ORG_THEN_TAIL.exec(gap)
  if (tail?.[1] && tail[2] && !ORG_END.test(gap)) {
    pushPiece(out, tail[1])
    out.push({ role: 'piece', text: tail[2], raw: tail[2] })
    return
  }
  const cut = out.at(-1)
  const head = out.at(-2)
  if (
    cut &&
    head?.role === 'piece' &&
    cut.role !== 'sep' &&
    cut.role !== 'contact' &&
    cut.text.length <= 2 &&
    !FUNCTION_CUT.test(cut.text) &&
    !/给$/.test(cut.text) &&
    !/^\s/.test(raw) &&
    !/\s$/.test(head.raw ?? head.text) &&
    ORG_END.test(gap) &&
    /[\u4e00-\u9fff]$/.test(head.text)
  ) {
    out.length -= 2
    out.push({ role: 'piece', text: head.text + cut.text + gap })
    return
  }
  out.push({ role: 'piece', text: gap, raw })
}

const LATIN_AROUND = /^[A-Za-z0-9]-[A-Za-z0-9]$/

function parts(text: string): Part[] {
  const out: Part[] = []
  let last = 0
  CUT.lastIndex = 0
  for (let m = CUT.exec(text); m; m = CUT.exec(text)) {
    // `TP-LINK`, `Coca-Cola`: a hyphen between Latin letters is inside a name.
    if (m[0] === '-' && LATIN_AROUND.test(text.slice(m.index - 1, m.index + 2))) continue
    pushPiece(out, text.slice(last, m.index))
    let group = -1
    for (let g = 1; g < m.length; g++)
      if (m[g] !== undefined) {
        group = g - 1
        break
      }
    out.push({ role: ROLES[group] ?? 'sep', text: m[0] })
    last = m.index + m[0].length
  }
  pushPiece(out, text.slice(last))
  return glueLeadingCut(out, text)
}

/** `和`/`与`/`同` as a partner: with them, the message says what was done (`和X聊了`, `与X签了合同`). */
const PARTNER_VERB =
  /聊|谈|开会|开了|见|通了?电话|打了?电话|吃|沟通|交流|约|碰|对接|合作|商量|讨论|(?<!单子|项目|合同|订单)签/
/** `发改委`, `卫健委`, `工信部`: a government body, whose first character may be a cut word. */
const GOV_END = /^[\u4e00-\u9fff]{1,2}[委局部厅署办]$/

/**
 * A cut word that starts a name is glued back: `拜访了和信科技` (no one says `拜访了和`), a message that
 * opens with `同方股份的单子` and names no partner verb, and `发` + `改委`.
 */
function glueLeadingCut(all: Part[], text: string): Part[] {
  for (let i = 1; i < all.length; i++) {
    const piece = all[i]
    const cut = all[i - 1]
    if (piece?.role !== 'piece' || !cut || /^\s/.test(piece.raw ?? '')) continue
    const before = all[i - 2]
    const partner =
      /^[和与同]$/.test(cut.text) &&
      (before ? before.role === 'before' || before.role === 'lookup' : !PARTNER_VERB.test(text))
    const gov = cut.role === 'filler' && cut.text.length === 1 && GOV_END.test(piece.text)
    if (partner || gov) all.splice(i - 1, 2, { role: 'piece', text: cut.text + piece.text })
  }
  return all
}

/** `蚂蚁的Ivy`: an English given name owned by the piece before `的`. */
function isLatinPerson(part: Part | undefined): boolean {
  const word = /^\s*([A-Z][a-z]{2,})(?![A-Za-z0-9])/.exec(part?.role === 'piece' ? part.text : '')?.[1]
  return (
    !!word &&
    (FIRST_NAMES.has(word.toLowerCase()) ||
      !(LATIN_NOT_ORG.test(word) || COMPANY_SUFFIXES.has(word.toLowerCase())))
  )
}

/** Cities and places one comes back from that are not customers (`从上海回来`, `从机场出来`). */
const PLACE_LEFT = new RegExp(
  `^(?:${ZH_CITIES}|三亚|香港|澳门|台北|新加坡|东京|美国|日本|国外|外地|老家|机场|高铁站|展会|会场|公司|总部|家里|外面|那边)$`,
)

const WORKED_WITH =
  /^(?:去了?一?趟|跑了?一?趟|拜访|回访|走访|拜会|宴请|接待|致电|联系了|约了|见了|跟进了|发给|寄给|送给|交给|转给)/
const SENT_TO = /^(?:打电话|打了|电话|发了|发|寄了|寄|送了|微信|邮件)$/

function score(all: Part[], i: number): number {
  const piece = (all[i]?.text ?? '').trim()
  if (!isOrgLike(piece) || (SITE_END.test(piece) && !withoutSite(piece))) return 0
  const prev = all[i - 1]
  const prev2 = all[i - 2]
  const next = all[i + 1]
  const next2 = all[i + 2]
  let s = 0
  if (
    next?.role === 'contact' ||
    (next?.text === '的' && (next2?.role === 'contact' || isLatinPerson(next2)))
  )
    s += 4
  if (next?.text === '的' && (next2?.role === 'object' || next2?.role === 'deal')) s += 3
  if (next?.role === 'deal') s += 3
  // `老乡鸡总部`, `锦江那个酒店PMS项目`, `Oracle那个deal`, `回如家的电话`.
  if (next?.role === 'object' && /^(?:总部|办公室|分公司|门店|工厂)/.test(next.text)) s += 1
  if (/^[这那]个$/.test(next?.text ?? '') && (next2?.role === 'deal' || next2?.role === 'object')) s += 3
  if (/^[这那]个$/.test(next?.text ?? '') && next2?.role === 'piece' && all[i + 3]?.role === 'deal') s += 4
  if (/^[这那]个$/.test(prev?.text ?? '') && prev2?.role === 'piece') s -= 2
  if (next?.text === '的' && /^(?:电话|邮件|微信|消息)/.test(next2?.text ?? '')) s += 3
  // `DBS 这个客户`, `蓝鲸那家公司`.
  if (
    /^[这那](?:个|家)$/.test(next?.text ?? '') &&
    /^\s*(?:客户|公司|account|client|customer)/i.test(next2?.text ?? '')
  )
    s += 3
  if (prev?.text === '客户' || prev?.role === 'lookup') s += 3
  if (prev?.role === 'sep' && /^[:：]/.test(prev.text) && HEADING.test((prev2?.text ?? '').trim())) s += 3
  if (prev?.role === 'before' || prev2?.role === 'lookup') s += 2
  // `拜访了湖南中烟`: a visit or a call made names whom far more surely than `给` or `和` does.
  if (prev?.role === 'before' && WORKED_WITH.test(prev.text)) s += 1
  // `跟进一下山东重工`.
  if (prev?.role === 'filler' && /^(?:一下|一哈|了)$/.test(prev.text) && prev2?.role === 'before') s += 2
  if (next?.role === 'verb') s += 2
  // `从强生出来`, `刚从比亚迪回来`: the place just left is the customer visited.
  if (prev?.text === '从' && /^[回出]来$/.test(next?.text ?? '') && !PLACE_LEFT.test(piece)) s += 2
  if (next?.role === 'activity') s += 1
  // `在Acme开会`, `在蓝鲸科技演示`: where a meeting was held.
  if (prev?.text === '在' && next?.role === 'activity') s += 1
  // `给今麦郎打电话`, `给安琪酵母发报价单`: whom a call or a message goes to.
  if (prev?.role === 'before' && SENT_TO.test(next?.text ?? '')) s += 1
  // `去中信建投见了吴总`: the place between going and meeting someone.
  if (prev?.role === 'before' && next?.role === 'before' && /^(?:去|到|来)/.test(prev.text)) s += 1
  if (!prev || (prev.role === 'sep' && i === 1)) s += 1
  if (!next || next.role === 'sep') s += prev?.role === 'lookup' || prev?.text === '客户' ? 1 : 0
  if (ORG_END.test(piece) && piece.length > 2) s += 3
  // `华东院`, `中南院`: a design or research institute by its short name.
  else if (/院$/.test(piece) && piece.length >= 3) s += 2
  if (/^[A-Za-z]/.test(piece)) s += 1
  return s
}

/** `procurement manager`, `ops head Anders`: a role (and maybe the person in it). */
/** `Kevin Zhang`, `Lisa`: a given name (and one more word) is a person, not an organisation. */
function isLatinPersonName(piece: string): boolean {
  const words = piece.trim().split(/\s+/)
  const last = (words.at(-1) ?? '').toLowerCase().replace(/\.$/, '')
  return (
    words.length <= 2 &&
    FIRST_NAMES.has((words[0] ?? '').toLowerCase()) &&
    !(words.length === 2 && COMPANY_SUFFIXES.has(last))
  )
}
const LATIN_ROLE = /\b(?:manager|director|head|lead|buyer|engineer|officer|procurement|purchasing|team)\b/i
/** `运营部`, `采购科`, `信息中心`: a department, never the customer itself. */
/** What a department does, before its `部`/`处`/`科`: `行政部`, `采购科`, `信息中心`. */
const DEPARTMENT_WORDS =
  '运营|采购|信息|技术|市场|财务|人事|人力|法务|销售|生产|质量|品质|研发|行政|设备|工程|数据|安全|物流|仓储|客服|产品|战略|投资|风控|合规|后勤|总务|基建|审计|IT|HR'
/** `杭州城投行政部` → `杭州城投`: an internal department after the organisation's name. */
const DEPARTMENT_TAIL = new RegExp(`^(.{2,}?)(?:${DEPARTMENT_WORDS})(?:部|处|科|室|组|中心|部门)$`)
const INTERNAL_DEPARTMENT = new RegExp(`^(?:${DEPARTMENT_WORDS})(?:部|处|科|室|组|中心|部门)$`)
/** `生产副总`, `技术总监`: a role, not an organisation. */
const TITLE_END = /(?:副总|总监|经理|主任|主管|负责人|处长|科长|部长|院长|总裁|董事长|助理|专员|工程师|老板)$/

/** `哪儿`, `什么地方`: a question word is never a name, nor is `很满意` (a degree word and its verb). */
const QUESTION_WORD =
  /^(?:是|要|该|应该|能|可以)?(?:哪|什么|啥|怎么|怎样|如何|为什么|为啥|多少|谁|几)|^(?:很|非常|挺|特别|比较|十分|相当|有点|不太|不是)/

function isOrgLike(piece: string): boolean {
  if (!piece || NOT_ORG.test(piece) || /^\d/.test(piece) || /[\u4e00-\u9fff]/.test(piece) === false) {
    return (
      (/^[A-Za-z][A-Za-z0-9\u00c0-\u024f&.\- ]{1,30}$/.test(piece) || /^\d[A-Z]{1,3}$/.test(piece)) &&
      !isLatinPersonName(piece) &&
      !LATIN_NOT_ORG.test(piece) &&
      !LATIN_ROLE.test(piece) &&
      !FIRST_NAMES.has(piece.toLowerCase())
    )
  }
  const cjk = piece.replace(/[^\u4e00-\u9fff]/g, '').length
  return (
    cjk >= 2 &&
    piece.length <= 12 &&
    !/[吗呢吧啊呀么]$/.test(piece) &&
    !QUESTION_WORD.test(piece) &&
    !TITLE_END.test(piece) &&
    !INTERNAL_DEPARTMENT.test(piece)
  )
}

const LATIN_TITLED = /(?<![A-Za-z])[A-Z][a-z\u00e0-\u00ff]+(?:博士|教授|先生|女士|小姐|老师|经理|总监)/
const HYPHEN_NAME = /(?<![A-Za-z])([A-Z][a-z]{1,4}-[a-z]{2,4})(?![A-Za-z-])/
const LATIN_OWNED = /[A-Za-z\u4e00-\u9fff]\s*的\s*([A-Z][a-z]{2,})(?![A-Za-z0-9])/

const HAS_CAPITAL = /[A-Z]/
/** A capitalised Latin word standing alone, a given name perhaps. */
const LATIN_WORD = /(?<![A-Za-z])([A-Z][a-z]+)(?![A-Za-z])/g

/** The first person named with a surname and title (`张总`), or an English given name. */
export function zhContact(text: string): string | null {
  ZH_CONTACT.lastIndex = 0
  for (let m = ZH_CONTACT.exec(text); m; m = ZH_CONTACT.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 1), m.index)
    if (NOT_CONTACT_BEFORE.test(before)) continue
    if (/[处局]$/.test(m[0]) && OFFICE_BEFORE.test(before)) continue
    return m[0]
  }
  const honored = HONORIFIC_NAME.exec(text)
  if (honored) return honored[0]
  // Each rule below reads a capital Latin letter.
  if (!HAS_CAPITAL.test(text)) return null
  // `Müller博士`, `Smith先生`: a foreign name with a Chinese title.
  const titled = LATIN_TITLED.exec(text)
  if (titled) return titled[0]
  // `Min-jun`, `Seo-yeon`, `Xiao-ming`: a given name of two syllables joined by a hyphen.
  const hyphened = HYPHEN_NAME.exec(text)
  if (hyphened?.[1]) return hyphened[1]
  const latin = LATIN_WORD
  latin.lastIndex = 0
  for (let m = latin.exec(text); m; m = latin.exec(text)) {
    if (!FIRST_NAMES.has((m[1] ?? '').toLowerCase())) continue
    // `Wei Ling`, `Lisa Chen`, `Emma Schulz`: a given name and the next capitalised word are one person,
    // unless that word ends an organisation (`Wayne Ent.`).
    const second = /^\s([A-Z][a-z]+)(?![A-Za-z.])/.exec(text.slice(m.index + m[0].length))?.[1]
    const next = /^\s([A-Z][A-Za-z]*\.?)/.exec(text.slice(m.index + m[0].length))?.[1]?.toLowerCase() ?? ''
    if (COMPANY_SUFFIXES.has(next) || COMPANY_SUFFIXES.has(next.replace(/\.$/, ''))) continue
    return second && !LATIN_NOT_ORG.test(second) ? `${m[1]} ${second}` : (m[1] ?? null)
  }
  // `Stark Industries 的 Pepper`: a capitalised word owned by an organisation is its person.
  const owned = LATIN_OWNED.exec(text)?.[1]
  return owned && !LATIN_NOT_ORG.test(owned) && !COMPANY_SUFFIXES.has(owned.toLowerCase()) ? owned : null
}

/** `思科` + `技` is `科技`: a known name whose end starts an organisation suffix sits inside a longer name. */
const SUFFIX_START = new RegExp(`^(?:${ZH_ORG_SUFFIX})`)

const RIVAL_BEFORE = /(?:输给了?|败给了?|丢给了?|被|选了|选择了|换成了?|改用了?)$/

/** Known names that are also everyday words (`周末去哪儿?`, `大众`, `菜鸟`): believed only in company context. */
const EVERYDAY_NAMES = new Set(['去哪儿', '菜鸟', '大众', '苹果', '得物', '有赞', '高德'])
const COMPANY_AFTER =
  /^(?:网|旅行|的|公司|集团|那边|这边|方面|方|客户|团队|项目|单子|那个|这个|那单|这单|商机|总部)/
const COMPANY_BEFORE = /(?:客户|拜访了?|回访了?|查(?:一下|下|询)?|跟|和|与|给|联系了?|约了|见了)$/

function isCompanyPlaced(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 4)
  ZH_CONTACT.lastIndex = 0
  const contactNext = ZH_CONTACT.exec(after)?.index === 0
  return (
    COMPANY_AFTER.test(after) ||
    contactNext ||
    /^(?:供应链|中国区|事业部|[\u4e00-\u9fff]{1,3}部)的/.test(text.slice(end, end + 8)) ||
    COMPANY_BEFORE.test(text.slice(Math.max(0, start - 4), start))
  )
}

/** `网易有道的孙老师`, `腾讯云的刘总`: the brand after a known group's name, owning a person or a deal. */
/** Things a brand owns in `X的Y`. */
const OWNED_THING = /^(?:单子|项目|商机|订单|合同|需求|报价|采购|负责人|老板)/
const BRAND_AFTER = /^([\u4e00-\u9fff]{1,3})的/
/** `江苏银行明年的采购`: a time word after the name says when, it is no brand. */
const TIME_NOT_BRAND = /^(?:[今明去前后]年|[上下本这]个?(?:月|周|季度?)|[今明昨前后]天|年底|年初|月底|月初)$/
/** `华西医院设备处的周处长`: a department of the organisation, not a brand of it. */
const DEPARTMENT_END = /[处科室办组部]$|^(?:供应链|中国区|大中华区|亚太区)$/
const NOT_BRAND = /[那这边方面部门团队里上下们总的和跟与同在也都还又就说了]/

function brandAfter(text: string, end: number): string {
  const brand = BRAND_AFTER.exec(text.slice(end, end + 5))?.[1]
  if (!brand || NOT_BRAND.test(brand) || TIME_NOT_BRAND.test(brand) || DEPARTMENT_END.test(brand)) return ''
  ZH_CONTACT.lastIndex = 0
  if (ZH_CONTACT.test(brand)) return ''
  const owned = text.slice(end + brand.length + 1, end + brand.length + 5)
  ZH_CONTACT.lastIndex = 0
  const person = ZH_CONTACT.exec(owned)?.index === 0 || /^[A-Z][a-z]/.test(owned)
  return person || OWNED_THING.test(owned) ? brand : ''
}

/** `中科院大连化物所`: an institute of a known academy. */
const INSTITUTE = /^[\u4e00-\u9fff]{2,6}?(?:研究所|研究院|所)/
/** `中电科三十八所`, `中建八局`, `一汽二厂`: a numbered unit of a known group is the customer. */
const NUMBERED_UNIT = /^第?[一二三四五六七八九十百零\d]{1,4}(?:研究所|研究院|分公司|所|院|局|厂|公司)/

/** `华润万家那个项目`, `宇通客车的情况`: two more characters before a deal or a `的` are the rest of the name. */
const NAME_TAIL =
  /^([\u4e00-\u9fff]{2})(?=那个|这个|那边|这边|那单|这单|项目|单子|商机|的(?:单子|项目|商机|订单|情况|联系人|负责人|采购|报价))/
const NOT_TAIL = /^(?:最近|之前|上次|这次|那次|现在|目前|已经|刚才|总部|公司|集团|内部|整体|终于|果然|确实)$/

function nameTail(text: string, end: number): string {
  const tail = NAME_TAIL.exec(text.slice(end, end + 8))?.[1]
  if (!tail || NOT_BRAND.test(tail) || TIME_NOT_BRAND.test(tail) || NOT_TAIL.test(tail)) return ''
  ZH_CONTACT.lastIndex = 0
  return ZH_CONTACT.test(tail) ? '' : tail
}

/** `提醒我回东方雨虹邵总的电话`, `记得催蓝天科技`: the verb of a to-do glued to the name it acts on. */
const TODO_VERB = /^[回催问找约陪寄送带叫](?=[\u4e00-\u9fffA-Za-z]{2})/
const RETURN_CALL = /^(?:要|得|需要|我)?回(?=[\u4e00-\u9fffA-Za-z]{2})/
const TODO_OPENER = /^(?:提醒我|提醒|帮我|记得|我|请|麻烦)$/

function withoutLeadingVerb(piece: string, prev: Part | undefined): string {
  return prev && TODO_OPENER.test(prev.text) ? piece.replace(TODO_VERB, '') : piece
}

/** The customer organisation, or null when no piece of the text is placed like one. */
export function zhCustomer(text: string, lookup: boolean): string | null {
  for (let m = findKnown(text, 0); m; m = findKnown(text, m.index + m.text.length)) {
    // `挺美的` is an adjective and `腾讯会议` a meeting tool, not the companies.
    const before = text.slice(Math.max(0, m.index - 1), m.index)
    const after = text.slice(m.index + m.text.length, m.index + m.text.length + 2)
    if (/[很挺真太好最]/.test(before) || /^(?:会议|文档)/.test(after)) continue
    // `蓝思科技` holds 思科: the name is the middle of a longer one.
    const end = m.index + m.text.length
    if (/[\u4e00-\u9fff]/.test(before) && SUFFIX_START.test(text.slice(end - 1, end + 3))) continue
    if (EVERYDAY_NAMES.has(m.text) && !isCompanyPlaced(text, m.index, m.index + m.text.length)) continue
    // `恒立液压那个项目输给了西门子`: the rival who won is not the customer.
    if (RIVAL_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index))) continue
    return (
      m.text +
      (brandAfter(text, end) ||
        nameTail(text, end) ||
        NUMBERED_UNIT.exec(text.slice(end, end + 8))?.[0] ||
        (/院$/.test(m.text) ? (INSTITUTE.exec(text.slice(end, end + 10))?.[0] ?? '') : ''))
    )
  }
  const all = parts(text)
  let best: string | null = null
  let bestScore = lookup ? 1 : 2
  all.forEach((p, i) => {
    if (p.role !== 'piece') return
    const s = score(all, i)
    if (s > bestScore) {
      bestScore = s
      const owned = all[i + 1]?.text === '的' && /^(?:电话|邮件|微信|消息)/.test(all[i + 2]?.text ?? '')
      // `要回Honeywell的电话`: the call is returned to whoever owns it.
      const name0 = owned
        ? p.text.trim().replace(RETURN_CALL, '')
        : withoutLeadingVerb(p.text.trim(), all[i - 1])
      // `fyi J&J`: a chat word before the name is not part of it.
      const name = name0.replace(/^(?:fyi|btw|pls|please|ok|hi|hey)\s+/i, '').replace(DEPARTMENT_TAIL, '$1')
      best = withoutCityPrefix(GOV_DEPARTMENT.exec(name)?.[1] ?? SCHOOL_DEPARTMENT.exec(name)?.[1] ?? name)
      best = SITE_END.test(best)
        ? withoutSite(name)
        : SITE_NEXT.test(all[i + 1]?.text ?? '')
          ? withoutSite(`${best}办公室`) || best
          : best
    }
  })
  return best
}
