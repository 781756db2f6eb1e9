import type { Parser, ParserContext } from './time-token.ts'

/** Where in the text a parser's match sits. */
export interface Span {
  start: number
  end: number
}

/** A grammar's parsers grouped by the script their words are in, so a Chinese message skips the English ones and back. */
export interface Grammar<T> {
  /** Digits and names that read the same in any script (`7/4`, `Q3`, `PST`). */
  any: readonly Parser<T>[]
  latin: readonly Parser<T>[]
  han: readonly Parser<T>[]
}

/**
 * The parsers in their order, except that those sharing one `need` are moved up next to the first of
 * them, so `runParsers` tests the text for it once.
 */
export function groupedByNeed<T>(parsers: readonly Parser<T>[]): Parser<T>[] {
  const groups = new Map<RegExp, Parser<T>[]>()
  for (const p of parsers) {
    const group = groups.get(p.need)
    if (group) group.push(p)
    else groups.set(p.need, [p])
  }
  return [...groups.values()].flat()
}

const LATIN = /[a-z]/i
const HAN = /[\u4e00-\u9fff]/

/** Every match of every parser of `grammar` whose script the text holds, with its span, in no order. */
export function runGrammar<T>(grammar: Grammar<T>, text: string, ctx: ParserContext): (T & Span)[] {
  const out: (T & Span)[] = []
  runParsers(grammar.any, text, ctx, out)
  if (LATIN.test(text)) runParsers(grammar.latin, text, ctx, out)
  if (HAN.test(text)) runParsers(grammar.han, text, ctx, out)
  return out
}

/** Runs each parser whose `need` the text holds, adding what every match makes, with its span, to `out`. */
function runParsers<T>(
  parsers: readonly Parser<T>[],
  text: string,
  ctx: ParserContext,
  out: (T & Span)[],
): void {
  // Neighbours that share one `need` (the month parsers) test the text for it once.
  let need: RegExp | undefined
  let met = false
  for (const parser of parsers) {
    if (parser.need !== need) {
      need = parser.need
      met = need.test(text)
    }
    if (!met) continue
    parser.re.lastIndex = 0
    for (let m = parser.re.exec(text); m; m = parser.re.exec(text)) {
      if (!m[0]) {
        parser.re.lastIndex++
        continue
      }
      const made = parser.make(m, ctx)
      if (made) out.push({ start: m.index, end: m.index + m[0].length, ...made })
    }
  }
}
