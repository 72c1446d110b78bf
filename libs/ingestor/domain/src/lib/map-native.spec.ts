import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapNative, parseSourceMapping, type MappingContext } from '../index';

const root = join(__dirname, '../../../../..');
const mapping = (source: string) => parseSourceMapping(JSON.parse(readFileSync(join(root, 'apps/ingestor/mappings', `${source}.json`), 'utf8')), source);
const ctx: MappingContext = { reportingCurrency: 'EUR', rates: { EUR: 1, USD: 0.86, JPY: 0.0057 }, ingestedAt: 1_000 };
const bytes = (v: unknown) => Buffer.from(JSON.stringify(v));

describe('mapNative', () => {
  it('maps a POS receipt typed by staff: email trimmed and lower-cased, amount in minor units, time in UTC', () => {
    const result = mapNative(mapping('pos'), bytes({
      receipt: { number: 'R-1', closedAt: '2026-11-21T15:02:11+01:00', currency: 'eur', total: 80 },
      store: { id: 'S-042', country: 'DE' },
      customer: { email: '  A@Example.COM ', phone: '030 1234567' },
    }), ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.event).toMatchObject({
      eventId: 'pos:R-1',
      sourceRecordId: 'R-1',
      occurredAt: Date.UTC(2026, 10, 21, 14, 2, 11),
      identifiers: [{ type: 'EMAIL', value: 'a@example.com' }, { type: 'PHONE', value: '+49301234567' }],
      purchase: { channel: 'STORE', storeId: 'S-042', currency: 'EUR', netAmountMinor: 8000, reportingAmountMinor: 8000 },
    });
  });

  it('converts to the reporting currency, respecting currencies without minor units', () => {
    const result = mapNative(mapping('ecommerce'), bytes({
      orderId: 'J-1', placedAt: '2026-11-20T00:00:00Z', customer: { accountId: 'a', email: 'x@example.jp' }, totals: { currency: 'JPY', net: '10000' },
    }), ctx);
    expect(result.ok && result.event.purchase).toMatchObject({ netAmountMinor: 10000, reportingAmountMinor: 5700 });
  });

  it.each([
    ['not JSON', Buffer.from('{nope'), 'invalid-json', undefined],
    ['a JSON array', bytes([1, 2]), 'not-an-object', undefined],
    ['no account id', bytes({ orderId: 'O', placedAt: '2026-11-20T00:00:00Z', customer: { email: 'a@b.de' }, totals: { currency: 'EUR', net: '1' } }), 'missing-required-field', 'customer.accountId'],
    ['a bad email', bytes({ orderId: 'O', placedAt: '2026-11-20T00:00:00Z', customer: { accountId: 'a', email: 'not-an-email' }, totals: { currency: 'EUR', net: '1' } }), 'invalid-field', 'customer.email'],
    ['a time without zone', bytes({ orderId: 'O', placedAt: '2026-11-20 10:00', customer: { accountId: 'a', email: 'a@b.de' }, totals: { currency: 'EUR', net: '1' } }), 'invalid-field', 'placedAt'],
    ['an unknown currency', bytes({ orderId: 'O', placedAt: '2026-11-20T00:00:00Z', customer: { accountId: 'a', email: 'a@b.de' }, totals: { currency: 'XXY', net: '1' } }), 'invalid-field', 'totals.currency'],
  ])('rejects %s with a reason', (_name, payload, reasonCode, field) => {
    const result = mapNative(mapping('ecommerce'), payload, ctx);
    expect(result).toMatchObject({ ok: false, reasonCode, ...(field ? { field } : {}) });
  });

  it('drops an invalid optional field and keeps the record', () => {
    const result = mapNative(mapping('ecommerce'), bytes({
      orderId: 'O', placedAt: '2026-11-20T00:00:00Z', customer: { accountId: 'a', email: 'a@b.de', phone: '12' }, totals: { currency: 'EUR', net: '1' },
    }), ctx);
    expect(result).toMatchObject({ ok: true, droppedFields: ['customer.phone'] });
  });

  it('rejects a payload over the size limit', () => {
    const result = mapNative({ ...mapping('ecommerce'), maxPayloadBytes: 10 }, bytes({ orderId: 'O' }), ctx);
    expect(result).toMatchObject({ ok: false, reasonCode: 'payload-too-large' });
  });
});
