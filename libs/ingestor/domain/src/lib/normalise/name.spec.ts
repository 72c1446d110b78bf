import { describe, expect, it } from 'vitest';
import { buildPersonName, nameKey, normaliseNamePart } from './name';

const name = (full: string, market: string) => buildPersonName({ full: normaliseNamePart(full) }, market);

describe('names for display', () => {
  it('title-cases a name written all in capitals or all in lower case, and keeps mixed case as written', () => {
    expect(['MARGARET ANN', 'DOE', 'jean-luc', "o'brien", 'McDonald', 'de la Cruz', '山田'].map(normaliseNamePart)).toEqual([
      'Margaret Ann',
      'Doe',
      'Jean-Luc',
      "O'Brien",
      'McDonald',
      'de la Cruz',
      '山田',
    ]);
  });

  it('composes Unicode to NFC and collapses whitespace', () => {
    expect(normaliseNamePart('  Jo\u0308rg \t Mu\u0308ller ')).toBe('J\u00f6rg M\u00fcller');
  });
});

describe('name match keys', () => {
  it('fold diacritics and case: Müller, MÜLLER and full-width ＭÜLLER share a key; Mueller keeps its own', () => {
    expect(['Müller', 'MÜLLER', 'ＭÜＬＬＥＲ', 'Mu\u0308ller', 'Mueller'].map(nameKey)).toEqual([
      'muller',
      'muller',
      'muller',
      'muller',
      'mueller',
    ]);
  });

  it('keep letters only and transliterate other scripts to Latin', () => {
    expect(["O'Brien", 'Jean-Luc', 'Łukasz', 'Σωκράτης', 'Иван', 'ヤマダ', '山田'].map(nameKey)).toEqual([
      'obrien',
      'jeanluc',
      'lukasz',
      'sokratis',
      'ivan',
      'yamada',
      'shantian',
    ]);
  });

  it('are null when nothing of the name is a letter', () => {
    expect(nameKey('★')).toBeNull();
    expect(nameKey(null)).toBeNull();
  });
});

describe('whole names', () => {
  it('split a Western full name on its last space: given names first, then the family name', () => {
    expect(name('Hans Peter Müller', 'DE')).toEqual({
      given: 'Hans Peter',
      family: 'Müller',
      full: 'Hans Peter Müller',
      givenKey: 'hanspeter',
      familyKey: 'muller',
    });
  });

  it('split a Japanese name family first, on the space, keeping the market order for display', () => {
    expect(name('山田 太郎', 'JP')).toEqual({
      given: '太郎',
      family: '山田',
      full: '山田 太郎',
      givenKey: 'tailang',
      familyKey: 'shantian',
    });
    expect(name('ヤマダ タロウ', 'JP')).toEqual({
      given: 'タロウ',
      family: 'ヤマダ',
      full: 'ヤマダ タロウ',
      givenKey: 'tarou',
      familyKey: 'yamada',
    });
    expect(name('YAMADA Taro', 'JP')).toMatchObject({ given: 'Taro', family: 'YAMADA' });
  });

  it('split a Han or Kana name family first whatever the market', () => {
    expect(name('山田 太郎', 'GB')).toMatchObject({ given: '太郎', family: '山田' });
  });

  it('leave a name without a space unsplit: no guess at where the family name ends', () => {
    expect(name('山田太郎', 'JP')).toEqual({ given: null, family: null, full: '山田太郎', givenKey: null, familyKey: null });
  });

  it('compose the display name from parts in the market order', () => {
    expect(buildPersonName({ given: 'Taro', family: 'Yamada' }, 'JP')?.full).toBe('Yamada Taro');
    expect(buildPersonName({ given: 'Jürgen', family: 'Müller' }, 'DE')?.full).toBe('Jürgen Müller');
    expect(buildPersonName({ family: 'Doe' }, 'GB')).toEqual({ given: null, family: 'Doe', full: 'Doe', givenKey: null, familyKey: 'doe' });
    expect(buildPersonName({}, 'GB')).toBeNull();
  });
});
