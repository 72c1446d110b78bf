// What every POS receipts sample becomes. The samples are the contract with the sources (and the
// synthetic data generator); each expected canonical event is written out whole.
import { describe, expect, it } from 'vitest';
import { INGESTED_AT, mapSample } from './sample-harness';

describe('pos samples', () => {
  it('sale.json: a sale with a loyalty card and a landline: a STORE purchase of the card holder, amounts in cents, closing time in UTC', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('pos', 'sale.json');
    expect(event).toEqual({
      eventId: 'pos:R-DE-0042-20260314-0193',
      eventType: 'PURCHASE',
      source: 'pos',
      sourceRecordId: 'LC-4711-0815',
      market: 'DE',
      occurredAt: Date.UTC(2026, 2, 14, 15, 2, 11),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: null,
        dateOfBirth: null,
        emails: [],
        phones: [{ number: '+49302345678', use: 'UNKNOWN', lineType: 'FIXED_LINE' }],
        addresses: [],
        identifiers: [
          { type: 'LOYALTY_ID', value: 'LC-4711-0815', issuer: 'c360-club' },
          { type: 'PHONE', value: '+49302345678', issuer: null },
        ],
        organisation: null,
        consents: [],
        extensions: {},
      },
      purchase: {
        orderId: 'R-DE-0042-20260314-0193',
        channel: 'STORE',
        storeId: 'S-DE-42',
        terminalId: 'T3',
        currency: 'EUR',
        netAmountMinor: 8990,
        reportingCurrency: 'EUR',
        reportingAmountMinor: 8990,
        lines: [
          {
            sku: 'SH-1042-42',
            category: 'shoes/running',
            quantity: 1,
            netAmountMinor: 7995,
            reportingAmountMinor: 7995,
          },
          {
            sku: 'SO-0007',
            category: 'accessories/socks',
            quantity: 1,
            netAmountMinor: 995,
            reportingAmountMinor: 995,
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

  it('return.json: a return: the negative till total stored as a positive refund, linked to the original receipt (the terminal has no canonical field)', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('pos', 'return.json');
    expect(event).toEqual({
      eventId: 'pos:R-DE-0042-20260320-0007',
      eventType: 'RETURN',
      source: 'pos',
      sourceRecordId: 'LC-4711-0815',
      market: 'DE',
      occurredAt: Date.UTC(2026, 2, 20, 9, 15),
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
      purchaseReturn: {
        returnId: 'R-DE-0042-20260320-0007',
        orderId: 'R-DE-0042-20260314-0193',
        channel: 'STORE',
        storeId: 'S-DE-42',
        currency: 'EUR',
        refundAmountMinor: 995,
        reportingCurrency: 'EUR',
        reportingAmountMinor: 995,
        reason: 'wrong size',
        lines: [
          {
            sku: 'SO-0007',
            category: 'accessories/socks',
            quantity: 1,
            netAmountMinor: 995,
            reportingAmountMinor: 995,
          },
        ],
      },
      engagement: null,
      serviceCase: null,
      npsResponse: null,
      loyaltyChange: null,
      registerUpdate: null,
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual(['receipt.terminal']);
  });
});
