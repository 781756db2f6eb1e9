import { CrmError } from './crm-error.ts'

const digitsCache = new Map<string, number>()

/**
 * The ISO 4217 codes in use, from the runtime's ICU data (Node 20 and workerd both have
 * `Intl.supportedValuesOf`). `Intl.NumberFormat` alone formats any three letters, `XYZ` included.
 */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'))

/** Whether `code` (any case) is an ISO 4217 currency code. */
export function isCurrencyCode(code: string): boolean {
  return CURRENCIES.has(code.toUpperCase())
}

/** The upper-cased ISO 4217 code, or `CrmError('invalid')` naming the `currency` field. */
export function normalizeCurrency(code: string): string {
  const upper = code.trim().toUpperCase()
  if (!CURRENCIES.has(upper))
    throw new CrmError(
      'invalid',
      `currency "${code}" is not an ISO 4217 code such as CNY, USD or JPY`,
      'currency',
    )
  return upper
}

/** Minor-unit digits of an ISO 4217 currency (CNY 2, JPY 0), from Intl so no table goes stale. */
export function currencyDigits(currency: string): number {
  const code = currency.toUpperCase()
  let digits = digitsCache.get(code)
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
          .maximumFractionDigits ?? 2
    } catch {
      throw new RangeError(`unknown currency "${currency}": expected an ISO 4217 code such as CNY or USD`)
    }
    digitsCache.set(code, digits)
  }
  return digits
}

/** Whole units (as typed or sent by an API client) to integer minor units; rounds half away from zero. */
export function toMinorUnits(amount: number, currency: string): number {
  if (!Number.isFinite(amount)) throw new RangeError(`amount ${amount} is not a finite number`)
  const scaled = Math.round(Math.abs(amount) * 10 ** currencyDigits(currency))
  if (!Number.isSafeInteger(scaled)) throw new RangeError(`amount ${amount} ${currency} is too large`)
  return amount < 0 ? -scaled : scaled
}

/** Integer minor units to whole units for display and JSON. */
export function fromMinorUnits(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency)
}
