// What every loyalty sample becomes. The samples are the contract with the sources (and the
// synthetic data generator); each expected canonical event is written out whole.
import { describe, expect, it } from 'vitest';
import { days, INGESTED_AT, mapSample } from './sample-harness';

describe('loyalty samples', () => {
  it('enrolled.json: an enrolment: the member with name, date of birth, contact points, address and both consents; the programme issues the loyalty id', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('loyalty', 'enrolled.json');
    expect(event).toEqual({
      eventId: 'loyalty:LC-4711-0815:ENROLLED:1767268800000',
      eventType: 'LOYALTY_CHANGE',
      source: 'loyalty',
      sourceRecordId: 'LC-4711-0815',
      market: 'DE',
      occurredAt: Date.UTC(2026, 0, 1, 12),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: { given: 'Jürgen', family: 'Müller', full: 'Jürgen Müller', givenKey: 'jurgen', familyKey: 'muller' },
        dateOfBirth: days('1979-11-02'),
        emails: [{ address: 'j.mueller@example.de', use: 'UNKNOWN' }],
        phones: [{ number: '+4915123456789', use: 'UNKNOWN', lineType: 'MOBILE' }],
        addresses: [
          {
            lines: ['Hauptstr. 5', '2. OG'],
            locality: 'Berlin',
            region: null,
            postcode: '10115',
            country: 'DE',
            key: 'de|10115|hauptstrasse5',
            use: 'PERSONAL',
          },
        ],
        identifiers: [
          { type: 'LOYALTY_ID', value: 'LC-4711-0815', issuer: 'c360-club' },
          { type: 'EMAIL', value: 'j.mueller@example.de', issuer: null },
          { type: 'PHONE', value: '+4915123456789', issuer: null },
        ],
        organisation: null,
        consents: [
          { purpose: 'MARKETING', channel: 'EMAIL', status: 'GRANTED', recordedAt: Date.UTC(2026, 0, 1, 12) },
          { purpose: 'MARKETING', channel: 'SMS', status: 'WITHDRAWN', recordedAt: Date.UTC(2026, 0, 1, 12) },
        ],
        extensions: {},
      },
      purchase: null,
      purchaseReturn: null,
      engagement: null,
      serviceCase: null,
      npsResponse: null,
      loyaltyChange: { kind: 'ENROLLED', programme: 'c360-club', tier: 'silver', pointsDelta: null, pointsBalance: null },
      registerUpdate: null,
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual([]);
  });

  it('tier.json: a tier change: the new tier in lower case', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('loyalty', 'tier.json');
    expect(event).toEqual({
      eventId: 'loyalty:LC-4711-0815:TIER_CHANGED:1773500532000',
      eventType: 'LOYALTY_CHANGE',
      source: 'loyalty',
      sourceRecordId: 'LC-4711-0815',
      market: 'DE',
      occurredAt: Date.UTC(2026, 2, 14, 15, 2, 12),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: null,
        dateOfBirth: null,
        emails: [],
        phones: [],
        addresses: [],
        identifiers: [{ type: 'LOYALTY_ID', value: 'LC-4711-0815', issuer: 'c360-club' }],
        organisation: null,
        consents: [],
        extensions: {},
      },
      purchase: null,
      purchaseReturn: null,
      engagement: null,
      serviceCase: null,
      npsResponse: null,
      loyaltyChange: { kind: 'TIER_CHANGED', programme: 'c360-club', tier: 'gold', pointsDelta: null, pointsBalance: null },
      registerUpdate: null,
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual([]);
  });

  it('points.json: points earned: delta and balance (the receipt reference has no canonical field)', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('loyalty', 'points.json');
    expect(event).toEqual({
      eventId: 'loyalty:LC-4711-0815:POINTS_EARNED:1773500531000',
      eventType: 'LOYALTY_CHANGE',
      source: 'loyalty',
      sourceRecordId: 'LC-4711-0815',
      market: 'DE',
      occurredAt: Date.UTC(2026, 2, 14, 15, 2, 11),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: null,
        dateOfBirth: null,
        emails: [],
        phones: [],
        addresses: [],
        identifiers: [{ type: 'LOYALTY_ID', value: 'LC-4711-0815', issuer: 'c360-club' }],
        organisation: null,
        consents: [],
        extensions: {},
      },
      purchase: null,
      purchaseReturn: null,
      engagement: null,
      serviceCase: null,
      npsResponse: null,
      loyaltyChange: { kind: 'POINTS_EARNED', programme: 'c360-club', tier: null, pointsDelta: 90, pointsBalance: 1340 },
      registerUpdate: null,
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual(['reference']);
  });
});
