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
/** A negator up to three characters before the word: `不满意`, `不太满意`, `不是很满意`, `并不担心`. */
const ZH_NEGATED = /(?:不|没|未|别|毫无|无)[^,.!?;:，。！？；：]{0,2}$/
const ZH_NOT_NEGATION = /不仅|不但|不光|不得不|没想到|不知道/
const EN_NEGATORS = /\b(?:not|no|never|hardly|barely|without|nothing|\w+n['’]t|cannot)\b/i
const CONTRAST = /但是|但|不过|可是|然而|\bbut\b|\bhowever\b|\bthough\b/gi
/** Surrogate pairs and the symbol blocks emoji live in. */
const HAS_EMOJI = /[\ud83c-\ud83e\u2600-\u27bf]/
const CLAUSE_END = /[,.!?;:，。！？；：]/

/** Weight of words after a contrast (`…, but worried about delivery`): the later clause counts more. */
const AFTER_CONTRAST = 1.5
const NEGATED = -0.7
/** `没问题`, `并不担心`: a denied worry reads as reassurance, a little stronger than the worry. */
const NEGATED_NEGATIVE = -1.2
const THRESHOLD = 0.2

function clauseStart(text: string, at: number, limit: number): number {
  let i = at
  while (i > Math.max(0, limit) && !CLAUSE_END.test(text[i - 1] ?? '')) i--
  return i
}

/** Sum of weighted polarities; returns the number of words seen through `hits`. */
function weigh(text: string, contrastAt: number): { sum: number; hits: number } {
  let sum = 0
  let hits = 0
  const add = (polarity: number, index: number, degree: number, negated: boolean) => {
    const w = index >= contrastAt ? AFTER_CONTRAST : 1
    sum += (negated ? polarity * (polarity < 0 ? NEGATED_NEGATIVE : NEGATED) : polarity * degree) * w
    hits++
  }
  ZH_WORDS.lastIndex = 0
  for (let m = ZH_WORDS.exec(text); m; m = ZH_WORDS.exec(text)) {
    const before = text.slice(clauseStart(text, m.index, m.index - 4), m.index)
    const degree = ZH_DEGREE[ZH_DEGREE_END.exec(before)?.[1] ?? ''] ?? 1
    const negated = ZH_NEGATED.test(before) && !ZH_NOT_NEGATION.test(before)
    add(ZH_POLARITY[m[0]] ?? 0, m.index, degree, negated)
  }
  EN_WORDS.lastIndex = 0
  for (let m = EN_WORDS.exec(text); m; m = EN_WORDS.exec(text)) {
    const before = text
      .slice(clauseStart(text, m.index, m.index - 30), m.index)
      .trim()
      .split(/\s+/)
      .slice(-3)
    const degree = EN_DEGREE[(before.at(-1) ?? '').toLowerCase()] ?? 1
    const negated = before.some((w) => EN_NEGATORS.test(w))
    add(EN_POLARITY[m[0].toLowerCase()] ?? 0, m.index, degree, negated)
  }
  for (const [re, polarity] of text.charCodeAt(0) > 0x2e80 || /[\u4e00-\u9fff]/.test(text)
    ? ZH_PHRASES
    : []) {
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text))
      add(polarity, m.index, ZH_DEGREE[m[1] ?? ''] ?? 1, false)
  }
  for (const [re, polarity] of HAS_EMOJI.test(text) ? [...EN_PHRASES, ...EMOJI_PHRASES] : EN_PHRASES) {
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) add(polarity, m.index, 1, false)
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
