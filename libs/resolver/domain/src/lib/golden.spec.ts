import { describe, expect, it } from 'vitest';
import { goldenRecord, type SourceRecordView } from './golden';
import { daysOf } from './comparators';
import { defaultConfig, party, type PartySpec } from '../testing/fixtures';

const config = defaultConfig();
const view = (source: string, sourceRecordId: string, observedAt: number, spec: PartySpec): SourceRecordView => ({
  source,
  sourceRecordId,
  observedAt,
  party: party(spec),
});

describe('golden record', () => {
  it('takes the name from the most trusted source, with the record behind it', () => {
    const golden = goldenRecord(
      [
        view('pos', 'R-1', 300, { given: 'Bob', family: 'Smith' }),
        view('loyalty', 'M-1', 100, { given: 'Robert', family: 'Smith' }),
        view('web', 'ck', 400, {}),
      ],
      config,
    );
    expect(golden.name).toMatchObject({
      value: { given: 'Robert', family: 'Smith' },
      from: { source: 'loyalty', sourceRecordId: 'M-1' },
      decidedBy: 'source-priority',
    });
  });

  it('takes the most frequent date of birth (from its most trusted source), and the most recent name among equally trusted sources', () => {
    const golden = goldenRecord(
      [
        view('ecommerce', 'A-1', 100, { dob: '1980-01-02' }),
        view('ecommerce', 'A-2', 200, { dob: '1980-02-01' }),
        view('pos', 'R-1', 300, { dob: '1980-01-02' }),
      ],
      config,
    );
    expect(golden.dateOfBirth).toMatchObject({ value: daysOf('1980-01-02'), decidedBy: 'most-frequent', from: { sourceRecordId: 'A-1' } });
    const recent = goldenRecord(
      [view('ecommerce', 'A-1', 100, { given: 'Ann', family: 'Lee' }), view('ecommerce', 'A-2', 200, { given: 'Anne', family: 'Lee' })],
      config,
    );
    expect(recent.name).toMatchObject({ value: { given: 'Anne' }, decidedBy: 'most-recent' });
  });

  it('ignores empty values and placeholder birth dates', () => {
    const golden = goldenRecord(
      [view('register', 'G-1', 500, { dob: '1900-01-01' }), view('pos', 'R-1', 100, { given: 'Mia', family: 'Koch', dob: '1991-03-03' })],
      config,
    );
    expect(golden.name).toMatchObject({ value: { given: 'Mia' }, decidedBy: 'ignore-empty' });
    expect(golden.dateOfBirth).toMatchObject({ from: { sourceRecordId: 'R-1' } });
    expect(goldenRecord([view('pos', 'R-1', 1, {})], config)).toMatchObject({ name: null, dateOfBirth: null, organisation: null });
  });

  it('keeps every contact point with every source that gave it, most recent first, without junk', () => {
    const golden = goldenRecord(
      [
        view('ecommerce', 'A-1', 100, {
          emails: ['old@example.org', 'test@test.com'],
          ids: [{ type: 'ECOMMERCE_ACCOUNT', value: 'acc-1', issuer: 'ecommerce' }],
        }),
        view('ecommerce', 'A-1b', 300, {
          emails: ['new@example.org', 'old@example.org'],
          phones: [{ number: '+493012345678', lineType: 'FIXED_LINE' }],
        }),
        view('pos', 'R-1', 200, {
          phones: [{ number: '+493012345678', lineType: 'UNKNOWN' }],
          addresses: [{ lines: ['Hauptstraße 5'], postcode: '10115', country: 'DE' }],
        }),
      ],
      config,
    );
    expect(golden.emails.map((e) => [e.address, e.sources.map((s) => s.sourceRecordId)])).toEqual([
      ['new@example.org', ['A-1b']],
      ['old@example.org', ['A-1b', 'A-1']],
    ]);
    expect(golden.phones).toEqual([
      {
        number: '+493012345678',
        lineType: 'FIXED_LINE',
        use: 'UNKNOWN',
        sources: [
          { source: 'ecommerce', sourceRecordId: 'A-1b', observedAt: 300 },
          { source: 'pos', sourceRecordId: 'R-1', observedAt: 200 },
        ],
      },
    ]);
    expect(golden.addresses[0]?.address.lines).toEqual(['Hauptstraße 5']);
    expect(golden.identifiers).toEqual([
      {
        type: 'ECOMMERCE_ACCOUNT',
        value: 'acc-1',
        issuer: 'ecommerce',
        sources: [{ source: 'ecommerce', sourceRecordId: 'A-1', observedAt: 100 }],
      },
    ]);
  });
});
