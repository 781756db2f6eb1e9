// The full metadata: the minimal set takes dates and amounts (`2026-11-30`, `15000000`) for phone numbers.
import { findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { pinyin } from 'pinyin-pro'

// Longest first, so 股份有限公司 is removed whole rather than leaving 股份有限.
const COMPANY_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '科技公司',
  '公司',
  '集团',
  'corporation',
  'limited',
  'corp.',
  'corp',
  'inc.',
  'inc',
  'ltd.',
  'ltd',
  'llc',
  'co.',
]
const NOISE = /[\s·・,，.。!！?？:：;；'"“”‘’()（）[\]【】\-_/]/g

/** The key two spellings of one company share: `华为技术有限公司` → `华为技术`, `Acme, Inc.` → `acme`. */
export function normalizeCompanyName(name: string): string {
  let key = name.normalize('NFKC').toLowerCase().trim()
  for (const suffix of COMPANY_SUFFIXES) {
    const bare = key.replace(NOISE, '')
    if (bare.length > suffix.length && bare.endsWith(suffix.replace(NOISE, ''))) {
      key = bare.slice(0, bare.length - suffix.replace(NOISE, '').length)
      break
    }
  }
  return key.replace(NOISE, '')
}

/** Case- and width-folded, spaces removed: `Jane Doe` and `jane  doe` match. */
export function normalizePersonName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(NOISE, '')
}

/**
 * How a name sounds: 张伟 and 张炜 are both `zhangwei`, the typo an IME makes. Latin text passes through.
 */
export function soundKey(name: string): string {
  const folded = normalizePersonName(name)
  if (!/[\u4e00-\u9fff]/.test(folded)) return folded
  return pinyin(folded, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('')
}

/**
 * E.164 form of a phone number, so `138-0013-8000`, `+86 13800138000` and `0086 138 0013 8000` are one.
 * Returns null for text that is not a valid number.
 */
export function normalizePhone(raw: string, defaultCountry: 'CN' | 'US' = 'CN'): string | null {
  const cleaned = raw.trim().replace(/^00/, '+')
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry)
  return parsed?.isValid() ? parsed.number : null
}

/** Every valid phone number written in a note, in E.164, once each: `手机 138-0013-8000`, `+1 (415) 555-2671`. */
export function phonesInText(text: string, defaultCountry: 'CN' | 'US' = 'CN'): string[] {
  const found = findPhoneNumbersInText(text, defaultCountry).filter((f) => f.number.isValid())
  return [...new Set(found.map((f) => f.number.number as string))]
}

/** An email as stored: trimmed and lower-cased, so `Zhang.Wei@Acme.com` and `zhang.wei@acme.com` are one. */
export function normalizeEmail(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase()
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/

/** The first email address written in a note. */
export function emailInText(text: string): string | null {
  return EMAIL.exec(text)?.[0] ?? null
}

/** Levenshtein distance, capped: only "is it within 1 or 2 edits" matters for names. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) >= cap) return cap
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
    }
    previous = current
  }
  return Math.min(previous[b.length] ?? cap, cap)
}
