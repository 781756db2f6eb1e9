import { KNOWN_COMPANIES } from './known-companies.ts'
import { COMPOUND_SURNAMES, GIVEN_NAME_CHARS, NOT_FULL_NAMES, SURNAMES } from './name-lists.ts'

/**
 * Chinese full names with no title (`张伟`, `李娜`, `欧阳娜娜`). A surname and a given name look like
 * any other two characters, so a name is only believed where a person is spoken of: after `的`,
 * `给`, `和`, `跟`, `与`, `见了`, `拜访了` (or right after the customer's name), and only when what
 * follows it ends the name: the end of a clause or a verb (`来电话`, `聊了`, `说`). The regex tries two
 * given-name characters first and falls back to one (`和张伟明天见` is `张伟`).
 */

const SURNAME = `(?:${COMPOUND_SURNAMES.join('|')}|[${SURNAMES}])`
const GIVEN = `[${GIVEN_NAME_CHARS}]`
/** What may follow a name: the end, punctuation, or the first character of a verb or particle. */
const NAME_END =
  '(?=$|[\\s,.;:!?()~|聊说讲谈来打开见吃约通沟联反表觉认提问发回签确答同拒介在也都对那这的了和跟今昨上下刚已又再还就要想会明后电微邮视面是他她给把被让从带先正很非特挺比目最])'
const AFTER_MARKER = new RegExp(
  `(?:的|给|和|跟|与|同|见了|拜访了|拜访|约了|联系了|找了|问了|告诉|通知)(${SURNAME}${GIVEN}${GIVEN}?)${NAME_END}`,
  'g',
)
/** `李宁`, `苏宁`, `金山`: a well-known company is never read as a person. */
const COMPANIES: ReadonlySet<string> = new Set(KNOWN_COMPANIES)
const notName = (name: string) => NOT_FULL_NAMES.has(name) || COMPANIES.has(name)
const AT_START = new RegExp(`^(${SURNAME}${GIVEN}${GIVEN}?)${NAME_END}`)

/** A full name placed like a person; `customer` is the organisation already found, if any. */
export function zhFullName(text: string, customer: string | null): string | null {
  AFTER_MARKER.lastIndex = 0
  for (let m = AFTER_MARKER.exec(text); m; m = AFTER_MARKER.exec(text)) {
    const name = m[1] ?? ''
    if (!notName(name) && !(customer !== name && customer?.startsWith(name))) return name
    AFTER_MARKER.lastIndex = m.index + 1
  }
  if (!customer) return null
  // `华为张炜来电话`: a name right after the customer's.
  const at = text.indexOf(customer)
  if (at < 0) return null
  const rest = text.slice(at + customer.length).replace(/^\s+/, '')
  const m = AT_START.exec(rest)
  return m?.[1] && !notName(m[1]) ? m[1] : null
}
