// What every wholesale sample becomes. The samples are the contract with the sources (and the
// synthetic data generator); each expected canonical event is written out whole.
import { describe, expect, it } from 'vitest';
import { INGESTED_AT, mapSample } from './sample-harness';

describe('wholesale samples', () => {
  it('buyer.json: a buyer: a RECORD_UPDATE of the buyer contact with the organisation, its VAT id compacted and the company address as WORK', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('wholesale', 'buyer.json');
    expect(event).toEqual({
      eventId: 'wholesale:B-1001-02:BUYER:2026-02-01T06:00:00Z',
      eventType: 'RECORD_UPDATE',
      source: 'wholesale',
      sourceRecordId: 'B-1001-02',
      market: 'FR',
      occurredAt: Date.UTC(2026, 1, 1, 6),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: {
          given: 'Élodie',
          family: 'Bernard',
          full: 'Élodie Bernard',
          givenKey: 'elodie',
          familyKey: 'bernard',
        },
        dateOfBirth: null,
        emails: [{ address: 'e.bernard@boutique-lumiere.fr', use: 'WORK' }],
        phones: [{ number: '+33142685300', use: 'WORK', lineType: 'FIXED_LINE' }],
        addresses: [
          {
            lines: ['14 rue de la Paix'],
            locality: 'Paris',
            region: null,
            postcode: '75002',
            country: 'FR',
            key: 'fr|75002|14ruedelapaix',
            use: 'WORK',
          },
        ],
        identifiers: [
          { type: 'WHOLESALE_BUYER_ID', value: 'B-1001-02', issuer: 'wholesale' },
          { type: 'EMAIL', value: 'e.bernard@boutique-lumiere.fr', issuer: null },
          { type: 'PHONE', value: '+33142685300', issuer: null },
        ],
        organisation: {
          accountId: 'W-1001',
          name: 'Boutique Lumière SARL',
          vatId: 'FR40303265045',
          role: 'Purchasing manager',
        },
        consents: [],
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

  it('order.json: an order: a WHOLESALE purchase of the buyer, dated by the order date (the send time is not mapped)', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('wholesale', 'order.json');
    expect(event).toEqual({
      eventId: 'wholesale:WO-2026-0311',
      eventType: 'PURCHASE',
      source: 'wholesale',
      sourceRecordId: 'B-1001-02',
      market: 'FR',
      occurredAt: Date.UTC(2026, 1, 2, 13, 30),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: null,
        dateOfBirth: null,
        emails: [{ address: 'e.bernard@boutique-lumiere.fr', use: 'WORK' }],
        phones: [],
        addresses: [],
        identifiers: [
          { type: 'WHOLESALE_BUYER_ID', value: 'B-1001-02', issuer: 'wholesale' },
          { type: 'EMAIL', value: 'e.bernard@boutique-lumiere.fr', issuer: null },
        ],
        organisation: { accountId: 'W-1001', name: 'Boutique Lumière SARL', vatId: 'FR40303265045', role: null },
        consents: [],
        extensions: {},
      },
      purchase: {
        orderId: 'WO-2026-0311',
        channel: 'WHOLESALE',
        storeId: null,
        terminalId: null,
        currency: 'EUR',
        netAmountMinor: 245000,
        reportingCurrency: 'EUR',
        reportingAmountMinor: 245000,
        lines: [
          {
            sku: 'BG-2201',
            category: 'bags/handbags',
            quantity: 20,
            netAmountMinor: 200000,
            reportingAmountMinor: 200000,
          },
          {
            sku: 'WL-0031',
            category: 'accessories/wallets',
            quantity: 15,
            netAmountMinor: 45000,
            reportingAmountMinor: 45000,
          },
        ],
      },
      purchaseReturn: null,
      engagement: null,
      serviceCase: null,
      npsResponse: null,
      loyaltyChange: null,
      registerUpdate: null,
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual(['sentAt']);
  });
});
