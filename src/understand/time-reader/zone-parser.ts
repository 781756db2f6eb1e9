import type { TimeParser } from './time-token.ts'

/**
 * Zones written next to a time (`10am PST`, `3pm CET`, `北京时间15点`, `UTC+8`). A named zone is a
 * fixed offset: people write `PST` or `PDT` for the one they mean, and `CST` is left out on purpose,
 * since it is China's and America's Central time at once.
 */
export const ZONE_OFFSETS: Record<string, number> = {
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  EST: -300,
  EDT: -240,
  GMT: 0,
  UTC: 0,
  WET: 0,
  BST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  IST: 330,
  SGT: 480,
  HKT: 480,
  AWST: 480,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
  北京时间: 480,
  北京時間: 480,
  东京时间: 540,
}

export const ZONE_PARSER: TimeParser = {
  name: 'zone',
  need: /[A-Z]{2}T|GMT|UTC|utc|gmt|北京|东京/,
  re: /(?<![A-Za-z])(PST|PDT|MST|MDT|EST|EDT|GMT|UTC|WET|BST|CEST|CET|EEST|EET|IST|SGT|HKT|AWST|JST|KST|AEST|AEDT|utc|gmt)(?:\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?)?(?![A-Za-z])|(北京时间|北京時間|东京时间)/g,
  make: (m) => {
    const name = m[1] ?? m[5] ?? ''
    let offset = ZONE_OFFSETS[name.toUpperCase()] ?? ZONE_OFFSETS[name]
    if (offset === undefined) return null
    if (m[2]) {
      const shift = Number(m[3]) * 60 + Number(m[4] ?? 0)
      if (Number(m[3]) > 14) return null
      offset += m[2] === '-' ? -shift : shift
    }
    return { zoneOffset: offset, zoneName: m[0] }
  },
}

/** Minutes east of UTC of a zone as written (`PST`, `UTC+8`, `北京时间`); undefined when it is none. */
export function zoneOffsetOf(written: string): number | undefined {
  ZONE_PARSER.re.lastIndex = 0
  const m = ZONE_PARSER.re.exec(written)
  return m ? ZONE_PARSER.make(m, { dayFirst: false })?.zoneOffset : undefined
}
