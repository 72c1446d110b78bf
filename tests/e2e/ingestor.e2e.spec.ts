// The ingestor through the real Kafka and registry: every source's sample payloads become the
// canonical events their mappings define; each kind of bad input ends on the dead-letter topic
// with its reason while the good input around it goes on; HTTP collect takes the same path; a new
// source needs only a mapping file; and quality snapshots describe each source.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapNative, parseSourceMapping, type SourceMapping } from '@c360/ingestor-domain';
import { sourceTopic, Topics, type CanonicalEvent, type DataQualityReport, type DeadLetter } from '@c360/schemas';
import type { Subscription } from '@c360/testing';
import { MAPPINGS_DIR, Pipeline, ROOT } from './harness';

const API_KEY = 'test-key-for-the-ecommerce-source';
const rates = (JSON.parse(readFileSync(join(ROOT, 'apps/ingestor/config/rates.json'), 'utf8')) as { rates: Record<string, number> }).rates;
const mappings = new Map<string, SourceMapping>(
  readdirSync(MAPPINGS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => parseSourceMapping(JSON.parse(readFileSync(join(MAPPINGS_DIR, f), 'utf8')), f))
    .map((m) => [m.source, m]),
);
const samplesOf = (source: string) => {
  const dir = join(ROOT, 'apps', 'ingestor', 'samples', source);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
};
/** What the mapping makes of a payload, as the unit tests pin it down; ingestedAt is the pipeline's. */
const oracle = (source: string, text: string) => {
  const r = mapNative(mappings.get(source)!, Buffer.from(text), { reportingCurrency: 'EUR', rates, ingestedAt: Date.now() });
  if (!r.ok) throw new Error(`sample of ${source} does not map: ${r.message}`);
  return { ...r.event, ingestedAt: expect.any(Number) as unknown as number };
};

/** A source no code knows: gift-card redemptions, defined by a mapping file alone. */
const GIFTCARDS = 'giftcards';

describe('ingestor', () => {
  const pipeline = new Pipeline();
  let canonical: Subscription<CanonicalEvent>;
  let dlq: Subscription<DeadLetter>;
  let quality: Subscription<DataQualityReport>;
  let url: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'c360-mappings-'));
    cpSync(MAPPINGS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, `${GIFTCARDS}.json`), readFileSync(join(__dirname, 'fixtures', `${GIFTCARDS}.mapping.json`)));
    await pipeline.setUp({ ingestor: [sourceTopic(GIFTCARDS).name] });
    const ingestor = await pipeline.start('ingestor', { MAPPINGS_DIR: dir, SOURCE_API_KEYS: `ecommerce=${API_KEY}`, QUALITY_WINDOW_SECONDS: '2' });
    url = ingestor.url;
    canonical = await pipeline.kafka.subscribe<CanonicalEvent>(Topics.canonicalEvents.name);
    dlq = await pipeline.kafka.subscribe<DeadLetter>(Topics.deadLetterIngestor.name);
    quality = await pipeline.kafka.subscribe<DataQualityReport>(Topics.quality.name);
  });

  afterAll(async () => {
    await pipeline.tearDown();
  });

  it.each([...mappings.keys()].sort())('maps every %s sample to its canonical event', async (source) => {
    const samples = samplesOf(source);
    expect(samples.length).toBeGreaterThan(0);
    const expected = samples.map((s) => oracle(source, s.text));
    const from = canonical.received.length;
    await pipeline.kafka.produceRaw(
      sourceTopic(source).name,
      samples.map((s) => ({ key: `${source}-${s.name}-${pipeline.runId}`, value: s.text })),
    );
    const ids = new Set(expected.map((e) => e.eventId));
    await canonical.waitFor((m) => ids.has(m.value.eventId) && canonical.received.indexOf(m) >= from, samples.length);
    const got = canonical.received.slice(from).filter((m) => ids.has(m.value.eventId));
    for (const e of expected) {
      const m = got.find((g) => g.value.eventId === e.eventId)!;
      expect(m.value).toEqual(e);
      expect(m.key).toBe(`${e.source}:${e.sourceRecordId}`);
    }
  });

  describe('bad input', () => {
    type Json = Record<string, unknown> & { account: Record<string, unknown>; receipt: Record<string, unknown> & { lines: object[] } };
    const sample = (source: string, name: string) => JSON.parse(readFileSync(join(ROOT, 'apps/ingestor/samples', source, `${name}.json`), 'utf8')) as Json;
    const order = sample('ecommerce', 'order');
    const withOrderId = (id: string, patch: Record<string, unknown> = {}) => JSON.stringify({ ...order, orderId: id, ...patch });
    const account = sample('ecommerce', 'account');
    const sale = sample('pos', 'sale');
    /** A good payload of the source, with an id of its own: it must come through after the bad one. */
    const good = (source: string, id: string) =>
      source === 'pos' ? { id: `pos:${id}`, value: JSON.stringify({ ...sale, receipt: { ...sale.receipt, number: id } }) } : { id: `ecommerce:${id}`, value: withOrderId(id) };
    const cases: { name: string; source?: string; value: string | Buffer; reasonCode: string; field?: string }[] = [
      { name: 'not JSON', value: '{"event": "order.placed", "orderId": ', reasonCode: 'invalid-json' },
      { name: 'JSON that is not an object', value: '[1, 2, 3]', reasonCode: 'not-an-object' },
      { name: 'over the size limit', value: withOrderId('BIG', { note: 'x'.repeat(70 * 1024) }), reasonCode: 'payload-too-large' },
      { name: 'a kind the mapping does not know', value: withOrderId('CART', { event: 'cart.abandoned' }), reasonCode: 'unknown-kind' },
      { name: 'a required field missing', value: withOrderId('NOACC', { customer: { email: 'a@example.com' } }), reasonCode: 'missing-required-field', field: 'customer.accountId' },
      { name: 'a required field of the wrong type', value: withOrderId('TYPE', { totals: { currency: 'GBP', net: { amount: 3 } } }), reasonCode: 'invalid-field', field: 'totals.net' },
      { name: 'an invalid required timestamp', value: withOrderId('TS', { placedAt: '2026-03-02 19:44' }), reasonCode: 'invalid-field', field: 'placedAt' },
      { name: 'an invalid required email', value: JSON.stringify({ ...account, account: { ...account.account, email: 'not-an-email' } }), reasonCode: 'invalid-field', field: 'account.email' },
      { name: 'a currency without a rate', value: withOrderId('NOK', { totals: { currency: 'NOK', net: 3 }, items: [] }), reasonCode: 'unknown-currency-rate' },
      {
        name: 'a mapping that fails',
        source: 'pos',
        value: JSON.stringify({ ...sale, receipt: { ...sale.receipt, lines: [{ ...sale.receipt.lines[0], qty: 1e12 }] } }),
        reasonCode: 'mapping-failed',
        field: 'purchase.lines.0.quantity',
      },
    ];

    it.each(cases)('dead-letters $name with reason $reasonCode, and the next good payload goes on', async ({ name, source = 'ecommerce', value, reasonCode, field }) => {
      const key = `bad-${name.replace(/\W+/g, '-')}-${pipeline.runId}`;
      const next = good(source, `AFTER-${key}`);
      await pipeline.kafka.produceRaw(sourceTopic(source).name, [
        { key, value },
        { key, value: next.value },
      ]);
      const [letter] = await dlq.waitFor((m) => m.key === key);
      expect(letter!.value).toMatchObject({ service: 'ingestor', reasonCode, source, sourceTopic: sourceTopic(source).name });
      if (field) expect(letter!.value.field).toBe(field);
      expect(Number(letter!.value.sourceOffset)).toBeGreaterThanOrEqual(0);
      expect(letter!.value.originalValue!.toString('utf8')).toBe(value.toString());
      expect(letter!.value.reason.length).toBeGreaterThan(10);
      await canonical.waitFor((m) => m.value.eventId === next.id);
    });

    it('drops an invalid optional field, keeps the record and counts the drop', async () => {
      const id = `OPT-${pipeline.runId}`;
      await pipeline.kafka.produceRaw(sourceTopic('ecommerce').name, [
        { key: id, value: withOrderId(id, { customer: { accountId: 'acc-opt', email: 'opt@example.com', phone: '12' } }) },
      ]);
      const [event] = await canonical.waitFor((m) => m.value.eventId === `ecommerce:${id}`);
      expect(event!.value.party.phones).toEqual([]);
      expect(event!.value.party.emails.map((e) => e.address)).toEqual(['opt@example.com']);
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toMatch(/c360_ingest_invalid_optional_fields_total\{[^}]*source="ecommerce"[^}]*field="customer\.phone"[^}]*\} [1-9]/);
    });
  });

  describe('HTTP collect', () => {
    const order = (id: string) => ({ ...JSON.parse(readFileSync(join(ROOT, 'apps/ingestor/samples/ecommerce/order.json'), 'utf8')), orderId: id }) as object;
    const post = (source: string, body: string, key: string | null = API_KEY) =>
      fetch(`${url}/v1/sources/${source}/events`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) } });

    it('takes a batch, answers 202 with the counts and reasons, and dead-letters the rejected payload', async () => {
      const run = pipeline.runId;
      const bad = { ...order(`HTTP-BAD-${run}`), totals: undefined };
      const res = await post('ecommerce', JSON.stringify([order(`HTTP-1-${run}`), bad, order(`HTTP-2-${run}`)]));
      expect(res.status).toBe(202);
      const body = (await res.json()) as { accepted: number; rejected: number; rejections: { index: number; reasonCode: string; field: string }[] };
      expect(body).toMatchObject({ accepted: 2, rejected: 1, rejections: [{ index: 1, reasonCode: 'missing-required-field' }] });
      await canonical.waitFor((m) => m.value.eventId === `ecommerce:HTTP-1-${run}` || m.value.eventId === `ecommerce:HTTP-2-${run}`, 2);
      const [letter] = await dlq.waitFor((m) => m.value.originalValue?.toString('utf8').includes(`HTTP-BAD-${run}`) === true);
      expect(letter!.value).toMatchObject({ reasonCode: 'missing-required-field', sourceTopic: 'http:/v1/sources/ecommerce/events', source: 'ecommerce' });
    });

    it('takes a single payload as sent', async () => {
      const res = await post('ecommerce', JSON.stringify(order(`HTTP-ONE-${pipeline.runId}`)));
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({ accepted: 1, rejected: 0, rejections: [] });
      await canonical.waitFor((m) => m.value.eventId === `ecommerce:HTTP-ONE-${pipeline.runId}`);
    });

    it('refuses a caller without the source key, an unknown source, and a body that is not JSON', async () => {
      expect((await post('ecommerce', '{}', null)).status).toBe(401);
      expect((await post('ecommerce', '{}', 'wrong-key-wrong-key-wrong')).status).toBe(401);
      expect((await post('pos', '{}')).status).toBe(401); // the ecommerce key is not the till's
      const unknown = await post('fax-machine', '{}');
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ reasonCode: 'unknown-source' });
      const notJson = await post('ecommerce', 'order=1');
      expect(notJson.status).toBe(400);
      expect(await notJson.json()).toMatchObject({ reasonCode: 'invalid-json' });
    });
  });

  it('ingests a new source defined only by a mapping file', async () => {
    const id = `GC-${pipeline.runId}`;
    const payload = readFileSync(join(__dirname, 'fixtures', `${GIFTCARDS}.sample.json`), 'utf8').replace('GC-000001', id);
    await pipeline.kafka.produceRaw(sourceTopic(GIFTCARDS).name, [{ key: id, value: payload }]);
    const [event] = await canonical.waitFor((m) => m.value.eventId === `${GIFTCARDS}:${id}`);
    expect(event!.value).toMatchObject({ source: GIFTCARDS, eventType: 'PURCHASE' });
    expect(event!.value.party.emails.map((e) => e.address)).toEqual(['gift@example.com']);
  });

  it('publishes quality snapshots per source and market', async () => {
    const [snapshot] = await quality.waitFor((m) => m.value.kind === 'SNAPSHOT' && m.value.source === 'ecommerce' && m.value.accepted > 0, 1, 30_000);
    expect(snapshot!.key).toBe(`ecommerce:${snapshot!.value.market}`);
    expect(Object.keys(snapshot!.value.completeness).length).toBeGreaterThan(3);
    expect(snapshot!.value.freshnessP50Ms).not.toBeNull();
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/c360_ingest_completeness_ratio\{[^}]*source="ecommerce"/);
    expect(metrics).toMatch(/c360_ingest_records_total\{[^}]*outcome="rejected"[^}]*reason="invalid-json"/);
  });
});
