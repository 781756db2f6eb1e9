/** Text clean-up done once, before any rule looks at a message. */

/** Full-width forms people type with a Chinese IME, mapped to the ASCII the rules expect. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g
const SLACK_MENTION = /<@[A-Z0-9]+(?:\|[^>]*)?>/g
const LEADING_MENTION = /^\s*@[^\s@,，:：]+[\s,，:：]*/
const SPACES = /\s+/g
const MESSY_SPACE = /^\s|\s$|\s\s|[^\S ]/
const FOLDABLE = /[\uff01-\uff5e\u3000。、“”‘’]/
const PUNCTUATION = /[。、“”‘’]/g
const PUNCTUATION_ASCII: Record<string, string> = {
  '。': '.',
  '、': ',',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
}
/**
 * Common chat misspellings and short forms of the few English words the rules key on (`remnd`,
 * `abt`, `pipline`), spelled out so every later rule sees one form. Names are never touched.
 */
const TYPOS: Record<string, string> = {
  remnd: 'remind',
  remid: 'remind',
  rmind: 'remind',
  reimnd: 'remind',
  remnid: 'remind',
  remaind: 'remind',
  remidn: 'remind',
  reminer: 'reminder',
  remider: 'reminder',
  remiders: 'reminders',
  abt: 'about',
  bout: 'about',
  pipline: 'pipeline',
  pipleine: 'pipeline',
  pipelne: 'pipeline',
  piepline: 'pipeline',
  pipeine: 'pipeline',
  nxt: 'next',
  tmrrw: 'tomorrow',
  tommorow: 'tomorrow',
  tommorrow: 'tomorrow',
  tomorow: 'tomorrow',
  negotation: 'negotiation',
  negociation: 'negotiation',
  proposl: 'proposal',
  qualifed: 'qualified',
}
const HAS_LATIN = /[A-Za-z]/
const TYPO = new RegExp(`\\b(?:${Object.keys(TYPOS).join('|')})\\b`, 'gi')

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const botPatterns = new Map<string, RegExp>()

/** A regex for `@name` of any of the bot's names, built once per distinct list. */
function botMention(names: readonly string[]): RegExp | null {
  if (!names.length) return null
  const key = names.join('\u0000')
  let re = botPatterns.get(key)
  if (!re) {
    const alternatives = [...names].sort((a, b) => b.length - a.length).map(escapeRe)
    re = new RegExp(`@(?:${alternatives.join('|')})[\\s,，:：]*`, 'g')
    botPatterns.set(key, re)
  }
  return re
}

/**
 * Strips bot mentions (`@CRM助手`, a leading `@anything`, Slack's `<@U123>`), folds full-width
 * letters, digits and punctuation to ASCII (`，` → `,`, `９` → `9`), and collapses white space.
 */
export function normalizeText(raw: string, botNames: readonly string[] = []): string {
  let text = raw
  // Each step is skipped when its trigger is absent: most messages need none of them.
  if (text.includes('<@')) text = text.replace(SLACK_MENTION, ' ')
  if (text.includes('@')) {
    const bots = botMention(botNames)
    if (bots) text = text.replace(bots, ' ')
    text = text.replace(LEADING_MENTION, '')
  }
  if (FOLDABLE.test(text)) {
    text = text.replace(FULL_WIDTH, (ch) =>
      ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
    )
    text = text.replace(PUNCTUATION, (ch) => PUNCTUATION_ASCII[ch] ?? ch)
  }
  if (MESSY_SPACE.test(text)) text = text.replace(SPACES, ' ').trim()
  // Every typo is a Latin word: text without a Latin letter holds none.
  if (!HAS_LATIN.test(text)) return text
  TYPO.lastIndex = 0
  return TYPO.test(text) ? text.replace(TYPO, spellOut) : text
}

/**
 * The spelled-out form, capitalised when the typo was (`Remnd me` → `Remind me`). A word in
 * capitals (`ABT`) is a name, not a typo, and stays.
 */
function spellOut(word: string): string {
  if (word.length > 1 && word === word.toUpperCase()) return word
  const full = TYPOS[word.toLowerCase()] ?? word
  return /^[A-Z]/.test(word) ? `${full[0]?.toUpperCase() ?? ''}${full.slice(1)}` : full
}
