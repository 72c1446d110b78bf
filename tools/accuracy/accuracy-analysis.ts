// Why the resolver misses and merges: blocking recall, the records no resolver could place from
// the data they carry ("unplaceable"), and the error classes behind false merges and missed links.
import { type PRF, type PersonTruth, scoreClusters } from '@c360/generator';
import type { MatchingConfig, RecordEvidence } from '@c360/resolver-domain';
import type { AccuracyDataSet, TrueRecord } from './accuracy-data';
import type { RunResult } from './accuracy-run';

const pairs = (n: number) => (n * (n - 1)) / 2;

export interface Placeability {
  /** Same-person record pairs. */
  readonly truePairs: number;
  /** Pairs that no resolver could join from the data the records carry (see `placeability`). */
  readonly unplaceablePairs: number;
  /** Records outside their person's main placeable group, by what they carry. */
  readonly strayRecords: Readonly<Record<string, number>>;
  /** Unplaceable pairs by class, each put on the record in the later (smaller, less named) group. */
  readonly strayPairs: Readonly<Record<string, number>>;
  /** record → its placeable group id (person + group number). */
  readonly groupOf: ReadonlyMap<string, string>;
}

/**
 * Which records could be placed with their person at all. Two records of one person are
 * placeable together when, in the final data,
 *   - they carry an identifier value (junk removed) that no record of another person carries; a
 *     value a household shares by its kind (a landline, a number of unknown line type as in the
 *     US, an email that looks like a family mailbox by protection.householdValues) only places
 *     named records, and only by their names (kanji and romaji cannot be compared): on a nameless
 *     record it may be any member's of the household (members no source names included), or the
 *     store's own number typed for several customers; or
 *   - both carry a name in one script (kanji and romaji cannot be compared) and they agree on a
 *     date of birth, an address or a postcode (what the fuzzy rules need besides the name);
 * and placeability is transitive. A person's records fall into placeable groups; pairs across
 * groups are unplaceable: nothing in the records says they are one person (an anonymous receipt,
 * a cookie that never logs in, a receipt with only the household's landline or the store's
 * number, a newsletter subscription with a work email found nowhere else). This is an upper bound:
 * a placeable pair may still be indistinguishable from another person's records (two members of
 * a household with the same full name and no date of birth on file).
 */
export function placeability(data: AccuracyDataSet, evidenceOf: (record: string) => RecordEvidence, config: MatchingConfig): Placeability {
  const householdLooking = (key: string, e: RecordEvidence) => {
    if (key.startsWith('PHONE:')) return e.phoneLines[key] !== 'MOBILE';
    const type = key.slice(0, key.indexOf(':'));
    return config.householdValues.some((h) => h.type === type && h.patterns?.some((p) => p.test(key.slice(type.length + 1))));
  };
  const byPerson = new Map<string, TrueRecord[]>();
  for (const r of data.records.values()) (byPerson.get(r.personId) ?? byPerson.set(r.personId, []).get(r.personId)!).push(r);
  const personsOfValue = new Map<string, Set<string>>();
  for (const r of data.records.values())
    for (const key of evidenceOf(r.record).identifiers)
      (personsOfValue.get(key) ?? personsOfValue.set(key, new Set()).get(key)!).add(r.personId);

  let truePairs = 0;
  let unplaceablePairs = 0;
  const strayRecords: Record<string, number> = {};
  const strayPairs: Record<string, number> = {};
  const groupOf = new Map<string, string>();
  for (const [person, records] of byPerson) {
    truePairs += pairs(records.length);
    const n = records.length;
    const parent = records.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    const ev = records.map((r) => evidenceOf(r.record));
    const byValue = new Map<string, number[]>();
    ev.forEach((e, i) => {
      const scripts = new Set(e.names.map((n) => (n.han ? 'han' : 'latin')));
      for (const key of e.identifiers) {
        if (personsOfValue.get(key)!.size > 1) continue;
        if (!householdLooking(key, e)) {
          (byValue.get(key) ?? byValue.set(key, []).get(key)!).push(i);
          continue;
        }
        // A household's value (a landline, a family mailbox) places only named records, by their names.
        for (const script of scripts)
          (byValue.get(`${script}:${key}`) ?? byValue.set(`${script}:${key}`, []).get(`${script}:${key}`)!).push(i);
      }
      // Names in kanji and names in Latin letters cannot be compared (without a kana reading).
      for (const script of new Set(e.names.map((n) => (n.han ? 'han' : 'latin')))) {
        for (const d of e.birthDates)
          (byValue.get(`dob:${script}:${d}`) ?? byValue.set(`dob:${script}:${d}`, []).get(`dob:${script}:${d}`)!).push(i);
        for (const a of [...e.addresses, ...e.postcodes])
          (byValue.get(`at:${script}:${a}`) ?? byValue.set(`at:${script}:${a}`, []).get(`at:${script}:${a}`)!).push(i);
      }
    });
    for (const members of byValue.values()) for (const i of members.slice(1)) parent[find(i)] = find(members[0]!);
    const groups = new Map<number, number[]>();
    for (let i = 0; i < n; i++) (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(i);
    const ordered = [...groups.values()].sort(
      (a, b) => b.filter((i) => ev[i]!.names.length > 0).length - a.filter((i) => ev[i]!.names.length > 0).length || b.length - a.length,
    );
    ordered.forEach((g, k) => g.forEach((i) => groupOf.set(records[i]!.record, `${person}#${k}`)));
    const within = ordered.reduce((s, g) => s + pairs(g.length), 0);
    unplaceablePairs += pairs(n) - within;
    // Each pair across groups is put on the record in the later (smaller, less named) group.
    let before = ordered[0]?.length ?? 0;
    for (const g of ordered.slice(1)) {
      for (const i of g) {
        const cls = strayClass(
          ev[i]!,
          personsOfValue,
          records.map((r) => r.record),
          ev,
          i,
          householdLooking,
        );
        strayRecords[cls] = (strayRecords[cls] ?? 0) + 1;
        strayPairs[cls] = (strayPairs[cls] ?? 0) + before;
      }
      before += g.length;
    }
  }
  return { truePairs, unplaceablePairs, strayRecords, strayPairs, groupOf };
}

function strayClass(
  e: RecordEvidence,
  personsOfValue: ReadonlyMap<string, ReadonlySet<string>>,
  recordIds: readonly string[],
  all: readonly RecordEvidence[],
  self: number,
  householdLooking: (key: string, e: RecordEvidence) => boolean,
): string {
  // A record's own id (a cookie, a subscriber key, a service contact) identifies nothing else.
  const own = (k: string) => k.startsWith('COOKIE_ID:') || k.startsWith('SUBSCRIBER_KEY:') || k.startsWith('SERVICE_CONTACT_ID:');
  const values = e.identifiers.filter((k) => !own(k));
  const named = e.names.length > 0;
  const source = recordIds[self]!.slice(0, recordIds[self]!.indexOf(':'));
  const kinds = (keys: readonly string[]) =>
    [...new Set(keys.map((k) => (k.startsWith('PHONE:') ? `phone ${e.phoneLines[k] ?? 'UNKNOWN'}` : k.slice(0, k.indexOf(':')))))].join(
      ', ',
    );
  if (!named && values.length === 0) return `${source}: anonymous`;
  if (values.length > 0 && values.every((k) => personsOfValue.get(k)!.size > 1))
    return `${source}: only values several persons carry (${kinds(values)})${named ? ', named' : ''}`;
  if (!named && values.every((k) => householdLooking(k, e)))
    return `${source}: nameless, only a household's kind of value (${kinds(values)}): any member's`;
  if (!named && !values.some((k) => all.some((o, j) => j !== self && o.identifiers.includes(k))))
    return `${source}: values no other record of the person carries (${kinds(values)})`;
  if (!named) return `${source}: values only other nameless records of the person carry (${kinds(values)})`;
  return `${source}: named, nothing else in common with the person's named records`;
}

export interface BlockingRecall {
  readonly truePairs: number;
  /** Same-person pairs sharing at least one usable blocking key. */
  readonly sharingAKey: number;
  readonly recall: number;
  /** The same over the placeable pairs only. */
  readonly placeablePairs: number;
  readonly placeableSharingAKey: number;
  readonly placeableRecall: number;
}

/** The share of same-person record pairs that share at least one usable blocking key (final state). */
export function blockingRecall(data: AccuracyDataSet, run: RunResult, groupOf: ReadonlyMap<string, string>): BlockingRecall {
  const resolver = run.resolver;
  const byPerson = new Map<string, string[]>();
  for (const r of data.records.values()) (byPerson.get(r.personId) ?? byPerson.set(r.personId, []).get(r.personId)!).push(r.record);
  let truePairs = 0;
  let sharing = 0;
  let placeablePairs = 0;
  let placeableSharing = 0;
  for (const records of byPerson.values()) {
    const keys = records.map((r) => new Set(resolver.keysOf(r).filter((k) => resolver.keyUsable(k))));
    for (let i = 0; i < records.length; i++) {
      for (let j = i + 1; j < records.length; j++) {
        truePairs++;
        const placeable = groupOf.get(records[i]!) === groupOf.get(records[j]!);
        if (placeable) placeablePairs++;
        let shares = false;
        for (const k of keys[i]!) if (keys[j]!.has(k)) shares = true;
        if (shares) {
          sharing++;
          if (placeable) placeableSharing++;
        }
      }
    }
  }
  return {
    truePairs,
    sharingAKey: sharing,
    recall: sharing / Math.max(1, truePairs),
    placeablePairs,
    placeableSharingAKey: placeableSharing,
    placeableRecall: placeableSharing / Math.max(1, placeablePairs),
  };
}

export interface ErrorBreakdown {
  /** Correct pairs over placeable pairs: the recall a resolver can be held to. */
  readonly placeableRecall: number;
  readonly placeablePairs: number;
  readonly placeableFound: number;
  /** Same-person pairs joined across placeable groups (joins the placeability bound did not foresee). */
  readonly foundBeyondPlaceable: number;
  /** False merges: wrong pairs per cause (the cross-person links inside merged profiles). */
  readonly falseMergeLinks: Readonly<Record<string, number>>;
  readonly wrongPairs: number;
  /** Missed placeable pairs per cause. */
  readonly missedPlaceable: Readonly<Record<string, number>>;
  /** Examples per cause, for reading. */
  readonly examples: Readonly<Record<string, readonly string[]>>;
}

/** Breaks the errors of a run down by cause. */
export function errorBreakdown(data: AccuracyDataSet, run: RunResult, place: Placeability): ErrorBreakdown {
  const resolver = run.resolver;
  const persons = new Map<string, PersonTruth>(data.generated.truth.persons.map((p) => [p.personId, p]));
  const truthOf = (record: string) => data.records.get(record)!;
  const examples: Record<string, string[]> = {};
  const example = (cls: string, text: string) => {
    const list = examples[cls] ?? (examples[cls] = []);
    if (list.length < 4) list.push(text);
  };

  // --- false merges: profiles holding several persons, and the links across persons inside them.
  const members = new Map<string, string[]>();
  for (const [record, profile] of run.profiles) (members.get(profile) ?? members.set(profile, []).get(profile)!).push(record);
  const falseMergeLinks: Record<string, number> = {};
  let wrongPairs = 0;
  const linksOf = new Map<string, ReturnType<typeof resolver.links>>();
  for (const l of resolver.links()) {
    (linksOf.get(l.a) ?? linksOf.set(l.a, []).get(l.a)!).push(l);
  }
  for (const [profile, records] of members) {
    const byPerson = new Map<string, number>();
    for (const r of records) byPerson.set(truthOf(r).personId, (byPerson.get(truthOf(r).personId) ?? 0) + 1);
    if (byPerson.size < 2) continue;
    const wrong = pairs(records.length) - [...byPerson.values()].reduce((s, n) => s + pairs(n), 0);
    wrongPairs += wrong;
    const inProfile = new Set(records);
    const causes = new Set<string>();
    for (const r of records) {
      for (const l of linksOf.get(r) ?? []) {
        if (!inProfile.has(l.b)) continue;
        const [pa, pb] = [persons.get(truthOf(l.a).personId)!, persons.get(truthOf(l.b).personId)!];
        if (pa.personId === pb.personId) continue;
        const relation =
          pa.twinOf === pb.personId || pb.twinOf === pa.personId
            ? 'twins'
            : pa.namesakeOf === pb.personId || pb.namesakeOf === pa.personId
              ? 'namesakes'
              : pa.householdId === pb.householdId
                ? 'same household'
                : 'unrelated';
        const values = l.values.map(
          (v) =>
            `${v.slice(0, v.indexOf(':'))}${v.startsWith('PHONE:') ? `/${resolver.evidenceOf(l.a)!.phoneLines[v] ?? resolver.evidenceOf(l.b)!.phoneLines[v] ?? 'UNKNOWN'}` : ''}`,
        );
        const cause = `${l.rule}${values.length ? ` on ${values.join('+')}` : ''} (${relation})`;
        causes.add(cause);
        example(cause, `${profile}: ${truthOf(l.a).label} | ${truthOf(l.b).label}`);
      }
    }
    // The profile's wrong pairs are put on its causes (split evenly when several).
    for (const c of causes.size > 0 ? causes : new Set(['(no cross-person link: merged through a third record)'])) {
      falseMergeLinks[c] = (falseMergeLinks[c] ?? 0) + wrong / Math.max(1, causes.size);
    }
  }

  // --- missed links among placeable pairs.
  const missedPlaceable: Record<string, number> = {};
  let placeablePairs = 0;
  let placeableFound = 0;
  let foundBeyondPlaceable = 0;
  const byGroup = new Map<string, string[]>();
  for (const r of data.records.values())
    (byGroup.get(place.groupOf.get(r.record)!) ?? byGroup.set(place.groupOf.get(r.record)!, []).get(place.groupOf.get(r.record)!)!).push(
      r.record,
    );
  const byPersonAll = new Map<string, string[]>();
  for (const r of data.records.values()) (byPersonAll.get(r.personId) ?? byPersonAll.set(r.personId, []).get(r.personId)!).push(r.record);
  for (const records of byPersonAll.values()) {
    for (let i = 0; i < records.length; i++) {
      for (let j = i + 1; j < records.length; j++) {
        const same = run.profiles.get(records[i]!) === run.profiles.get(records[j]!);
        const placeable = place.groupOf.get(records[i]!) === place.groupOf.get(records[j]!);
        if (placeable) {
          placeablePairs++;
          if (same) placeableFound++;
        } else if (same) foundBeyondPlaceable++;
      }
    }
  }
  for (const records of byGroup.values()) {
    // Within a placeable group: the profile holding most of it is the person's; the others are misses.
    const counts = new Map<string, number>();
    for (const r of records) counts.set(run.profiles.get(r)!, (counts.get(run.profiles.get(r)!) ?? 0) + 1);
    if (counts.size < 2) continue;
    const ordered = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const main = ordered[0]![0];
    const mainRecords = records.filter((r) => run.profiles.get(r) === main);
    // Each missed pair is put on the record in the smaller profile.
    let before = ordered[0]![1];
    for (const [profile, n] of ordered.slice(1)) {
      const stray = records.filter((r) => run.profiles.get(r) === profile);
      const cls = missClass(stray, mainRecords, resolver);
      missedPlaceable[cls] = (missedPlaceable[cls] ?? 0) + n * before;
      before += n;
      example(
        cls,
        `${stray.map((r) => truthOf(r).label).join(' + ')}  ↔  ${mainRecords
          .slice(0, 3)
          .map((r) => truthOf(r).label)
          .join(' + ')}`,
      );
    }
  }
  return {
    placeableRecall: placeableFound / Math.max(1, placeablePairs),
    placeablePairs,
    placeableFound,
    foundBeyondPlaceable,
    falseMergeLinks,
    wrongPairs,
    missedPlaceable,
    examples,
  };
}

/** Why a group of records (one profile) did not join the profile of the rest of its person's placeable group. */
function missClass(stray: readonly string[], main: readonly string[], resolver: RunResult['resolver']): string {
  const ev = (r: string) => resolver.evidenceOf(r)!;
  const source = [...new Set(stray.map((r) => r.slice(0, r.indexOf(':'))))].sort().join('+');
  const mainValues = new Set(main.flatMap((r) => ev(r).identifiers));
  const common = [...new Set(stray.flatMap((r) => ev(r).identifiers))].filter((k) => mainValues.has(k));
  const statusOf = (k: string) => resolver.statusOf(k) ?? 'usable';
  const named = stray.some((r) => ev(r).names.length > 0);
  if (common.length > 0) {
    const described = common.map((k) => {
      const type = k.slice(0, k.indexOf(':'));
      const line = type === 'PHONE' ? `/${stray.map((r) => ev(r).phoneLines[k]).find(Boolean) ?? 'UNKNOWN'}` : '';
      return `${type}${line} ${statusOf(k)}`;
    });
    return `${source}: shares ${[...new Set(described)].join(', ')} with the person's profile${named ? '' : ', nameless'}`;
  }
  const shareKey = stray.some((r) =>
    main.some((m) => resolver.keysOf(r).some((k) => resolver.keysOf(m).includes(k) && resolver.keyUsable(k))),
  );
  return `${source}: ${named ? 'named' : 'nameless'}, no common identifier${shareKey ? ', shares a blocking key' : ', no common blocking key'}`;
}

/**
 * Households scored over the records that can be placed with their person (each person's main
 * placeable group): an anonymous receipt cannot be put in anybody's household either.
 */
export function placeableHouseholds(data: AccuracyDataSet, run: RunResult, place: Placeability): PRF {
  const predicted = new Map<string, string>();
  const truth = new Map<string, string>();
  for (const r of data.records.values()) {
    if (!place.groupOf.get(r.record)!.endsWith('#0')) continue;
    predicted.set(r.record, run.households.get(r.record)!);
    truth.set(r.record, r.householdId);
  }
  return scoreClusters(predicted, truth, 0).pairwise;
}

export interface HouseholdPlaceability {
  /** Record pairs of one household (both records placeable with their persons). */
  readonly pairs: number;
  /** Those whose persons share an address, a building, a phone or an email somewhere in their placeable records. */
  readonly placeablePairs: number;
  /** Household scores over the placeable records, and recall over the placeable pairs only. */
  readonly scores: PRF;
  readonly placeableRecall: number;
  /** Missed placeable household pairs by what the two persons have in common. */
  readonly missed: Readonly<Record<string, number>>;
}

/**
 * Households over the records placeable with their persons. Two persons of one household can be
 * put together when their records (the placeable ones) share an address or building, a phone or
 * an email; a person known only by a personal email and a name cannot be put in any household.
 */
export function householdPlaceability(data: AccuracyDataSet, run: RunResult, place: Placeability): HouseholdPlaceability {
  const resolver = run.resolver;
  const mainRecords = [...data.records.values()].filter((r) => place.groupOf.get(r.record)!.endsWith('#0'));
  const byPerson = new Map<string, TrueRecord[]>();
  for (const r of mainRecords) (byPerson.get(r.personId) ?? byPerson.set(r.personId, []).get(r.personId)!).push(r);
  const valuesOf = (records: readonly TrueRecord[]) => {
    const out = new Set<string>();
    for (const r of records) {
      const e = resolver.evidenceOf(r.record)!;
      for (const a of e.addresses) out.add(`a:${a}`);
      for (const k of e.identifiers) if (k.startsWith('PHONE:') || k.startsWith('EMAIL:')) out.add(k);
    }
    return out;
  };
  const byHousehold = new Map<string, string[]>();
  for (const [person, records] of byPerson)
    (byHousehold.get(records[0]!.householdId) ?? byHousehold.set(records[0]!.householdId, []).get(records[0]!.householdId)!).push(person);
  const persons = new Map(data.generated.truth.persons.map((p) => [p.personId, p]));
  let all = 0;
  let placeable = 0;
  let found = 0;
  const missed: Record<string, number> = {};
  for (const members of byHousehold.values()) {
    if (members.length < 2) continue;
    const values = members.map((p) => valuesOf(byPerson.get(p)!));
    const parent = members.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) if ([...values[i]!].some((v) => values[j]!.has(v))) parent[find(j)] = find(i);
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const [ri, rj] = [byPerson.get(members[i]!)!, byPerson.get(members[j]!)!];
        const n = ri.length * rj.length;
        all += n;
        if (find(i) !== find(j)) continue;
        placeable += n;
        let together = 0;
        for (const a of ri) for (const b of rj) if (run.households.get(a.record) === run.households.get(b.record)) together++;
        found += together;
        if (together < n) {
          const common = [...values[i]!]
            .filter((v) => values[j]!.has(v))
            .map((v) =>
              v.startsWith('a:')
                ? v.startsWith('a:loc|')
                  ? 'building'
                  : v.startsWith('a:sig|')
                    ? 'address'
                    : 'address key'
                : v.slice(0, v.indexOf(':')),
            );
          const [pi, pj] = [persons.get(members[i]!)!, persons.get(members[j]!)!];
          const family = (p: PersonTruth) => p.name.split(' ').at(-1);
          const cls = `${common.length > 0 ? [...new Set(common)].sort().join('+') : 'through a third member'}${family(pi) === family(pj) ? ', same family name' : ', different family names'}`;
          missed[cls] = (missed[cls] ?? 0) + (n - together);
        }
      }
    }
  }
  return {
    pairs: all,
    placeablePairs: placeable,
    scores: placeableHouseholds(data, run, place),
    placeableRecall: found / Math.max(1, placeable),
    missed,
  };
}
