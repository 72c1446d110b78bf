// Households: profiles of different persons who live together. A relationship between profiles,
// never a merge: the household rules (same address with the same family name, a shared landline,
// a family email) run over two profiles' evidence with shared values allowed, and the household's
// id follows its oldest member so it stays stable as members join, leave or merge.
import { createHash } from 'node:crypto';
import type { ProfileEvidence } from './evidence';
import type { MatchingConfig } from './matching-config';
import { type Match, type MatchContext, firstMatch } from './rules';

/**
 * Whether two profiles belong to one household, by the first household rule that holds, with the
 * values behind it. Values over the frequency cap (the store's number) never count, nor do work
 * contact points (colleagues share an office phone); shared ones do, as households share them by
 * nature. Only ask this of profiles the resolver keeps apart.
 */
export function householdMatch(
  a: ProfileEvidence,
  b: ProfileEvidence,
  config: MatchingConfig,
  context: Pick<MatchContext, 'overFrequent'> = {},
): Match | null {
  return firstMatch(config.householdRules, a, b, { overFrequent: context.overFrequent, ignoreWorkContacts: true });
}

export interface HouseholdMember {
  readonly profileId: string;
  /** The profile's creation order: lower is older. */
  readonly seq: number;
}

/** The household's id, derived from its oldest member profile: 'h_' + 24 hex digits. */
export function householdIdFor(members: readonly HouseholdMember[]): string {
  const oldest = [...members].sort((a, b) => a.seq - b.seq || a.profileId.localeCompare(b.profileId))[0];
  if (!oldest) throw new Error('a household needs at least one member');
  return 'h_' + createHash('sha256').update(`household\u0000${oldest.profileId}`).digest('hex').slice(0, 24);
}
