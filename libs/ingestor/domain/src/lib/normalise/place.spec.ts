import { describe, expect, it } from 'vitest';
import { addressKey, normaliseCountry, normaliseMarket, normalisePostcode } from './place';

describe('countries and markets', () => {
  it('read alpha-2, alpha-3 and English names (with their aliases) as alpha-2', () => {
    expect(['GB', 'gb', 'GBR', 'DEU', 'usa', 'Germany', 'united kingdom', 'UK', 'U.S.A.', 'Japan'].map(normaliseCountry)).toEqual([
      'GB',
      'GB',
      'GB',
      'DE',
      'US',
      'DE',
      'GB',
      'GB',
      'US',
      'JP',
    ]);
  });

  it('reject what is not a country', () => {
    expect(() => normaliseCountry('Atlantis')).toThrow("'Atlantis' is not an ISO 3166 country");
    expect(() => normaliseCountry('XX')).toThrow();
  });

  it('read a market from a locale as well', () => {
    expect(['en-GB', 'ja_JP', 'zh-Hant-TW', 'fr-FR', 'DE'].map(normaliseMarket)).toEqual(['GB', 'JP', 'TW', 'FR', 'DE']);
  });
});

describe('postcodes', () => {
  it.each([
    ['sw1a1aa', 'GB', 'SW1A 1AA'],
    [' SW1A  1AA ', 'GB', 'SW1A 1AA'],
    ['yo17hh', 'GB', 'YO1 7HH'],
    ['M1 1AE', 'GB', 'M1 1AE'],
    ['10036-1502', 'US', '10036'],
    ['100361502', 'US', '10036'],
    ['10036', 'US', '10036'],
    ['1000001', 'JP', '100-0001'],
    ['〒100-0001', 'JP', '100-0001'],
    ['１００－０００１', 'JP', '100-0001'],
    ['10115', 'DE', '10115'],
    ['75002', 'FR', '75002'],
    ['1012 ab', 'NL', '1012 AB'],
  ])('%s in %s is %s', (written, country, canonical) => {
    expect(normalisePostcode(written, country)).toBe(canonical);
  });

  it.each([
    ['SW1A 1A', 'GB'],
    ['99999', 'GB'],
    ['1003', 'US'],
    ['100-001', 'JP'],
    ['1011', 'DE'],
  ])('rejects %s in %s', (written, country) => {
    expect(() => normalisePostcode(written, country)).toThrow(`not a postcode of ${country}`);
  });
});

describe('address match keys', () => {
  it('fold the first line and expand street abbreviations, so one address written two ways has one key', () => {
    expect(addressKey('DE', '10115', 'Hauptstr. 5')).toBe('de|10115|hauptstrasse5');
    expect(addressKey('DE', '10115', 'Hauptstraße 5')).toBe('de|10115|hauptstrasse5');
    expect(addressKey('DE', '10115', 'Haupt Str 5')).toBe('de|10115|hauptstrasse5');
    expect(addressKey('GB', 'SW1A 1AA', '12 Acacia Rd')).toBe(addressKey('GB', 'SW1A 1AA', '12 ACACIA ROAD'));
    expect(addressKey('US', '10036', '221 W 48th St., Apt 5')).toBe('us|10036|221w48thstreetapt5');
    expect(addressKey('JP', '100-0001', undefined)).toBe('jp|1000001|');
  });
});
