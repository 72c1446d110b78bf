// Amounts: integer minor units inside the generator, decimal text or numbers in the payloads, and
// the conversion to the reporting currency exactly as the ingestor does it (so the ground truth's
// lifetime values are the pipeline's to the minor unit).
import { minorDigits, toMinorUnits } from '@c360/money';

/** '89.90', '-9.95', '12800' (JPY). */
export function decimalText(minor: number, digits: number): string {
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** The amount as a JSON number, as a web shop sends it (191, 35.5). */
export const decimalNumber = (minor: number, digits: number): number => minor / 10 ** digits;

export class Converter {
  constructor(
    private readonly rates: Readonly<Record<string, number>>,
    readonly reportingCurrency: string,
  ) {}

  /** Minor-unit digits of a currency (EUR 2, JPY 0); @c360/money caches them per currency. */
  digits(currency: string): number {
    return minorDigits(currency);
  }

  rate(currency: string): number {
    const rate = this.rates[currency];
    if (rate === undefined) throw new Error(`no rate from ${currency} to ${this.reportingCurrency} in the rate table`);
    return rate;
  }

  /**
   * The ingestor's conversion: toMinorUnits((Number(amount) * rate).toFixed(6), reporting).
   * `amount` is the decimal text (or number) exactly as the payload carries it.
   */
  toReportingMinor(amount: string | number, currency: string): number {
    return toMinorUnits((Number(amount) * this.rate(currency)).toFixed(6), this.reportingCurrency);
  }
}
