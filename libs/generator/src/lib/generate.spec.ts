/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return --
   these tests read the payloads as the untyped JSON the sources send. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { toMinorUnits } from '@c360/money';
import { decimalText } from './amounts';
import { sourceRecordIdOf } from './kinds';
import { generate, type GeneratedDataSet, type GeneratorOptions } from './generate';
import { marketOf } from './markets';
import { plainRomaji } from './names';
import { DEFAULT_NOISE, NO_NOISE } from './noise';

const root = join(__dirname, '../../../..');
const rateTable = JSON.parse(readFileSync(join(root, 'apps/ingestor/config/rates.json'), 'utf8')) as {
  reportingCurrency: string;
  rates: Record<string, number>;
};
const base: GeneratorOptions = { persons: 300, seed: 7, rates: rateTable.rates, reportingCurrency: rateTable.reportingCurrency };

type Payload = Record<string, any>;
const parsed = (data: GeneratedDataSet) => {
  const bad = new Set(data.truth.bad.map((b) => b.index));
  return data.messages.map((m, i) => (bad.has(i) ? null : { ...m, index: i, payload: JSON.parse(m.value) as Payload }));
};
const good = (data: GeneratedDataSet) => parsed(data).filter((m): m is NonNullable<typeof m> => m !== null);
const owners = (data: GeneratedDataSet) => new Map(data.truth.records.map((r) => [`${r.source}:${r.sourceRecordId}`, r.personId]));
const share = (n: number, of: number) => n / Math.max(1, of);

describe('generate', () => {
  it('is deterministic: the same options give the same bytes, another seed other data', () => {
    expect(JSON.stringify(generate(base))).toBe(JSON.stringify(generate(base)));
    expect(JSON.stringify(generate({ ...base, seed: 8 }))).not.toBe(JSON.stringify(generate(base)));
  });

  it('gives data sets of different seeds no source record in common: they are other customers, streamed into the same graph', () => {
    const ids = (seed: number) => new Set(generate({ ...base, seed }).truth.records.map((r) => `${r.source}:${r.sourceRecordId}`));
    const a = ids(7);
    const shared = [...ids(8)].filter((id) => a.has(id));
    expect(a.size).toBeGreaterThan(1_000);
    expect(shared).toEqual([]);
  });

  it('keeps who the persons are when only the bad rate changes', () => {
    const a = generate(base).truth.persons.map((p) => [p.name, p.emails]);
    const b = generate({ ...base, badRate: 0.2 }).truth.persons.map((p) => [p.name, p.emails]);
    expect(b).toEqual(a);
  });

  it('rejects rates outside 0..1 and unknown currencies', () => {
    expect(() => generate({ ...base, noise: { junk: 2 } })).toThrow(/junk/);
    expect(() => generate({ ...base, rates: { EUR: 1 } })).toThrow(/no rate/);
  });
});

describe('a default data set', () => {
  const data = generate({ ...base, persons: 3_000 });
  const messages = good(data);
  const owner = owners(data);
  const start = Date.UTC(2025, 10, 1);
  const end = Date.UTC(2026, 10, 1);

  it('sends in time order across sources, within the period', () => {
    for (let i = 1; i < data.messages.length; i++) expect(data.messages[i]!.at).toBeGreaterThanOrEqual(data.messages[i - 1]!.at);
    expect(data.messages[0]!.at).toBeGreaterThanOrEqual(start);
    expect(data.messages.at(-1)!.at).toBeLessThan(end);
    expect(new Set(data.messages.map((m) => m.source)).size).toBe(8);
    expect(new Set(data.truth.persons.map((p) => p.market)).size).toBe(9);
  });

  it("keys every message by the source's record id, and knows every record's true person", () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const m of messages) {
      const id = sourceRecordIdOf(m.source, m.payload);
      if (m.key !== id) problems.push(`${m.source} key ${m.key} but record ${id}`);
      if (!owner.has(`${m.source}:${id}`)) problems.push(`${m.source}:${id} not in the truth`);
      seen.add(`${m.source}:${id}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
    // Only records some intact payload carries are in the truth.
    expect(data.truth.records.filter((r) => !seen.has(`${r.source}:${r.sourceRecordId}`))).toEqual([]);
  });

  it('shows every person in one to several sources', () => {
    const sources = new Map<string, Set<string>>();
    for (const r of data.truth.records) sources.set(r.personId, (sources.get(r.personId) ?? new Set()).add(r.source));
    expect(data.truth.persons.filter((p) => !sources.has(p.personId)).map((p) => p.personId)).toEqual([]);
    const counts = [...sources.values()].map((s) => s.size);
    expect(share(counts.filter((n) => n >= 3).length, counts.length)).toBeGreaterThan(0.4);
  });

  it('breaks about 0.5% of the payloads, each the way its label says', () => {
    expect(share(data.truth.bad.length, data.messages.length)).toBeGreaterThan(0.003);
    expect(share(data.truth.bad.length, data.messages.length)).toBeLessThan(0.008);
    for (const b of data.truth.bad) {
      const m = data.messages[b.index]!;
      expect([m.source, m.key]).toEqual([b.source, b.key]);
      expect(data.messages.filter((x) => x.source === b.source).indexOf(m)).toBe(b.line);
      if (b.reason === 'invalid-json') expect(() => JSON.parse(m.value) as unknown).toThrow();
      else expect(() => JSON.parse(m.value) as unknown).not.toThrow();
    }
    expect(new Set(data.truth.bad.map((b) => b.reason))).toEqual(
      new Set(['invalid-json', 'missing-required-field', 'invalid-field', 'unknown-kind']),
    );
  });

  it('delivers some payloads twice, the same bytes minutes later', () => {
    expect(data.truth.duplicates.length).toBeGreaterThan(0);
    for (const d of data.truth.duplicates) {
      const [copy, original] = [data.messages[d.index]!, data.messages[d.originalIndex]!];
      expect(copy.value).toBe(original.value);
      expect(copy.key).toBe(original.key);
      expect(copy.at - original.at).toBeGreaterThan(0);
      expect(copy.at - original.at).toBeLessThanOrEqual(600_000);
    }
  });

  it('writes every timestamp with its zone, loyalty times as whole epoch milliseconds', () => {
    const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{2}:\d{2})$/;
    const times: Record<string, (p: Payload) => unknown[]> = {
      pos: (p) => [p.receipt.closedAt],
      ecommerce: (p) => [p.placedAt ?? p.updatedAt ?? p.issuedAt],
      marketing: (p) => [p.EventDate],
      service: (p) => [p.created_at],
      wholesale: (p) => [p.sentAt, p.order?.orderDate].filter(Boolean),
      web: (p) => [p.timestamp],
      register: (p) => [p.PUBLISHED],
    };
    for (const m of messages) {
      if (m.source === 'loyalty') expect(Number.isSafeInteger(m.payload.timestamp)).toBe(true);
      else for (const t of times[m.source]!(m.payload)) expect(t).toMatch(zoned);
    }
  });

  it('writes phone numbers that are valid in their market, except the junk ones', () => {
    const problems: string[] = [];
    for (const m of messages) {
      const country = (m.payload.store?.country ?? m.payload.shop?.country ?? m.payload.country ?? m.payload.account?.country) as
        string | undefined;
      const phones = [
        m.payload.customer?.phone,
        m.payload.account?.phone,
        m.payload.member?.mobile,
        m.payload.requester?.phone,
        m.payload.buyer?.phone,
      ];
      for (const phone of phones.filter((p): p is string => typeof p === 'string' && p !== '0000000000')) {
        const region = (country ?? marketOf(m.payload.locale?.slice(-2) ?? 'DE').country) as CountryCode;
        if (!parsePhoneNumberFromString(phone, region)?.isValid()) problems.push(`${m.source} ${phone} (${region})`);
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('adds order lines up to the order total, to the minor unit', () => {
    for (const m of messages) {
      const p = m.payload;
      if (m.source === 'pos') {
        const c = p.receipt.currency as string;
        expect(p.receipt.lines.reduce((s: number, l: Payload) => s + toMinorUnits(l.amount, c), 0)).toBe(toMinorUnits(p.receipt.total, c));
      } else if (m.source === 'ecommerce' && p.event === 'order.placed') {
        const c = p.totals.currency as string;
        const sum = p.items.reduce((s: number, l: Payload) => s + l.quantity * toMinorUnits(String(l.net), c), 0);
        expect(sum).toBe(toMinorUnits(String(p.totals.net), c));
      } else if (m.source === 'wholesale' && p.messageType === 'ORDER') {
        const c = p.order.currency as string;
        expect(p.order.lines.reduce((s: number, l: Payload) => s + toMinorUnits(l.net, c), 0)).toBe(toMinorUnits(p.order.netTotal, c));
      }
    }
  });

  it('refunds only earlier purchases of the same person, never more than was bought', () => {
    const sales = new Map<string, { at: number; person: string; minor: number }>();
    const refunded = new Map<string, number>();
    let returns = 0;
    for (const m of messages) {
      const p = m.payload;
      const person = owner.get(`${m.source}:${m.key}`)!;
      if (m.source === 'pos' && p.receipt.type === 'SALE')
        sales.set(p.receipt.number, { at: m.at, person, minor: toMinorUnits(p.receipt.total, p.receipt.currency) });
      if (m.source === 'ecommerce' && p.event === 'order.placed')
        sales.set(p.orderId, { at: m.at, person, minor: toMinorUnits(String(p.totals.net), p.totals.currency) });
      const [original, amount] =
        m.source === 'pos' && p.receipt.type === 'RETURN'
          ? [p.receipt.originalNumber as string, -toMinorUnits(p.receipt.total, p.receipt.currency)]
          : m.source === 'ecommerce' && p.event === 'refund.issued'
            ? [p.orderId as string, toMinorUnits(p.refund.amount, p.refund.currency)]
            : [null, 0];
      if (original === null || data.truth.duplicates.some((d) => d.index === m.index)) continue;
      returns += 1;
      const sale = sales.get(original);
      expect(sale, `${original} was sold before`).toBeDefined();
      expect(sale!.at).toBeLessThan(m.at);
      expect(sale!.person).toBe(person);
      refunded.set(original, (refunded.get(original) ?? 0) + amount);
      expect(refunded.get(original)!).toBeLessThanOrEqual(sale!.minor);
      expect(amount).toBeGreaterThan(0);
    }
    expect(returns).toBeGreaterThan(50);
  });

  it('links the sources as real systems do: cards are members, points follow receipts, web logins are shop accounts', () => {
    const receipts = new Map<string, { person: string; at: number }>();
    let cards = 0;
    let points = 0;
    let logins = 0;
    for (const m of messages) {
      const p = m.payload;
      const person = owner.get(`${m.source}:${m.key}`);
      if (m.source === 'pos') {
        receipts.set(p.receipt.number, { person: person!, at: m.at });
        if (p.customer?.loyaltyCard) {
          cards += 1;
          expect(owner.get(`loyalty:${p.customer.loyaltyCard}`) ?? person).toBe(person);
        }
      }
      if (m.source === 'loyalty' && p.eventType === 'POINTS_EARNED') {
        points += 1;
        const receipt = receipts.get(p.reference);
        // The receipt itself may be one of the deliberately broken payloads.
        if (receipt) {
          expect(receipt.person).toBe(person);
          expect(receipt.at).toBeLessThan(m.at);
        }
      }
      if (m.source === 'web' && p.userId) {
        logins += 1;
        // (The account may have sent nothing intact: then the shop is unknown to the pipeline.)
        expect(owner.get(`ecommerce:${p.userId}`) ?? person).toBe(person);
      }
    }
    expect([cards, points, logins].every((n) => n > 100)).toBe(true);
  });

  it("keeps the truth's totals equal to what the accepted payloads add up to", () => {
    const dup = new Set(data.truth.duplicates.map((d) => d.index));
    const rate = (c: string) => rateTable.rates[c]!;
    const reporting = (amount: string, c: string) => toMinorUnits((Number(amount) * rate(c)).toFixed(6), rateTable.reportingCurrency);
    const totals = new Map<
      string,
      { ltv: number; orders: number; first: number; last: number; categories: Map<string, number>; engaged: number; nps: number[] }
    >();
    const of = (person: string) => {
      let t = totals.get(person);
      if (!t)
        totals.set(
          person,
          (t = { ltv: 0, orders: 0, first: Infinity, last: -Infinity, categories: new Map(), engaged: -Infinity, nps: [] }),
        );
      return t;
    };
    const purchase = (t: ReturnType<typeof of>, at: number, amount: string, c: string, lines: [string, string][]) => {
      t.ltv += reporting(amount, c);
      t.orders += 1;
      t.first = Math.min(t.first, at);
      t.last = Math.max(t.last, at);
      for (const [category, line] of lines)
        t.categories.set(category.toLowerCase(), (t.categories.get(category.toLowerCase()) ?? 0) + reporting(line, c));
    };
    const refund = (t: ReturnType<typeof of>, amount: string, c: string, category: string | null) => {
      t.ltv -= reporting(amount, c);
      if (category) t.categories.set(category.toLowerCase(), (t.categories.get(category.toLowerCase()) ?? 0) - reporting(amount, c));
    };
    for (const m of messages) {
      if (dup.has(m.index)) continue;
      const p = m.payload;
      const t = of(owner.get(`${m.source}:${m.key}`)!);
      if (m.source === 'pos' && p.receipt.type === 'SALE') {
        purchase(
          t,
          Date.parse(p.receipt.closedAt),
          p.receipt.total,
          p.receipt.currency,
          p.receipt.lines.map((l: Payload) => [l.category, l.amount]),
        );
      } else if (m.source === 'pos' && p.receipt.type === 'RETURN') {
        refund(t, String(p.receipt.total).replace('-', ''), p.receipt.currency, p.receipt.lines[0].category);
      } else if (m.source === 'ecommerce' && p.event === 'order.placed') {
        const c = p.totals.currency as string;
        const digits = c === 'JPY' ? 0 : 2;
        purchase(
          t,
          Date.parse(p.placedAt),
          String(p.totals.net),
          c,
          p.items.map((l: Payload) => [l.category, decimalText(l.quantity * toMinorUnits(String(l.net), c), digits)]),
        );
      } else if (m.source === 'ecommerce' && p.event === 'refund.issued') {
        // A web-shop refund names no lines: no category is lowered.
        refund(t, p.refund.amount, p.refund.currency, null);
      } else if (m.source === 'wholesale' && p.messageType === 'ORDER') {
        purchase(
          t,
          Date.parse(p.order.orderDate),
          p.order.netTotal,
          p.order.currency,
          p.order.lines.map((l: Payload) => [l.productGroup, l.net]),
        );
      } else if ((m.source === 'marketing' && (p.EventType === 'Open' || p.EventType === 'Click')) || m.source === 'web') {
        t.engaged = Math.max(t.engaged, Date.parse(p.EventDate ?? p.timestamp));
      } else if (m.source === 'service' && p.type === 'survey.nps') {
        t.nps.push(p.survey.score);
      }
    }
    const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);
    for (const person of data.truth.persons) {
      const t = of(person.personId);
      expect({
        id: person.personId,
        ltv: person.lifetimeValueMinor,
        orders: person.orderCount,
        first: person.firstPurchaseAt,
        last: person.lastPurchaseAt,
      }).toEqual({
        id: person.personId,
        ltv: t.ltv,
        orders: t.orders,
        first: iso(t.first),
        last: iso(t.last),
      });
      expect(person.categoryTotalsMinor).toEqual(Object.fromEntries([...t.categories].sort(([a], [b]) => (a < b ? -1 : 1))));
      expect(person.lastEngagementAt).toBe(iso(t.engaged));
      expect(person.npsScores.map((n) => n.score).sort()).toEqual(t.nps.sort());
    }
    expect(data.truth.persons.filter((p) => p.orderCount > 0).length).toBeGreaterThan(2_000);
  });

  it('lets churners stop buying, and nobody buy after death', () => {
    const churners = data.truth.persons.filter((p) => p.churnedAt !== null);
    expect(share(churners.length, data.truth.persons.length)).toBeGreaterThan(0.1);
    for (const p of churners) if (p.lastPurchaseAt) expect(p.lastPurchaseAt < p.churnedAt!).toBe(true);
    for (const p of data.truth.persons.filter((p) => p.register.deceased))
      if (p.lastPurchaseAt) expect(p.lastPurchaseAt.slice(0, 10) <= p.register.deceased!).toBe(true);
  });
});

describe('with every noise rate off', () => {
  const data = generate({ ...base, persons: 2_000, noise: NO_NOISE, badRate: 0 });
  const messages = good(data);
  const owner = owners(data);
  const persons = new Map(data.truth.persons.map((p) => [p.personId, p]));

  it('has one record per person per source (receipts without a card and register notices aside)', () => {
    const counts = new Map<string, number>();
    for (const r of data.truth.records) {
      if ((r.source === 'pos' && r.sourceRecordId.startsWith('R-')) || r.source === 'register') continue;
      const k = `${r.source}:${r.personId}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
    expect(data.truth.duplicates).toEqual([]);
  });

  it('carries the true values: names, emails and phones, and no value shared by two persons', () => {
    const holders = new Map<string, Set<string>>();
    const hold = (value: string, person: string) => holders.set(value, (holders.get(value) ?? new Set()).add(person));
    const problems: string[] = [];
    for (const m of messages) {
      const p = m.payload;
      const person = persons.get(owner.get(`${m.source}:${m.key}`)!)!;
      const country = person.market;
      for (const email of [
        p.customer?.email,
        p.account?.email,
        p.EmailAddress,
        p.requester?.email,
        p.member?.email,
        p.buyer?.email,
        p.traits?.email,
      ]) {
        if (typeof email !== 'string') continue;
        if (!person.emails.includes(email)) problems.push(`${m.source} email ${email} is not ${person.name}'s`);
        hold(email, person.personId);
      }
      for (const phone of [p.customer?.phone, p.account?.phone, p.member?.mobile, p.requester?.phone]) {
        if (typeof phone !== 'string') continue;
        const e164 = parsePhoneNumberFromString(phone, country as CountryCode)?.number;
        if (!e164 || !person.phones.includes(e164)) problems.push(`${m.source} phone ${phone} is not ${person.name}'s`);
        hold(e164 ?? phone, person.personId);
      }
      // JP: '山田 太郎 (Yamada Tarō)' is 'Taro Yamada' in a web shop.
      const latin = person.market === 'JP' ? plainRomaji(person.name.replace(/^.*\((\S+) (\S+)\)$/, '$2 $1')) : person.name;
      if (m.source === 'ecommerce' && p.account?.firstName !== undefined && `${p.account.firstName} ${p.account.lastName}` !== latin) {
        problems.push(`account name ${p.account.firstName} ${p.account.lastName} is not ${person.name}`);
      }
      if (m.source === 'loyalty' && p.member && person.market !== 'JP' && `${p.member.firstName} ${p.member.lastName}` !== person.name)
        problems.push(`member ${p.member.firstName} ${p.member.lastName} is not ${person.name}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
    // The store's number is typed for nobody, junk nowhere: every value belongs to one person.
    expect([...holders].filter(([, who]) => who.size > 1).slice(0, 3)).toEqual([]);
  });

  it('writes addresses in full: no abbreviations, the flat on a line of its own where there is one', () => {
    for (const m of messages.filter((m) => m.source === 'loyalty' && m.payload.member?.address)) {
      const a = m.payload.member.address as Payload;
      const person = persons.get(owner.get(`loyalty:${m.key}`)!)!;
      expect(person.addresses.some((t) => t.startsWith([a.line1, a.line2].filter(Boolean).join(', ')))).toBe(true);
    }
  });
});

describe('the hard cases, each at its rate', () => {
  const persons = 4_000;
  const hard = generate({
    ...base,
    persons,
    badRate: 0,
    noise: {
      ...DEFAULT_NOISE,
      household: 0.4,
      twins: 0.2,
      namesakes: 0.05,
      storePhone: 0.1,
      junk: 0.05,
      posAnonymous: 0,
      duplicateDelivery: 0.02,
    },
  });
  const messages = good(hard);
  const byId = new Map(hard.truth.persons.map((p) => [p.personId, p]));

  it('puts persons in households of 2 to 4 sharing the address, and the landline', () => {
    const sizes = new Map<string, number>();
    for (const p of hard.truth.persons) sizes.set(p.householdId, (sizes.get(p.householdId) ?? 0) + 1);
    const households = [...sizes.values()];
    expect(Math.max(...households)).toBeLessThanOrEqual(4);
    expect(share(households.filter((n) => n > 1).length, households.length)).toBeCloseTo(0.4, 1);
    const members = hard.truth.persons.filter((p) => sizes.get(p.householdId)! > 1);
    for (const p of members.slice(0, 200)) {
      const first = hard.truth.persons.find((q) => q.householdId === p.householdId)!;
      expect(p.addresses[0]).toBe(first.addresses[0]);
      expect(p.phones.at(-1)).toBe(first.phones.at(-1));
    }
  });

  it('gives the mobile at the till mostly, and the household landline on some accounts and service contacts', () => {
    const owner = owners(hard);
    // Persons with a mobile and a landline: phones are [mobile, landline].
    const landlineShare = (source: string, phoneOf: (p: Record<string, any>) => unknown) => {
      let landline = 0;
      let given = 0;
      for (const m of messages.filter((x) => x.source === source)) {
        const phone = phoneOf(m.payload);
        const person = byId.get(owner.get(`${source}:${m.key}`)!)!;
        if (typeof phone !== 'string' || person.phones.length !== 2) continue;
        const e164 = parsePhoneNumberFromString(phone, person.market as CountryCode)?.number;
        if (e164 === person.phones[1]) landline++;
        else if (e164 === person.phones[0]) given++;
      }
      return landline / Math.max(1, landline + given);
    };
    const till = landlineShare('pos', (p) => (p.customer?.loyaltyCard ? undefined : p.customer?.phone));
    expect(till).toBeGreaterThan(0.05);
    expect(till).toBeLessThan(0.16);
    const forms = landlineShare('ecommerce', (p) => p.account?.phone);
    expect(forms).toBeGreaterThan(0.08);
    expect(forms).toBeLessThan(0.25);
    // A person without a mobile gives the household's landline on a form.
    const landlineOnly = new Set(
      hard.truth.persons
        .filter((p) => p.phones.length === 1 && parsePhoneNumberFromString(p.phones[0]!)?.getType() === 'FIXED_LINE')
        .map((p) => p.personId),
    );
    const accounts = messages.filter(
      (m) => m.source === 'ecommerce' && m.payload.account && landlineOnly.has(owner.get(`ecommerce:${m.key}`)!),
    );
    expect(accounts.filter((m) => m.payload.account.phone).length).toBeGreaterThan(0);
  });

  it('has twins (same family name, address, birth date) and namesakes (same full name, another person)', () => {
    const twins = hard.truth.persons.filter((p) => p.twinOf);
    const households = new Set(hard.truth.persons.map((p) => p.householdId)).size;
    expect(share(twins.length, households * 0.4)).toBeGreaterThan(0.1);
    expect(share(twins.length, households * 0.4)).toBeLessThan(0.3);
    for (const t of twins) {
      const other = byId.get(t.twinOf!)!;
      expect([t.birthDate, t.householdId, t.addresses[0]]).toEqual([other.birthDate, other.householdId, other.addresses[0]]);
      expect(t.name).not.toBe(other.name);
    }
    const namesakes = hard.truth.persons.filter((p) => p.namesakeOf);
    expect(namesakes.length).toBeGreaterThan(20);
    for (const n of namesakes) {
      const other = byId.get(n.namesakeOf!)!;
      expect(n.name).toBe(other.name);
      expect(n.householdId).not.toBe(other.householdId);
      expect(n.emails.some((e) => other.emails.includes(e))).toBe(false);
    }
  });

  it("types the store's number and junk at the till at their rates", () => {
    const owner = owners(hard);
    const receipts = messages.filter((m) => m.source === 'pos' && !m.payload.customer?.loyaltyCard && m.payload.receipt.type === 'SALE');
    const junk = receipts.filter((m) => m.payload.customer?.phone === '0000000000');
    // Without anonymous receipts, a phone on a receipt is the customer's, the junk one, or the store's.
    const storeTyped = receipts.filter((m) => {
      const phone = m.payload.customer?.phone as string | undefined;
      if (!phone || phone === '0000000000') return false;
      const e164 = parsePhoneNumberFromString(phone, m.payload.store.country as CountryCode)!.number;
      return !byId.get(owner.get(`pos:${m.key}`)!)!.phones.includes(e164);
    });
    expect(share(storeTyped.length, receipts.length)).toBeGreaterThan(0.08);
    expect(share(storeTyped.length, receipts.length)).toBeLessThan(0.12);
    expect(share(junk.length, receipts.length)).toBeGreaterThan(0.035);
    expect(share(junk.length, receipts.length)).toBeLessThan(0.065);
    // The store's number is typed for many customers.
    const customersByPhone = new Map<string, Set<string>>();
    for (const m of storeTyped)
      customersByPhone.set(
        m.payload.customer.phone,
        (customersByPhone.get(m.payload.customer.phone) ?? new Set()).add(owner.get(`pos:${m.key}`)!),
      );
    expect(Math.max(...[...customersByPhone.values()].map((s) => s.size))).toBeGreaterThan(3);
    expect(messages.some((m) => m.payload.EmailAddress === 'test@test.com')).toBe(true);
  });

  it('shares a family email between household members, and lets persons change email', () => {
    const holders = new Map<string, number>();
    for (const p of hard.truth.persons) holders.set(p.emails[0]!, (holders.get(p.emails[0]!) ?? 0) + 1);
    expect([...holders.values()].some((n) => n > 1)).toBe(true);
    const emailsByAccount = new Map<string, Set<string>>();
    for (const m of messages.filter((m) => m.source === 'ecommerce' && m.payload.account?.email)) {
      emailsByAccount.set(m.key, (emailsByAccount.get(m.key) ?? new Set()).add(m.payload.account.email));
    }
    const twoEmails = [...emailsByAccount.values()].filter((s) => s.size === 2).length;
    expect(share(twoEmails, emailsByAccount.size)).toBeGreaterThan(0.03);
    expect([...emailsByAccount.values()].every((s) => s.size <= 2)).toBe(true);
  });

  it('has anonymous web sessions that log in later, and some that never do', () => {
    const cookies = new Map<string, { first: string | null; loggedIn: boolean }>();
    for (const m of messages.filter((m) => m.source === 'web')) {
      const c = cookies.get(m.key) ?? { first: m.payload.userId as string | null, loggedIn: false };
      c.loggedIn ||= m.payload.type === 'identify';
      cookies.set(m.key, c);
    }
    const all = [...cookies.values()];
    expect(all.every((c) => c.first === null)).toBe(true);
    expect(share(all.filter((c) => c.loggedIn).length, all.length)).toBeGreaterThan(0.2);
    expect(share(all.filter((c) => !c.loggedIn).length, all.length)).toBeGreaterThan(0.2);
  });

  it('delivers payloads twice at the duplicate rate', () => {
    expect(share(hard.truth.duplicates.length, hard.messages.length)).toBeCloseTo(0.02, 2);
  });

  it('moves households: some sources keep the old address, registers report the move', () => {
    const movers = hard.truth.persons.filter((p) => p.addresses.length === 2);
    expect(share(movers.length, persons)).toBeGreaterThan(0.03);
    expect(movers.some((p) => p.register.movedAway !== null)).toBe(true);
  });
});
