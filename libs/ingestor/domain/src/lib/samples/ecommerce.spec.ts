// What every e-commerce sample becomes. The samples are the contract with the sources (and the
// synthetic data generator); each expected canonical event is written out whole.
import { describe, expect, it } from 'vitest';
import { days, INGESTED_AT, mapSample } from './sample-harness';

describe('ecommerce samples', () => {
  it('order.json: an order: an ONLINE purchase of the account, email trimmed and lower-cased, line totals from unit prices, converted to EUR', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('ecommerce', 'order.json');
    expect(event).toEqual({
      eventId: 'ecommerce:O-100234',
      eventType: 'PURCHASE',
      source: 'ecommerce',
      sourceRecordId: 'acc-88123',
      market: 'GB',
      occurredAt: Date.UTC(2026, 2, 2, 19, 44, 5),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: null,
        dateOfBirth: null,
        emails: [{ address: 'jane.doe@example.co.uk', use: 'UNKNOWN' }],
        phones: [{ number: '+442079460321', use: 'UNKNOWN', lineType: 'FIXED_LINE' }],
        addresses: [],
        identifiers: [
          { type: 'ECOMMERCE_ACCOUNT', value: 'acc-88123', issuer: 'ecommerce' },
          { type: 'EMAIL', value: 'jane.doe@example.co.uk', issuer: null },
          { type: 'PHONE', value: '+442079460321', issuer: null },
        ],
        organisation: null,
        consents: [],
        extensions: {},
      },
      purchase: {
        orderId: 'O-100234',
        channel: 'ONLINE',
        storeId: null,
        terminalId: null,
        currency: 'GBP',
        netAmountMinor: 19100,
        reportingCurrency: 'EUR',
        reportingAmountMinor: 21774,
        lines: [
          {
            sku: 'BG-2201',
            category: 'bags/handbags',
            quantity: 1,
            netAmountMinor: 12000,
            reportingAmountMinor: 13680,
          },
          {
            sku: 'WL-0031',
            category: 'accessories/wallets',
            quantity: 2,
            netAmountMinor: 7100,
            reportingAmountMinor: 8094,
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
    expect(unmappedPaths).toEqual([]);
  });

  it('refund.json: a refund: a RETURN of the account in EUR at the GBP rate', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('ecommerce', 'refund.json');
    expect(event).toEqual({
      eventId: 'ecommerce:RF-5521',
      eventType: 'RETURN',
      source: 'ecommerce',
      sourceRecordId: 'acc-88123',
      market: 'GB',
      occurredAt: Date.UTC(2026, 2, 9, 12),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: null,
        dateOfBirth: null,
        emails: [],
        phones: [],
        addresses: [],
        identifiers: [{ type: 'ECOMMERCE_ACCOUNT', value: 'acc-88123', issuer: 'ecommerce' }],
        organisation: null,
        consents: [],
        extensions: {},
      },
      purchase: null,
      purchaseReturn: {
        returnId: 'RF-5521',
        orderId: 'O-100234',
        channel: 'ONLINE',
        storeId: null,
        currency: 'GBP',
        refundAmountMinor: 3550,
        reportingCurrency: 'EUR',
        reportingAmountMinor: 4047,
        reason: 'damaged',
        lines: [],
      },
      engagement: null,
      serviceCase: null,
      npsResponse: null,
      loyaltyChange: null,
      registerUpdate: null,
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual([]);
  });

  it('account.json: an account update: name, date of birth, address and opt-in consent; the fictional 07700 900xxx mobile is dropped as invalid', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('ecommerce', 'account.json');
    expect(event).toEqual({
      eventId: 'ecommerce:acc-88123:account.updated:2026-02-11T08:30:00.000Z',
      eventType: 'RECORD_UPDATE',
      source: 'ecommerce',
      sourceRecordId: 'acc-88123',
      market: 'GB',
      occurredAt: Date.UTC(2026, 1, 11, 8, 30),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: { given: 'Jane', family: 'Doe', full: 'Jane Doe', givenKey: 'jane', familyKey: 'doe' },
        dateOfBirth: days('1987-06-30'),
        emails: [{ address: 'jane.doe@example.co.uk', use: 'UNKNOWN' }],
        phones: [],
        addresses: [
          {
            lines: ['12 Acacia Rd'],
            locality: 'London',
            region: null,
            postcode: 'SW1A 1AA',
            country: 'GB',
            key: 'gb|sw1a1aa|12acaciaroad',
            use: 'UNKNOWN',
          },
        ],
        identifiers: [
          { type: 'ECOMMERCE_ACCOUNT', value: 'acc-88123', issuer: 'ecommerce' },
          { type: 'EMAIL', value: 'jane.doe@example.co.uk', issuer: null },
        ],
        organisation: null,
        consents: [
          {
            purpose: 'MARKETING',
            channel: 'EMAIL',
            status: 'GRANTED',
            recordedAt: Date.UTC(2026, 1, 11, 8, 30),
          },
        ],
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
    expect(droppedFields).toEqual([{ path: 'account.phone', reason: 'party.phones.number: not a valid phone number for GB' }]);
    expect(unmappedPaths).toEqual([]);
  });

  it('account-deleted.json: an account deletion: a RECORD_DELETE carrying only the account id', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('ecommerce', 'account-deleted.json');
    expect(event).toEqual({
      eventId: 'ecommerce:acc-88123:account.deleted:2026-04-01T00:00:00Z',
      eventType: 'RECORD_DELETE',
      source: 'ecommerce',
      sourceRecordId: 'acc-88123',
      market: 'GB',
      occurredAt: Date.UTC(2026, 3, 1),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: null,
        dateOfBirth: null,
        emails: [],
        phones: [],
        addresses: [],
        identifiers: [{ type: 'ECOMMERCE_ACCOUNT', value: 'acc-88123', issuer: 'ecommerce' }],
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
      registerUpdate: null,
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual([]);
  });
});
