import { anyOf } from './any-of.ts'
import { extractStage } from './extract-stage.ts'
import { COMPANY_SUFFIXES } from './name-lists.ts'

/**
 * Clause-level reading of a note. A long note mixes what happened in this contact, our own next step, the
 * deal discussed, and background: other projects, competitors' deals, the customer's own plans and dates,
 * what a boss wants. Only the first three may write; `maskBackground` blanks the rest (keeping offsets) so
 * the stage, amount, follow-up date and names are read from what this note reports.
 */

export type ClauseRole = 'contact' | 'next_step' | 'deal' | 'background' | 'other'

export interface Clause {
  start: number
  end: number
  text: string
  role: ClauseRole
}

/** Clause ends: sentence punctuation always; a comma only in Chinese text or before a new subject. */
const SENTENCE_END = /[.!?;。！？；\n]+(?=\s|$)|[。！？；\n]+|[,，]+/g

/**
 * Someone else's story: a competitor's or a third party's deal, another project or product line, the
 * customer's own plans and dates, a boss's wish, last year's news. Matched against one clause.
 */
const BACKGROUND = [
  // A competitor's own deal (`a competitor won a $2M deal`, `友商拿下了`); losing to one is our outcome.
  /竞争对手|竞品|友商|\b(?:competitors?|rivals?|another vendor|incumbent)\b/i,
  // The customer's own plans and wishes, with their dates (go-live, renewal, budget cycle).
  /(?:他们|对方|甲方)(?:那边)?(?:希望|计划|打算|预计|准备)|(?:希望|计划|打算|预计|准备|要)[^,，。;；]{0,8}(?:上线|投产)|\b(?:they|the customer|the client)\s+(?:plan|plans|hope|hopes|expect|expects|aim|aims)\s+to\b|\bgo[- ]live\b|\brenewal (?:is|date)\b/i,
  // A boss's wish or order: `老板说…必须拿下`, `my manager wants us to close`.
  /(?:老板|领导|上面|\bboss|\bmy manager|\bmanagement)\s*(?:说|要求|希望|觉得|定了|wants?|said|says|expects?|asked)|必须|务必|\bmust\b|\bhas to\b/i,
  // Another project, product line or division.
  /另一个|另外一个|其他项目|别的项目|其它项目|产品线|\b(?:another|other|different)\s+(?:project|deal|product|division|team)\b|\byears? ago\b/i,
]
/** Every kind of background at once: most clauses are none. */
const ANY_BACKGROUND = anyOf(BACKGROUND)
/** Us in a competitor clause (`输给竞品`, `比友商贵`, `lost to a competitor`): our own story after all. */
const OURS_AGAINST =
  /输给|败给|丢给|比|\blost\b[^.;!?]{0,30}\bto\b|\b(?:went with|chose|picked|than|over us|instead of us)\b/i

/** An outcome said with a hedge or a wish is no outcome: `可能要去深圳签约`, `hopefully we win it`. */
const HEDGED =
  /可能|也许|或许|说不定|如果|要是|万一|希望|争取|必须|务必|\b(?:maybe|might|perhaps|if|could|possibly|hopefully|hope|must|should)\b/i

const CONTACT =
  /打了|通了|见了|拜访|开了|聊了|去了|来了|回复|发了|电话|微信|邮件|\b(?:called|met|visited|emailed|spoke|talked|had)\b/i
const NEXT_STEP =
  /(?:我|我们)(?:再|会|要|去|下周|明天|周)|再约|再去|跟进|回访|\b(?:I['’]ll|we['’]ll|I will|we will|follow up|next step|to follow)\b/i
const DEAL =
  /单子|商机|项目|合同|报价|预算|金额|签约|赢单|丢单|\d\s*(?:万|亿|k|m)\b|[$€£¥]\s*\d|\b(?:deal|proposal|quote|contract|budget|po)\b/i

/** The clauses of `text`, each with its role. A text of one clause is one `other` clause (nothing to split). */
export function readClauses(text: string): Clause[] {
  const clauses: Clause[] = []
  let start = 0
  SENTENCE_END.lastIndex = 0
  for (let m = SENTENCE_END.exec(text); ; m = SENTENCE_END.exec(text)) {
    if (m && m[0] === '.' && isAbbreviation(text, m.index)) continue
    const end = m ? m.index : text.length
    const part = text.slice(start, end)
    if (part.trim()) clauses.push({ start, end, text: part, role: roleOf(part) })
    if (!m) break
    start = m.index + m[0].length
  }
  return clauses
}

/** `Wayne Ent. is in legal`, `Mr. Goh`, `Acme Inc.`: a period after an abbreviation ends no sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  const word = /([A-Za-z]+)$/.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? ''
  return (/^[A-Z]/.test(word) && word.length <= 3) || COMPANY_SUFFIXES.has(`${word.toLowerCase()}.`)
}

const isOutcome = (stage: string | undefined) => stage === 'won' || stage === 'lost'

function roleOf(clause: string): ClauseRole {
  // A clause that reports the contact itself (`吴经理邮件里说我们比友商贵`) is never background.
  if (CONTACT.test(clause)) return 'contact'
  if (
    ANY_BACKGROUND.test(clause) &&
    BACKGROUND.some((re, i) => re.test(clause) && (i > 0 || !OURS_AGAINST.test(clause)))
  )
    return 'background'
  // `可能要去深圳签约`: an outcome that may happen is a plan, background like the customer's other plans.
  if (HEDGED.test(clause) && isOutcome(extractStage(clause)?.stage)) return 'background'
  if (DEAL.test(clause)) return 'deal'
  return NEXT_STEP.test(clause) ? 'next_step' : 'other'
}

/**
 * `text` with its background clauses blanked to spaces (same length, so offsets still hold), or `text`
 * itself when nothing is background or the note is one clause: a one-clause message is read whole.
 */
export function maskBackground(text: string, clauses: readonly Clause[] = readClauses(text)): string {
  if (clauses.length < 2 || !clauses.some((c) => c.role === 'background')) return text
  // A note that is all background still names its customer; the caller decides it writes nothing.
  if (clauses.every((c) => c.role === 'background')) return text
  let out = ''
  let at = 0
  for (const clause of clauses) {
    if (clause.role !== 'background') continue
    out += text.slice(at, clause.start) + ' '.repeat(clause.end - clause.start)
    at = clause.end
  }
  return out + text.slice(at)
}

/** Whether every clause of `text` is background: nothing in it reports a contact, a step or a deal of ours. */
export function isAllBackground(clauses: readonly Clause[]): boolean {
  return clauses.length > 0 && clauses.every((c) => c.role === 'background')
}

/** Whether a clause says its outcome with a hedge or a wish, so a won/lost in it is no stage change. */
export const isHedged = (clause: string) => HEDGED.test(clause)

const SENTENCE = /[^.!?。！？;；\n]+/g
const SUM_OR_DAY =
  /[$€£¥]\s*\d|\d(?:[\d,.]*)\s*(?:万|亿|千|百万|w|k|m|元|块)(?![a-z])|\d{1,2}\s*[月号日]|(?:明|后)天|下?周[一二三四五六日天]|下(?:周|个?月)|月底|年底|\b(?:tomorrow|next (?:week|month|mon|tue|wed|thu|fri)\w*|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/gi

/**
 * A long note: more than one sentence, or more than one date or amount (today and yesterday say when the
 * contact happened and do not count). These go to the LLM, when one is
 * configured, for a whole second reading.
 */
export function isLongNote(text: string): boolean {
  let sentences = 0
  for (const m of text.matchAll(SENTENCE)) if (m[0].trim().length > 3 && ++sentences > 1) return true
  let found = 0
  for (const _ of text.matchAll(SUM_OR_DAY)) if (++found > 1) return true
  return false
}
