/**
 * Traditional and Cantonese time words folded to the simplified ones the Chinese parsers read. Every
 * replacement keeps its length, so positions found in the folded text are positions in the original.
 */

const WORDS: [RegExp, string][] = [
  [/聽日|听日/g, '明天'],
  [/聽朝|听朝/g, '明早'],
  [/聽晚|听晚/g, '明晚'],
  [/琴日|尋日|寻日|噚日/g, '昨天'],
  [/朝早/g, '早上'],
  [/今朝/g, '今早'],
  [/下晝|下昼/g, '下午'],
  [/晏晝|晏昼/g, '中午'],
  [/星期日/g, '星期天'],
]
const CHARS: Record<string, string> = {
  週: '周',
  禮: '礼',
  後: '后',
  點: '点',
  號: '号',
  個: '个',
  兩: '两',
  時: '时',
  鐘: '钟',
  頭: '头',
  這: '这',
  間: '间',
  內: '内',
  過: '过',
  // Words around a deal's close: `預計下個月底簽約`, `關單`, `結單`.
  簽: '签',
  約: '约',
  預: '预',
  計: '计',
  關: '关',
  結: '结',
  單: '单',
}
const CHAR_RE = new RegExp(`[${Object.keys(CHARS).join('')}]`, 'g')
/** Only texts holding one of these need folding; most do not. */
export const NEEDS_FOLDING = /[聽听琴尋寻噚朝晝昼週禮後點號個兩時鐘頭這間內過簽約預計關結單]|星期日/

/** The text with traditional and Cantonese time words in simplified form, same length. */
export function foldChinese(text: string): string {
  if (!NEEDS_FOLDING.test(text)) return text
  let out = text.replace(CHAR_RE, (ch) => CHARS[ch] ?? ch)
  for (const [re, to] of WORDS) out = out.replace(re, to)
  return out
}
