// Bad input never stops a consumer: it lands on the service's dead-letter topic with a reason and
// its original bytes, and the good message right behind it is processed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceTopic, Headers, Topics, type CanonicalEvent, type DeadLetter } from '@c360/schemas';
import type { Subscription } from '@c360/testing';
import { Pipeline } from './harness';

const order = (id: string, email: string) => ({
  event: 'order.placed', orderId: id,
  placedAt: '2026-11-20T09:30:00Z',
  customer: { accountId: `acc-${id}`, email },
  totals: { currency: 'EUR', net: '10.00' },
});

describe('dead letters', () => {
  const pipeline = new Pipeline();
  let ingestorDlq: Subscription<DeadLetter>;
  let resolverDlq: Subscription<DeadLetter>;
  let canonical: Subscription<CanonicalEvent>;
  let resolved: Subscription<CanonicalEvent>;

  beforeAll(async () => {
    await pipeline.setUp();
    await Promise.all([pipeline.start('ingestor'), pipeline.start('resolver')]);
    ingestorDlq = await pipeline.kafka.subscribe<DeadLetter>(Topics.deadLetterIngestor.name);
    resolverDlq = await pipeline.kafka.subscribe<DeadLetter>(Topics.deadLetterResolver.name);
    canonical = await pipeline.kafka.subscribe<CanonicalEvent>(Topics.canonicalEvents.name);
    resolved = await pipeline.kafka.subscribe<CanonicalEvent>(Topics.resolvedEvents.name);
  });

  afterAll(async () => {
    await pipeline.tearDown();
  });

  it('dead-letters a source payload that is not JSON and processes the next good one', async () => {
    const run = pipeline.runId;
    const garbage = `{"orderId": "BAD-${run}", this is not json`;
    await pipeline.kafka.produceRaw(sourceTopic('ecommerce').name, [
      { key: `same-key-${run}`, value: garbage },
      { key: `same-key-${run}`, value: JSON.stringify(order(`GOOD-${run}`, 'good@example.com')) },
    ]);

    const [letter] = await ingestorDlq.waitFor((m) => m.key === `same-key-${run}`);
    expect(letter!.value).toMatchObject({
      service: 'ingestor',
      reasonCode: 'invalid-json',
      source: 'ecommerce',
      sourceTopic: sourceTopic('ecommerce').name,
    });
    expect(letter!.value.originalValue?.toString('utf8')).toBe(garbage);
    expect(letter!.headers[Headers.dlqReason]).toBe('invalid-json');
    await canonical.waitFor((m) => m.value.eventId === `ecommerce:GOOD-${run}`);
  });

  it('dead-letters a payload missing a required field, naming the field', async () => {
    const run = pipeline.runId;
    const { customer: _customer, ...withoutCustomer } = order(`NOCUST-${run}`, 'x@example.com');
    await pipeline.kafka.produceRaw(sourceTopic('ecommerce').name, [{ key: `nocust-${run}`, value: JSON.stringify(withoutCustomer) }]);
    const [letter] = await ingestorDlq.waitFor((m) => m.key === `nocust-${run}`);
    expect(letter!.value).toMatchObject({ reasonCode: 'missing-required-field', field: 'customer.accountId' });
  });

  it('dead-letters a canonical-topic message that is not valid Avro and resolves the next good one', async () => {
    const run = pipeline.runId;
    const notAvro = Buffer.from([0, 0, 0, 0, 1, 0xff, 0xfe, 0x01]); // magic byte, then nonsense
    await pipeline.kafka.produceRaw(Topics.canonicalEvents.name, [{ key: `k-${run}`, value: notAvro }]);
    await pipeline.kafka.produceRaw(sourceTopic('ecommerce').name, [
      { key: `after-${run}`, value: JSON.stringify(order(`AFTER-${run}`, 'after@example.com')) },
    ]);

    const [letter] = await resolverDlq.waitFor((m) => m.key === `k-${run}`);
    expect(letter!.value.reasonCode).toBe('avro-decode-failed');
    expect(Buffer.compare(letter!.value.originalValue!, notAvro)).toBe(0);
    const [event] = await resolved.waitFor((m) => m.value.eventId === `ecommerce:AFTER-${run}`);
    expect(event!.value.profileId).toMatch(/^p_/);
  });

  it('counts dead letters by reason in the metrics', async () => {
    const metrics = await (await fetch(`${pipeline.running.get('ingestor')!.url}/metrics`)).text();
    expect(metrics).toMatch(/c360_messages_dead_lettered_total\{[^}]*reason="invalid-json"[^}]*\} [1-9]/);
  });
});
