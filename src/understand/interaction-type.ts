import type { InteractionType } from './parsed-message.ts'

/**
 * How the rep was in touch. The channel named first wins (`电话回访` is a call, `去了华为开会` a
 * visit); `note` only when the text says it is a note and names no channel.
 */
const CHANNELS: readonly [InteractionType, RegExp][] = [
  ['email', /邮件|邮箱|e-?mail(?:ed)?|\bmailed\b/i],
  [
    'call',
    /电话|通话|来电|致电|打给|回电|电联|语音通话|视频通话|\bcall(?:ed|ing)?\b|\bphone(?:d)?\b|\brang\b|\b(?:spoke|talked|chatted) (?:to|with)\b/i,
  ],
  [
    'message',
    /微信|发了?(?:条|个|一条)?(?:消息|信息|短信)|短信|钉钉|企微|企业微信|飞书|留言|私信|whats ?app|wechat|\btext(?:ed)?\b|messag(?:ed|e)\b|\bslack(?:ed)?\b|\bdm(?:ed|'d)?\b|\bpinged\b|\bsms\b|linkedin/i,
  ],
  [
    'meeting',
    /开(?:了|完|过)?(?:个|一个|一次)?会|会议|线上会|视频会|见面|面谈|面聊|见了|碰到|遇到|展会|webinar|视频(?!通话)|碰头|碰了个?面|吃饭|吃了个?饭|饭局|喝(?:了)?(?:个|点|杯)?(?:酒|茶|咖啡)|演示|路演|\bdemo(?:ed|'d)?\b|\bpresentation\b|午餐|晚餐|\bmeeting\b|\bmet\b|\bmeet\b|\blunch\b|\bdinner\b|\bcoffee\b|\bzoom\b|\bwebex\b|\bteams\b|\bsync(?:ed)?\b/i,
  ],
  [
    'visit',
    /拜访|上门|去了|来访|到访|参观|考察|登门|来(?:我司|我们公司|公司)|到我司|visit(?:ed)?|dropped by|stopped by|on-?site/i,
  ],
]
const NOTE = /记一下|记录一下|备注|^\s*(?:note|log)\b/i

/** The channel of a logged interaction, or null when the text names none. */
export function interactionType(text: string): InteractionType | null {
  let best: InteractionType | null = null
  let at = Number.POSITIVE_INFINITY
  for (const [type, re] of CHANNELS) {
    const m = re.exec(text)
    if (m && m.index < at) {
      at = m.index
      best = type
    }
  }
  if (best) return best
  return NOTE.test(text) ? 'note' : null
}
