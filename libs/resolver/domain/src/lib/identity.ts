// Deterministic identity decisions, free of I/O. The resolver issue grows this into fuzzy rules,
// merge protection and splits; the foundation links records that share a normalised identifier.
import { createHash } from 'node:crypto';
import type { Party, PartyIdentifier } from '@c360/schemas';

/** Identifier types that identify one person on their own, in priority order. */
export const DETERMINISTIC_TYPES = ['LOYALTY_ID', 'EMAIL', 'PHONE', 'ECOMMERCE_ACCOUNT'] as const;

export interface ProfileRef {
  readonly profileId: string;
  /** Creation order: lower is older. */
  readonly seq: number;
}

export interface MatchedIdentifier {
  readonly type: string;
  readonly value: string;
  readonly profile: ProfileRef;
}

export type Assignment =
  | { readonly kind: 'new-profile'; readonly profileId: string }
  | {
      readonly kind: 'existing-profile';
      readonly profileId: string;
      /** Younger profiles the record ties to the survivor; they become its aliases. */
      readonly absorbed: readonly string[];
      readonly rule: string;
      readonly matchedValues: readonly string[];
    };

/** Stable profile id derived from the first source record, so a rebuild gives the same ids. */
export function profileIdFor(source: string, sourceRecordId: string): string {
  return 'p_' + createHash('sha256').update(`${source}\u0000${sourceRecordId}`).digest('hex').slice(0, 24);
}

/**
 * The party's identifiers that link records deterministically: its emails and phones (already
 * normalised by the ingestor) and the ids it carries, each once.
 */
export function linkableIdentifiers(party: Party): PartyIdentifier[] {
  const all: PartyIdentifier[] = [
    ...party.emails.map((e) => ({ type: 'EMAIL' as const, value: e.address, issuer: null })),
    ...party.phones.map((p) => ({ type: 'PHONE' as const, value: p.number, issuer: null })),
    ...party.identifiers,
  ];
  const seen = new Set<string>();
  return all.filter((i) => {
    const key = `${i.type}:${i.value}`;
    if (!(DETERMINISTIC_TYPES as readonly string[]).includes(i.type) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Chooses the profile for a source record: its current profile if it has one, else the oldest
 * profile sharing one of its identifiers, else a new one. Every other profile reached through
 * those identifiers is merged into the survivor (the oldest keeps its id).
 */
export function assign(
  record: { source: string; sourceRecordId: string },
  current: ProfileRef | null,
  matches: readonly MatchedIdentifier[],
): Assignment {
  const profiles = new Map<string, ProfileRef>();
  if (current) profiles.set(current.profileId, current);
  for (const m of matches) profiles.set(m.profile.profileId, m.profile);
  if (profiles.size === 0) return { kind: 'new-profile', profileId: profileIdFor(record.source, record.sourceRecordId) };
  const ordered = [...profiles.values()].sort((a, b) => a.seq - b.seq || a.profileId.localeCompare(b.profileId));
  const survivor = ordered[0]!;
  const rank = (t: string) => (DETERMINISTIC_TYPES as readonly string[]).indexOf(t);
  const strongest = [...matches].sort((a, b) => rank(a.type) - rank(b.type))[0];
  return {
    kind: 'existing-profile',
    profileId: survivor.profileId,
    absorbed: ordered.slice(1).map((p) => p.profileId),
    rule: strongest ? `same-${strongest.type.toLowerCase().replace(/_/g, '-')}` : 'same-source-record',
    matchedValues: [...new Set(matches.map((m) => `${m.type}:${m.value}`))].sort(),
  };
}
