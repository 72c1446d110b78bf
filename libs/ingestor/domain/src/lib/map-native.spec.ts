import { describe, expect, it } from 'vitest';
import { mapNative, type MapResult } from './map-native';
import { compileMapping } from './mapping/source-mapping';
import { mappingFileSchema } from './mapping/mapping-file';
import { CONTEXT, INGESTED_AT, loadMapping, sampleBytes } from './samples/sample-harness';

const bytes = (payload: unknown) => Buffer.from(JSON.stringify(payload));
const map = (source: string, payload: unknown): MapResult => mapNative(loadMapping(source), bytes(payload), CONTEXT);
const sample = (source: string, file: string) => JSON.parse(sampleBytes(source, file).toString('utf8')) as Record<string, unknown>;

const order = {
  event: 'order.placed',
  orderId: 'O-1',
  placedAt: '2026-03-02T19:44:05Z',
  customer: { accountId: 'acc-1', email: 'a@example.com' },
  items: [{ sku: 'BG-2201', quantity: 1, net: 10 }],
  totals: { currency: 'GBP', net: '10.00' },
};
const receipt = (customer: Record<string, unknown>, receiptFields: Record<string, unknown> = {}) => ({
  receipt: { type: 'SALE', number: 'R-1', closedAt: '2026-03-14T16:02:11+01:00', currency: 'EUR', total: '10.00', ...receiptFields },
  store: { id: 'S-1', country: 'DE' },
  customer,
});

describe('mapNative rejects a payload it cannot use, with a reason and the field at fault', () => {
  it.each<[string, string, unknown, string, string | undefined]>([
    ['bytes that are not JSON', 'ecommerce', Buffer.from('{nope'), 'invalid-json', undefined],
    ['bytes that are not UTF-8', 'ecommerce', Buffer.from([0x7b, 0xff, 0x7d]), 'invalid-json', undefined],
    ['a JSON array', 'ecommerce', [order], 'not-an-object', undefined],
    ['a JSON string', 'ecommerce', 'order.placed', 'not-an-object', undefined],
    ['a message of no known kind', 'ecommerce', { ...order, event: 'cart.abandoned' }, 'unknown-kind', 'event'],
    [
      'an order without its account',
      'ecommerce',
      { ...order, customer: { email: 'a@example.com' } },
      'missing-required-field',
      'customer.accountId',
    ],
    ['an order without totals', 'ecommerce', { ...order, totals: undefined }, 'missing-required-field', 'totals.currency'],
    [
      'an order line without its sku',
      'ecommerce',
      { ...order, items: [...order.items, { quantity: 1, net: 1 }] },
      'missing-required-field',
      'items[1].sku',
    ],
    ['a time without a zone', 'ecommerce', { ...order, placedAt: '2026-03-02T19:44:05' }, 'invalid-field', 'placedAt'],
    ['an unknown currency code', 'ecommerce', { ...order, totals: { currency: 'XXY', net: '10.00' } }, 'invalid-field', 'totals.currency'],
    ['an amount that is not a number', 'ecommerce', { ...order, totals: { currency: 'GBP', net: '10,00' } }, 'invalid-field', 'totals.net'],
    [
      'a currency missing from the rate table',
      'ecommerce',
      { ...order, totals: { currency: 'CHF', net: '10.00' } },
      'unknown-currency-rate',
      'totals.currency',
    ],
    [
      'an account update without the email accounts are keyed on',
      'ecommerce',
      { ...sample('ecommerce', 'account.json'), account: { accountId: 'acc-1' } },
      'missing-required-field',
      'account.email',
    ],
    [
      'an NPS score above 10',
      'service',
      { ...sample('service', 'nps.json'), survey: { response_id: 'N-1', score: 11 } },
      'invalid-field',
      'survey.score',
    ],
    [
      'an NPS score that is not a number',
      'service',
      { ...sample('service', 'nps.json'), survey: { response_id: 'N-1', score: 'great' } },
      'invalid-field',
      'survey.score',
    ],
  ])('%s', (_name, source, payload, reasonCode, field) => {
    const result = mapNative(loadMapping(source), Buffer.isBuffer(payload) ? payload : bytes(payload), CONTEXT);
    expect(result).toMatchObject({ ok: false, reasonCode, message: expect.any(String) as string });
    expect(result.ok ? undefined : result.field).toBe(field);
  });

  it('rejects a payload over the mapping size limit before parsing it', () => {
    const result = mapNative({ ...loadMapping('pos'), maxPayloadBytes: 100 }, sampleBytes('pos', 'sale.json'), CONTEXT);
    expect(result).toMatchObject({ ok: false, reasonCode: 'payload-too-large' });
  });

  it('rejects, as mapping-failed with the path, an event the canonical schema refuses (a quantity beyond an Avro int)', () => {
    const result = map('pos', receipt({}, { lines: [{ sku: 'X', qty: 3_000_000_000, amount: '1.00' }] }));
    expect(result).toMatchObject({ ok: false, reasonCode: 'mapping-failed', field: expect.stringContaining('quantity') as string });
  });

  it('rejects a required field that is present but invalid, with a reason that does not echo personal data', () => {
    const result = map('ecommerce', { ...sample('ecommerce', 'account.json'), account: { accountId: 'acc-1', email: 'jane at example' } });
    expect(result).toEqual({
      ok: false,
      reasonCode: 'invalid-field',
      message: 'account.email (party.emails.address): not an email address',
      field: 'account.email',
    });
  });
});

describe('mapNative keeps a record whose optional fields are invalid', () => {
  it('drops an invalid optional phone, lists it with its reason, and keeps the rest', () => {
    const result = map('pos', receipt({ email: ' A@Example.COM ', phone: '12' }));
    expect(result.ok && result.droppedFields).toEqual([
      { path: 'customer.phone', reason: 'party.phones.number: not a valid phone number for DE' },
    ]);
    expect(result.ok && result.event.party.emails).toEqual([{ address: 'a@example.com', use: 'UNKNOWN' }]);
    expect(result.ok && result.event.party.phones).toEqual([]);
  });

  it('drops an invalid postcode of one address (array index collapsed in the path) and keeps the address', () => {
    const account = sample('ecommerce', 'account.json');
    const result = map('ecommerce', {
      ...account,
      account: {
        accountId: 'acc-1',
        email: 'a@example.com',
        addresses: [{ street: '1 Main St', city: 'London', zip: '99999', countryCode: 'GB' }],
      },
    });
    expect(result.ok && result.droppedFields).toEqual([
      { path: 'account.addresses[].zip', reason: 'party.addresses.postcode: not a postcode of GB' },
    ]);
    expect(result.ok && result.event.party.addresses).toEqual([
      { lines: ['1 Main St'], locality: 'London', region: null, postcode: null, country: 'GB', key: 'gb||1mainstreet', use: 'UNKNOWN' },
    ]);
  });

  it('falls back to the default market when the payload market is invalid, and says so', () => {
    const result = map('pos', { ...receipt({}), store: { id: 'S-1', country: 'Atlantis' } });
    expect(result.ok && result.event.market).toBe('DE');
    expect(result.ok && result.droppedFields).toEqual([{ path: 'store.country', reason: "market: 'Atlantis' is not an ISO 3166 country" }]);
  });
});

describe('mapNative touchpoint rules', () => {
  it('keys an anonymous till receipt on the receipt itself: no customer is required', () => {
    const result = map('pos', receipt({}));
    expect(result.ok && result.event).toMatchObject({ eventId: 'pos:R-1', sourceRecordId: 'R-1', party: { identifiers: [] } });
  });

  it('keys a receipt with only a customer reference on that reference', () => {
    const result = map('pos', receipt({ ref: 'CUST-9' }));
    expect(result.ok && result.event.sourceRecordId).toBe('CUST-9');
    expect(result.ok && result.event.party.identifiers).toEqual([{ type: 'POS_CUSTOMER_REF', value: 'CUST-9', issuer: 'pos' }]);
  });

  it('gives a re-sent payload the same event id, however its JSON is spaced', () => {
    const once = mapNative(loadMapping('pos'), sampleBytes('pos', 'sale.json'), CONTEXT);
    const again = mapNative(loadMapping('pos'), bytes(sample('pos', 'sale.json')), { ...CONTEXT, ingestedAt: INGESTED_AT + 60_000 });
    expect(once.ok && again.ok && again.event.eventId).toBe(once.ok && once.event.eventId);
  });

  it('stores redeemed points as a negative delta even when the programme sends them positive', () => {
    const result = map('loyalty', {
      ...sample('loyalty', 'points.json'),
      eventType: 'POINTS_REDEEMED',
      points: { delta: 500, balance: 840 },
    });
    expect(result.ok && result.event.loyaltyChange).toEqual({
      kind: 'POINTS_REDEEMED',
      programme: 'c360-club',
      tier: null,
      pointsDelta: -500,
      pointsBalance: 840,
    });
  });

  it('reads a timestamp in epoch seconds when the mapping says so', () => {
    const file = mappingFileSchema.parse({
      source: 'kiosk',
      description: 'A test source.',
      defaultMarket: 'GB',
      record: { eventId: { from: 'id' }, sourceRecordId: { from: 'card' }, occurredAt: { from: 'at', transform: 'epochSeconds' } },
      kinds: [{ name: 'visit', eventType: 'OTHER' }],
    });
    const result = mapNative(compileMapping(file), bytes({ id: 'v-1', card: 'c-1', at: 1773500531 }), CONTEXT);
    expect(result.ok && result.event.occurredAt).toBe(Date.UTC(2026, 2, 14, 15, 2, 11));
  });
});

describe('mapNative reports what quality metrics need', () => {
  it('lists the canonical fields present and the payload paths no rule reads', () => {
    const payload = sample('pos', 'sale.json');
    const result = map('pos', {
      ...payload,
      cashier: { name: 'Kim' },
      receipt: { ...(payload['receipt'] as object), lines: [{ sku: 'A', qty: 1, amount: '89.90', colour: 'red' }] },
    });
    expect(result.ok && result.fieldsPresent).toEqual([
      'market',
      'party.phones',
      'party.identifiers',
      'purchase.orderId',
      'purchase.channel',
      'purchase.storeId',
      'purchase.terminalId',
      'purchase.currency',
      'purchase.netAmountMinor',
      'purchase.reportingCurrency',
      'purchase.reportingAmountMinor',
      'purchase.lines',
    ]);
    expect(result.ok && result.unmappedPaths).toEqual(['receipt.lines[].colour', 'cashier.name']);
  });

  it('leaves market out of the fields present when it is the mapping default', () => {
    const result = map('pos', { ...receipt({}), store: { id: 'S-1' } });
    expect(result.ok && result.event.market).toBe('DE');
    expect(result.ok && result.fieldsPresent).not.toContain('market');
  });
});
