// The identity graph through the real pipeline (ingestor and resolver on Kafka, the registry and
// Postgres): links with their reasons, lookups by any identifier and by name and postcode,
// anonymous visitors becoming known, splits when a record goes, and the stewards' decisions.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceTopic, Topics, type CanonicalEvent, type IdentityChange, type Profile } from '@c360/schemas';
import type { Subscription } from '@c360/testing';
import { Pipeline, ROOT, STEWARD_API_KEY } from './harness';

interface Explanation {
  records: { record: string }[];
  links: { a: string; b: string; rule: string; score: number; values: string[]; matched: { field: string; method: string }[] }[];
  stewardDecisions: { a: string; b: string; kind: string; reason: string; decidedBy: string }[];
}

/** Polls until `check` returns a value (not undefined), or fails after `ms`. */
async function eventually<T>(check: () => Promise<T | undefined>, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the identity graph', () => {
  const pipeline = new Pipeline();
  const run = pipeline.runId;
  let changes: Subscription<IdentityChange>;
  let profiles: Subscription<Profile | null>;

  const account = (id: string, a: Record<string, unknown>, at = '2026-02-11T08:30:00Z') => ({
    key: id,
    value: { event: 'account.updated', updatedAt: at, shop: { country: 'DE' }, account: { accountId: id, ...a } },
  });
  const send = (source: string, messages: { key: string; value: unknown }[]) => pipeline.kafka.produceJson(sourceTopic(source).name, messages);
  const api = async <T>(path: string, key?: string) => {
    const res = await pipeline.profilesApi(path, key);
    return { status: res.status, body: (await res.json()) as T };
  };
  /** The profile holding a source record, once it holds all of `records` (or undefined). */
  const profileWith = async (email: string, records: string[]) => {
    const { status, body } = await api<Profile>(`/profiles?email=${encodeURIComponent(email)}`);
    return status === 200 && records.every((r) => body.sourceRecords.includes(r)) ? body : undefined;
  };
  const decide = (body: unknown, key = STEWARD_API_KEY) => pipeline.profilesApi('/steward/decisions', key, { method: 'POST', body });

  beforeAll(async () => {
    await pipeline.setUp();
    await Promise.all([pipeline.start('ingestor'), pipeline.start('resolver')]);
    changes = await pipeline.kafka.subscribe<IdentityChange>(Topics.identityChanges.name);
    profiles = await pipeline.kafka.subscribe<Profile | null>(Topics.profiles.name, { avro: true, tombstones: true });
  });

  afterAll(async () => {
    await pipeline.tearDown();
  });

  it('links a loyalty member to a shop account by email, says why, and finds the person by any identifier or by name and postcode', async () => {
    const email = `j.mueller-${run}@example.de`;
    const acc = `acc-a-${run}`;
    const member = `LC-${run}`;
    await send('ecommerce', [
      account(acc, { email, firstName: 'Jürgen', lastName: 'Müller', birthDate: '1979-11-02', addresses: [{ type: 'shipping', street: 'Hauptstr. 5', city: 'Berlin', zip: '10115', countryCode: 'DE' }] }),
    ]);
    await send('loyalty', [
      {
        key: member,
        value: {
          eventType: 'ENROLLED',
          timestamp: Date.parse('2026-03-01T10:00:00Z'),
          memberId: member,
          programme: 'c360-club',
          country: 'DE',
          tier: 'Silver',
          member: { firstName: 'Juergen', lastName: 'Mueller', dateOfBirth: '1979-11-02', email: email.toUpperCase(), mobile: `0151 2${String(Date.now()).slice(-7)}` },
        },
      },
    ]);
    const records = [`ecommerce:${acc}`, `loyalty:${member}`];
    const profile = await eventually(() => profileWith(email, records), 'one profile with both records');

    // The golden record names its sources; the profile topic carries it too.
    expect(profile.name).toMatchObject({ given: expect.stringMatching(/^J/), family: expect.stringMatching(/^M/) });
    expect(records).toContain(profile.name!.source);
    expect(profile.contactPoints.find((c) => c.kind === 'EMAIL')).toMatchObject({ value: email, sources: expect.arrayContaining(records) });
    await profiles.waitFor((m) => m.key === profile.profileId && records.every((r) => m.value?.sourceRecords.includes(r)));

    // The same profile by the loyalty id, by a phone, and by name and postcode.
    const byLoyalty = await api<Profile>(`/profiles?type=LOYALTY_ID&value=${member}&issuer=c360-club`);
    expect(byLoyalty).toMatchObject({ status: 200, body: { profileId: profile.profileId } });
    const phone = profile.contactPoints.find((c) => c.kind === 'PHONE')!.value;
    expect((await api<Profile>(`/profiles?phone=${encodeURIComponent(phone)}`)).body.profileId).toBe(profile.profileId);
    const search = await api<{ results: { profile: Profile; score: number }[] }>(`/profiles/search?name=${encodeURIComponent('Jürgen Müller')}&postcode=10115`);
    expect(search.body.results[0]?.profile.profileId).toBe(profile.profileId);
    expect((await api(`/profiles?type=LOYALTY_ID&value=nobody-${run}&issuer=c360-club`)).status).toBe(404);
    expect((await api(`/profiles?type=SHOE_SIZE&value=42`)).status).toBe(400);

    // Why: the link, its rule, the values it matched on and its score.
    const explain = (await api<Explanation>(`/profiles/${profile.profileId}/explain`)).body;
    expect(explain.records.map((r) => r.record).sort()).toEqual(records.sort());
    expect(explain.links).toEqual([
      expect.objectContaining({ rule: 'same-email', values: [`EMAIL:${email}`], score: expect.any(Number), matched: expect.arrayContaining([expect.objectContaining({ field: 'identifier' })]) }),
    ]);
  });

  it('resolves an event that repeats what a record already says without publishing its profile again', async () => {
    const email = `r.repeat-${run}@example.de`;
    const acc = `acc-r-${run}`;
    const details = { email, firstName: 'Rita', lastName: 'Wiederholt', addresses: [{ type: 'shipping', street: 'Ringstr. 9', city: 'Köln', zip: '50667', countryCode: 'DE' }] };
    const resolved = await pipeline.kafka.subscribe<CanonicalEvent>(Topics.resolvedEvents.name, { avro: true });
    await send('ecommerce', [account(acc, details)]);
    const profile = await eventually(() => profileWith(email, [`ecommerce:${acc}`]), 'the account\'s profile');
    await profiles.waitFor((m) => m.key === profile.profileId);
    const ofRecord = (m: { value: CanonicalEvent | null }) => m.value?.source === 'ecommerce' && m.value.sourceRecordId === acc;
    await resolved.waitFor(ofRecord);

    // The same account again, later: the resolver reads the record back from Postgres (its store is
    // not kept), finds nothing changed, and publishes the event keyed by the profile, not the profile.
    await send('ecommerce', [account(acc, details, '2026-02-12T09:00:00Z')]);
    const both = await resolved.waitFor(ofRecord, 2);
    expect(both.map((m) => m.key)).toEqual([profile.profileId, profile.profileId]);
    // The changes of a batch reach Kafka before its re-keyed events (docs/architecture.md).
    expect(profiles.received.filter((m) => m.key === profile.profileId)).toHaveLength(1);
  });

  it('makes an anonymous visitor part of the shop account once the visitor signs in', async () => {
    const cookie = `ck-${run}`;
    const acc = `acc-b-${run}`;
    const email = `b-${run}@example.de`;
    await send('web', [
      { key: cookie, value: { type: 'page', messageId: `w1-${run}`, anonymousId: cookie, userId: null, timestamp: '2026-03-01T18:39:55.100Z', context: { locale: 'de-DE', page: { url: 'https://shop.example.com/' }, device: { id: null } }, properties: {} } },
    ]);
    // The visit reaches the resolver before the account (they travel on different topics), so its
    // profile is the older one.
    const anonymous = await changes.waitFor((m) => m.value.kind === 'RECORD_ASSIGNED' && m.value.sourceRecordId === cookie);
    await send('ecommerce', [account(acc, { email, firstName: 'Berta', lastName: 'Kranz' })]);
    const known = await eventually(() => profileWith(email, [`ecommerce:${acc}`]), 'the account profile');
    expect(anonymous[0]!.value.profileId).not.toBe(known.profileId);

    await send('web', [
      { key: cookie, value: { type: 'identify', messageId: `w2-${run}`, anonymousId: cookie, userId: acc, timestamp: '2026-03-01T18:41:30.000Z', context: { locale: 'de-DE', page: { url: 'https://shop.example.com/login' }, device: { id: null } }, traits: { email } } },
    ]);
    const merged = await eventually(() => profileWith(email, [`ecommerce:${acc}`, `web:${cookie}`]), 'the visitor on the account profile');
    // The anonymous profile came first, so it is the older one and keeps its id; the other resolves to it.
    expect(merged.profileId).toBe(anonymous[0]!.value.profileId);
    // The account's record moved profile without the event being about it: what it said stays.
    expect(merged.name).toMatchObject({ full: 'Berta Kranz', source: `ecommerce:${acc}` });
    expect((await api<Profile>(`/profiles/${known.profileId}`)).body.profileId).toBe(merged.profileId);
    await changes.waitFor((m) => m.value.kind === 'PROFILES_MERGED' && m.value.profileId === merged.profileId && m.value.absorbedProfileIds.includes(known.profileId));
    await profiles.waitFor((m) => m.key === known.profileId && m.value === null);
  });

  it('splits a profile when the record that held it together is deleted, the largest part keeping the id', async () => {
    const acc = `acc-c-${run}`;
    const email = `c-${run}@example.de`;
    const mobile = `0171 2${String(Date.now()).slice(-7)}`;
    const receipt = `R-${run}`;
    const member = `LC-C-${run}`;
    await send('ecommerce', [account(acc, { email, firstName: 'Carla', lastName: 'Stein', phone: mobile })]);
    await eventually(() => profileWith(email, [`ecommerce:${acc}`]), 'the account profile');
    await send('pos', [
      { key: receipt, value: { receipt: { type: 'SALE', number: receipt, closedAt: '2026-03-14T16:02:11+01:00', currency: 'EUR', total: '10.00' }, store: { id: 'S-DE-42', country: 'DE' }, customer: { phone: mobile } } },
    ]);
    // The receipt joins the graph before the member: the older record, it keeps the id on the split
    // (the two topics are read on their own partitions, so sent together they may land either way).
    await eventually(() => profileWith(email, [`ecommerce:${acc}`, `pos:${receipt}`]), 'the receipt on the account profile');
    await send('loyalty', [
      { key: member, value: { eventType: 'ENROLLED', timestamp: Date.parse('2026-03-20T10:00:00Z'), memberId: member, programme: 'c360-club', country: 'DE', tier: 'Silver', member: { firstName: 'Carla', lastName: 'Stein', email } } },
    ]);
    const whole = await eventually(() => profileWith(email, [`ecommerce:${acc}`, `pos:${receipt}`, `loyalty:${member}`]), 'one profile of three records');

    await send('ecommerce', [{ key: acc, value: { event: 'account.deleted', updatedAt: '2026-04-01T00:00:00Z', shop: { country: 'DE' }, account: { accountId: acc } } }]);
    const [split] = await changes.waitFor((m) => m.value.kind === 'PROFILE_SPLIT' && m.value.profileId === whole.profileId);
    expect(split!.value.partProfileIds).toHaveLength(1);
    await changes.waitFor((m) => m.value.kind === 'RECORD_REMOVED' && m.value.sourceRecordId === acc);
    // The receipt (the oldest remaining record) keeps the id; the member is a profile of its own.
    const member2 = await eventually(async () => {
      const p = (await api<Profile>(`/profiles?type=LOYALTY_ID&value=${member}&issuer=c360-club`)).body;
      return p.profileId !== whole.profileId ? p : undefined;
    }, 'the member apart');
    expect(member2.profileId).toBe(split!.value.partProfileIds[0]);
    expect(member2.sourceRecords).toEqual([`loyalty:${member}`]);
    const kept = (await api<Profile>(`/profiles/${whole.profileId}`)).body;
    expect(kept.sourceRecords).toEqual([`pos:${receipt}`]);
  });

  it('links what a steward force-links and keeps apart what a steward never-links, through later events, until withdrawn', async () => {
    const [d1, d2] = [`acc-d1-${run}`, `acc-d2-${run}`];
    const [e1, e2] = [`d1-${run}@example.de`, `d2-${run}@example.de`];
    await send('ecommerce', [account(d1, { email: e1, firstName: 'Dora', lastName: 'Lindt' }), account(d2, { email: e2, firstName: 'Dora', lastName: 'Lindt-Weber' })]);
    const [r1, r2] = [`ecommerce:${d1}`, `ecommerce:${d2}`];
    await eventually(() => profileWith(e2, [r2]), 'the second account');
    expect((await api<Profile>(`/profiles?email=${e1}`)).body.sourceRecords).toEqual([r1]);

    // Only a steward may decide; a decision must be well formed and about known records.
    expect((await decide({ a: r1, b: r2, kind: 'force-link', reason: 'same person, married name' }, 'e2e-profile-reader-key-0123456789')).status).toBe(403);
    expect((await decide({ a: r1, b: r2, kind: 'merge-please' })).status).toBe(400);
    expect((await decide({ a: r1, b: `ecommerce:nobody-${run}`, kind: 'force-link', reason: 'x' })).status).toBe(404);

    const forced = await decide({ a: r1, b: r2, kind: 'force-link', reason: 'same person, married name' });
    expect(forced.status).toBe(200);
    const together = await eventually(() => profileWith(e1, [r1, r2]), 'force-linked records on one profile', 5_000);
    const explain = (await api<Explanation>(`/profiles/${together.profileId}/explain`)).body;
    expect(explain.stewardDecisions).toEqual([expect.objectContaining({ kind: 'force-link', reason: 'same person, married name', decidedBy: 'e2e-steward' })]);

    // A later event about one of them changes nothing about the decision.
    await send('ecommerce', [account(d2, { email: e2, firstName: 'Dora', lastName: 'Lindt-Weber', birthDate: '1990-01-01' }, '2026-05-01T00:00:00Z')]);
    await eventually(async () => {
      const p = (await api<Profile>(`/profiles?email=${e2}`)).body;
      return p.dateOfBirth !== null && p.sourceRecords.length === 2 ? p : undefined;
    }, 'the update applied, the two still together');

    // never-link replaces the force-link: apart again, and they stay apart.
    expect((await decide({ a: r2, b: r1, kind: 'never-link', reason: 'two persons after all' })).status).toBe(200);
    await eventually(async () => ((await api<Profile>(`/profiles?email=${e1}`)).body.sourceRecords.length === 1 ? true : undefined), 'never-linked records apart', 5_000);
    expect((await api<Profile>(`/profiles?email=${e2}`)).body.sourceRecords).toEqual([r2]);

    // Withdrawn: the rules decide again (and they do not link these two).
    const withdrawn = await pipeline.profilesApi(`/steward/decisions?a=${r1}&b=${r2}`, STEWARD_API_KEY, { method: 'DELETE' });
    expect(withdrawn.status).toBe(200);
    expect((await pipeline.profilesApi(`/steward/decisions?a=${r1}&b=${r2}`, STEWARD_API_KEY, { method: 'DELETE' })).status).toBe(404);
    expect((await api<Profile>(`/profiles?email=${e1}`)).body.sourceRecords).toEqual([r1]);
  });

  it('keeps apart, on a steward\'s word, two records the rules link', async () => {
    const [x, y] = [`acc-e-${run}`, `LC-E-${run}`];
    const email = `family-${run}@example.de`;
    await send('ecommerce', [account(x, { email, firstName: 'Emil', lastName: 'Roth', birthDate: '1980-02-02' })]);
    await eventually(() => profileWith(email, [`ecommerce:${x}`]), 'the account');
    await send('loyalty', [
      { key: y, value: { eventType: 'ENROLLED', timestamp: Date.parse('2026-03-20T10:00:00Z'), memberId: y, programme: 'c360-club', country: 'DE', tier: 'Silver', member: { firstName: 'Emil', lastName: 'Roth', email } } },
    ]);
    await eventually(() => profileWith(email, [`ecommerce:${x}`, `loyalty:${y}`]), 'the account and the member linked by the rules');
    expect((await decide({ a: `ecommerce:${x}`, b: `loyalty:${y}`, kind: 'never-link', reason: 'father and son' })).status).toBe(200);
    const apart = await api<{ profileIds: string[] }>(`/profiles?email=${email}`);
    expect(apart.status).toBe(300);
    expect(apart.body.profileIds).toHaveLength(2);
  });

  it('puts two persons who live together in one household, as an edge between their profiles', async () => {
    const [m, s2] = [`acc-hm-${run}`, `LC-HS-${run}`];
    const [em, es] = [`sabine-${run}@example.de`, `felix-${run}@example.de`];
    const street = `Lindenweg ${Number(String(Date.now()).slice(-3)) + 1}`;
    await send('ecommerce', [
      account(m, { email: em, firstName: 'Sabine', lastName: 'Becker', birthDate: '1968-04-12', addresses: [{ type: 'shipping', street, city: 'Berlin', zip: '10115', countryCode: 'DE' }] }),
    ]);
    await send('loyalty', [
      {
        key: s2,
        value: {
          eventType: 'ENROLLED', timestamp: Date.parse('2026-03-20T10:00:00Z'), memberId: s2, programme: 'c360-club', country: 'DE', tier: 'Silver',
          member: { firstName: 'Felix', lastName: 'Becker', dateOfBirth: '1999-10-01', email: es, address: { line1: street, city: 'Berlin', postalCode: '10115', country: 'DE' } },
        },
      },
    ]);
    const [mother, son] = await eventually(async () => {
      const a = (await api<Profile>(`/profiles?email=${em}`)).body;
      const b = (await api<Profile>(`/profiles?email=${es}`)).body;
      return a.householdId && a.householdId === b.householdId ? [a, b] : undefined;
    }, 'one household for both');
    expect(mother.profileId).not.toBe(son.profileId);
    await changes.waitFor((c) => c.value.kind === 'HOUSEHOLD_CHANGED' && [mother.profileId, son.profileId].includes(c.value.profileId) && c.value.householdId === mother.householdId, 2);
  });

  it('tells which profiles a changed rule file would split, without applying it', async () => {
    const email = `dry-${run}@example.de`;
    const [acc, member] = [`acc-dry-${run}`, `LC-DRY-${run}`];
    await send('ecommerce', [account(acc, { email, firstName: 'Greta', lastName: 'Falk' })]);
    await send('loyalty', [
      { key: member, value: { eventType: 'ENROLLED', timestamp: Date.parse('2026-03-20T10:00:00Z'), memberId: member, programme: 'c360-club', country: 'DE', tier: 'Silver', member: { firstName: 'Greta', lastName: 'Falk', email } } },
    ]);
    const profile = await eventually(() => profileWith(email, [`ecommerce:${acc}`, `loyalty:${member}`]), 'the two records linked by email');
    // The same rules without the email rules.
    const current = JSON.parse(readFileSync(join(ROOT, 'apps/resolver/config/matching.json'), 'utf8')) as { rules: { name: string }[] };
    const file = join(mkdtempSync(join(tmpdir(), 'c360-rules-')), 'no-email.json');
    writeFileSync(file, JSON.stringify({ ...current, rules: current.rules.filter((r) => !r.name.includes('email')) }));
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'tools/cli/c360.mjs'), 'rules', 'dry-run', '--rules', file, '--database-url', pipeline.databaseUrl, '--json'], {
      env: { ...process.env, C360_NO_BUILD: '1' },
    });
    const report = JSON.parse(stdout) as { splits: { profiles: string[]; parts: string[][] }[]; merges: unknown[] };
    expect(report.splits).toContainEqual({ profiles: [profile.profileId], parts: expect.arrayContaining([[`ecommerce:${acc}`], [`loyalty:${member}`]]) });
    expect(report.merges).toEqual([]);
    // Nothing was applied.
    expect((await api<Profile>(`/profiles/${profile.profileId}`)).body.sourceRecords).toHaveLength(2);
  });
});
