import { KNOWN_COMPANIES } from './known-companies.ts'
import { ZH_ORG_SUFFIX } from './name-lists.ts'

/**
 * Finds well-known company names in text. A table keyed by first character replaces one regex of
 * a thousand alternatives, which V8 would try one by one at every Chinese character.
 */

/** A known name found in text, with what follows it that still belongs to it. */
export interface KnownMatch {
  index: number
  /** The name as written, with its tail (`华为技术有限公司`, `金山办公`). */
  text: string
}

/** Names by their first character, longest first, so `京东方` is tried before `京东`. */
const BY_FIRST = new Map<string, string[]>()
for (const name of [...KNOWN_COMPANIES].sort((a, b) => b.length - a.length)) {
  const list = BY_FIRST.get(name[0] ?? '')
  if (list) list.push(name)
  else BY_FIRST.set(name[0] ?? '', [name])
}

const ENDS_LIKE_ORG = new RegExp(`(?:${ZH_ORG_SUFFIX})$`)
/**
 * `华为技术有限公司`, `金山办公`, `安克创新`: an organisation suffix a few characters on, or a
 * business-line word, belongs to the name; a name that already ends like an organisation (`华夏银行`)
 * takes none (`华夏银行信息科技部` is a department).
 */
const TAIL = new RegExp(
  `(?:[^\\s的来去到在和跟给了,.;:!?|]{0,4}?(?:${ZH_ORG_SUFFIX})|办公|创新|数科|动力|精密|国际|家居|新能源|半导体|微电子|光电|生物|医药)`,
  'y',
)
const LATIN = /[A-Za-z]/

function nameAt(text: string, i: number): string | null {
  const names = BY_FIRST.get(text[i] ?? '')
  if (!names) return null
  for (const name of names) {
    if (!text.startsWith(name, i)) continue
    // `OPPO` in `OPPOSITE` and `TCL` in `XTCL` are not the companies.
    if (
      LATIN.test(name[0] ?? '') &&
      (LATIN.test(text[i - 1] ?? '') || LATIN.test(text[i + name.length] ?? ''))
    )
      continue
    return name
  }
  return null
}

/** The first known name at or after `from`, or null. */
export function findKnown(text: string, from: number): KnownMatch | null {
  for (let i = from; i < text.length; i++) {
    const name = nameAt(text, i)
    if (!name) continue
    // `中国商飞`, `中国联塑`: the country before a known name is part of its full name.
    const start = i - from >= 2 && !name.startsWith('中国') && text.startsWith('中国', i - 2) ? i - 2 : i
    if (ENDS_LIKE_ORG.test(name)) return { index: start, text: text.slice(start, i) + name }
    TAIL.lastIndex = i + name.length
    const tail = TAIL.exec(text)?.[0] ?? ''
    return { index: start, text: text.slice(start, i) + name + tail }
  }
  return null
}
