// What every marketing sample becomes. The samples are the contract with the sources (and the
// synthetic data generator); each expected canonical event is written out whole.
import { describe, expect, it } from 'vitest';
import { INGESTED_AT, mapSample } from './sample-harness';

describe('marketing samples', () => {
  it('open.json: an open: an EMAIL_OPEN engagement of the subscriber, the campaign from JobID, the market from the locale', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('marketing', 'open.json');
    expect(event).toEqual({
      eventId: 'marketing:SK-000918273:Open:2026-03-05T07:12:44-05:00',
      eventType: 'ENGAGEMENT',
      source: 'marketing',
      sourceRecordId: 'SK-000918273',
      market: 'US',
      occurredAt: Date.UTC(2026, 2, 5, 12, 12, 44),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: null,
        dateOfBirth: null,
        emails: [{ address: 'bob.smith@example.com', use: 'UNKNOWN' }],
        phones: [],
        addresses: [],
        identifiers: [
          { type: 'SUBSCRIBER_KEY', value: 'SK-000918273', issuer: 'marketing' },
          { type: 'EMAIL', value: 'bob.smith@example.com', issuer: null },
        ],
        organisation: null,
        consents: [],
        extensions: {},
      },
      purchase: null,
      purchaseReturn: null,
      engagement: { kind: 'EMAIL_OPEN', campaignId: 'spring-sale-2026', url: null, sku: null, category: null },
      serviceCase: null,
      npsResponse: null,
      loyaltyChange: null,
      registerUpdate: null,
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual([]);
  });

  it('click.json: a click: an EMAIL_CLICK with the link clicked', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('marketing', 'click.json');
    expect(event).toEqual({
      eventId: 'marketing:SK-000918273:Click:2026-03-05T07:13:02-05:00',
      eventType: 'ENGAGEMENT',
      source: 'marketing',
      sourceRecordId: 'SK-000918273',
      market: 'US',
      occurredAt: Date.UTC(2026, 2, 5, 12, 13, 2),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: null,
        dateOfBirth: null,
        emails: [{ address: 'bob.smith@example.com', use: 'UNKNOWN' }],
        phones: [],
        addresses: [],
        identifiers: [
          { type: 'SUBSCRIBER_KEY', value: 'SK-000918273', issuer: 'marketing' },
          { type: 'EMAIL', value: 'bob.smith@example.com', issuer: null },
        ],
        organisation: null,
        consents: [],
        extensions: {},
      },
      purchase: null,
      purchaseReturn: null,
      engagement: {
        kind: 'EMAIL_CLICK',
        campaignId: 'spring-sale-2026',
        url: 'https://shop.example.com/c/bags?utm_campaign=spring-sale-2026',
        sku: null,
        category: null,
      },
      serviceCase: null,
      npsResponse: null,
      loyaltyChange: null,
      registerUpdate: null,
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual([]);
  });

  it('unsubscribe.json: an unsubscribe: an EMAIL_UNSUBSCRIBE engagement that withdraws email marketing consent', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('marketing', 'unsubscribe.json');
    expect(event).toEqual({
      eventId: 'marketing:SK-000918273:Unsubscribe:2026-04-01T18:00:00-04:00',
      eventType: 'ENGAGEMENT',
      source: 'marketing',
      sourceRecordId: 'SK-000918273',
      market: 'US',
      occurredAt: Date.UTC(2026, 3, 1, 22),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: null,
        dateOfBirth: null,
        emails: [{ address: 'bob.smith@example.com', use: 'UNKNOWN' }],
        phones: [],
        addresses: [],
        identifiers: [
          { type: 'SUBSCRIBER_KEY', value: 'SK-000918273', issuer: 'marketing' },
          { type: 'EMAIL', value: 'bob.smith@example.com', issuer: null },
        ],
        organisation: null,
        consents: [
          {
            purpose: 'MARKETING',
            channel: 'EMAIL',
            status: 'WITHDRAWN',
            recordedAt: Date.UTC(2026, 3, 1, 22),
          },
        ],
        extensions: {},
      },
      purchase: null,
      purchaseReturn: null,
      engagement: { kind: 'EMAIL_UNSUBSCRIBE', campaignId: 'april-news', url: null, sku: null, category: null },
      serviceCase: null,
      npsResponse: null,
      loyaltyChange: null,
      registerUpdate: null,
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual([]);
  });

  it('subscribe.json: a subscribe: a CONSENT_CHANGE granting email marketing consent, with the name from the form (market FR from fr-FR)', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('marketing', 'subscribe.json');
    expect(event).toEqual({
      eventId: 'marketing:SK-000918274:Subscribe:2026-01-10T09:00:00+01:00',
      eventType: 'CONSENT_CHANGE',
      source: 'marketing',
      sourceRecordId: 'SK-000918274',
      market: 'FR',
      occurredAt: Date.UTC(2026, 0, 10, 8),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: { given: 'Claire', family: 'Martin', full: 'Claire Martin', givenKey: 'claire', familyKey: 'martin' },
        dateOfBirth: null,
        emails: [{ address: 'claire.martin@exemple.fr', use: 'UNKNOWN' }],
        phones: [],
        addresses: [],
        identifiers: [
          { type: 'SUBSCRIBER_KEY', value: 'SK-000918274', issuer: 'marketing' },
          { type: 'EMAIL', value: 'claire.martin@exemple.fr', issuer: null },
        ],
        organisation: null,
        consents: [{ purpose: 'MARKETING', channel: 'EMAIL', status: 'GRANTED', recordedAt: Date.UTC(2026, 0, 10, 8) }],
        extensions: {},
      },
      purchase: null,
      purchaseReturn: null,
      engagement: null,
      serviceCase: null,
      npsResponse: null,
      loyaltyChange: null,
      registerUpdate: null,
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual([]);
  });
});
