import { describe, expect, it } from 'vitest';
import { minorDigits, toMinorUnits } from './money';

describe('money', () => {
  it('knows the minor units of ISO 4217 currencies', () => {
    expect([minorDigits('EUR'), minorDigits('JPY'), minorDigits('BHD')]).toEqual([2, 0, 3]);
  });
  it('converts decimals to minor units exactly, rounding half away from zero', () => {
    expect(toMinorUnits('120.00', 'EUR')).toBe(12000);
    expect(toMinorUnits('0.1', 'EUR')).toBe(10);
    expect(toMinorUnits('19.995', 'EUR')).toBe(2000);
    expect(toMinorUnits('-5.005', 'EUR')).toBe(-501);
    expect(toMinorUnits('1.2345', 'BHD')).toBe(1235);
  });
});
