import { describe, expect, it } from 'vitest';
import { generate } from './generate';

const rates = { EUR: 1, GBP: 1.14, USD: 0.86, JPY: 0.0057 };
const options = { persons: 200, seed: 7, rates, reportingCurrency: 'EUR' };

describe('generate', () => {
  it('is deterministic: the same seed gives the same bytes, another seed other data', () => {
    expect(JSON.stringify(generate(options))).toBe(JSON.stringify(generate(options)));
    expect(JSON.stringify(generate({ ...options, seed: 8 }))).not.toBe(JSON.stringify(generate(options)));
  });

  it('gives every person at least one purchase and every accepted record a true person', () => {
    const { truth, messages } = generate(options);
    expect(truth.persons).toHaveLength(200);
    expect(messages.length).toBeGreaterThanOrEqual(200);
    const persons = new Set(truth.persons.map((p) => p.personId));
    expect(truth.records.every((r) => persons.has(r.personId))).toBe(true);
    expect(new Set(truth.persons.map((p) => p.market)).size).toBeGreaterThan(3);
  });

  it('labels the deliberately bad payloads at about the configured rate', () => {
    const { truth, messages } = generate({ ...options, persons: 2_000, badRate: 0.05 });
    const share = truth.bad.length / messages.length;
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.07);
  });

  it('puts about the configured share of persons in households of 2 to 4', () => {
    const { truth } = generate({ ...options, persons: 2_000, noise: { household: 0.3 } });
    const sizes = new Map<string, number>();
    for (const p of truth.persons) sizes.set(p.householdId, (sizes.get(p.householdId) ?? 0) + 1);
    const inHouseholds = [...sizes.values()].filter((n) => n > 1).reduce((a, b) => a + b, 0) / truth.persons.length;
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual(4);
    expect(inHouseholds).toBeGreaterThan(0.4); // 30% of households have 2-4 members: over 40% of persons
    expect(inHouseholds).toBeLessThan(0.8);
  });

  it('types the store phone and junk values at the till only when asked to', () => {
    const clean = generate({ ...options, persons: 1_000, noise: { storePhone: 0, junk: 0 } });
    expect(clean.messages.some((m) => m.value.includes('test@test.com') || m.value.includes('0000000000'))).toBe(false);
    const messy = generate({ ...options, persons: 1_000, noise: { storePhone: 0.2, junk: 0.2 } });
    expect(messy.messages.some((m) => m.value.includes('test@test.com'))).toBe(true);
  });

  it('lets persons change email: one shop account then carries both addresses', () => {
    const { messages } = generate({ ...options, persons: 300, noise: { emailChange: 1, posAnonymous: 1 } });
    const emailsByAccount = new Map<string, Set<string>>();
    for (const m of messages) {
      if (m.source !== 'ecommerce' || m.value.length < 10) continue;
      try {
        const order = JSON.parse(m.value) as { customer: { accountId: string; email: string } };
        const set = emailsByAccount.get(order.customer.accountId) ?? new Set<string>();
        set.add(order.customer.email.trim().toLowerCase());
        emailsByAccount.set(order.customer.accountId, set);
      } catch {
        // a deliberately broken payload
      }
    }
    expect([...emailsByAccount.values()].some((s) => s.size === 2)).toBe(true);
    expect([...emailsByAccount.values()].every((s) => s.size <= 2)).toBe(true);
  });
});
