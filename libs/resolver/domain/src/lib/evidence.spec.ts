import { describe, expect, it } from 'vitest';
import { addressForms, addressSignature, buildEvidence, buildingOf, profileEvidence } from './evidence';
import { defaultConfig, evidence, party } from '../testing/fixtures';

describe('record evidence', () => {
  it('keys identifiers by type, scoping loyalty ids by their programme, each once', () => {
    const e = evidence({
      emails: ['anna@example.org'],
      phones: [{ number: '+493012345678', lineType: 'FIXED_LINE' }, '+4915112345678'],
      ids: [
        { type: 'EMAIL', value: 'Anna@Example.org' },
        { type: 'LOYALTY_ID', value: 'LC-1', issuer: 'c360-club' },
        { type: 'POS_CUSTOMER_REF', value: 'C-9', issuer: 'pos' },
      ],
    });
    expect(e.identifiers).toEqual(['EMAIL:anna@example.org', 'PHONE:+493012345678', 'PHONE:+4915112345678', 'LOYALTY_ID:c360-club:LC-1']);
    expect(e.phoneLines).toEqual({ 'PHONE:+493012345678': 'FIXED_LINE', 'PHONE:+4915112345678': 'MOBILE' });
  });

  it('leaves junk and protected values out (test@test.com, noreply@, repeated digits, 1234567890, placeholder birth dates)', () => {
    const e = evidence({
      emails: ['test@test.com', 'noreply@shop.example', 'someone@mailinator.com', 'real@example.org'],
      phones: ['+490000000000', '+11234567890', '+442077777777', '+4930555123'],
      dob: '1900-01-01',
    });
    expect(e.identifiers).toEqual(['EMAIL:real@example.org', 'PHONE:+4930555123']);
    expect(e.birthDates).toEqual([]);
  });

  it('precomputes name keys, phonetic codes and nickname groups', () => {
    const [name] = evidence({ given: 'Bob', family: 'Müller' }).names;
    expect(name).toEqual({
      given: { key: 'bob', codes: ['PP'], groups: ['robert'] },
      family: { key: 'muller', codes: ['MLR'], groups: [] },
    });
  });

  it('marks keys read from kanji and adds the romaji reading a JP source sends in kana', () => {
    const e = evidence({
      given: '太郎',
      family: '山田',
      givenKey: 'tailang',
      familyKey: 'shantian',
      extensions: { 'jp.nameKana': 'やまだ　たろう' },
    });
    expect(e.names.map((n) => [n.given?.key, n.family?.key, n.han])).toEqual([
      ['tailang', 'shantian', 'both'],
      ['tarou', 'yamada', undefined],
    ]);
  });

  it('signs an address alike however its street word is abbreviated or its lines ordered', () => {
    const sig = (lines: string[]) => addressSignature('gb', 'sw1a1aa', lines);
    expect(sig(['12 Acacia Road'])).toBe('sig|gb|sw1a1aa|12|acaci');
    expect(sig(['Flat 3', '12 Acacia Rd'])).toBe(sig(['12 Acacia Road', 'Flat 3']));
    expect(addressSignature('de', '10115', ['Hauptstr. 5', '3. OG'])).toBe(addressSignature('de', '10115', ['Hauptstraße 5']));
    expect(addressSignature('fr', '75002', ['12 R. de la Paix'])).toBe(addressSignature('fr', '75002', ['12 Rue de la Paix']));
    expect(sig(['14 Acacia Road'])).not.toBe(sig(['12 Acacia Road']));
    expect(addressSignature('gb', '', [])).toBeNull();
  });

  it('keeps addresses by key, signature and building, dwellings with their flat, postcodes by country', () => {
    const e = evidence({ addresses: [{ lines: ['12 Acacia Rd'], postcode: 'SW1A 1AA', country: 'GB' }] });
    expect(e.addresses).toEqual(['gb|sw1a1aa|12acaciaroad', 'sig|gb|sw1a1aa|12|acaci', 'loc|gb|sw1a1aa|12']);
    expect(e.dwellings).toEqual(['unit|gb|sw1a1aa|12|acaci|']);
    expect(e.postcodes).toEqual(['gb|sw1a1aa']);
  });

  it('tells two flats of one building apart, however the flat is written', () => {
    const forms = (lines: string[], country = 'gb', postcode = 'sw1a1aa') => addressForms(country, postcode, lines)!;
    const flat3 = forms(['Flat 3, 12 Acacia Rd']);
    expect(flat3.dwelling).toBe('unit|gb|sw1a1aa|12|acaci|3');
    expect(forms(['12 Acacia Road', 'Flat 3']).dwelling).toBe(flat3.dwelling);
    expect(forms(['12 Acacia Road Flat 3']).dwelling).toBe(flat3.dwelling);
    expect(forms(['12 Acacia Road', 'Flat 4']).dwelling).not.toBe(flat3.dwelling);
    // One building, one signature: the flat is what tells the households apart.
    expect(forms(['12 Acacia Road', 'Flat 4']).signature).toBe(flat3.signature);
    expect(forms(['Hauptstr. 5', '3. OG'], 'de', '10115').dwelling).toBe(forms(['Hauptstraße 5 3. OG'], 'de', '10115').dwelling);
    expect(forms(['Hauptstr. 5', '3. OG'], 'de', '10115').dwelling).not.toBe(forms(['Hauptstraße 5'], 'de', '10115').dwelling);
  });

  it('keeps the building of an address whose street name has a typo', () => {
    const a = evidence({ addresses: [{ lines: ['Pappelweg 67'], postcode: '31162', country: 'DE' }] });
    const b = evidence({ addresses: [{ lines: ['Pappslweg 67'], postcode: '31162', country: 'DE' }] });
    expect(a.addresses.filter((x) => b.addresses.includes(x))).toEqual(['loc|de|31162|67']);
    expect(buildingOf('sig|de|31162||pappe')).toBeNull();
  });

  it('reads a JP block address in kanji and in digits alike, leaving the room out of the signature', () => {
    const sig = (lines: string[]) => addressSignature('jp', '1500001', lines);
    expect(sig(['9丁目7番12号'])).toBe('sig|jp|1500001|12.7.9|');
    expect(sig(['9-7-12'])).toBe(sig(['9丁目7番12号']));
    expect(sig(['2丁目4番地4'])).toBe(sig(['2-4-4']));
    expect(sig(['9丁目7番12号', 'メゾン101号室'])).toBe(sig(['9丁目7番12号']));
    expect(addressForms('jp', '1500001', ['9丁目7番12号', 'メゾン101号室'])!.dwelling).toBe('unit|jp|1500001|12.7.9||101');
  });

  it('adds the first forename of a register that writes middle names', () => {
    const e = evidence({ given: 'SELINA WILLA', family: 'BOGAN' });
    expect(e.names.map((n) => [n.given?.key, n.family?.key])).toEqual([
      ['selinawilla', 'bogan'],
      ['selina', 'bogan'],
    ]);
    // A hyphenated forename is one name.
    expect(evidence({ given: 'Jean-Luc', family: 'Picard' }).names).toHaveLength(1);
  });

  it('marks work contact points and leaves a company address out of the dwellings', () => {
    const e = evidence({
      given: 'Dariusz',
      family: 'Kruk',
      workEmails: ['d.kruk@example.pl'],
      phones: [{ number: '+48125525747', lineType: 'FIXED_LINE', use: 'WORK' }],
      addresses: [{ lines: ['Piotrkowska 21'], postcode: '99-884', country: 'PL', use: 'WORK' }],
    });
    expect(e.workContacts).toEqual(['EMAIL:d.kruk@example.pl', 'PHONE:+48125525747']);
    expect(e.dwellings).toEqual([]);
    expect(e.addresses).toContain('loc|pl|99884|21');
  });

  it('survives a JSON round trip unchanged (it is stored per record)', () => {
    const e = evidence({ given: 'Anna', family: 'Schmidt', dob: '1985-03-04', emails: ['anna@example.org'] });
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
    expect(JSON.stringify(e).length).toBeLessThan(400);
  });

  it('is empty for a receipt that knows nobody', () => {
    expect(buildEvidence(party({}), defaultConfig())).toEqual({
      names: [],
      birthDates: [],
      identifiers: [],
      phoneLines: {},
      addresses: [],
      dwellings: [],
      postcodes: [],
    });
  });
});

describe('profile evidence', () => {
  it('unites the records and remembers which record gave each value', () => {
    const p = profileEvidence([
      { recordId: 'r1', evidence: evidence({ given: 'Robert', family: 'Smith', emails: ['bob@example.org'] }) },
      { recordId: 'r2', evidence: evidence({ given: 'Bob', family: 'Smith', emails: ['bob@example.org'], dob: '1980-01-02' }) },
      { recordId: 'r3', evidence: evidence({ given: 'Robert', family: 'Smith', phones: ['+447700900123'] }) },
    ]);
    expect(p.names.map((n) => n.given?.key)).toEqual(['robert', 'bob']);
    expect(p.identifiers).toEqual(['EMAIL:bob@example.org', 'PHONE:+447700900123']);
    expect(p.identifierSet.has('PHONE:+447700900123')).toBe(true);
    expect(p.provenance.get('id:EMAIL:bob@example.org')).toEqual(['r1', 'r2']);
    expect(p.provenance.get('name:robert|smith')).toEqual(['r1', 'r3']);
    expect(p.birthDates).toHaveLength(1);
    expect(p.recordIds).toEqual(['r1', 'r2', 'r3']);
  });
});
