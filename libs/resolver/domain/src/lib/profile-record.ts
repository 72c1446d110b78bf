// A profile as the resolver publishes it (the compacted profile topic, the profile API): the
// golden record of its source records, with the source record behind every value.
import type { Profile } from '@c360/schemas';
import { type Provenance, type SourceRecordView, goldenRecord } from './golden';
import type { MatchingConfig } from './matching-config';

export interface ProfileFacts {
  readonly profileId: string;
  readonly records: readonly SourceRecordView[];
  readonly aliases: readonly string[];
  readonly householdId: string | null;
  readonly updatedAt: number;
}

const recordName = (p: Provenance) => `${p.source}:${p.sourceRecordId}`;

export function profileRecord(facts: ProfileFacts, config: MatchingConfig): Profile {
  const golden = goldenRecord(facts.records, config);
  return {
    profileId: facts.profileId,
    emails: golden.emails.map((e) => e.address),
    phones: golden.phones.map((p) => p.number),
    sourceRecords: facts.records.map((r) => `${r.source}:${r.sourceRecordId}`).sort(),
    aliases: [...facts.aliases].sort(),
    name: golden.name
      ? {
          given: golden.name.value.given,
          family: golden.name.value.family,
          full: golden.name.value.full,
          source: recordName(golden.name.from),
          decidedBy: golden.name.decidedBy,
        }
      : null,
    dateOfBirth: golden.dateOfBirth?.value ?? null,
    dateOfBirthSource: golden.dateOfBirth ? recordName(golden.dateOfBirth.from) : null,
    organisation: golden.organisation ? `${golden.organisation.value.name} (${golden.organisation.value.accountId})` : null,
    contactPoints: [
      ...golden.emails.map((e) => ({ kind: 'EMAIL', value: e.address, use: e.use, lineType: null, sources: e.sources.map(recordName) })),
      ...golden.phones.map((p) => ({ kind: 'PHONE', value: p.number, use: p.use, lineType: p.lineType, sources: p.sources.map(recordName) })),
    ],
    addresses: golden.addresses.map((a) => ({
      lines: [...a.address.lines],
      locality: a.address.locality,
      postcode: a.address.postcode,
      country: a.address.country,
      sources: a.sources.map(recordName),
    })),
    identifiers: golden.identifiers.map((i) => ({ type: i.type, value: i.value, issuer: i.issuer, sources: i.sources.map(recordName) })),
    householdId: facts.householdId,
    updatedAt: facts.updatedAt,
  };
}
