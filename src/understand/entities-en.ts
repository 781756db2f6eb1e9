import { CITIES, COMPANY_SUFFIXES, FIRST_NAMES } from './name-lists.ts'

/**
 * Customer and contact in English text, from capitalised word runs: a run ending in `Inc`/`Corp`/
 * `Industries` is an organisation, a known given name or a name followed by `at`/`from` is a person,
 * and anything else is an organisation if it sits where one would (`at X`, `X signed`).
 */

const CAP_WORD = "(?:[A-Z]|\\d[A-Z])[A-Za-z0-9\u00c0-\u024f&'’.-]*"
/** `Bank of China`, `Procter & Gamble`, `Buy n Large`, `Rock 'n' Roll`: small joiners inside one name. */
const CAP_RUN = new RegExp(
  `${CAP_WORD}(?:(?:\\s+of\\s+|\\s+&\\s+|\\s+['’]?n['’]?\\s+|\\s+)${CAP_WORD})*`,
  'g',
)

/** Capitalised words that start sentences or name days, months and sales terms, not parties. */
const STOP = new Set(
  `i i'm i've i'll called call calling calls met meet meeting emailed email e-mailed quick follow followed following set
remind reminder reminders find show mark lol the a an hi hey hello please pls can could would what what's whats who
who's how how's when where why just had have has spoke talked visited visit sent send got get today tomorrow tonight
yesterday monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
january february march april may june july august september october november december jan feb mar apr jun jul aug
sep sept oct nov dec q1 q2 q3 q4 ok okay demo ceo cto cfo coo vp re fyi update updated log note lunch dinner coffee
new deal client customer pipeline forecast summary thanks thank great good lost won closed signed moved check look
lookup search tell give list add create schedule ping pinged texted messaged caught left dropped went did do does is
are was were they he she we our my their his her it its this that next last end eod eow asap also and but so then
after before in on at for to from with about per via morning afternoon evening happy not no yes proposal negotiation
stage contract renewal quote invoice pricing budget price team sales usd rmb cny eur gbp hkd jpy crm api pdf ppt poc
rfp nda sow mou kpi okr roi sla help any all some status info details account accounts opportunity move moving mtd qtd ytd wtd
marking update change close closing win lose we us you your had spoke talked chatted texted quick sync call him them me it this that now later soon
phoned rang dialed dialled reached contacted chased nudged saw skyped zoomed whatsapped voicemail voicemailed po pos qbr
ebr msa sla deck slides invoice renewal kickoff onboarding cw cl dq dq'd ooo wfh arr mrr acv tcv closed-won closed-lost hr it ops erp oa mes wms christmas xmas easter thanksgiving diwali deepavali ramadan`.split(
    /\s+/,
  ),
)

const OWNS_DEAL = /^(?:'s|’s)?\s*(?:deal|account|opportunity|opp|contract|renewal)\b/i
const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|prof)\.?$/
const PERSON_AFTER = /^\s*(?:(?:at|from|of|@|with)\s+(?:the\s+)?[A-Z]|\(\s*[A-Z])/
const PERSON_BEFORE =
  /(?:\b(?:with|called|call|emailed|email|met|meet|ping|pinged|texted|messaged|told|asked|to|and|spoke to|talked to|visited|visit|phoned|phone|rang|ring|dialed|dialled|saw|see|thanked|introduced)|\w['’]d)\s+$/i
const ORG_BEFORE =
  /(?:\(\s*|\bw\/\s*|\b(?:at|from|for|of|to|with|find|lookup|look up|search|search for|show|about|on|re|visited|visit|customer|client|account)\s+(?:the\s+)?)$/i
const ORG_AFTER =
  /^(?:'s|’s)?\s*(?:deal|account|signed|moved|is|are|wants|closed|won|lost|stage|opportunity|contract|status|renewal|team|has|have|said|says|agreed|needs|went|just|po\b|order)/i
const LOOKUP_LOWER =
  /\b(?:find|lookup|look\s+up|search(?:\s+for)?|show(?:\s+me)?|info\s+(?:on|about)|details\s+(?:on|for|of)|status\s+of|about|at)\s+(?:the\s+)?(?:customer|client|account|company\s+)?\s*([a-z][\w&.-]*(?:\s+[a-z][\w&.-]*){0,2})/i
const LOWER_STOP =
  /\b(?:please|pls|thanks|now|again|today|account|customer|client|info|details|status|history|record|records)$/i

interface Run {
  text: string
  start: number
  end: number
  words: string[]
}

const lower = (w: string) => w.toLowerCase().replace(/[.’']s$|[.!?,]+$/g, '')

/** `Slack'd`, `WhatsApp'd`, `DM'd`: a tool made a verb, never a name. */
const isStop = (w: string) => STOP.has(lower(w)) || /[’']d$/i.test(w)

/**
 * `Decathlon's Shenzhen office`: a possessive ends a name, and a city after it (or after the name,
 * `the Nike Shanghai office`) says which office, not who.
 */
const PLACE_AFTER =
  /^\s*(?:office|offices|hq|headquarters|branch|plant|factory|campus|site|store|warehouse|team)\b/i

const POSSESSIVE = /[’']s(?=\s)/
/** `Margie's Travel`, `Joe's Pizza`: a possessive before a trade word is inside the name. */
const TRADE_AFTER =
  /^(?:travel|tours|kitchen|bakery|cafe|café|coffee|pizza|pizzeria|garden|gardens|auto|autos|books|pharmacy|store|shop|deli|diner|grill|bar|pub|salon|spa|clinic|dental|furniture|flowers|farm|farms|boutique|market|seafood|catering|bistro|restaurant|tavern|hardware|plumbing|cleaning|landscaping|bikes|toys|pets|crafts|hospital|hospitals|school|academy|foundation|university|college|institute|museum|center|centre|church|trust)\b/i
/** `Blue Sun`, `Red Sat`: a weekday's short form ending a longer name is part of it. */
const DAY_ABBR = /^(?:mon|tue|wed|thu|fri|sat|sun)$/i
const TIME_AFTER = /^\s*(?:\d|at\b|am\b|pm\b|morning|afternoon|evening|night)/i
/** `Unilever HR`: a department's word after the organisation's name. */
const DEPARTMENT_WORD = /^(?:HR|IT|Finance|Procurement|Legal|Ops|Marketing|Purchasing)$/
/** `Grab HQ`, `Acme office`: where the organisation sits, not its name. */
const SITE_WORD = /^(?:hq|headquarters|office|offices|campus|plant|factory|branch)$/i

/** Brands whose name ends in 's, kept whatever follows (`the McDonald's QBR`). */
const NAMES_WITH_S = new Set(
  "mcdonald's sainsbury's macy's kellogg's domino's wendy's denny's lowe's kohl's moody's christie's sotheby's hershey's nando's levi's dillard's applebee's chili's arby's claire's carter's joe's dick's bj's".split(
    ' ',
  ),
)

/** What may follow a name whose own last word ends in 's: the end of the sentence or a joining word. */
const NAME_ENDS =
  /^[’']?s?\s*(?:$|[.,!?;:)|]|(?:about|on|for|to|at|by|and|or|tomorrow|today|tonight|next|this|re|in|before|after|asap)\b)/i

const PERSON_OF = /(?<=^|\s)(?:(Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)?([A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?\s+of\s+/

/** Capitalised runs split after a possessive, so `Indomaret's Jakarta HQ` is two runs. */
function capRuns(text: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = []
  CAP_RUN.lastIndex = 0
  for (let m = CAP_RUN.exec(text); m; m = CAP_RUN.exec(text)) {
    // `Mr. Sharma of HDFC Bank`: a person of an organisation is two runs; `Bank of China` is one.
    const ofPerson = PERSON_OF.exec(m[0])
    if (ofPerson?.[2] && (ofPerson[1] || FIRST_NAMES.has(ofPerson[2].toLowerCase()))) {
      const rest = m[0].slice(ofPerson.index + ofPerson[0].length)
      out.push({ text: m[0].slice(0, ofPerson.index + ofPerson[0].lastIndexOf(' of ')), index: m.index })
      out.push({ text: rest, index: m.index + m[0].length - rest.length })
      continue
    }
    const possessive = /[’']/.test(m[0]) ? POSSESSIVE.exec(m[0]) : null
    const cut = possessive ? possessive.index + possessive[0].length : -1
    if (cut > 0 && cut < m[0].length && !TRADE_AFTER.test(m[0].slice(cut).trimStart())) {
      out.push({ text: m[0].slice(0, cut), index: m.index })
      const rest = m[0].slice(cut).trimStart()
      out.push({ text: rest, index: m.index + m[0].length - rest.length })
    } else out.push({ text: m[0], index: m.index })
  }
  return out
}

/** `Blue Sun`: the weekday's short form ending `words` is part of the name. */
function dayInName(words: string[], text: string, end: number): boolean {
  return (
    words.length > 1 &&
    DAY_ABBR.test(words.at(-1) ?? '') &&
    !isStop(words.at(-2) ?? '') &&
    !TIME_AFTER.test(text.slice(end, end + 12))
  )
}

/** A known given name with an organisation after the run (`Mike at Acme`): kept though a stop word. */
function namedBefore(w: string, text: string, runEnd: number): boolean {
  return FIRST_NAMES.has(lower(w)) && PERSON_AFTER.test(text.slice(runEnd))
}

function runs(text: string): Run[] {
  const out: Run[] = []
  for (const m of capRuns(text)) {
    let words = m.text.split(/\s+/)
    let start = m.index
    // `Mr. Wong (Great Eastern)`: a whole name in brackets keeps its first word.
    const bracketed = text[m.index - 1] === '(' && text[m.index + m.text.length] === ')'
    while (
      words.length &&
      !(bracketed && words.length > 1) &&
      isStop(words[0] ?? '') &&
      !(words.length === 1 && namedBefore(words[0] ?? '', text, m.index + m.text.length)) &&
      // `Sun Life`, `Wed Group`: a weekday's short form opening a longer name is part of it.
      !(DAY_ABBR.test(words[0] ?? '') && words.length > 1 && !isStop(words[1] ?? ''))
    ) {
      start = text.indexOf(words[1] ?? '', start + (words[0]?.length ?? 0))
      words = words.slice(1)
    }
    while (
      words.length &&
      isStop(words.at(-1) ?? '') &&
      !dayInName(words, text, m.index + m.text.length) &&
      !(words.length === 1 && namedBefore(words[0] ?? '', text, m.index + m.text.length))
    ) {
      words = words.slice(0, -1)
    }
    if (words.length > 1 && SITE_WORD.test(words.at(-1) ?? '')) words = words.slice(0, -1)
    const placeAfter = PLACE_AFTER.test(text.slice(start + words.join(' ').length))
    if (
      words.length > 1 &&
      CITIES.has(lower(words.at(-1) ?? '')) &&
      (placeAfter || /[’']s$/.test(words.at(-1) ?? '')) &&
      lower(words.at(-2) ?? '') !== 'of'
    )
      words = words.slice(0, -1)
    // `Unilever HR`, `Acme IT`: the department after a name is not part of it.
    if (words.length > 1 && DEPARTMENT_WORD.test(words.at(-1) ?? '')) words = words.slice(0, -1)
    if (!words.length || (words.length === 1 && CITIES.has(lower(words[0] ?? '')))) continue
    // `会议室B`: a single letter is a room or a grade, not a name.
    if (words.length === 1 && (words[0] ?? '').length < 2) continue
    const last = words.length - 1
    if (!COMPANY_SUFFIXES.has((words[last] ?? '').toLowerCase()))
      words[last] = (words[last] ?? '').replace(/[.!?,]+$/, '')
    // `Jordan's account` owns something; `to Mooby's.` names a place whose name ends in 's.
    const lastWord = (words[last] ?? '').toLowerCase().replace('’', "'")
    if (!NAME_ENDS.test(text.slice(start + words.join(' ').length)) && !NAMES_WITH_S.has(lastWord))
      words[last] = (words[last] ?? '').replace(/[’']s$/, '')
    const joined = words.join(' ')
    out.push({ text: joined, start, end: start + joined.length, words })
  }
  return out
}

const HAS_TEAM = /^\s+and\s+(?:his|her)\s+(?:team|boss|colleagues?|manager)\b/i
const PLACED_AT = /^\s*(?:from|at|@)\s+(?:the\s+)?[A-Z]/
/** `SIA`, `IBM`: an acronym is an organisation's word, never a person's. */
const isAcronym = (w: string) => /^[A-Z]{2,}$/.test(w)

function isPerson(run: Run, text: string): boolean {
  const last = (run.words.at(-1) ?? '').toLowerCase()
  if (COMPANY_SUFFIXES.has(last)) return false
  const first = (run.words[0] ?? '').toLowerCase()
  // `the Wayne deal`, `Jordan's account`: a name that owns a deal is the customer's.
  if (OWNS_DEAL.test(text.slice(run.end, run.end + 16))) return false
  // `Jean-Luc Martin`: a hyphenated given name counts by its first half.
  if (run.words.length <= 2 && (FIRST_NAMES.has(first) || FIRST_NAMES.has(first.split('-')[0] ?? '')))
    return true
  if (run.words.length > 1 && run.words.some(isAcronym)) return false
  if (run.words.length <= 3 && HONORIFIC.test(first)) return true
  const after = text.slice(run.end, run.end + 40)
  if (run.words.length > 2) return false
  // `Anjali and her team`: someone with a team of their own is a person.
  if (HAS_TEAM.test(after)) return true
  // `Wendy from Woodgrove Bank called`: a name that opens the message and is placed at an organisation.
  if (run.start === 0 && PLACED_AT.test(after)) return !run.words.some(isAcronym)
  return PERSON_AFTER.test(after) && PERSON_BEFORE.test(text.slice(0, run.start))
}

/** `Nina at Zendesk`, `Ananya (Flipkart)`: the organisation a person is placed at. */
const OF_PERSON = /\b[A-Z][a-z]+\s*(?:(?:at|from|@|of)\s+(?:the\s+)?|\(\s*)$/
/** `the SSO issue`, `the POS integration`: a product or a problem, not a party. */
const THING_AFTER =
  /^\s*(?:issue|issues|bug|bugs|problem|ticket|feature|integration|module|outage|error|migration|rollout|upgrade|licen[cs]e|deck|docs?|report|dashboard|api|sdk|app|plugin|certification|audit)\b/i

const COMPETITOR_BEFORE =
  /(?:\blost\b[^.;!?]{0,30}?\bto|\b(?:went|going|gone) with|\b(?:chose|picked|switched to|lost out to|beaten by)|被|输给|败给|丢给)\s+(?:the\s+)?$/i

function orgScore(run: Run, text: string): number {
  if (COMPANY_SUFFIXES.has((run.words.at(-1) ?? '').toLowerCase())) return 5
  let s = 1
  if (ORG_BEFORE.test(text.slice(Math.max(0, run.start - 20), run.start))) s += 2
  if (ORG_AFTER.test(text.slice(run.end, run.end + 20))) s += 2
  if (/^[A-Z0-9&]{2,}$/.test(run.text)) s += 1
  if (OF_PERSON.test(text.slice(Math.max(0, run.start - 30), run.start))) s += 3
  if (THING_AFTER.test(text.slice(run.end, run.end + 20))) s -= 2
  // `lost Initech to Oracle`, `they went with SAP`: the competitor who won is not the customer.
  if (COMPETITOR_BEFORE.test(text.slice(Math.max(0, run.start - 40), run.start))) s -= 3
  return s
}

/** Lower-case chat (`met bob from hooli`): only the surest placements are believed. */
const LOWER_ORG =
  /(?:\b(?:at|from)\s+|@\s*)([a-z][\w&-]*(?:\s+(?:corp|inc|co|ltd|llc|group|industries|enterprises|labs|bank|systems|technologies|tech))?)\b/
const LOWER_PERSON_PLACED =
  /(?:^|\b(?:with|to|called|met|emailed|pinged)\s+)([a-z]+)\s*(?:@|\bfrom\b|\bat\b)\s*(?=[A-Z])/
const LOWER_AT = /(?<![\w.])@\s*([a-z][\w&-]{1,})\b/
const LOWER_ORG_FIRST =
  /^(?:mark\s+)?([a-z][\w&-]*)\s+(?:deal\b|signed\b|moved\b|closed\b|is now in\b|(?:got\s+)?(?:pushed|slipped|delayed|postponed)\s+(?:to|into|until|till)\b)|^(?:lost|won|signed|closed)\s+([a-z][\w&-]{2,})\b/
const LOWER_ORG_LAST = /\b(?:to|for|with)\s+([a-z][\w&-]{2,})[\s.!?|]*$/
/** `off the phone w/ acme, they're in`, `chatted with bob (initech)`: whom a contact was with. */
const LOWER_ORG_WITH =
  /\b(?:phone|call|meeting|mtg|lunch|coffee|dinner|chat|sync|zoom|catch-?up)\s+(?:w\/|with)\s*([a-z][\w&-]{2,})\b|\(\s*([a-z][\w&-]{2,})\s*\)/
/** `call with target today`, `mtg w/ acme re pricing`: a note's heading names whom it was with. */
const LOWER_ORG_MET =
  /^(?:(?:quick|short|intro|discovery|follow-?up|weekly)\s+)?(?:call|mtg|meeting|sync|lunch|coffee|dinner|chat|catch-?up|demo|visit|zoom|teams)\s+(?:w\/|with|w)\s*([a-z][\w&-]{2,})\b/
/** `their buyer megan`, `the cfo raj`: a role, then the person in it. */
const LOWER_ROLE_PERSON =
  /\b(?:their|the|our|his|her)\s+(?:buyer|cfo|ceo|cto|coo|cio|vp|director|manager|contact|champion|procurement(?:\s+(?:lead|head|manager))?|pm|engineer|lead|boss|head of \w+)\s+([a-z]+)\b/
const LOWER_PERSON =
  /\b(?:with|called|call|emailed|email|met|texted|pinged|to)\s+([a-z]+)\s+(?:at\b|from\b|@|\()/

/** Words a lower-case placement rule can catch that are never a customer. */
const LOWER_NOT_ORG =
  /^(?:deals|opps|opportunities|ones?|it|them|all|any|some|both|everything|train|flight|bus|traffic|plane)$/

const firstGroup = (m: RegExpExecArray | null) => m?.slice(1).find(Boolean)

function lowerCaseEntities(text: string): { customer: string | null; contact: string | null } {
  const org =
    LOWER_ORG.exec(text)?.[1] ??
    firstGroup(LOWER_ORG_FIRST.exec(text)) ??
    LOWER_ORG_MET.exec(text)?.[1] ??
    firstGroup(LOWER_ORG_WITH.exec(text)) ??
    LOWER_ORG_LAST.exec(text)?.[1] ??
    null
  const person =
    LOWER_PERSON.exec(text)?.[1] ??
    LOWER_ROLE_PERSON.exec(text)?.[1] ??
    /^([a-z]+)\s*(?:@|\bfrom\b|\bat\b)\s*[a-z]/.exec(text)?.[1] ??
    null
  const customer =
    org && !STOP.has(org.split(' ')[0] ?? '') && !FIRST_NAMES.has(org) && !LOWER_NOT_ORG.test(org)
      ? org
      : null
  return { customer, contact: person && FIRST_NAMES.has(person) ? person : null }
}

const AT_PLACE = /^\s+(?:at|in)\s+$/

/** Contact and customer found in English text; either may be null. */
export function enEntities(
  text: string,
  lookup: boolean,
): { customer: string | null; contact: string | null } {
  let contact: string | null = null
  let customer: string | null = null
  let best = 0
  let orgEnd = -1
  for (const run of runs(text)) {
    if (isPerson(run, text)) {
      contact ??= run.text
      continue
    }
    // `SIA Engineering at Changi`: a short name placed after an organisation is where it is.
    const placed =
      orgEnd >= 0 &&
      run.words.length <= 2 &&
      !COMPANY_SUFFIXES.has((run.words.at(-1) ?? '').toLowerCase()) &&
      AT_PLACE.test(text.slice(orgEnd, run.start))
    orgEnd = run.end
    if (placed) continue
    const s = orgScore(run, text)
    if (s > best) {
      best = s
      customer = run.text
    }
  }
  if (!/[A-Z]/.test(text)) {
    const lowerFound = lowerCaseEntities(text)
    customer ??= lowerFound.customer
    contact ??= lowerFound.contact
  } else if (!contact) {
    // `sarah @ Tan & Sons replied`: a lower-case given name placed at an organisation.
    const person = LOWER_PERSON_PLACED.exec(text)?.[1]
    if (person && FIRST_NAMES.has(person)) contact = person
  }
  if (/[A-Z]/.test(text) && !customer) {
    // `rang Kev @ bunnings`: an `@` places a person at an organisation, whatever the case.
    const at = LOWER_AT.exec(text)?.[1]
    if (at && !STOP.has(at)) customer = at
  }
  if (!customer && lookup) {
    const m = LOOKUP_LOWER.exec(text)
    const found = m?.[1]?.replace(LOWER_STOP, '').trim()
    if (found && !STOP.has(found.split(/\s+/)[0] ?? '')) customer = found
  }
  return { customer, contact }
}
