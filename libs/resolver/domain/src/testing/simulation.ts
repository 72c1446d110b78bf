// A small synthetic population with the hard cases of identity resolution, and a minimal
// in-memory resolver built from this library's functions, so the specs can check what the rules
// achieve together (pairwise precision and recall, households, arrival orders) and measure the
// cost of a comparison. The real resolver (Postgres, Kafka) lives in the service; this one keeps
// its state in maps and takes the final status of every identifier value as given.
import { Faker, base, de, en, en_GB, en_US, fr } from '@faker-js/faker';
import type { Party, PhoneLineType } from '@c360/schemas';
import { blockingKeys } from '../lib/blocking';
import { type ProfileEvidence, type RecordEvidence, buildEvidence, profileEvidence } from '../lib/evidence';
import { householdMatch } from '../lib/households';
import type { MatchingConfig } from '../lib/matching-config';
import { assessValue, exceedsClusterSize, isHouseholdValue } from '../lib/protection';
import { type Match, type MatchContext, conflicts, match } from '../lib/rules';
import { address, key } from './fixtures';

export interface SimRecord {
  readonly recordId: string;
  readonly personId: string;
  readonly householdId: string;
  readonly at: number;
  readonly party: Party;
  /** The record carries something a resolver can link on (not an anonymous, junk-only or store-phone-only receipt). */
  readonly linkable: boolean;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MARKETS = [
  { country: 'DE', faker: [de, en, base], cc: '+49', landArea: '30', mobileArea: '151', street: ['Straße', 'Str.'] },
  { country: 'FR', faker: [fr, en, base], cc: '+33', landArea: '1', mobileArea: '6', street: ['Rue', 'R.'] },
  { country: 'GB', faker: [en_GB, en, base], cc: '+44', landArea: '20', mobileArea: '77', street: ['Road', 'Rd'] },
  { country: 'US', faker: [en_US, en, base], cc: '+1', landArea: '212', mobileArea: '917', street: ['Street', 'St'] },
] as const;

/** Formal names with the short forms people use; some are deliberately missing from the built-in table. */
const SHORT_FORMS: Readonly<Record<string, readonly string[]>> = {
  Robert: ['Bob', 'Rob'],
  William: ['Bill', 'Will'],
  Elizabeth: ['Liz', 'Beth'],
  Margaret: ['Maggie', 'Peggy'],
  Katharina: ['Kathi', 'Katja'],
  Johannes: ['Hans'],
  Alexander: ['Alex'],
  Christopher: ['Chris'],
  Nicolas: ['Nico'],
  Stephanie: ['Steffi', 'Steph'],
  Thomas: ['Tom'],
  Michael: ['Mike'],
  Frederick: ['Fred'],
  Josephine: ['Jo'],
};
const FORMAL = Object.keys(SHORT_FORMS);

interface Person {
  readonly id: string;
  readonly householdId: string;
  readonly market: (typeof MARKETS)[number];
  readonly given: string;
  readonly family: string;
  readonly dob: string;
  readonly email: string;
  readonly laterEmail: string | null;
  readonly mobile: string | null;
  readonly landline: string | null;
  readonly street: { readonly name: string; readonly number: number; readonly postcode: string; readonly unit: string | null };
  readonly oldStreet: { readonly name: string; readonly number: number; readonly postcode: string; readonly unit: string | null } | null;
  readonly account: string | null;
  readonly loyalty: string | null;
  readonly device: string | null;
}

export interface PopulationOptions {
  readonly persons: number;
  readonly seed: number;
}

/** Persons in households (shared landline, address, sometimes a family email), twins and namesakes, and their source records. */
export function population({ persons: count, seed }: PopulationOptions): SimRecord[] {
  const r = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const chance = (p: number) => r() < p;
  const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(r() * 10))).join('');
  const fakers = new Map(MARKETS.map((m) => [m.country, new Faker({ locale: [...m.faker] })]));
  for (const [i, f] of [...fakers.values()].entries()) f.seed(seed * 31 + i);
  const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const randomDob = () => iso(1940 + Math.floor(r() * 65), 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28));

  const persons: Person[] = [];
  while (persons.length < count) {
    const market = pick(MARKETS);
    const faker = fakers.get(market.country)!;
    const householdId = `H${persons.length}`;
    const size = chance(0.3) ? 2 + Math.floor(r() * 3) : 1;
    const family = faker.person.lastName();
    const street = {
      name:
        faker.location
          .street()
          .split(' ')
          .filter((w) => !/^\d+$/.test(w))[0] ?? 'Linden',
      number: 1 + Math.floor(r() * 120),
      postcode: digits(5),
      unit: chance(0.3) ? `Flat ${1 + Math.floor(r() * 20)}` : null,
    };
    const landline = size > 1 || chance(0.4) ? `${market.cc}${market.landArea}${2 + Math.floor(r() * 7)}${digits(6)}` : null;
    const familyEmail = `family.${key(family)}.${persons.length}@example.net`;
    const twins = size >= 2 && chance(0.15);
    const twinDob = randomDob();
    for (let m = 0; m < size && persons.length < count; m++) {
      const id = `P${persons.length}`;
      const given = chance(0.15) ? pick(FORMAL) : faker.person.firstName();
      const sharesFamilyEmail = size > 1 && chance(0.2);
      const moved = chance(0.1);
      persons.push({
        id,
        householdId,
        market,
        given,
        family,
        dob: twins && m < 2 ? twinDob : randomDob(),
        email: sharesFamilyEmail ? familyEmail : `${key(given)}.${key(family)}.${id}@example.org`,
        laterEmail: chance(0.1) ? `${key(given)}${id}@example.com` : null,
        mobile: chance(0.85) ? `${market.cc}${market.mobileArea}${digits(7)}` : null,
        landline,
        street,
        oldStreet: moved
          ? { name: faker.location.street().split(' ')[0] ?? 'Birken', number: 1 + Math.floor(r() * 99), postcode: digits(5), unit: null }
          : null,
        account: chance(0.7) ? `acc-${id}` : null,
        loyalty: chance(0.5) ? `LC-${id}` : null,
        device: chance(0.3) ? `dev-${householdId}-${chance(0.2) ? 'family' : id}` : null,
      });
    }
  }
  // Namesakes: a few persons take the full name of another in the same market and postcode area, born another day.
  for (let i = 0; i < count * 0.02; i++) {
    const a = pick(persons);
    const bIndex = persons.findIndex((p) => p.market === a.market && p.householdId !== a.householdId && p.id !== a.id);
    if (bIndex >= 0)
      persons[bIndex] = {
        ...persons[bIndex]!,
        given: a.given,
        family: a.family,
        street: { ...persons[bIndex]!.street, postcode: a.street.postcode },
      };
  }

  const records: SimRecord[] = [];
  let receipt = 0;
  const noisyName = (p: Person): { given: string; family: string } => {
    let given = p.given;
    let family = p.family;
    const forms = SHORT_FORMS[given];
    if (forms && chance(0.4)) given = pick(forms);
    if (p.market.country === 'DE' && /[äöü]/i.test(family) && chance(0.4))
      family = family.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');
    if (chance(0.06)) family = typo(family);
    else if (chance(0.04)) given = typo(given);
    if (chance(0.03)) [given, family] = [family, given];
    return { given, family };
  };
  const typo = (word: string): string => {
    if (word.length < 4) return word;
    const i = 1 + Math.floor(r() * (word.length - 2));
    switch (Math.floor(r() * 3)) {
      case 0:
        return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      case 1:
        return word.slice(0, i) + word.slice(i + 1);
      default:
        return word.slice(0, i) + 'aeioutnrsl'[Math.floor(r() * 10)] + word.slice(i + 1);
    }
  };
  const streetLines = (p: Person, s: NonNullable<Person['oldStreet']>): string[] => {
    const word = chance(0.3) ? p.market.street[1] : p.market.street[0];
    const line =
      p.market.country === 'DE' ? `${s.name}${word === 'Straße' ? 'straße' : 'str.'} ${s.number}` : `${s.number} ${s.name} ${word}`;
    if (!s.unit) return [line];
    return chance(0.3) ? [s.unit, line] : [line, s.unit];
  };
  const addressOf = (p: Person, old = false) => {
    const s = old && p.oldStreet ? p.oldStreet : p.street;
    return address(streetLines(p, s), s.postcode, p.market.country);
  };
  const dobOf = (p: Person) => {
    if (chance(0.02)) {
      const [y, m, d] = p.dob.split('-').map(Number) as [number, number, number];
      return chance(0.5) && d <= 12 ? iso(y, d, m) : iso(y, m, d === 28 ? 27 : d + 1);
    }
    return p.dob;
  };
  const build = (spec: {
    name?: { given: string; family: string } | null;
    dob?: string | null;
    emails?: string[];
    phones?: { number: string; lineType: PhoneLineType }[];
    addresses?: ReturnType<typeof address>[];
    ids?: Party['identifiers'];
  }): Party => ({
    name: spec.name
      ? {
          given: spec.name.given,
          family: spec.name.family,
          full: `${spec.name.given} ${spec.name.family}`,
          givenKey: key(spec.name.given) || null,
          familyKey: key(spec.name.family) || null,
        }
      : null,
    dateOfBirth: spec.dob ? Date.parse(`${spec.dob}T00:00:00Z`) / 86_400_000 : null,
    emails: (spec.emails ?? []).map((a) => ({ address: a, use: 'UNKNOWN' })),
    phones: (spec.phones ?? []).map((p) => ({ ...p, use: 'UNKNOWN' })),
    addresses: spec.addresses ?? [],
    identifiers: spec.ids ?? [],
    organisation: null,
    consents: [],
    extensions: {},
  });
  const push = (p: Person, recordId: string, party: Party, linkable = true) =>
    records.push({ recordId, personId: p.id, householdId: p.householdId, at: Math.floor(r() * 1e9), party, linkable });

  for (const p of persons) {
    const phones = [
      ...(p.mobile ? [{ number: p.mobile, lineType: 'MOBILE' as const }] : []),
      ...(p.landline ? [{ number: p.landline, lineType: 'FIXED_LINE' as const }] : []),
    ];
    // Accounts and memberships mostly hold the person's own (first) number, sometimes the landline too.
    const namedPhones = () => (chance(0.85) ? phones.filter((ph, i) => i === 0 || chance(0.5)) : []);
    if (p.account) {
      push(
        p,
        `ecommerce:${p.account}`,
        build({
          name: noisyName(p),
          dob: chance(0.4) ? dobOf(p) : null,
          emails: [p.email, ...(p.laterEmail ? [p.laterEmail] : [])],
          phones: namedPhones(),
          addresses: chance(0.7) ? [addressOf(p)] : [],
          ids: [{ type: 'ECOMMERCE_ACCOUNT', value: p.account, issuer: 'ecommerce' }],
        }),
      );
    }
    if (p.loyalty) {
      push(
        p,
        `loyalty:${p.loyalty}`,
        build({
          name: noisyName(p),
          dob: chance(0.9) ? dobOf(p) : null,
          emails: [p.laterEmail && chance(0.5) ? p.laterEmail : p.email],
          phones: namedPhones(),
          addresses: [addressOf(p, p.oldStreet !== null && chance(0.5))],
          ids: [{ type: 'LOYALTY_ID', value: p.loyalty, issuer: 'c360-club' }],
        }),
      );
    }
    if (p.account && chance(0.4)) {
      const login = chance(0.7);
      push(
        p,
        `web:ck-${p.id}`,
        build({
          emails: login ? [p.email] : [],
          ids: [
            { type: 'COOKIE_ID', value: `ck-${p.id}`, issuer: 'web' },
            ...(login ? [{ type: 'ECOMMERCE_ACCOUNT' as const, value: p.account, issuer: 'ecommerce' }] : []),
            ...(p.device ? [{ type: 'DEVICE_ID' as const, value: p.device, issuer: null }] : []),
          ],
        }),
        login || p.device !== null,
      );
    }
    if (chance(0.05))
      push(
        p,
        `register:${p.id}`,
        build({ name: { given: p.given, family: p.family }, dob: p.dob, addresses: [addressOf(p, p.oldStreet !== null)] }),
      );
    const receipts = Math.floor(r() * 5);
    for (let i = 0; i < receipts; i++) {
      const id = `pos:R-${receipt++}`;
      const roll = r();
      if (roll < 0.1) push(p, id, build({}), false);
      else if (roll < 0.13)
        push(
          p,
          id,
          build({
            phones: [
              {
                number: `${p.market.cc}${p.market.landArea}2555${String(1 + Math.floor(r() * 40)).padStart(3, '0')}`,
                lineType: 'FIXED_LINE',
              },
            ],
          }),
          false,
        );
      else if (roll < 0.15) push(p, id, build({ emails: ['test@test.com'] }), false);
      else if (roll < 0.45 && p.loyalty)
        continue; // a card's receipts are the loyalty record's events
      else if (roll < 0.7 && phones.length > 0) push(p, id, build({ phones: [chance(0.75) ? phones[0]! : pick(phones)] }));
      else push(p, id, build({ emails: [p.laterEmail && chance(0.5) ? p.laterEmail : p.email] }));
    }
  }
  return records;
}

export interface Clustering {
  /** Record → profile. */
  readonly profileOf: ReadonlyMap<string, string>;
  /** Profile → household. */
  readonly householdOf: ReadonlyMap<string, string>;
  readonly comparisons: number;
  readonly quarantined: number;
}

/**
 * Resolves the records in the order given: each record is compared with the profiles its blocking
 * keys reach, joins the first by rule priority and score, and merges the others in unless they
 * conflict with it. Identifier values carry their final status (shared, over-frequent), as a
 * resolver that re-evaluates links when a status changes converges to.
 */
export function resolve(records: readonly SimRecord[], config: MatchingConfig): Clustering {
  const evidence = new Map(records.map((rec) => [rec.recordId, buildEvidence(rec.party, config)]));
  const context = valueContext(evidence, config);
  const profileOf = new Map<string, string>();
  const members = new Map<string, string[]>();
  const index = new Map<string, string[]>();
  const cache = new Map<string, ProfileEvidence>();
  const rank = new Map(config.rules.map((rule, i) => [rule.name, i]));
  let comparisons = 0;
  let quarantined = 0;
  const profileEv = (id: string) => {
    let pe = cache.get(id);
    if (!pe) {
      pe = profileEvidence(members.get(id)!.map((recordId) => ({ recordId, evidence: evidence.get(recordId)! })));
      cache.set(id, pe);
    }
    return pe;
  };
  for (const rec of records) {
    const e = evidence.get(rec.recordId)!;
    const keys = blockingKeys(e, config, context);
    const candidates = new Set<string>();
    for (const k of keys) {
      const holders = index.get(k) ?? [];
      if (holders.length > config.file.blocking.maxRecordsPerKey) continue;
      for (const h of holders) candidates.add(profileOf.get(h)!);
    }
    const found: { profile: string; m: Match }[] = [];
    for (const candidate of candidates) {
      comparisons++;
      const m = match(e, profileEv(candidate), config, context);
      if (m) found.push({ profile: candidate, m });
    }
    found.sort((a, b) => rank.get(a.m.rule)! - rank.get(b.m.rule)! || b.m.score - a.m.score || a.profile.localeCompare(b.profile));
    let target: string;
    if (found.length === 0) {
      target = rec.recordId;
      members.set(target, []);
    } else {
      target = found[0]!.profile;
      for (const { profile } of found.slice(1)) {
        if (profile === target || !members.has(profile)) continue;
        if (conflicts(profileEv(target), profileEv(profile), config)) continue;
        if (exceedsClusterSize(members.get(target)!.length + members.get(profile)!.length + 1, config)) {
          quarantined++;
          continue;
        }
        for (const moved of members.get(profile)!) {
          profileOf.set(moved, target);
          members.get(target)!.push(moved);
        }
        members.delete(profile);
        cache.delete(profile);
      }
    }
    profileOf.set(rec.recordId, target);
    members.get(target)!.push(rec.recordId);
    cache.delete(target);
    for (const k of keys) {
      const holders = index.get(k);
      if (holders) holders.push(rec.recordId);
      else index.set(k, [rec.recordId]);
    }
  }
  return {
    profileOf,
    householdOf: households([...members.keys()], profileEv, index, profileOf, config, context),
    comparisons,
    quarantined,
  };
}

/** The final status of every identifier value, from the evidence of all records carrying it (and, for a landline, of their housemates). */
export function valueContext(
  evidence: ReadonlyMap<string, RecordEvidence>,
  config: MatchingConfig,
): Required<Pick<MatchContext, 'shared' | 'overFrequent'>> {
  const holders = new Map<string, RecordEvidence[]>();
  const atAddress = new Map<string, RecordEvidence[]>();
  const add = (map: Map<string, RecordEvidence[]>, k: string, e: RecordEvidence) => {
    const list = map.get(k);
    if (list) list.push(e);
    else map.set(k, [e]);
  };
  for (const e of evidence.values()) {
    for (const k of e.identifiers) add(holders, k, e);
    for (const a of e.addresses) add(atAddress, a, e);
  }
  const shared = new Set<string>();
  const overFrequent = new Set<string>();
  for (const [k, list] of holders) {
    const cohabitants = isHouseholdValue(k, list, config)
      ? [...new Set(list.flatMap((e) => e.addresses.flatMap((a) => atAddress.get(a) ?? [])))]
      : [];
    if (list.length + cohabitants.length < 2) continue;
    const { status } = assessValue(k, { holders: list, cohabitants }, config);
    if (status === 'shared') shared.add(k);
    if (status === 'over-frequent') overFrequent.add(k);
  }
  return { shared, overFrequent };
}

function households(
  profiles: readonly string[],
  profileEv: (id: string) => ProfileEvidence,
  index: ReadonlyMap<string, readonly string[]>,
  profileOf: ReadonlyMap<string, string>,
  config: MatchingConfig,
  context: MatchContext,
): Map<string, string> {
  const parent = new Map(profiles.map((p) => [p, p]));
  const find = (p: string): string => {
    while (parent.get(p) !== p) p = parent.get(p)!;
    return p;
  };
  for (const p of profiles) {
    const pe = profileEv(p);
    const others = new Set<string>();
    for (const k of [
      ...pe.identifiers.filter((i) => i.startsWith('PHONE:') || i.startsWith('EMAIL:')),
      ...pe.addresses.map((a) => `address=${a}`),
    ]) {
      for (const h of index.get(k) ?? []) others.add(profileOf.get(h)!);
    }
    for (const o of others) {
      if (o === p || find(o) === find(p)) continue;
      if (householdMatch(pe, profileEv(o), config, context)) parent.set(find(o), find(p));
    }
  }
  return new Map(profiles.map((p) => [p, find(p)]));
}

export interface PairwiseScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly falsePairs: number;
  readonly missedPairs: number;
}

/** Pairwise precision and recall of a clustering (item → cluster) against the truth (item → entity). */
export function pairwise(predicted: ReadonlyMap<string, string>, truth: ReadonlyMap<string, string>): PairwiseScores {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const count = (m: ReadonlyMap<string, string>) => {
    const sizes = new Map<string, number>();
    for (const v of m.values()) sizes.set(v, (sizes.get(v) ?? 0) + 1);
    return [...sizes.values()].reduce((s, n) => s + pairs(n), 0);
  };
  const both = new Map<string, string>();
  for (const [item, entity] of truth) both.set(item, `${predicted.get(item)}\u0000${entity}`);
  const tp = count(both);
  const predictedPairs = count(new Map([...truth.keys()].map((i) => [i, predicted.get(i)!])));
  const truePairs = count(truth);
  const precision = predictedPairs === 0 ? 1 : tp / predictedPairs;
  const recall = truePairs === 0 ? 1 : tp / truePairs;
  return {
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
    falsePairs: predictedPairs - tp,
    missedPairs: truePairs - tp,
  };
}

/** The share of record pairs two clusterings agree on: pairs together in both over pairs together in either. */
export function agreement(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): number {
  const { falsePairs, missedPairs } = pairwise(a, b);
  const inBoth = pairsTogether(a, b);
  return inBoth + falsePairs + missedPairs === 0 ? 1 : inBoth / (inBoth + falsePairs + missedPairs);
}

function pairsTogether(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): number {
  const both = new Map<string, number>();
  for (const [item, cluster] of a) {
    const k = `${cluster}\u0000${b.get(item)}`;
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  return [...both.values()].reduce((s, n) => s + (n * (n - 1)) / 2, 0);
}
