import type { Intent, InteractionType } from './parsed-message.ts'

/**
 * What the intent rules look at. parse-message.ts computes each feature on first read, so a rule that
 * is never tried costs nothing; they are read-only here.
 */
export interface IntentFeatures {
  readonly text: string
  readonly customer: string | null
  readonly contact: string | null
  readonly channel: InteractionType | null
  readonly stage: { stage?: string; strong: boolean; sent?: boolean } | null
  readonly hasAmount: boolean
  readonly hasPeriod: boolean
  readonly hasFutureDate: boolean
  /** A deal's expected close is said (`月底能签`, `expected to close end of Q1`). */
  readonly hasCloseDate: boolean
  /** `提醒我`, `remind me`: see hasReminderWord. */
  readonly reminderWord: boolean
  /** `查一下`, `look up`: see hasLookupVerb. */
  readonly lookupVerb: boolean
}

const HELP_ONLY =
  /^(?:\/?help|帮助|帮助一下|\?|怎么用|如何使用|使用说明|使用帮助|说明|功能|菜单|menu|commands?|usage|指令|命令|你能做什么|你会什么|你能干什么|你能干嘛|你可以做什么|能做什么|有什么功能|都能做什么|(?:你)?(?:都|还)?(?:能|会|可以)(?:帮我)?(?:干|做)?(?:些|点)?(?:啥|什么|哪些)(?:呀|啊|呢)?|what can (?:you|u) do|what do you do|how do i use (?:this|you|it)|how does (?:this|it) work|what are your commands|help me)[\s?!.~]*$/i
const HELP_ANY =
  /你能做什么|你会什么|怎么使用|使用说明|使用手册|操作指南|说明书|帮助文档|使用教程|what (?:else )?can (?:you|u) do|what (?:you|u) can do|what (?:can|should) i (?:ask|say|type)\b|how do i use|\bhelp\b|\buser guide\b|\bmanual\b/i
/** A question about the bot itself: what it supports, what to type, how to start. */
const HELP_ASK =
  /(?:你|您|机器人|助手|这个)?(?:有|支持|提供)(?:什么|哪些|啥)\s*(?:功能|命令|指令|用法|玩法|commands?|features?|functions?)|(?:功能|命令|指令)(?:有哪些|都有什么|列表|清单|介绍|说明)|(?:教|告诉)(?:一?下)?我(?:一下)?(?:怎么|如何)?(?:用|使用|操作)|教(?:一?下)?我(?:一下)?(?:怎么|如何|怎样)|(?:用法|使用|操作)(?:的)?(?:示例|例子|范例|样例)|举(?:几?个)?例子|教我一下|教教我|怎么玩|(?:你|您|这个?(?:bot|机器人|助手|小助手|工具|系统)|\bbot)(?:都|还|到底)?(?:能|可以|会)(?:帮我)?(?:做|干)?(?:些|点)?(?:什么|啥|哪些|嘛)|(?:这个?(?:bot|机器人|助手|小助手|工具)|你)(?:都|到底)?(?:有|有什么|有啥)用|你是(?:谁|干什么的|做什么的)|(?:有什么|有哪些)用法|\bwhat (?:commands|features|functions|options)\b|\bwhich commands\b|\b(?:list|show)(?: me)?(?: the| all| your)? (?:commands|features)\b|\bwhat (?:do|can) you (?:support|understand|help with|do for me)\b|\bwhat are you\b|\bhow does this (?:bot|thing) work\b|\bhow (?:do|can) i (?:get started|start)\b|\bwhat should i type\b|\bavailable commands\b|\bgetting started\b|\b(?:tips|tricks|pointers|advice|guide|tutorial|instructions)\b[^.!?]{0,20}\b(?:using|use)\s+(?:this|the|you)\b|\bhow (?:to|do i|should i) use (?:this|the|you)\b/i
/** Words every HELP_ASK phrasing holds, tested first because most messages have none. */
const HELP_ASK_HINT =
  /什么|哪些|啥|嘛|功能|命令|指令|教|告诉|怎么玩|有用|么用|你是|示例|例子|范例|样例|what|which|commands|features|how|getting|tips|tricks|pointers|advice|guide|tutorial|instructions/i
/** `查客户资料要怎么操作?`, `新建商机怎么弄`: asking how to work a feature, with no customer named. */
const HOW_TO_OPERATE = /(?:怎么|如何|怎样|咋)(?:操作|弄|搞)(?:啊|呢|呀)?[\s?？!！.。~]*$/
/**
 * `怎么设置提醒`, `提醒怎么设置?`, `这个机器人怎么用`, `how do I log a call`: a question about the bot or
 * one of its features, not the thing itself.
 */
const HELP_HOWTO =
  /^(?:help\s*[:：,，-]?\s*)?(?:请问)?(?:我)?(?:要|该)?(?:怎么|如何|怎样|咋)(?:才能)?(?:用|使用|设置|设|记录|录入|查|查询|添加|创建|新建|修改|删除|更新|改|加|建|删|录|标记|取消|关闭)|^(?:help\s*[:：,，-]?\s*)?(?:请问)?(?:这个)?(?:机器人|助手|bot|小助手|系统|工具|你|提醒|待办|日程|商机|线索|客户|联系人|跟进记录|拜访记录|记录|报表|管道|pipeline|reminders?|deals?|这个|这玩意儿?|这东西)(?:功能)?(?:到底|要|该|应该|可以|能)?(?:怎么|如何|怎样|咋)(?:用|使用|玩|操作|设置|设|添加|加|创建|建|录入|记录|查|查询|修改|删除|取消)(?:啊|呢|呀|的|哦)?[\s?!.~]*$|^how (?:do|can|should) (?:i|we)\b|^how to\b|^how (?:does|do) (?:this|the|you)\s*(?:bot|thing|assistant|reminders?)?\s*work/i
const LIST_REMINDERS =
  /(?:没|未)(?:有)?完成的(?:提醒|待办|任务)|我的\s*(?:提醒|待办|日程|reminders?|to-?dos?|tasks?|follow-?ups?)|设(?:了|过|置了|置过|定了)(?:哪些|什么|几个|多少)(?:提醒|待办)|^\s*(?:is there\s+)?(?:anything|anyone|what|who)(?:\s+else)?\s+(?:do\s+)?i\s+(?:need|have|got)\s+to\s+(?:chase|follow up(?: on| with)?|do|call|ping|email|contact)\b(?:\s+(?:today|tomorrow|this week))?\s*[?？]*\s*$|(?:今天|明天|本周|这周|下周|今日)(?:我)?(?:有|还有)(?:什么|啥|哪些)(?:要|需要|得|该)(?:跟|跟进|联系|做|处理|办)的?|(?:有哪些|有什么|有啥|查看|看看|看一下|列出|所有的?|全部的?)\s*(?:reminders?|to-?dos?)|(?:reminders?|to-?dos?)\s*(?:列表|清单|有哪些)|(?:提醒|待办|日程)(?:列表|清单)|(?:查看|看看|看下|列出|所有|全部|有哪些|有什么|有啥)(?:的)?(?:提醒|待办|日程)|提醒有哪些|待办(?:事项|列表|清单)|今天(?:要做什么|有什么安排|有啥安排|的安排)|(?:今天|明天|本周|这周|下周)的?(?:待办|提醒|安排|日程)(?=$|[\s?!.,~吗呢呀啊是有发给列看都])|\bmy (?:open |pending |upcoming |outstanding )?(?:reminders|to-?dos?|tasks|agenda|schedule|follow-?ups)\b|\b(?:list|show|see|view|check)\b(?: me)?(?: my| all| the)? (?:upcoming |pending |open )?(?:reminders|to-?dos|tasks)\b|\b(?:upcoming|pending|open|any) reminders\b|\bwhat(?:'s| is| are)? (?:on my (?:agenda|schedule|plate|calendar|list)|my reminders)|\bwhat reminders\b|\breminders? (?:are |is )?(?:due|coming up|pending)\b|\bwhat (?:reminders|to-?dos|tasks|follow-?ups) (?:do|have|did) (?:i|we)\b|\b(?:do|did) i (?:have|set) (?:any )?(?:reminders|follow-?ups|to-?dos)\b|\breminders? (?:i|i've|i have) set\b|\bwhat(?:'s| is) (?:due|coming up)\b|(?:设置|设|定|加|建|让你记)(?:过|了)?的(?:那些|这些|所有|全部|哪些)?(?:提醒|待办)|(?:提醒|待办)(?:事项)?(?:都|全部|全都)?(?:给我|帮我|发我)?(?:列出来|列一下|列给我|拉出来|给我看|发给我|有哪些|有什么|是什么|有几个|有多少|瞅瞅|瞧瞧|看看|看一下|看下|过一遍|念一下|说一下)|(?:让你|叫你|请你|要你)(?:帮我)?提醒(?:我)?的|\bwhat (?:do|should) i (?:need|have) to do\b|\bwhat (?:did|have) i (?:ask|asked|tell|told|want|wanted) you to remind me\b|\bwhat (?:was|am) i (?:supposed|meant) to (?:do|remember)\b|\bremind me what (?:i|my reminders)\b|\bwhat(?:'s| is| are) (?:on )?my (?:reminders|to-?do(?: list)?|list)\b|(?:有|设了|设置了|定了)(?:哪些|什么|几个|多少)(?:提醒|待办)|(?:还有|有没有)(?:什么)?(?:提醒|待办)|(?:今天|明天|后天|本周|这周|下周|周[一二三四五六日天])(?:都|还)?有(?:什么|啥|哪些)(?:安排|待办|提醒|日程|事情?要做)|\bwhat do i have (?:today|tomorrow|this week|next week|on)\b|\bwhat(?:'s| is) on (?:today|tomorrow|this week)\b/i
/** Words every LIST_REMINDERS phrasing holds; most messages have none, and the long regex is skipped. */
const LIST_HINT =
  /提醒|待办|日程|安排|要做|要跟|要联系|要处理|要办|chase|need to|have to|got to|remind|to-?do|task|agenda|schedule|plate|calendar|list|due|coming up|follow|supposed|meant|what/i
/**
 * `reminders pls`, `有啥要提醒我的`, `what's on my reminder list`: the list asked for by name alone, or
 * a question about what there is to be reminded of. Kept apart from LIST_REMINDERS and only tried
 * when `提醒我`/`list`/`reminders` is in the text, so the long regex stays fast.
 */
const REMIND_WHAT =
  /^\s*(?:my\s+)?(?:reminders|to-?dos)\s*(?:pls|please|plz|list)?[\s?!.]*$|(?:有|还有)(?:什么|啥|哪些|没有)(?:事|事情)?(?:要|需要|得|该)提醒我|(?:要|需要|该)提醒我(?:些|点)?(?:什么|啥|哪些)|\bon my (?:reminder|to-?do|follow-?up|task) list\b|\bwhat(?:'s| is| are)? (?:on )?my (?:reminder|follow-?up|task) list\b/i
const REMIND_WHAT_HINT = /提醒我|list|reminders|to-?dos/i
const SET_REMINDER =
  /提醒我|提醒下我|提醒一下|提个醒|设(?:置|定)?(?:一个|个)?提醒|别忘了|别忘记|(?:别|不要)让我忘|帮我记着|帮我记住|记得(?!我)|到时候?叫我|叫我一下|\bremind (?:me|us)\b|\b(?:set|schedule|add)(?: up)? (?:a )?follow-?up\b|设(?:个|一个)?跟进|\bremind\s*我|(?<!(?:里|上|中)\s?)\b(?:ping|nudge|call)\s*我(?:一下)?|\bset (?:up )?(?:a |an )?reminder\b|\breminder (?:for|to|at|on|about)\b|^\s*(?:reminder|提醒)\s*[:：-]|don'?t let me forget|\b(?:ping|nudge|alert) me\b/i
const TODO =
  /跟进|联系|回访|拜访|打(?:个)?电话|发(?:给|送)?|寄|送|交给|催|提交|准备|约|去|见|开会|演示|面谈|洽谈|商谈|聊|沟通|交流|碰头|吃饭|拜会|\b(?:follow up|call|email|send|prepare|check|ping|visit|meet|meeting|demo|lunch|dinner|coffee|sync|phone|text|ring|message|whatsapp|chase|get\b.{1,30}\bover to)\b/i
const DONE = /了|过了|完了|已经|刚|\b(?:called|emailed|sent|met|had|was|were|did|went)\b/i
/**
 * A plan that opens with its date, an order or who it is with and then its date (`明天给张总打电话`,
 * `Call Jane tomorrow`, `和华为张总明天见面`) is a to-do.
 */
const PLAN_OPENING =
  /^(?:(?:和|跟|与)[^,.;!?]{1,12}?(?:明天|后天|下周|周[一二三四五六日天]|下个?月|\d{1,2}[月号]))|^(?:今天|明天|后天|大后天|明儿|后儿|今儿|下礼拜|下周|这周|本周|周[一二三四五六日天]|星期|礼拜|下个?月|月底|今晚|明早|明晚|\d{1,2}\s*[月号日点:]|过\s*\S{1,2}(?:天|小时|分钟)|[\d一二两三四五六七八九十半]+\s*个?(?:天|小时|分钟|周)(?:以后|之后|后)|(?:tomorrow|tonight|next|on|in|at)\b|(?:call|email|send|follow up with|ping|text|meet|visit|schedule|prepare|check in with|phone|ring|message|whatsapp|(?:i\s+)?(?:need|have|got) to|gotta|must)\b(?!['’]))/i
const REMINDER_WORD = /提醒|\breminder\b/i
/** `call w/ Mike from Globex - ...`, `quick sync with Tom`: a note's heading, not an order to call. */
const LOG_HEADING =
  /^(?:(?:quick|short|brief|good|great|long|sync|intro|discovery|follow-?up|check-?in|phone|video|zoom|teams|weekly|first)\s+)*(?:call|meeting|mtg|sync|chat|catch-?up|lunch|dinner|coffee|demo|visit)\s+(?:w\/|with|w\b|at)/i
/** `call w/ Acme, f/u Monday`: a follow-up after the heading makes the heading a call made. */
const FOLLOW_UP_MARK = /[,.;]\s*(?:f\/u|follow[- ]?up|next step)/i
/** What the customer said or felt: a report of a contact that already took place. */
const REPORTED =
  /\b(?:they|he|she)(?:'re|'s|’re|’s| are| is| was| were| seem(?:s|ed)?| said| told| want(?:s|ed)?| liked| loved| agreed)\b/i
/** `周末团建去哪儿?`, `明天几点去华为?`: a question asks, it sets nothing. */
const QUESTION = /[?吗呢么]\s*$|哪儿|哪里|什么时候|几点|谁去|要不要|是不是/
const PIPELINE =
  /管道|漏斗|pipeline|\bpipe\b|\bwhat did we book\b|\bbooked\b|(?:closed[- ]?won|won|closed|signed)\s*(?:了)?\s*(?:多少|几)|\bcommit\b|\bcoverage\b|进账|到账|入账|\btotals?\b|合计|总计|\bhit (?:the|our|my) (?:number|numbers|target|quota)\b|\bmake (?:the|our) (?:number|numbers)\b|(?:商机|单子|订单|客户|销售)(?:的)?分布|按(?:阶段|销售|负责人|人|区域|团队)(?:看|统计|汇总|分)|\bby (?:stage|owner|rep)\b|\bbreakdown\b|新签(?:了)?(?:客户|单子|合同|订单|几|多少|哪些)|能签的(?:单子|商机|订单|客户)|funnel|forecast|deal flow|win\/loss|\brecap\b|\bround-?up\b|\bwhat (?:closed|(?:has|have|got|was|were) (?:closed|signed|won)|did we (?:close|sign|win)|(?:we|i) (?:closed|signed|won))\b|(?:新增|新建|新开|新录|录入|建)(?:了)?(?:哪些|什么|啥|几个|几单|多少)(?:新)?(?:商机|客户|线索|单子|订单)|(?:成交|签约|赢单|签单|签|赢|拿下|丢|输|中标)(?:了)?(?:多少|几|哪些|哪几)|(?:签约|成交|签单|回款|销售|订单)(?:额|金额|总额|量)|业务(?:情况|数据|进展)|预测|业绩|销售额|营收|回款|赢单率|转化率|win rate|conversion|汇总|报表|统计|概况|总览|dashboard|summary|report|how many deals|多少(?:个|单|笔)?(?:商机|单子|订单|客户|合同)|新增(?:了)?(?:多少)?(?:商机|客户|线索)|商机(?:数|数量|总额|金额|情况)|(?:成交|签约|赢单|签单|签)(?:了)?(?:多少|几)|(?:赢单|成交|签约|签单)情况|(?:赢单|丢单|输单|成交|签单)(?:和|与|及|、|跟)(?:赢单|丢单|输单|成交|签单)|\b(?:any|how many) deals? (?:got |were |was |been )?(?:closed|won|signed|lost)\b|多少[^,.;!?，。；！？]{0,4}的(?:单子|商机|订单|项目)|what did we (?:close|win|sign)|销售(?:情况|数据|进展|进度|额|排名)|排名|排行榜|战绩|战报|简报|月报|季报|how (?:did|are|is) (?:we|the team|my team|i) (?:do|doing|tracking|performing)|how are we tracking|\bperformance\b|\bresults\b|\bnumbers\b|revenue|quota|bookings|sales numbers|deals? (?:closed|won) this|\bdeals? (?:closing|slipping|at risk|in (?:the )?pipe)\b|\bwins?(?: and |\s*[&/]\s*)loss(?:es)?\b|\b(?:wins|losses)[\s?!.]*$/i
/** `closed deals`, `won deals this quarter`: deals listed by outcome. */
const LISTED_DEALS = /\b(?:closed|won|lost|signed|new|open|stalled|closing)(?:[- ]won)? deals\b/i
const PERIOD_QUESTION =
  /数据|情况|怎么样|如何|咋样|表现|进展|成果|收获|总结|盘点|回顾|\bhow\b|\bstats\b|\bnumbers\b|\boverview\b|\bwrap-?up\b|\bsales\b|\bso far\b|\bwins\b|\blosses\b/i
const DEAL_CHANGE =
  /(?:单子|商机|项目|订单|合同|deal|opportunity|opp)\s*.{0,6}(?:金额|报价|合同额|预算|价格|总价|amount|value|size|worth|valued|(?:改|调|更新|变)(?:成|为|到)|(?:降|涨|升|提|减|砍|加)(?:到|至|为))|(?:金额|amount|value)\s*.{0,4}(?:调整|改为|改成|更新|变更|调到|提高|降到|to\b)|\b(?:bumped|raised|increased|upped|expanded|reduced|lowered)\s+(?:the\s+)?(?:order|deal|contract|seats|licen[cs]es|scope|po)\b|^\s*(?:bump|raise|lower|increase|decrease|drop|cut|update|change|revise)\s+[^.!?]{1,40}?\s+(?:up |down )?to\s+(?:[A-Z]{1,2}\$|[$€£¥₹]|\d)|\b(?:amount|value|deal size|budget)\s+(?:update|updated|change|changed|revise|revised|adjust|adjusted|increase|increased|reduce|reduced)\s+(?:to|as)\b|\b(?:update|change|set|bump|raise|lower|increase|decrease|mark)\b.{0,40}\b(?:deal|opportunity|opp|amount|stage|as)\b/i
/** Someone's words reported: a close date in them makes a note, not a deal update of our own. */
const SAID = /说|表示|反馈|透露|暗示|提到|确认|\b(?:said|says|told|mentioned|confirmed)\b/i
/** Words that make the deal itself the subject: `商机转谈判`, `deal moved to proposal`, `进入方案阶段`. */
const DEAL_FRAME =
  /阶段|stage|商机|单子|\bdeal\b|opportunit|\bopp\b|→|->|=>|\bmark|\bmove[sd]? to\b|进入|推进到|推到|转(?:为|成|到|入)?\s*(?:qualified|proposal|negotiation|lead|线索|谈判|方案|报价|合格)/i
const CLOSED: ReadonlySet<string> = new Set(['won', 'lost'])
/** Words that put a sum on a deal rather than mention one in passing. */
const DEAL_MONEY =
  /金额|报价|合同额|合同金额|成交价|总价|预算|估值|预计|预估|\best\.|\bestimated\b|\bpotential\b|\bdeal\s*[:,-]?\s*(?:[A-Z]{1,2}\$|[$€£¥]|\d|(?:usd|eur|gbp|hkd|sgd|rmb|cny)\b)|(?:单子|商机|项目|订单)\s*[:,]?\s*(?:[$€£¥]|\d|[一二三四五六七八九十两])|\b(?:worth|valued at|deal size|deal value|acv|arr|tcv|quoted?|quotation|upgraded|upsell|upsold|expanded|renewed)\b|(?:单子|商机|项目|订单|合同)(?:现在|目前)?(?:总共|一共|总额|总价|合计)|\b(?:whole thing|total|deal|it)(?:'s|’s| is)? now\b|\bdeal (?:is|was|now|at) (?:now )?(?:[A-Z]{1,2}\$|[$€£¥₹]|rs\b|\d)/i
/** `new deal: Hooli, $2M`, `蓝鲸网络建个商机`: a deal opened, with no stage named. */
const NEW_DEAL =
  /^\s*(?:new|add(?:ed)?(?: a)?(?: new)?|open(?:ed)?(?: a)?(?: new)?)\s+(?:deal|opp(?:ortunity)?)\b|^\s*新(?:建|增)?的?(?:商机|单子|项目|机会)\s*[:,-]|(?:新建|建|创建|录|录入|添加|加|开)了?(?:一?个|一条|条)(?:新的?)?(?:商机|单子|项目|机会)/i
const NUMBERED_STAGE = /\b(?:moved|advanced|progressed|now|is) (?:to |in |at )?stage\s*\d\b/i
/** A deal put on hold or pushed back: an update with no stage of its own. */
const DEAL_STATUS =
  /(?:单子|商机|项目|订单|deal|opportunity).{0,8}(?:搁置|暂停|延期|推迟|取消|冻结|on hold|paused|postponed|delayed|slipped|pushed)|^\s*\S+(?:\s+\S+)?\s+(?:got\s+|has\s+|was\s+)?(?:pushed|slipped|delayed|postponed)\s+(?:to|into|until|till)\b/i
const LOOKUP_VERB =
  /查一下|查一查|查下|查查|查询|搜索|搜一下|调出|^查|^搜|^找|找一下|看看|看一下|\b(?:find|lookup|look up|search|show me|pull up|tell me about|who is|who's|what's the status|status of|how is|how's|any updates? on|info on|details on|history with|history of|what do (?:we|you|i) (?:know|have) (?:about|on)|(?:any|the|our|my) (?:notes?|info|information|intel|news|background|records?|history) (?:on|about|for|with)|anything (?:new )?(?:on|about|with|from)|notes on|background on|latest (?:on|with)|what(?:'s| is|s) (?:new|up|happening|going on|the latest) (?:with|at|on)|where (?:are we|do we stand|did we leave (?:it|things)) with|catch me up on|brief me on|(?:the )?rundown on|remind me (?:who|what) .{1,30} (?:is|are)|who(?:'s| is| are) (?:our|the|my) (?:contacts?|champion|person|poc) (?:at|for)|who do (?:we|i) know at|open (?:the )?account)\b|了解一下|介绍一下|说说|讲讲|帮我看|瞅瞅|翻一下|调一下|什么情况|啥情况|情况如何|进展如何|跟进到哪|到哪一步|(?:到|在)(?:了)?(?:哪个|什么)\s*(?:阶段|stage)|聊到哪|查一哈|看一哈|瞅一哈|瞅一眼|看一眼|瞧瞧/i
/**
 * Questions about a customer that only count once one is named: who owns it (`谁在跟`, `who owns`),
 * how to reach them (`联系方式`), its records (`拜访记录`), `do we have anyone at X`.
 */
const LOOKUP_ASK =
  /(?:谁|哪个|哪位)(?:销售|同事|人|负责人)?(?:在)?(?:跟进?|负责|对接|管|维护)|(?:负责人|对接人|销售|客户经理|业务员|owner)(?:是谁|是哪位|是哪个)|归谁|谁的客户|联系方式|联系电话|电话号码|手机号|微信号|邮箱地址|(?:拜访|跟进|沟通|通话|联系|往来|交流|会议|聊天|合作)(?:记录|历史)(?!一下|下)|\bwho (?:owns|covers|handles|manages|runs|has)\b|\bwho(?:'s| is) (?:the )?(?:owner|rep|ae|account (?:owner|manager)|owning|covering|handling|managing|following|working on|on)\b|\bdo (?:we|i) (?:have|know) (?:anyone|anybody|someone|somebody|a contact|any contacts?|people|a champion) (?:at|in|from|over at)\b|\b(?:contact|phone|email) (?:info|details|number|address)(?:es)? (?:for|of|at)\b|\blatest on\b|\bwhere (?:are we|do we stand)(?: at)?\s*[?.!]*$/i
const LOOKUP_OBJECT =
  /有几个|有多少|有哪些|商机|单子|\bdeals\b|\bopportunities\b|资料|信息|情况|跟进记录|联系人|详情|近况|进展|怎么样|最近|档案|\bstatus\b|\bcontacts?\b|\binfo\b|\bdetails\b|\bhistory\b|\bupdates?\b/i
const LOOKUP_START =
  /^(?:帮我|请)?(?:查|搜|找|看看|看一下|看一哈|瞅瞅|瞧瞧|调出|show\b|find\b|lookup\b|look up\b|search\b|pull up\b|who\b)/i
/** `蔚来的对接人电话多少`, `what's Jane's email`: asking for a way to reach someone, not a contact made. */
const CONTACT_DETAIL =
  /(?:电话|手机|手机号|邮箱|微信|微信号|地址|联系人|对接人|负责人|联系方式|名片)(?:号码)?(?:是)?(?:多少|是什么|是啥|发我|发给我|发一下|给我|推给我|推我|有吗|有没有)|\bwhat(?:'s| is| are)\s+(?:the\s+|their\s+|his\s+|her\s+)?(?:[A-Z][a-z]+(?:'s|’s)\s+)?(?:e-?mail|phone|number|mobile|cell|contact|address)\b/i
/**
 * `X之前跟我们合作过吗`, `X以前报过价没有`, `谁拜访过X`, `have we ever worked with X?`: a question about
 * the history with a customer, answered from its records, not a contact being reported.
 */
const HISTORY_ASK =
  /(?:上次|上一次|最近一次|最后一次)[^,，。;；!！]{0,8}?(?:是)?(?:什么时候|啥时候|哪天|几号)|\bwhen (?:was|did) (?:we|i|you)(?: last|[^.!?]{0,30}\blast)\b|\bwhen (?:was|is) (?:the|our) last\b|(?:之前|以前|此前|过去|曾经|有没有|是否|以往)[^,，。;；!！]{0,12}过[^,，。;；!！?？]{0,10}(?:吗|么|没有?|嘛|[?？])\s*[?？]?\s*$|(?:谁|哪个|哪位|哪些)(?:同事|销售|人)?(?:之前|以前|最近|上次)?(?:去|在|有)?(?:拜访|联系|跟进|对接|接触|见|去|来|打电话给|打过电话|沟通|谈|聊|报价|负责)过|\b(?:have|has|did) (?:we|i|you|anyone|anybody|someone|somebody|our team)(?: ever| already| previously| before)? (?:work(?:ed)?|do(?:ne)? business|deal(?:t)?|met|meet|visit(?:ed)?|call(?:ed)?|quote(?:d)?|sell|sold|pitch(?:ed)?|spoken|speak|talk(?:ed)?|contact(?:ed)?|engage(?:d)?)\b[^.!]*\?\s*$|\bwho(?:'s| has| have)? (?:last |ever |already |previously )?(?:visited|called|met|spoken|spoke|talked|been to|worked with|dealt with|contacted|pitched)\b|^\s*(?:has\s+|did\s+)?(?:anyone|anybody|someone|somebody)(?: here| on the team)?\s+(?:talked|spoken|spoke|been|met|called|reached out|heard from|visited|contacted|followed up)\b/i
/** `open the DHL record`, `bring up Acme's file`: asking to see a customer's card. */
const OPEN_RECORD =
  /^\s*(?:please\s+)?(?:open|bring up|pull up|show|get|fetch|load)\b[^.!?]{0,40}\b(?:record|records|file|profile|card|page|account|entry|notes)\b|^(?:帮我)?(?:打开|调出|调取|拉出|拉一下|调一下)/i
/** `华为的张总是谁`, `who is Jane at Acme`: asking about a person. */
const WHO_IS = /是谁|是哪位|什么来头|什么背景|\bwho(?:'s| is)\b/i
/** Channel words that only ever describe work with a customer, unlike a casual `meeting`. */
const WORK_CONTACT =
  /拜访|回访|来电|来访|上门|电话沟通|打了个?电话|\b(?:called|visited|emailed|phoned|met with)\b/i
/** Verbs of working a customer that name no channel (`跟进了一下顺丰`). */
const WORK_VERB =
  /跟进了|沟通了|联系了|交流了|聊了|谈了|对接了|聊过|谈过|约了|\bf\/u (?:w\/|with)|\b(?:followed up|checked in|caught up|touched base|synced|spoke|talked)\b/i
const SOMEONE_SAID =
  /(?:客户|对方|他们|甲方)(?:那边)?(?:说|表示|反馈|觉得|认为|嫌|要求|提出)|\b(?:client|customer|they)\s+(?:said|says|told|felt|feel|think|thinks)\b/i
/**
 * `泡泡玛特新出的盲盒太可爱了`, `Tesla stock is up again`: talk about a company's products, shares or
 * news, not about working with it. With no contact, channel or work verb it is small talk.
 */
const PUBLIC_CHATTER =
  /新出的|新款|新品|上新|出新品|股价|股票|新闻|报道|顺手买|买了(?:个|一个|一台|一部|一件|台|部|件)|好用|\bin the news\b|\bheadlines?\b|涨停|跌停|市值|财报|热搜|上新闻|广告(?:片|词)?(?:也|真|太|好)|发布会上|(?:太|好|真|超)(?:可爱|好看|好吃|好喝|好玩|帅|酷|香)|\b(?:stock|shares|share price|market cap|earnings|ipo|commercial|ad campaign|new (?:phone|product|release|model|collection|flavou?r|drop))\b|\b(?:so|too|really) (?:cute|cool|tasty|delicious|pretty)\b/i
/** Words that put us and the customer in one story: `阿里那边`, `they told us`. */
const RELATION = /那边|这边|对方|客户|他们|她们|我们|咱们|我司|\b(?:they|us|we|our)\b/i
const NOTE =
  /记一下|记录一下|备注|备忘|^\s*(?:note|log|fyi|heads[- ]up)\b|(?:加|记|写|添|留)(?:个|一个|一条|条|下)?\s*(?:note|notes|memo)\b|\b(?:add|adding|log|put|jot) (?:a |an )?(?:quick )?(?:note|memo)\b/i
const NARRATIVE =
  /说|表示|反馈|投诉|汇报|请示|商量|考虑|评估|内部讨论|聊|谈|沟通|交流|答应|同意|拒绝|觉得|认为|提到|问了|咨询|发了|送了|介绍|演示|来电|来访|参观|暗示|透露|确认|\b(?:said|told|mentioned|asked|agreed|wants|loved|liked|complained|confirmed|promised|sent|shared|presented|demoed|discussed|says|thinks|feels|wants|needs|will|is ready|are ready)\b/i

/** Counts sentiment words; a callback because it is only worth computing for a few rules. */
type SentimentHits = () => number
type Rule = {
  intent: Intent
  /** The highest score the rule can give: once another rule is at least this sure, it is not tried. */
  max: number
  score: (f: IntentFeatures, sentimentHits: SentimentHits) => number
}

/** Each rule says how sure it is; the surest wins, earlier rules win ties. */
const RULES: readonly Rule[] = [
  {
    intent: 'help',
    max: 0.95,
    score: (f) => {
      if (HELP_ONLY.test(f.text)) return 0.95
      if (HELP_HOWTO.test(f.text)) return 0.92
      if (HELP_ASK_HINT.test(f.text) && HELP_ASK.test(f.text) && !f.customer) return 0.9
      if (HOW_TO_OPERATE.test(f.text) && !f.customer) return 0.9
      return f.text.length < 30 && HELP_ANY.test(f.text) ? 0.7 : 0
    },
  },
  {
    intent: 'list_reminders',
    max: 0.92,
    score: (f) =>
      (LIST_HINT.test(f.text) && LIST_REMINDERS.test(f.text)) ||
      (REMIND_WHAT_HINT.test(f.text) && REMIND_WHAT.test(f.text))
        ? 0.92
        : 0,
  },
  {
    intent: 'set_reminder',
    max: 0.9,
    score: (f, sentimentHits) => {
      if (f.reminderWord) return 0.9
      if (REMINDER_WORD.test(f.text) && f.customer) return 0.6
      // `周四跟进一下碧桂园`: a to-do with a date still to come reads as a reminder.
      // Only a to-do about someone: `明天见` and `周末去哪玩` are chat.
      if (!(f.customer || f.contact) || !f.hasFutureDate || DONE.test(f.text)) return 0
      if (!TODO.test(f.text) && !LOG_HEADING.test(f.text)) return 0
      if (QUESTION.test(f.text)) return 0
      if (LOG_HEADING.test(f.text))
        return REPORTED.test(f.text) || FOLLOW_UP_MARK.test(f.text) || sentimentHits() ? 0 : 0.89
      if (PLAN_OPENING.test(f.text)) return 0.89
      // `跟进一下山东重工,他们说下周签`: what the customer said is a report, its date theirs.
      return SOMEONE_SAID.test(f.text) ? 0 : 0.6
    },
  },
  {
    intent: 'update_deal',
    max: 0.9,
    score: (f) => {
      // `给拼多多的何总发了方案` is first a note on the contact; `给京东发了方案` moves the deal.
      // `和华为的张总开了会,需求确认了`: a middle stage in a report of a contact is the note's content.
      if (
        f.stage?.strong &&
        f.channel &&
        f.contact &&
        !CLOSED.has(f.stage.stage ?? '') &&
        !DEAL_FRAME.test(f.text)
      )
        return 0.8
      // `下周一前把方案发给江苏银行`: a proposal still to send is a to-do, not a stage reached.
      if (f.stage?.sent && f.hasFutureDate && !DONE.test(f.text)) return 0.6
      if (f.stage?.strong) return f.customer ? (f.stage.sent && f.contact ? 0.7 : 0.9) : 0.7
      if ((f.hasAmount || f.stage) && DEAL_CHANGE.test(f.text)) return f.customer ? 0.88 : 0.7
      // `小米月底能签`, `Acme expected to close end of Q1`: the deal's close date. Said by someone
      // (`王总说下周签`) or with a channel, it is a note's, which sets the close date too.
      if (f.customer && f.hasCloseDate && !f.channel && !f.contact && !SAID.test(f.text)) return 0.83
      if (f.customer && DEAL_STATUS.test(f.text)) return 0.75
      if (f.customer && NEW_DEAL.test(f.text)) return 0.8
      // `Hooli moved to stage 3`: a numbered stage of the team's own process.
      if (f.customer && NUMBERED_STAGE.test(f.text)) return 0.75
      // `比亚迪报价120万`, `字节跳动合同额十五万`: a sum put on a customer, with no one spoken to.
      if (f.hasAmount && f.customer && !f.contact && !f.channel && DEAL_MONEY.test(f.text)) return 0.72
      return 0
    },
  },
  {
    intent: 'log_interaction',
    max: 0.88,
    score: (f, sentimentHits) => {
      const who = f.customer || f.contact
      if (f.channel && who) return f.contact ? 0.88 : 0.84
      if (
        !(f.contact || f.channel || WORK_VERB.test(f.text) || RELATION.test(f.text)) &&
        PUBLIC_CHATTER.test(f.text)
      )
        return 0
      if (NOTE.test(f.text)) return who ? 0.85 : 0.65
      if (f.contact && (NARRATIVE.test(f.text) || sentimentHits())) return 0.75
      if (f.customer && sentimentHits() && NARRATIVE.test(f.text)) return 0.65
      if (f.customer && WORK_VERB.test(f.text)) return 0.7
      if (f.customer && NARRATIVE.test(f.text)) return 0.6
      if (f.customer && sentimentHits()) return 0.58
      if (f.channel && WORK_CONTACT.test(f.text)) return 0.55
      // `客户说价格太高`: what an unnamed customer said, with feeling, is still a note on them.
      if (SOMEONE_SAID.test(f.text) && sentimentHits()) return 0.55
      return 0
    },
  },
  {
    intent: 'pipeline_summary',
    max: 0.9,
    score: (f) => {
      if (PIPELINE.test(f.text) || LISTED_DEALS.test(f.text))
        return f.customer ? 0.6 : f.hasPeriod ? 0.9 : 0.85
      // `看看这个月的数据`: a period plus a vague "how is it going" is still a summary.
      return !f.customer && !f.contact && PERIOD_QUESTION.test(f.text) && f.hasPeriod ? 0.7 : 0
    },
  },
  {
    intent: 'lookup_customer',
    max: 0.9,
    score: (f) => {
      if (!(f.customer || f.contact)) return 0
      if (LOOKUP_START.test(f.text) || CONTACT_DETAIL.test(f.text)) return 0.9
      if (f.customer && (HISTORY_ASK.test(f.text) || OPEN_RECORD.test(f.text))) return 0.9
      if (f.contact && WHO_IS.test(f.text)) return 0.87
      if (!f.customer) return 0
      if (f.lookupVerb || LOOKUP_ASK.test(f.text)) return 0.87
      if (LOOKUP_OBJECT.test(f.text)) return 0.72
      // A message that is nothing but a name is most likely a look-up.
      return f.text.replace(/[\s?？!！.。]/g, '').length <= f.customer.length + 2 ? 0.6 : 0
    },
  },
]

/** Below this, nothing is believed and the message is `unknown`. */
const FLOOR = 0.5

/** The intent and how sure the rules are of it (0..1). */
export function detectIntent(
  f: IntentFeatures,
  sentimentHits: SentimentHits,
): { intent: Intent; confidence: number } {
  let intent: Intent = 'unknown'
  let confidence = 0
  for (const rule of RULES) {
    // Earlier rules win ties, so a rule that cannot score higher changes nothing.
    if (rule.max <= confidence) continue
    const s = rule.score(f, sentimentHits)
    if (s > confidence) {
      confidence = s
      intent = rule.intent
    }
  }
  return confidence >= FLOOR ? { intent, confidence } : { intent: 'unknown', confidence: 0.4 }
}

/** Cheap pre-checks the entry point uses before the full rules run. */
export const hasLookupVerb = (text: string) => LOOKUP_VERB.test(text)
export const hasReminderWord = (text: string) => reminderWordAt(text) !== null
/** Where `remind me` / `提醒我` sits in the text, to tell the reminder's own date from others. */
export function reminderWordAt(text: string): { start: number; end: number } | null {
  const m = SET_REMINDER.exec(text)
  return m ? { start: m.index, end: m.index + m[0].length } : null
}
