import { leftmostOf } from './any-of.ts'
import type { InteractionType } from './parsed-message.ts'

/**
 * How the rep was in touch. The channel named first wins (`电话回访` is a call, `去了华为开会` a
 * visit); `note` only when the text says it is a note and names no channel.
 */
const CHANNELS: readonly [InteractionType, RegExp][] = [
  // `voicemail` holds `email`: the word must start there.
  [
    'email',
    // `Sent Jane the MSA`: a document sent to a person goes by email.
    /邮件|邮箱|\be-?mail(?:ed)?|\bmailed\b|\bsent\b(?: over)?(?: [A-Z][a-z]+)?(?: over)? (?:the |a |an |our |my |him |her |them )?(?:signed |revised |updated |final |new |draft )?(?:msa|nda|sow|contract|proposal|quote|quotation|invoice|deck|slides|one-pager|brochure|agreement|pricing sheet|price list|order form|redlines?)\b/i,
  ],
  [
    'call',
    /电话|通话|来电|致电|\b(?:off|on) the phone\b|打给|回电|电联|语音通话|视频通话|(?:微信|钉钉|飞书|企微)(?:语音|视频)(?!会)|(?:\b(?:quick|short|brief|sync|catch-?up|intro|discovery|follow-?up|check-?in|status|kick-?off|phone|video|conference|zoom|teams|con)\s+)+call\b|\bcall(?:ed|ing)?\b|\bphoned\b|\b(?:by|over the|via) phone\b|\bphone (?:call|chat|conversation|convo|meeting)\b|^\s*phone\b|\brang\b|没接|未接|没人接|\bno answer\b|\b(?:didn'?t|did not|doesn'?t|never) (?:pick up|answer)\b|\bdial(?:l?ed)?\b|voice ?mail|语音留言|\bvm\b|\bon the phone\b|\b(?:spoke|talked|chatted) (?:to|with|w\/)/i,
  ],
  [
    'message',
    /(?:微信|钉钉|企微|企业微信|飞书)(?!语音|视频|电话|会议|会)|发了?(?:条|个|一条)?(?:消息|信息|短信)|短信|留言|私信|whats ?app|wechat|\btext(?:ed)?\b|messag(?:ed|e)\b|\bslack(?:ed)?\b|\bdm(?:ed|'d)?\b|\bpinged\b|\bping(?:ed)?\s*(?:我|me)\b|\bshared channel\b|\bsms\b|linkedin/i,
  ],
  [
    'meeting',
    /开(?:了|完|过)?(?:个|一个|一次|一场)?[\u4e00-\u9fff]{0,5}?会(?![员计员费])|会议|(?:评审|复盘|启动|交流|沟通|对接|研讨|说明|见面|宣讲|汇报|答疑|推介|协调|碰头|讨论|澄清|述标|线上|视频)会(?![员计费])|会面|会谈|会晤|会见|约见|见面|面谈|面聊|见了|碰到|遇到|展会|webinar|视频(?!通话)|碰头|碰了个?面|吃(?:了|完|过)?(?:个|顿|一顿)?(?:饭|午饭|晚饭|早饭|便饭)|饭局|喝(?:了)?(?:个|点|杯)?(?:酒|茶|咖啡)|演示|路演|\bdemo(?:ed|'d)?\b|\bpresent(?:ed|ation)\b|\bwalkthrough\b|\bworkshop\b|\bon-?site meeting\b|午餐|晚餐|\bmeeting\b|\bmtgs?\b|\bkick-?off\b(?!\s+call)|\bmet\b|\bmeet\b|\bsat down\b|(?<![\d:])1:1(?![\d:])|\b(?:one|1)-on-(?:one|1)\b|\bhuddle\b|\bbreakfast\b|\bdrinks\b|\blunch\b|\bdinner\b|\bcoffee\b|\bzoom(?:ed)?\b|\bwebex\b|\bteams\b|\bsync(?:ed)?\b/i,
  ],
  [
    'visit',
    /拜访|上门|去了|去过|跑了?一?趟|跑了[一二两三四五六七八九十几\d]+(?:家|个)|去一趟|走访|来访|到访|参观|考察|登门|实地|现场(?:拜访|调研|考察|沟通|交流|支持)|来(?:了)?(?:我司|我们(?:公司|office|办公室|这边|展厅)|公司|office|展厅)|到我司|去(?:了|过)?[\u4e00-\u9fffA-Za-z]{1,8}?(?:总部|工厂|厂里|办公室|办公楼|公司|现场|门店|园区|基地)|(?<![过回出进上下失])去(?:了|过)?(?![年掉除哪玩吃喝])[\u4e00-\u9fffA-Za-z]{2,10}?(?:见了?|找了?|拜|开会|开了|聊|谈|交流|沟通|演示|调研|看了|看设备|看现场|看样)|(?:刚|刚刚|才)?从[\u4e00-\u9fffA-Za-z]{2,10}?(?:回来|出来|离开)|visit(?:ed|ing)?|(?:dropped|stopped|swung|popped|came) (?:by|in|over)|\b(?:went|headed|drove|flew|go|going|travel(?:l?ed)?) (?:over |down |out |up )?to (?:see|meet)\b|went (?:to|over to) (?:their|the|[A-Z])[\w ]{0,30}?(?:office|hq|headquarters|site|plant|factory|campus)|on[- ]?site/i,
  ],
  // `Went to SIA Engineering`: going to a named place is a visit. Case-sensitive, so `went to see`
  // and `went to lunch` are not.
  ['visit', /\b[Ww]ent (?:over )?to (?!Lunch|Dinner|Breakfast|Coffee|Drinks|The\b)[A-Z]/],
]
const firstChannel = leftmostOf(CHANNELS)
const NOTE =
  /记一下|记录一下|备注|备忘|^\s*(?:note|log|fyi|heads[- ]up)\b|(?:加|记|写|添|留)(?:个|一个|一条|条|下)?\s*(?:note|notes|memo)\b|\b(?:add|adding|log|put|jot) (?:a |an )?(?:quick )?(?:note|memo)\b/i

/** The channel of a logged interaction, or null when the text names none. */
export function interactionType(text: string): InteractionType | null {
  return firstChannel(text)?.value ?? (NOTE.test(text) ? 'note' : null)
}
