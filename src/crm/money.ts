const digitsCache = new Map<string, number>()

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
