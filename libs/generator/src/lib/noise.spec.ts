import { describe, expect, it } from 'vitest';
import { toMinorUnits } from '@c360/money';
import { Converter, decimalText } from './amounts';
import { asciiFold, katakana, plainRomaji, romajiVariant } from './names';
import { DEFAULT_NOISE, abbreviate, caseAndSpacing, emailCaseAndSpaces, emailTypo, parseNoise, typo } from './noise';
import { MARKETS } from './markets';
import { Random } from './random';

/** Damerau-Levenshtein distance (optimal string alignment), for checking that a typo is one edit. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('noise', () => {
  it('makes a typo one edit away, keeping the first letter; a kanji variant in Japanese', () => {
    const r = new Random(3);
    for (const word of ['Katharina', 'Müller', 'Wojciechowski', 'Bernard', 'O’Brien']) {
      for (let i = 0; i < 50; i++) {
        const t = typo(word, r);
        expect(distance(word, t)).toBeLessThanOrEqual(1);
        expect(t[0]).toBe(word[0]);
      }
    }
    expect(typo('斎藤', r)).toBe('斉藤');
    expect(typo('山田', r)).toBe('山田');
  });

  it('keeps a mistyped email an email address', () => {
    const r = new Random(4);
    for (let i = 0; i < 200; i++) expect(emailTypo('jane.doe@gmail.com', r)).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/);
    expect(emailCaseAndSpaces('jane.doe@example.co.uk', new Random(1)).trim().toLowerCase()).toBe('jane.doe@example.co.uk');
  });

  it('writes street words short as each market does', () => {
    const short = (country: string, line: string) => abbreviate(line, MARKETS.find((m) => m.country === country)!.abbreviations);
    expect(short('DE', 'Hauptstraße 5')).toBe('Hauptstr. 5');
    expect(short('DE', 'Marc-Chagall-Straße 12')).toBe('Marc-Chagall-Str. 12');
    expect(short('GB', '12 Acacia Road')).toBe('12 Acacia Rd');
    expect(short('US', '221 West 48th Street Apt 5')).toBe('221 West 48th St Apt 5');
    expect(short('FR', '14 Rue de la Paix')).toBe('14 R. de la Paix');
    expect(short('BR', 'Avenida Paulista, 1000')).toBe('Av. Paulista, 1000');
    expect(short('PL', 'ulica Kwiatowa 5')).toBe('ul. Kwiatowa 5');
    expect(short('JP', '2丁目4番4号')).toBe('2-4-4');
  });

  it('writes case and spacing the ways people do', () => {
    expect(caseAndSpacing('Jane Doe', 'upper')).toBe('JANE DOE');
    expect(caseAndSpacing('Jane Doe', 'lower')).toBe('jane doe');
    expect(caseAndSpacing('Jane Doe', 'double-space')).toBe('Jane  Doe');
    expect(caseAndSpacing('Doe', 'padded')).toBe(' Doe  ');
  });

  it('transliterates: umlauts spelt out, diacritics dropped, Japanese readings in romaji and katakana', () => {
    expect(asciiFold('Müller')).toBe('Mueller');
    expect(asciiFold('Françoise Łukasz Straße')).toBe('Francoise Lukasz Strasse');
    expect(plainRomaji('Satō')).toBe('Sato');
    expect(romajiVariant('Satō', false)).toBe('Satou');
    expect(romajiVariant('Satō', true)).toBe('Satoh');
    expect(romajiVariant('Tanaka', true)).toBeNull();
    expect([katakana('Satō'), katakana('Hanako'), katakana('Ōta'), katakana("Ken'ichi"), katakana('Kyōko'), katakana('Shōta')]).toEqual([
      'サトウ',
      'ハナコ',
      'オオタ',
      'ケンイチ',
      'キョウコ',
      'ショウタ',
    ]);
  });

  it('parses --noise overrides and refuses unknown names and rates out of range', () => {
    expect(parseNoise('household=0.5, junk=0')).toEqual({ household: 0.5, junk: 0 });
    expect(() => parseNoise('housholds=0.5')).toThrow(/unknown noise rate 'housholds'/);
    expect(() => parseNoise('junk=1.5')).toThrow(/from 0 to 1/);
    expect(() => parseNoise('junk')).toThrow(/from 0 to 1/);
    expect(Object.values(DEFAULT_NOISE).every((r) => r >= 0 && r <= 1)).toBe(true);
  });
});

describe('amounts', () => {
  it('converts to the reporting currency as the ingestor does', () => {
    const c = new Converter({ EUR: 1, GBP: 1.14, JPY: 0.0057 }, 'EUR');
    expect(c.toReportingMinor('191.00', 'GBP')).toBe(toMinorUnits((191 * 1.14).toFixed(6), 'EUR'));
    expect(c.toReportingMinor(12800, 'JPY')).toBe(7296);
    expect(() => c.toReportingMinor('1', 'USD')).toThrow(/no rate from USD/);
    expect([decimalText(8990, 2), decimalText(-995, 2), decimalText(12800, 0), decimalText(5, 2)]).toEqual([
      '89.90',
      '-9.95',
      '12800',
      '0.05',
    ]);
  });
});
