// What every external registers sample becomes. The samples are the contract with the sources (and the
// synthetic data generator); each expected canonical event is written out whole.
import { describe, expect, it } from 'vitest';
import { days, INGESTED_AT, mapSample } from './sample-harness';

describe('register samples', () => {
  it('deceased.json: a deceased notice: the ALL-CAPS name title-cased for display, the alpha-3 country read as GB', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('register', 'deceased.json');
    expect(event).toEqual({
      eventId: 'register:DR-GB-2026-000417:2026-05-03T00:00:00Z',
      eventType: 'REGISTER_UPDATE',
      source: 'register',
      sourceRecordId: 'DR-GB-2026-000417',
      market: 'GB',
      occurredAt: Date.UTC(2026, 4, 3),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: {
          given: 'Margaret Ann',
          family: 'Doe',
          full: 'Margaret Ann Doe',
          givenKey: 'margaretann',
          familyKey: 'doe',
        },
        dateOfBirth: days('1931-04-17'),
        emails: [],
        phones: [],
        addresses: [
          {
            lines: ['3 HIGH STREET'],
            locality: 'YORK',
            region: null,
            postcode: 'YO1 7HH',
            country: 'GB',
            key: 'gb|yo17hh|3highstreet',
            use: 'UNKNOWN',
          },
        ],
        identifiers: [],
        organisation: null,
        consents: [],
        extensions: {},
      },
      purchase: null,
      purchaseReturn: null,
      engagement: null,
      serviceCase: null,
      npsResponse: null,
      loyaltyChange: null,
      registerUpdate: { kind: 'DECEASED', register: 'deceased-register-gb', effectiveDate: days('2026-05-01') },
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual([]);
  });

  it('gone-away.json: a gone-away notice: MOVED_AWAY, the street abbreviation expanded in the address key', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('register', 'gone-away.json');
    expect(event).toEqual({
      eventId: 'register:GA-DE-2026-010203:2026-04-20T00:00:00Z',
      eventType: 'REGISTER_UPDATE',
      source: 'register',
      sourceRecordId: 'GA-DE-2026-010203',
      market: 'DE',
      occurredAt: Date.UTC(2026, 3, 20),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: { given: 'Anna', family: 'Schmidt', full: 'Anna Schmidt', givenKey: 'anna', familyKey: 'schmidt' },
        dateOfBirth: days('1990-08-12'),
        emails: [],
        phones: [],
        addresses: [
          {
            lines: ['LINDENSTR. 12'],
            locality: 'MÜNCHEN',
            region: null,
            postcode: '80331',
            country: 'DE',
            key: 'de|80331|lindenstrasse12',
            use: 'UNKNOWN',
          },
        ],
        identifiers: [],
        organisation: null,
        consents: [],
        extensions: {},
      },
      purchase: null,
      purchaseReturn: null,
      engagement: null,
      serviceCase: null,
      npsResponse: null,
      loyaltyChange: null,
      registerUpdate: { kind: 'MOVED_AWAY', register: 'umzugsregister-de', effectiveDate: days('2026-04-15') },
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual([]);
  });

  it('do-not-contact.json: a do-not-contact notice: ZIP+4 cut to the ZIP, no date of birth', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('register', 'do-not-contact.json');
    expect(event).toEqual({
      eventId: 'register:MPS-US-2026-5512:2026-02-02T00:00:00Z',
      eventType: 'REGISTER_UPDATE',
      source: 'register',
      sourceRecordId: 'MPS-US-2026-5512',
      market: 'US',
      occurredAt: Date.UTC(2026, 1, 2),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: { given: 'Robert', family: 'Smith', full: 'Robert Smith', givenKey: 'robert', familyKey: 'smith' },
        dateOfBirth: null,
        emails: [],
        phones: [],
        addresses: [
          {
            lines: ['221 W 48TH ST APT 5'],
            locality: 'NEW YORK',
            region: null,
            postcode: '10036',
            country: 'US',
            key: 'us|10036|221w48thstreetapt5',
            use: 'UNKNOWN',
          },
        ],
        identifiers: [],
        organisation: null,
        consents: [],
        extensions: {},
      },
      purchase: null,
      purchaseReturn: null,
      engagement: null,
      serviceCase: null,
      npsResponse: null,
      loyaltyChange: null,
      registerUpdate: { kind: 'DO_NOT_CONTACT', register: 'mail-preference-us', effectiveDate: days('2026-02-01') },
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual([]);
  });
});
