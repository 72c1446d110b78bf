import { describe, expect, it } from 'vitest';
import { absoluteDecimal, minorUnitsToDecimal, multiplyDecimal, normaliseCurrency, normaliseDecimal, normaliseInteger } from './money';

describe('currencies', () => {
  it('are ISO 4217 codes in upper case', () => {
    expect(normaliseCurrency(' gbp ')).toBe('GBP');
    expect(() => normaliseCurrency('XXY')).toThrow("'XXY' is not an ISO 4217 currency");
  });
});

describe('amounts', () => {
  it('are decimal strings, from text or numbers', () => {
    expect(['10.00', ' 89.90 ', '-9.95', '+3'].map(normaliseDecimal)).toEqual(['10.00', '89.90', '-9.95', '3']);
    expect([191.0, 35.5].map(normaliseDecimal)).toEqual(['191', '35.5']);
    expect(() => normaliseDecimal('10,00')).toThrow('not a decimal amount');
    expect(() => normaliseDecimal(1e21)).toThrow('not a decimal amount');
  });

  it('in minor units are written back as decimals of their currency', () => {
    expect([
      minorUnitsToDecimal(995, 'EUR'),
      minorUnitsToDecimal(5, 'EUR'),
      minorUnitsToDecimal(-5, 'EUR'),
      minorUnitsToDecimal(1000, 'JPY'),
      minorUnitsToDecimal(1235, 'BHD'),
    ]).toEqual(['9.95', '0.05', '-0.05', '1000', '1.235']);
  });

  it('multiply by a quantity exactly, and lose their sign for refunds', () => {
    expect([multiplyDecimal('35.5', 2), multiplyDecimal('-9.95', 3), multiplyDecimal('0.1', 3), multiplyDecimal('12', 0)]).toEqual([
      '71.0',
      '-29.85',
      '0.3',
      '0',
    ]);
    expect([absoluteDecimal('-9.95'), absoluteDecimal('9.95')]).toEqual(['9.95', '9.95']);
  });
});

describe('integers', () => {
  it('come from numbers or digit strings', () => {
    expect([normaliseInteger(90), normaliseInteger('-200')]).toEqual([90, -200]);
    expect(() => normaliseInteger(1.5)).toThrow('not an integer');
    expect(() => normaliseInteger('ten')).toThrow('not an integer');
  });
});
