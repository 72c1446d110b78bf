import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { MARKETS, drawPhone, e164, writePhone, type PhoneStyle } from './markets';
import { Random } from './random';

const STYLES: PhoneStyle[] = ['national', 'national-digits', 'international', 'international-digits'];

describe('markets', () => {
  it('draws phone numbers the number plan accepts, in every written form, as the right line type', () => {
    const r = new Random(1);
    const problems: string[] = [];
    for (const market of MARKETS) {
      for (const kind of ['mobile', 'landline'] as const) {
        for (let i = 0; i < 400; i++) {
          const phone = drawPhone(market, kind, r);
          for (const style of STYLES) {
            const written = writePhone(market, phone, style);
            const parsed = parsePhoneNumberFromString(written, market.country as CountryCode);
            if (!parsed?.isValid() || parsed.number !== e164(market, phone)) problems.push(`${market.country} ${kind} ${written}`);
            else if (kind === 'mobile' && !['MOBILE', 'FIXED_LINE_OR_MOBILE'].includes(parsed.getType() ?? ''))
              problems.push(`${market.country} ${written} is ${parsed.getType()}`);
            else if (kind === 'landline' && !['FIXED_LINE', 'FIXED_LINE_OR_MOBILE'].includes(parsed.getType() ?? ''))
              problems.push(`${market.country} ${written} is ${parsed.getType()}`);
          }
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
