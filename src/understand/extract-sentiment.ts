import { anyOf } from './any-of.ts'
import type { Sentiment } from './parsed-message.ts'
import {
  EMOJI_PHRASES,
  EN_DEGREE,
  EN_PHRASES,
  EN_POLARITY,
  ZH_DEGREE,
  ZH_PHRASES,
  ZH_POLARITY,
} from './sentiment-lexicon.ts'

/** The sentiment read from a message: a label and a score in [-1, 1]. */
export interface FoundSentiment {
  sentiment: Sentiment
  score: number
  /** How many lexicon words were seen; 0 means the text carries no sentiment at all. */
  hits: number
}

const byLength = (words: string[]) => [...words].sort((a, b) => b.length - a.length)
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const ZH_WORDS = new RegExp(byLength(Object.keys(ZH_POLARITY)).map(escapeRe).join('|'), 'g')
const EN_WORDS = new RegExp(`\\b(?:${byLength(Object.keys(EN_POLARITY)).map(escapeRe).join('|')})\\b`, 'gi')
const ZH_DEGREE_END = new RegExp(`(${byLength(Object.keys(ZH_DEGREE)).join('|')})$`)
/**
 * A negator up to three characters before the word: `不满意`, `不太满意`, `不是很满意`, `并不担心`;
 * the 别 of `特别` and `分别` is not one.
 */
const ZH_NEGATED = /(?:不|没|未|(?<![特分区级类个])别|毫无|无)[^,.!?;:，。！？；：]{0,2}$/
const ZH_NOT_NEGATION = /不仅|不但|不光|不得不|没想到|不知道|不少|不小|不断|不停|不久/
const EN_NEGATORS = /\b(?:not|no|never|hardly|barely|without|nothing|\w+n['’]t|cannot)\b/i
const CONTRAST = /但是|但|不过|可是|然而|\bbut\b|\bhowever\b|\bthough\b/gi
/** Surrogate pairs and the symbol blocks emoji live in. */
const HAS_EMOJI = /[\ud83c-\ud83e\u2600-\u27bf]/
/** The phrase rules of each language at once: few messages hold any. */
const ANY_ZH_PHRASE = anyOf(ZH_PHRASES.map(([re]) => re))
const ANY_EN_PHRASE = anyOf(EN_PHRASES.map(([re]) => re))
/** The clause-ending marks, as one string: a lookup per character, not a regex call. */
const CLAUSE_END = ',.!?;:，。！？；：'

/** Weight of words after a contrast (`…, but worried about delivery`): the later clause counts more. */
const AFTER_CONTRAST = 1.5
const NEGATED = -0.7
/** `没问题`, `并不担心`: a denied worry reads as reassurance, a little stronger than the worry. */
const NEGATED_NEGATIVE = -1.2
const THRESHOLD = 0.2
/**
 * `暂时没进展`, `no reply yet`: a setback marked as for now is a status, not a feeling, unless it is
 * said to last (`一直没回`, `still no reply`).
 */
const FOR_NOW_BEFORE = /暂时|目前|暂|尚|还没|还未|还$|\bso far\b|\bfor now\b|\bas of now\b/i
const FOR_NOW_AFTER = /^[^,.!?;，。！？；]{0,12}?\b(?:yet|so far|for now)\b/i
const LASTING = /一直|始终|仍然|仍|依然|总是|老是|又|\bstill\b|\bagain\b|\bever\b/i
const FOR_NOW = 0.3
const RIVAL = /^(?:competitors?|rivals?|other vendors?)$/
const PASSING = /\b(?:also|too|as well)\b/i
/**
 * `对故障预测这块特别感兴趣`: what a customer is interested in is the topic, not a feeling; words
 * inside it (`故障`, `风险`) are not counted.
 */
const TOPIC =
  /对([^,.!?;，。！？；]{1,14}?)(?:这块|这部分|这方面|方面|这个|这些)?(?:都|也|还)?(?:很|非常|特别|挺|比较|十分|超级|蛮|更)?(?:感兴趣|有兴趣|关注|好奇|兴趣很大)/g

function topicSpans(text: string): [number, number][] {
  if (!text.includes('对')) return []
  const spans: [number, number][] = []
  TOPIC.lastIndex = 0
  for (let m = TOPIC.exec(text); m; m = TOPIC.exec(text))
    spans.push([m.index + 1, m.index + 1 + (m[1]?.length ?? 0)])
  return spans
}

/**
 * `unhappy with their current vendor`, `对现在的供应商很不满`: the customer's pain with whoever
 * serves them now is our opening. The words inside are not counted; the whole counts as good news.
 */
const INCUMBENT_PAIN =
  /\b(?:unhappy|not happy|frustrated|dissatisfied|fed up|annoyed|disappointed|not satisfied|sick)\s+(?:with|of|about)\s+(?:their|the|its|his|her)?\s*(?:current|existing|incumbent|present|old|legacy)\s+(?:vendor|provider|supplier|system|solution|tool|partner|platform|software)s?\b|对(?:现在|目前|现有|原来|原有|当前|现用)的?(?:供应商|厂商|服务商|系统|方案|软件|平台)[^,.!?;，。！？；]{0,6}?(?:不满意?|失望|头疼|吐槽|很烦)/gi
const INCUMBENT_HINT =
  /current|existing|incumbent|legacy|\bold |\bpresent |现在|目前|现有|原来|原有|当前|现用/i
const INCUMBENT_PAIN_POLARITY = 0.8

function incumbentSpans(text: string): [number, number][] {
  if (!INCUMBENT_HINT.test(text)) return []
  const spans: [number, number][] = []
  INCUMBENT_PAIN.lastIndex = 0
  for (let m = INCUMBENT_PAIN.exec(text); m; m = INCUMBENT_PAIN.exec(text))
    spans.push([m.index, m.index + m[0].length])
  return spans
}

function clauseStart(text: string, at: number, limit: number): number {
  let i = at
  const floor = Math.max(0, limit)
  while (i > floor && !CLAUSE_END.includes(text.charAt(i - 1))) i--
  return i
}

/** One word's weighted polarity: `add` of weigh, as a plain function so no closure is made per message. */
function weighted(
  polarity: number,
  index: number,
  degree: number,
  negated: boolean,
  contrastAt: number,
): number {
  const w = index >= contrastAt ? AFTER_CONTRAST : 1
  return (negated ? polarity * (polarity < 0 ? NEGATED_NEGATIVE : NEGATED) : polarity * degree) * w
}

/** A setback said to hold for now (`暂时没进展`), unless said to last. */
function forNow(text: string, index: number, end: number, polarity: number): boolean {
  if (polarity >= 0) return false
  const clause = text.slice(clauseStart(text, index, index - 12), index)
  if (LASTING.test(clause)) return false
  return FOR_NOW_BEFORE.test(clause) || FOR_NOW_AFTER.test(text.slice(end, end + 16))
}

function inSpans(spans: [number, number][], at: number): boolean {
  for (const [a, b] of spans) if (at >= a && at < b) return true
  return false
}

/** Sum of weighted polarities; returns the number of words seen through `hits`. */
function weigh(text: string, contrastAt: number): { sum: number; hits: number } {
  let sum = 0
  let hits = 0
  const pains = incumbentSpans(text)
  for (const [a] of pains) {
    sum += weighted(INCUMBENT_PAIN_POLARITY, a, 1, false, contrastAt)
    hits++
  }
  const topics = pains.length ? [...topicSpans(text), ...pains] : topicSpans(text)
  // Each lexicon is read only when the text holds its script: every word in it needs one.
  const cjk = text.charCodeAt(0) > 0x2e80 || /[\u4e00-\u9fff]/.test(text)
  const latin = /[A-Za-z]/.test(text)
  ZH_WORDS.lastIndex = 0
  for (let m = cjk ? ZH_WORDS.exec(text) : null; m; m = ZH_WORDS.exec(text)) {
    const at = m.index
    if (topics.length && inSpans(topics, at)) continue
    const before = text.slice(clauseStart(text, m.index, m.index - 4), m.index)
    const degree = ZH_DEGREE[ZH_DEGREE_END.exec(before)?.[1] ?? ''] ?? 1
    const negated = ZH_NEGATED.test(before) && !ZH_NOT_NEGATION.test(before)
    const polarity = ZH_POLARITY[m[0]] ?? 0
    sum += weighted(
      forNow(text, m.index, m.index + m[0].length, polarity) ? polarity * FOR_NOW : polarity,
      m.index,
      degree,
      negated,
      contrastAt,
    )
    hits++
  }
  EN_WORDS.lastIndex = 0
  for (let m = latin ? EN_WORDS.exec(text) : null; m; m = EN_WORDS.exec(text)) {
    const at = m.index
    if (pains.length && inSpans(pains, at)) continue
    const before = text
      .slice(clauseStart(text, m.index, m.index - 30), m.index)
      .trim()
      .split(/\s+/)
      .slice(-3)
    const degree = EN_DEGREE[(before.at(-1) ?? '').toLowerCase()] ?? 1
    // `很不happy`: a Chinese negator right before an English word denies it as `not` does.
    const zhBefore = cjk ? text.slice(clauseStart(text, m.index, m.index - 4), m.index) : ''
    const negated = before.some((w) => EN_NEGATORS.test(w)) || (zhBefore !== '' && ZH_NEGATED.test(zhBefore))
    const word = m[0].toLowerCase()
    // `they're also talking to a competitor`: a rival named in passing weighs half, as `也在看竞品` does.
    const passing =
      RIVAL.test(word) &&
      PASSING.test(text.slice(clauseStart(text, m.index, m.index - 30), m.index + m[0].length + 10))
    const polarity = (EN_POLARITY[word] ?? 0) * (passing ? 0.5 : 1)
    sum += weighted(
      forNow(text, m.index, m.index + m[0].length, polarity) ? polarity * FOR_NOW : polarity,
      m.index,
      degree,
      negated,
      contrastAt,
    )
    hits++
  }
  for (const [re, polarity] of cjk && ANY_ZH_PHRASE.test(text) ? ZH_PHRASES : []) {
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) {
      sum += weighted(polarity, m.index, ZH_DEGREE[m[1] ?? ''] ?? 1, false, contrastAt)
      hits++
    }
  }
  const emoji = HAS_EMOJI.test(text)
  for (const [re, polarity] of emoji
    ? latin
      ? [...EN_PHRASES, ...EMOJI_PHRASES]
      : EMOJI_PHRASES
    : latin && ANY_EN_PHRASE.test(text)
      ? EN_PHRASES
      : []) {
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) {
      sum += weighted(polarity, m.index, 1, false, contrastAt)
      hits++
    }
  }
  return { sum, hits }
}

/**
 * Lexicon sentiment for Chinese and English with negation (`不太满意`, `not happy`) and degree
 * (`很满意` scores higher than `满意`). The score squashes the weighted sum into [-1, 1].
 */
export function extractSentiment(text: string): FoundSentiment {
  CONTRAST.lastIndex = 0
  const contrast = CONTRAST.exec(text)
  const { sum, hits } = weigh(text, contrast ? contrast.index : Number.POSITIVE_INFINITY)
  const score = Math.round(Math.tanh(sum / 1.5) * 100) / 100
  const sentiment: Sentiment = score >= THRESHOLD ? 'positive' : score <= -THRESHOLD ? 'negative' : 'neutral'
  return { sentiment, score, hits }
}
