import { describe, expect, it } from 'vitest';
import {
  NicknameIndex,
  compareBirthDates,
  compareParts,
  daysOf,
  isGenderedPair,
  isInitialOf,
  jaroWinkler,
  namePart,
  nicknameIndex,
  phoneticCodes,
  type NameMethod,
} from './comparators';

const nicknames = nicknameIndex();
const part = (key: string) => namePart(key, nicknames);
const ALL: NameMethod[] = ['exact', 'nickname', 'jaro-winkler', 'edit-distance', 'phonetic', 'initial'];
const agree = (a: string, b: string, methods: NameMethod[] = ALL, threshold = 0.9) => compareParts(part(a), part(b), methods, threshold);

describe('name comparators', () => {
  it('scores typos high and different names low (Jaro-Winkler)', () => {
    expect(jaroWinkler('katharina', 'katharnia')).toBeGreaterThan(0.95);
    expect(jaroWinkler('schmidt', 'schmitt')).toBeGreaterThan(0.9);
    expect(jaroWinkler('peter', 'anna')).toBeLessThan(0.6);
    expect(jaroWinkler('same', 'same')).toBe(1);
  });

  it('gives transliteration variants one phonetic code (Müller/Mueller, Dupont/Dupond, Yamada/Yamadaa)', () => {
    expect(phoneticCodes('muller')).toEqual(phoneticCodes('mueller'));
    expect(phoneticCodes('dupont')).toEqual(phoneticCodes('dupond'));
    expect(phoneticCodes('smith')).toEqual(['SM0', 'XMT']);
    expect(agree('muller', 'mueller', ['phonetic'])).toEqual({ method: 'phonetic', score: 0.9 });
  });

  it('knows short forms per market, in both directions, without chaining them', () => {
    expect(agree('bob', 'robert')).toEqual({ method: 'nickname', score: 0.95 });
    expect(agree('kathi', 'katharina', ['nickname'])?.method).toBe('nickname');
    expect(agree('hans', 'johannes', ['nickname'])?.method).toBe('nickname');
    expect(agree('bert', 'albert', ['nickname'])?.method).toBe('nickname');
    expect(agree('robert', 'albert', ['nickname'])).toBeNull();
    expect(agree('shouta', 'shota', ['nickname'])?.method).toBe('nickname');
  });

  it('finds the short forms of a mistyped formal name, but never across genders', () => {
    expect(nicknames.groupsOf('josehine')).toEqual(['josephine']);
    expect(agree('jo', 'josehine', ['nickname'])?.method).toBe('nickname');
    expect(agree('setph', 'stephanie', ['nickname'])?.method).toBe('nickname');
    expect(nicknames.groupsOf('mario')).toEqual([]);
    expect(nicknames.groupsOf('xyz')).toEqual([]);
  });

  it('takes a steward’s extra groups', () => {
    const index = new NicknameIndex([['hieronymus', 'ronny']]);
    expect(index.groupsOf('ronny')).toEqual(['hieronymus']);
    expect(nicknameIndex([['hieronymus', 'ronny']], false).size).toBe(2);
  });

  it('accepts an initial only where asked', () => {
    expect(isInitialOf('j', 'john')).toBe(true);
    expect(isInitialOf('jo', 'john')).toBe(false);
    expect(agree('j', 'john', ['exact', 'initial'])?.method).toBe('initial');
    expect(agree('j', 'john', ['exact', 'jaro-winkler'])).toBeNull();
  });

  it('tells gendered forms of one stem apart although they look alike', () => {
    for (const [a, b] of [
      ['daniel', 'daniela'],
      ['paul', 'paula'],
      ['jan', 'jana'],
      ['louis', 'louise'],
      ['michel', 'michelle'],
      ['maria', 'mario'],
    ] as const) {
      expect(isGenderedPair(a, b)).toBe(true);
      expect(agree(a, b, ['jaro-winkler', 'edit-distance', 'phonetic'], 0.8)).toBeNull();
    }
    expect(isGenderedPair('stefanie', 'stefani')).toBe(false);
    expect(isGenderedPair('yuki', 'yuuki')).toBe(false);
  });

  it('accepts one edit in names of four letters or more', () => {
    expect(agree('mark', 'nark', ['edit-distance'])?.method).toBe('edit-distance');
    expect(agree('tom', 'tim', ['edit-distance'])).toBeNull();
  });
});

describe('dates of birth', () => {
  const d = daysOf;
  it('relates equal, swapped day/month, one-part typos and different dates', () => {
    expect(compareBirthDates(d('1985-03-04'), d('1985-03-04'))).toBe('equal');
    expect(compareBirthDates(d('1985-03-04'), d('1985-04-03'))).toBe('transposed');
    expect(compareBirthDates(d('1985-03-04'), d('1958-03-04'))).toBe('one-part');
    expect(compareBirthDates(d('1985-03-04'), d('1985-03-14'))).toBe('one-part');
    expect(compareBirthDates(d('1985-03-04'), d('1990-07-21'))).toBe('different');
  });
  it('reads ISO dates only', () => {
    expect(daysOf('1970-01-02')).toBe(1);
    expect(daysOf('02.01.1970')).toBeNaN();
  });
});
