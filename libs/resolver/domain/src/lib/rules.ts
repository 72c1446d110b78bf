// Rule evaluation: does a record belong to a profile, by which rule, on which values, how surely;
// and are two records (or profiles) clearly different persons. Rules are an OR of ANDs, tried in
// priority order; the first that holds decides.
import { distance } from 'fastest-levenshtein';
import { type BirthDateRelation, type NamePart, type PartAgreement, compareBirthDates, compareParts, isoDate } from './comparators';
import { type NameEvidence, type ProfileEvidence, type RecordEvidence, identifierTypeOf, nameProvenanceKey } from './evidence';
import type { Condition, MatchingConfig, NameCondition, NameTest, Rule } from './matching-config';

/** What the resolver currently knows about identifier values (keys as in the evidence). */
export interface MatchContext {
  /** Values carried by more distinct persons than their type's shared-value limit: they link only with name corroboration. */
  readonly shared?: ReadonlySet<string>;
  /** Values carried by more records than their type's frequency cap: they link nothing. */
  readonly overFrequent?: ReadonlySet<string>;
  /** Leave out work contact points (a company's phone that colleagues share): households set it. */
  readonly ignoreWorkContacts?: boolean;
}

export type MatchedField =
  | 'identifier'
  | 'identifier-compatible'
  | 'given-name'
  | 'family-name'
  | 'date-of-birth'
  | 'address'
  | 'dwelling'
  | 'postcode'
  | 'name-present';

/** One condition's evidence: the record's value, the profile's value and how they agree. */
export interface MatchedValue {
  readonly field: MatchedField;
  /** 'same', 'same-shared', 'exact', 'nickname', 'jaro-winkler', 'equal', 'transposed', 'missing', 'different-script', ... */
  readonly method: string;
  readonly record: string | null;
  readonly profile: string | null;
  /** Agreement 0..1; null when the condition holds for lack of evidence (a side has no value). */
  readonly score: number | null;
  /** The profile's records that carry the profile's value. */
  readonly profileRecords: readonly string[];
}

export interface Match {
  readonly rule: string;
  /** The rule's confidence times the mean agreement of its conditions, 0..1. */
  readonly score: number;
  /** The record's given and family names matched the profile's the other way round. */
  readonly namesSwapped: boolean;
  readonly matched: readonly MatchedValue[];
  /** The profile's records behind the matched values: where the resolver attaches the link. */
  readonly profileRecords: readonly string[];
}

/** Why two evidences are clearly different persons. */
export interface Conflict {
  readonly field: 'given-name' | 'date-of-birth' | 'identifier';
  readonly a: string;
  readonly b: string;
}

const NO_CONTEXT: MatchContext = {};
const NO_NAME: NameEvidence = { given: null, family: null };

/** The first rule, in priority order, by which the record belongs to the profile; null when none holds. */
export function match(
  record: RecordEvidence,
  profile: ProfileEvidence,
  config: MatchingConfig,
  context: MatchContext = NO_CONTEXT,
): Match | null {
  return firstMatch(config.rules, record, profile, context);
}

/** Evaluates rules in order (the resolver's rules or the household rules). */
export function firstMatch(rules: readonly Rule[], record: RecordEvidence, profile: ProfileEvidence, context: MatchContext): Match | null {
  const memo = new Map<NameTest, Map<string, PartAgreement | null>>();
  for (const rule of rules) {
    const result = evaluate(rule, record, profile, context, memo);
    if (result) return result;
  }
  return null;
}

function evaluate(
  rule: Rule,
  record: RecordEvidence,
  profile: ProfileEvidence,
  context: MatchContext,
  memo: Map<NameTest, Map<string, PartAgreement | null>>,
): Match | null {
  const matched: MatchedValue[] = [];
  for (const gate of rule.gates) {
    const values = checkGate(gate, record, profile, context);
    if (!values) return null;
    matched.push(...values);
  }
  let namesSwapped = false;
  if (rule.names.length > 0) {
    const names = bestNames(rule, record, profile, memo);
    if (!names) return null;
    matched.push(...names.values);
    namesSwapped = names.swapped;
  }
  const scores = matched.map((m) => m.score).filter((s): s is number => s !== null);
  const agreement = scores.length === 0 ? 1 : scores.reduce((a, b) => a + b, 0) / scores.length;
  const profileRecords = [...new Set(matched.flatMap((m) => m.profileRecords))];
  return { rule: rule.name, score: Math.round(rule.score * agreement * 1000) / 1000, namesSwapped, matched, profileRecords };
}

type Gate = Exclude<Condition, NameCondition>;

function checkGate(gate: Gate, record: RecordEvidence, profile: ProfileEvidence, context: MatchContext): MatchedValue[] | null {
  switch (gate.kind) {
    case 'identifier': {
      const prefix = `${gate.type}:`;
      const found: MatchedValue[] = [];
      for (const key of record.identifiers) {
        if (!key.startsWith(prefix) || !profile.identifierSet.has(key) || context.overFrequent?.has(key)) continue;
        if (context.ignoreWorkContacts && (record.workContacts?.includes(key) || profile.workContactSet.has(key))) continue;
        const shared = context.shared?.has(key) ?? false;
        if (shared && !gate.allowShared) continue;
        if (gate.lineTypes && !gate.lineTypes.has(record.phoneLines[key] ?? profile.phoneLines[key] ?? 'UNKNOWN')) continue;
        found.push({
          field: 'identifier',
          method: shared ? 'same-shared' : 'same',
          record: key,
          profile: key,
          score: 1,
          profileRecords: holders(profile, `id:${key}`),
        });
      }
      return found.length > 0 ? found : null;
    }
    case 'identifier-compatible': {
      const prefix = `${gate.type}:`;
      const ours = record.identifiers.filter((k) => k.startsWith(prefix));
      if (ours.length === 0) return [neutral('identifier-compatible', 'missing', null, null)];
      const theirs = profile.identifiers.filter((k) => k.startsWith(prefix));
      if (theirs.length === 0) return [neutral('identifier-compatible', 'missing', ours[0]!, null)];
      const common = ours.find((k) => profile.identifierSet.has(k));
      return common ? [neutral('identifier-compatible', 'same', common, common)] : null;
    }
    case 'date-of-birth':
      return checkBirthDate(gate.test, record, profile);
    case 'address': {
      const address = record.addresses.find((a) => profile.addressSet.has(a));
      return address
        ? [
            {
              field: 'address',
              method: 'same',
              record: address,
              profile: address,
              score: 1,
              profileRecords: holders(profile, `address:${address}`),
            },
          ]
        : null;
    }
    case 'dwelling': {
      const found = sameDwelling(record.dwellings, profile.dwellings);
      return found
        ? [
            {
              field: 'dwelling',
              method: found.method,
              record: found.record,
              profile: found.profile,
              score: found.method === 'same' ? 1 : 0.9,
              profileRecords: holders(profile, `dwelling:${found.profile}`),
            },
          ]
        : null;
    }
    case 'postcode': {
      const postcode = record.postcodes.find((p) => profile.postcodeSet.has(p));
      return postcode
        ? [
            {
              field: 'postcode',
              method: 'same',
              record: postcode,
              profile: postcode,
              score: 1,
              profileRecords: holders(profile, `postcode:${postcode}`),
            },
          ]
        : null;
    }
    case 'name-present': {
      const ok =
        gate.on === 'both' ? record.names.length > 0 && profile.names.length > 0 : record.names.length > 0 || profile.names.length > 0;
      return ok ? [neutral('name-present', gate.on, null, null)] : null;
    }
    default: {
      const unreachable: never = gate;
      throw new Error(`unknown condition ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * The same dwelling: equal keys, or the same house numbers and flat in the postcode with street
 * names that differ by a typo (at most two edits in their first five letters: 'Pappelweg' and
 * 'Pappslweg', 'Cliffs' and 'Ciffs').
 */
function sameDwelling(ours: readonly string[], theirs: readonly string[]): { record: string; profile: string; method: string } | null {
  for (const a of ours) if (theirs.includes(a)) return { record: a, profile: a, method: 'same' };
  for (const a of ours) {
    const [, country, postcode, numbers, stem, units] = a.split('|');
    for (const b of theirs) {
      const [, c, p, n, s, u] = b.split('|');
      if (c === country && p === postcode && n === numbers && u === units && stem && s && distance(stem, s) <= 2)
        return { record: a, profile: b, method: 'street-typo' };
    }
  }
  return null;
}

const RELATION_SCORE: Readonly<Record<Exclude<BirthDateRelation, 'different'>, number>> = { equal: 1, transposed: 0.9, 'one-part': 0.8 };
const ACCEPTS: Readonly<Record<'equal' | 'equal-or-transposed' | 'similar' | 'compatible', ReadonlySet<BirthDateRelation>>> = {
  equal: new Set(['equal']),
  'equal-or-transposed': new Set(['equal', 'transposed']),
  similar: new Set(['equal', 'transposed', 'one-part']),
  compatible: new Set(['equal', 'transposed', 'one-part']),
};

function checkBirthDate(
  test: 'equal' | 'equal-or-transposed' | 'similar' | 'compatible',
  record: RecordEvidence,
  profile: ProfileEvidence,
): MatchedValue[] | null {
  if (record.birthDates.length === 0 || profile.birthDates.length === 0) {
    if (test !== 'compatible') return null;
    const side = record.birthDates[0] ?? null;
    return [neutral('date-of-birth', 'missing', side === null ? null : isoDate(side), null)];
  }
  let best: { r: number; p: number; relation: Exclude<BirthDateRelation, 'different'> } | null = null;
  for (const r of record.birthDates) {
    for (const p of profile.birthDates) {
      const relation = compareBirthDates(r, p);
      if (relation === 'different' || !ACCEPTS[test].has(relation)) continue;
      if (!best || RELATION_SCORE[relation] > RELATION_SCORE[best.relation]) best = { r, p, relation };
    }
  }
  if (!best) return null;
  return [
    {
      field: 'date-of-birth',
      method: best.relation,
      record: isoDate(best.r),
      profile: isoDate(best.p),
      score: RELATION_SCORE[best.relation],
      profileRecords: holders(profile, `dob:${best.p}`),
    },
  ];
}

function bestNames(
  rule: Rule,
  record: RecordEvidence,
  profile: ProfileEvidence,
  memo: Map<NameTest, Map<string, PartAgreement | null>>,
): { values: MatchedValue[]; swapped: boolean } | null {
  const ours = record.names.length > 0 ? record.names : [NO_NAME];
  const theirs = profile.names.length > 0 ? profile.names : [NO_NAME];
  let best: { values: MatchedValue[]; swapped: boolean; score: number } | null = null;
  // Swapped: either side may be the one written the wrong way round, and that decides which pair
  // of parts the given-name comparators (nicknames) apply to: 'Lausecker Benjamin' and 'Ben
  // Lausecker' agree only when 'Benjamin' is compared with 'Ben' as a given name. Trying both makes
  // the comparison of two records the same whichever is taken as the record.
  for (const order of rule.namesMaySwap ? (['as-written', 'record-swapped', 'profile-swapped'] as const) : (['as-written'] as const)) {
    for (const r of ours) {
      for (const p of theirs) {
        const values: MatchedValue[] = [];
        for (const condition of rule.names) {
          const value = checkNamePart(condition, r, p, order, profile, memo);
          if (!value) break;
          values.push(value);
        }
        if (values.length < rule.names.length) continue;
        const scores = values.map((v) => v.score ?? 1);
        const score = scores.reduce((a, b) => a + b, 0) / scores.length;
        if (!best || score > best.score) best = { values, swapped: order !== 'as-written', score };
      }
    }
    // The names as written win over the same names swapped.
    if (best && order === 'as-written') break;
  }
  return best;
}

type Side = 'given' | 'family';

function partOf(name: NameEvidence, side: Side): { part: NamePart | null; han: boolean } {
  return { part: name[side], han: name.han === 'both' || name.han === side };
}

type NameOrder = 'as-written' | 'record-swapped' | 'profile-swapped';

function checkNamePart(
  condition: NameCondition,
  record: NameEvidence,
  profile: NameEvidence,
  order: NameOrder,
  profileEvidence: ProfileEvidence,
  memo: Map<NameTest, Map<string, PartAgreement | null>>,
): MatchedValue | null {
  const side: Side = condition.kind === 'given-name' ? 'given' : 'family';
  const other: Side = side === 'given' ? 'family' : 'given';
  const ours = partOf(record, order === 'record-swapped' ? other : side);
  const theirs = partOf(profile, order === 'profile-swapped' ? other : side);
  const field = condition.kind;
  if (!ours.part || !theirs.part) {
    return condition.test === 'compatible' ? neutral(field, 'missing', ours.part?.key ?? null, theirs.part?.key ?? null) : null;
  }
  if (ours.han !== theirs.han) {
    // A kanji reading and a romaji name cannot be compared: neither agreement nor conflict.
    return condition.test === 'compatible' ? neutral(field, 'different-script', ours.part.key, theirs.part.key) : null;
  }
  const agreement = agree(ours.part, theirs.part, condition.name, memo);
  if (!agreement) return null;
  return {
    field,
    method: agreement.method,
    record: ours.part.key,
    profile: theirs.part.key,
    score: agreement.score,
    profileRecords: holders(profileEvidence, nameProvenanceKey(profile)),
  };
}

function agree(a: NamePart, b: NamePart, test: NameTest, memo: Map<NameTest, Map<string, PartAgreement | null>>): PartAgreement | null {
  let cache = memo.get(test);
  if (!cache) {
    cache = new Map<string, PartAgreement | null>();
    memo.set(test, cache);
  }
  const key = `${a.key}|${b.key}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const result = compareParts(a, b, test.methods, test.threshold);
  cache.set(key, result);
  return result;
}

function neutral(field: MatchedField, method: string, record: string | null, profile: string | null): MatchedValue {
  return { field, method, record, profile, score: null, profileRecords: [] };
}

function holders(profile: ProfileEvidence, key: string): readonly string[] {
  return profile.provenance.get(key) ?? [];
}

/**
 * Whether a stored link rested on identifier values that no longer link on their own (they became
 * shared or over-frequent): such a link must be checked again with `match` under the new context,
 * and dropped (then `splitProfile`) when no rule holds any more. Links through `allowShared` rules
 * only depend on values becoming over-frequent.
 */
export function linkReliesOn(matched: readonly MatchedValue[], changed: ReadonlySet<string>): boolean {
  return matched.some((m) => m.field === 'identifier' && m.record !== null && changed.has(m.record));
}

/**
 * Whether two records (or profiles) are clearly different persons: given names that are not
 * compatible in either name order, dates of birth that differ beyond one typo, or different values
 * of an identifier type a person holds only one of. Missing evidence is never a conflict.
 */
export function conflicts(a: RecordEvidence, b: RecordEvidence, config: MatchingConfig): Conflict | null {
  const rules = config.file.conflict;
  if (rules.givenName) {
    const ours = a.names.filter((n) => n.given);
    const theirs = b.names.filter((n) => n.given);
    if (ours.length > 0 && theirs.length > 0 && !ours.some((x) => theirs.some((y) => namesCompatible(x, y, config)))) {
      return { field: 'given-name', a: ours[0]!.given!.key, b: theirs[0]!.given!.key };
    }
  }
  if (rules.dateOfBirth && a.birthDates.length > 0 && b.birthDates.length > 0) {
    if (!a.birthDates.some((x) => b.birthDates.some((y) => compareBirthDates(x, y) !== 'different'))) {
      return { field: 'date-of-birth', a: isoDate(a.birthDates[0]!), b: isoDate(b.birthDates[0]!) };
    }
  }
  for (const type of rules.identifierTypes) {
    const ours = a.identifiers.filter((k) => identifierTypeOf(k) === type);
    const theirs = b.identifiers.filter((k) => identifierTypeOf(k) === type);
    if (ours.length > 0 && theirs.length > 0 && !ours.some((k) => theirs.includes(k)))
      return { field: 'identifier', a: ours[0]!, b: theirs[0]! };
  }
  return null;
}

/**
 * Whether two records' given names positively agree (both present, comparable, compatible in some
 * name order): a stronger statement than the absence of a conflict, which missing names also give.
 */
export function givenNamesAgree(a: RecordEvidence, b: RecordEvidence, config: MatchingConfig): boolean {
  return a.names.some((x) => {
    const given = partOf(x, 'given');
    return b.names.some((y) => {
      const other = partOf(y, 'given');
      return given.part !== null && other.part !== null && given.han === other.han && namesCompatible(x, y, config);
    });
  });
}

function namesCompatible(x: NameEvidence, y: NameEvidence, config: MatchingConfig): boolean {
  const compatible = (p: { part: NamePart | null; han: boolean }, q: { part: NamePart | null; han: boolean }, test: NameTest) =>
    !p.part || !q.part || p.han !== q.han || compareParts(p.part, q.part, test.methods, test.threshold) !== null;
  const { given, family } = config.compatible;
  if (compatible(partOf(x, 'given'), partOf(y, 'given'), given)) return true;
  // Swapped order: x's given name is y's family name and the other way round, both present; either
  // side may be the swapped one, which decides the pair the given-name test (nicknames) applies to.
  if (x.family === null || y.family === null) return false;
  return (
    (compatible(partOf(x, 'given'), partOf(y, 'family'), family) && compatible(partOf(x, 'family'), partOf(y, 'given'), given)) ||
    (compatible(partOf(x, 'given'), partOf(y, 'family'), given) && compatible(partOf(x, 'family'), partOf(y, 'given'), family))
  );
}
