// What every web tracking sample becomes. The samples are the contract with the sources (and the
// synthetic data generator); each expected canonical event is written out whole.
import { describe, expect, it } from 'vitest';
import { INGESTED_AT, mapSample } from './sample-harness';

describe('web samples', () => {
  it('page.json: a page view of an anonymous visitor: keyed by the cookie id', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('web', 'page.json');
    expect(event).toEqual({
      eventId: 'web:web-7f3a9c1e-0000',
      eventType: 'ENGAGEMENT',
      source: 'web',
      sourceRecordId: 'ck-5b1e0a77d2',
      market: 'GB',
      occurredAt: Date.UTC(2026, 2, 1, 18, 39, 55, 100),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: null,
        dateOfBirth: null,
        emails: [],
        phones: [],
        addresses: [],
        identifiers: [{ type: 'COOKIE_ID', value: 'ck-5b1e0a77d2', issuer: 'web' }],
        organisation: null,
        consents: [],
        extensions: {},
      },
      purchase: null,
      purchaseReturn: null,
      engagement: {
        kind: 'PAGE_VIEW',
        campaignId: null,
        url: 'https://shop.example.com/c/bags',
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

  it('product-viewed.json: a product view: PRODUCT_VIEW with the product and its category', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('web', 'product-viewed.json');
    expect(event).toEqual({
      eventId: 'web:web-7f3a9c1e-0001',
      eventType: 'ENGAGEMENT',
      source: 'web',
      sourceRecordId: 'ck-5b1e0a77d2',
      market: 'GB',
      occurredAt: Date.UTC(2026, 2, 1, 18, 40, 12, 512),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: null,
        dateOfBirth: null,
        emails: [],
        phones: [],
        addresses: [],
        identifiers: [{ type: 'COOKIE_ID', value: 'ck-5b1e0a77d2', issuer: 'web' }],
        organisation: null,
        consents: [],
        extensions: {},
      },
      purchase: null,
      purchaseReturn: null,
      engagement: {
        kind: 'PRODUCT_VIEW',
        campaignId: null,
        url: 'https://shop.example.com/p/BG-2201',
        sku: 'BG-2201',
        category: 'bags/handbags',
      },
      serviceCase: null,
      npsResponse: null,
      loyaltyChange: null,
      registerUpdate: null,
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual([]);
  });

  it('login.json: a sign-in: a LOGIN carrying the cookie, the shop account, the device and the email, so the resolver can link them', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('web', 'login.json');
    expect(event).toEqual({
      eventId: 'web:web-7f3a9c1e-0002',
      eventType: 'ENGAGEMENT',
      source: 'web',
      sourceRecordId: 'ck-5b1e0a77d2',
      market: 'GB',
      occurredAt: Date.UTC(2026, 2, 1, 18, 41, 30),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: null,
        dateOfBirth: null,
        emails: [{ address: 'jane.doe@example.co.uk', use: 'UNKNOWN' }],
        phones: [],
        addresses: [],
        identifiers: [
          { type: 'COOKIE_ID', value: 'ck-5b1e0a77d2', issuer: 'web' },
          { type: 'ECOMMERCE_ACCOUNT', value: 'acc-88123', issuer: 'ecommerce' },
          { type: 'DEVICE_ID', value: 'dev-ios-3f9d', issuer: null },
          { type: 'EMAIL', value: 'jane.doe@example.co.uk', issuer: null },
        ],
        organisation: null,
        consents: [],
        extensions: {},
      },
      purchase: null,
      purchaseReturn: null,
      engagement: { kind: 'LOGIN', campaignId: null, url: 'https://shop.example.com/login', sku: null, category: null },
      serviceCase: null,
      npsResponse: null,
      loyaltyChange: null,
      registerUpdate: null,
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual([]);
  });
});
