// The golden record: one value per single-valued attribute, chosen by the configured survivorship
// rules, each with the source record behind it; contact points (emails, phones, addresses,
// identifiers) stay multi-valued, each with every source record that gave it. Junk values never
// make it into a golden record.
import type { ContactUse, IdentifierType, Organisation, Party, PersonName, PhoneLineType, PostalAddress } from '@c360/schemas';
import { isProtectedValue } from './evidence';
import type { MatchingConfig, SurvivorshipRule } from './matching-config';

/** A profile's source record as survivorship sees it: what the source last said, and when. */
export interface SourceRecordView {
  readonly source: string;
  readonly sourceRecordId: string;
  /** When the source last said it (occurredAt of the record's latest event), epoch ms. */
  readonly observedAt: number;
  readonly party: Party;
}

export interface Provenance {
  readonly source: string;
  readonly sourceRecordId: string;
  readonly observedAt: number;
}

export interface Survivor<T> {
  readonly value: T;
  readonly from: Provenance;
  /** The rule that left only this value, 'only-value' when the records agree, 'tie-break' (most recent) when the rules left several. */
  readonly decidedBy: SurvivorshipRule | 'only-value' | 'tie-break';
}

export interface GoldenRecord {
  readonly name: Survivor<PersonName> | null;
  readonly dateOfBirth: Survivor<number> | null;
  readonly organisation: Survivor<Organisation> | null;
  /** Most recently confirmed first; sources most recent first. */
  readonly emails: readonly { readonly address: string; readonly use: ContactUse; readonly sources: readonly Provenance[] }[];
  readonly phones: readonly {
    readonly number: string;
    readonly lineType: PhoneLineType;
    readonly use: ContactUse;
    readonly sources: readonly Provenance[];
  }[];
  readonly addresses: readonly { readonly address: PostalAddress; readonly sources: readonly Provenance[] }[];
  readonly identifiers: readonly {
    readonly type: IdentifierType;
    readonly value: string;
    readonly issuer: string | null;
    readonly sources: readonly Provenance[];
  }[];
}

interface Candidate<T> {
  readonly value: T | null;
  readonly key: string;
  readonly from: Provenance;
  readonly rank: number;
}

export function goldenRecord(records: readonly SourceRecordView[], config: MatchingConfig): GoldenRecord {
  const { sourcePriority, attributes } = config.file.survivorship;
  const rankOf = (source: string) => {
    const rank = sourcePriority.indexOf(source);
    return rank === -1 ? sourcePriority.length : rank;
  };
  const candidates = <T>(pick: (party: Party) => T | null, keyOf: (value: T) => string): Candidate<T>[] =>
    records.map((r) => {
      const value = pick(r.party);
      return {
        value,
        key: value === null ? '' : keyOf(value),
        from: { source: r.source, sourceRecordId: r.sourceRecordId, observedAt: r.observedAt },
        rank: rankOf(r.source),
      };
    });

  return {
    name: survive(
      candidates(
        (p) => (p.name && p.name.full.trim() !== '' ? p.name : null),
        (n) => `${n.givenKey ?? ''}|${n.familyKey ?? ''}|${n.givenKey || n.familyKey ? '' : n.full}`,
      ),
      attributes.name,
    ),
    dateOfBirth: survive(
      candidates(
        (p) => (p.dateOfBirth !== null && !config.blockedBirthDates.has(p.dateOfBirth) ? p.dateOfBirth : null),
        (d) => String(d),
      ),
      attributes.dateOfBirth,
    ),
    organisation: survive(
      candidates(
        (p) => p.organisation,
        (o) => o.accountId,
      ),
      attributes.organisation,
    ),
    ...contactPoints(records, config),
  };
}

/** Applies the rules in order, each narrowing the candidates; the first that leaves one value decides. */
function survive<T>(all: readonly Candidate<T>[], rules: readonly SurvivorshipRule[]): Survivor<T> | null {
  let remaining = [...all];
  let decidedBy: Survivor<T>['decidedBy'] | null = distinctKeys(remaining) <= 1 ? 'only-value' : null;
  for (const rule of rules) {
    remaining = narrow(remaining, rule);
    if (decidedBy === null && distinctKeys(remaining) <= 1) decidedBy = rule;
  }
  const winner = [...remaining].sort(
    (a, b) => b.from.observedAt - a.from.observedAt || a.from.sourceRecordId.localeCompare(b.from.sourceRecordId),
  )[0];
  if (!winner || winner.value === null) return null;
  return { value: winner.value, from: winner.from, decidedBy: decidedBy ?? 'tie-break' };
}

function narrow<T>(candidates: Candidate<T>[], rule: SurvivorshipRule): Candidate<T>[] {
  if (candidates.length <= 1) return candidates;
  switch (rule) {
    case 'ignore-empty': {
      const present = candidates.filter((c) => c.value !== null);
      return present.length > 0 ? present : candidates;
    }
    case 'source-priority': {
      const best = Math.min(...candidates.map((c) => c.rank));
      return candidates.filter((c) => c.rank === best);
    }
    case 'most-recent': {
      const latest = Math.max(...candidates.map((c) => c.from.observedAt));
      return candidates.filter((c) => c.from.observedAt === latest);
    }
    case 'most-frequent': {
      const counts = new Map<string, number>();
      for (const c of candidates) if (c.value !== null) counts.set(c.key, (counts.get(c.key) ?? 0) + 1);
      if (counts.size === 0) return candidates;
      const most = Math.max(...counts.values());
      return candidates.filter((c) => c.value !== null && counts.get(c.key) === most);
    }
    default: {
      const unreachable: never = rule;
      throw new Error(`unknown survivorship rule ${String(unreachable)}`);
    }
  }
}

const distinctKeys = <T>(candidates: readonly Candidate<T>[]) => new Set(candidates.map((c) => c.key)).size;

function contactPoints(
  records: readonly SourceRecordView[],
  config: MatchingConfig,
): Pick<GoldenRecord, 'emails' | 'phones' | 'addresses' | 'identifiers'> {
  const byRecency = [...records].sort((a, b) => b.observedAt - a.observedAt || a.sourceRecordId.localeCompare(b.sourceRecordId));
  const emails = new Map<string, { address: string; use: ContactUse; sources: Provenance[] }>();
  const phones = new Map<string, { number: string; lineType: PhoneLineType; use: ContactUse; sources: Provenance[] }>();
  const addresses = new Map<string, { address: PostalAddress; sources: Provenance[] }>();
  const identifiers = new Map<string, { type: IdentifierType; value: string; issuer: string | null; sources: Provenance[] }>();
  const provenance = (r: SourceRecordView): Provenance => ({
    source: r.source,
    sourceRecordId: r.sourceRecordId,
    observedAt: r.observedAt,
  });
  const addSource = (sources: Provenance[], p: Provenance) => {
    if (!sources.some((s) => s.source === p.source && s.sourceRecordId === p.sourceRecordId)) sources.push(p);
  };
  for (const record of byRecency) {
    const from = provenance(record);
    for (const e of record.party.emails) {
      if (isProtectedValue('EMAIL', e.address, config)) continue;
      const entry = emails.get(e.address) ?? { address: e.address, use: e.use, sources: [] };
      if (entry.use === 'UNKNOWN') entry.use = e.use;
      addSource(entry.sources, from);
      emails.set(e.address, entry);
    }
    for (const p of record.party.phones) {
      if (isProtectedValue('PHONE', p.number, config)) continue;
      const entry = phones.get(p.number) ?? { number: p.number, lineType: p.lineType, use: p.use, sources: [] };
      if (entry.lineType === 'UNKNOWN') entry.lineType = p.lineType;
      if (entry.use === 'UNKNOWN') entry.use = p.use;
      addSource(entry.sources, from);
      phones.set(p.number, entry);
    }
    for (const a of record.party.addresses) {
      // The most recent record's way of writing the address is the one shown.
      const entry = addresses.get(a.key) ?? { address: a, sources: [] };
      addSource(entry.sources, from);
      addresses.set(a.key, entry);
    }
    for (const i of record.party.identifiers) {
      if (i.type === 'EMAIL' || i.type === 'PHONE' || isProtectedValue(i.type, i.value, config)) continue;
      const key = `${i.type}:${i.issuer ?? ''}:${i.value}`;
      const entry = identifiers.get(key) ?? { type: i.type, value: i.value, issuer: i.issuer, sources: [] };
      addSource(entry.sources, from);
      identifiers.set(key, entry);
    }
  }
  return {
    emails: [...emails.values()],
    phones: [...phones.values()],
    addresses: [...addresses.values()],
    identifiers: [...identifiers.values()],
  };
}
