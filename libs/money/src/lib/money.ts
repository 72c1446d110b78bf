// Money in integer minor units of ISO 4217 currencies: exact sums, no floating-point drift.

const digitsByCurrency = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0, BHD 3), from the platform's ICU data. */
export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    // Building an Intl.NumberFormat costs ~20 µs: once per currency, not per amount.
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    if (digitsByCurrency.size < 1000) digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Converts a decimal string to integer minor units, rounding half away from zero. */
export function toMinorUnits(decimal: string, currency: string): number {
  const digits = minorDigits(currency);
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = decimal.replace('-', '').split('.');
  const padded = (fraction + '0'.repeat(digits + 1)).slice(0, digits + 1);
  let minor = Number(whole) * 10 ** digits + Number(padded.slice(0, digits) || '0');
  if (Number(padded[digits]) >= 5) minor += 1;
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount ${decimal} is out of range`);
  return negative ? -minor : minor;
}
