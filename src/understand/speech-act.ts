import type { SpeechAct } from './parsed-message.ts'
import type { Clause } from './read-clauses.ts'

export type { SpeechAct }

/** A clause that asks: ends in a question mark or particle, or opens with a question word. */
const ASKS =
  /[?？]\s*\S{0,2}$|[吗么]\s*[?？。!！~]*$|(?:^|[^好])(?:谁|哪些|哪个|哪家|哪位|几个|多少)|^(?:who|which|what|when|where|how many|how much|is|are|was|were|did|do|does|can|could|should|anyone|any)\b/i
/** A question reported inside a note (`客户问能不能便宜点`, `she asked whether…`) is the note's content. */
const REPORTED_ASK = /问|想知道|咨询|\b(?:asked|asks|wondered|wonders|wanted to know)\b/i
/** Praise addressed to someone: `恭喜小王`, `congrats Tom`, `well done team`. */
const CONGRATULATES =
  /^\s*(?:恭喜|祝贺|贺喜|热烈祝贺)|(?:恭喜|祝贺)(?:一下)?\s*\S{1,6}(?:拿下|签|赢|成交)|\b(?:congrats|congratulations|kudos|shout-?out|well done|great job|nice work|way to go)\b/i
/** The bot as the subject of a complaint: `这个bot又记错了`, `the bot is useless`. */
const ABOUT_BOT = /机器人|助手|\bbot\b|\bcrm\b|你(?:又|总是|老是|怎么)|\byou (?:keep|always|got)\b/i
const COMPLAINS =
  /记错|搞错|弄错|错了|乱记|瞎记|不对|太烂|真烂|垃圾|没用|不好用|不准|笨|\b(?:wrong|broken|useless|stupid|dumb|sucks|terrible|keeps? getting)\b/i
/** `不对,…`, `that's wrong, …`, `no, it was…`: about the note just logged. */
const CORRECTS =
  /^\s*(?:不对|不是的|错了|搞错了|记错了)\s*[,，:：!！。.]|^\s*(?:that'?s|that is|this is|it'?s)\s+(?:wrong|not right|incorrect)\b|^\s*(?:wrong|no),\s*(?:it was|i\b)/i

/**
 * The speech act of a normalized message. `addressedToColleague` is set when the message opens by
 * mentioning someone who is not the bot (`@小李 明天把合同发给客户`).
 */
export function readSpeechAct(
  text: string,
  clauses: readonly Clause[],
  addressedToColleague = false,
): SpeechAct {
  if (CORRECTS.test(text)) return 'correction'
  if (CONGRATULATES.test(text)) return 'congratulation'
  if (ABOUT_BOT.test(text) && COMPLAINS.test(text)) return 'complaint'
  if (addressedToColleague) return 'instruction'
  return isQuestion(clauses) ? 'question' : 'statement'
}

/**
 * A question when a clause asks in its own voice and no clause reports a contact made: `量最多的是谁`,
 * `Anyone up for coffee?`, but not `和张总通了电话,他问能不能便宜点?`.
 */
function isQuestion(clauses: readonly Clause[]): boolean {
  const asking = clauses.some((c) => ASKS.test(c.text.trim()) && !REPORTED_ASK.test(c.text))
  return asking && !clauses.some((c) => c.role === 'contact' && !ASKS.test(c.text.trim()))
}
