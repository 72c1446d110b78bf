// Builders for the matching specs: parties as the ingestor emits them (match keys folded the way
// its name and address normalisers fold them) and the default matching configuration from
// apps/resolver/config/matching.json, so the specs test the file the resolver runs with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Party, PhoneLineType, PostalAddress } from '@c360/schemas';
import { type MatchingConfig, parseMatchingConfig } from '../lib/matching-config';
import { type ProfileEvidence, type RecordEvidence, buildEvidence, profileEvidence } from '../lib/evidence';

export const DEFAULT_CONFIG_PATH = join(__dirname, '../../../../../apps/resolver/config/matching.json');

export function defaultConfigFile(): unknown {
  return JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8'));
}

let cached: MatchingConfig | undefined;
export function defaultConfig(): MatchingConfig {
  return (cached ??= parseMatchingConfig(defaultConfigFile()));
}

/** A match key as the ingestor builds it: diacritics folded, lower case, letters only. */
export function key(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export interface PartySpec {
  readonly given?: string;
  readonly family?: string;
  /** Display name when it differs from given/family (kanji). */
  readonly givenKey?: string;
  readonly familyKey?: string;
  /** ISO date. */
  readonly dob?: string;
  readonly emails?: readonly string[];
  readonly phones?: readonly (
    string | { readonly number: string; readonly lineType: PhoneLineType; readonly use?: 'PERSONAL' | 'WORK' | 'UNKNOWN' }
  )[];
  /** Emails the source gives as work addresses (use WORK). */
  readonly workEmails?: readonly string[];
  readonly addresses?: readonly {
    readonly lines: readonly string[];
    readonly postcode: string;
    readonly country: string;
    readonly use?: 'PERSONAL' | 'WORK' | 'UNKNOWN';
  }[];
  readonly ids?: readonly { readonly type: Party['identifiers'][number]['type']; readonly value: string; readonly issuer?: string }[];
  readonly extensions?: Readonly<Record<string, string>>;
}

export function party(spec: PartySpec): Party {
  const given = spec.given ?? null;
  const family = spec.family ?? null;
  return {
    name:
      given === null && family === null
        ? null
        : {
            given,
            family,
            full: [given, family].filter(Boolean).join(' '),
            givenKey: spec.givenKey ?? (given === null ? null : key(given)),
            familyKey: spec.familyKey ?? (family === null ? null : key(family)),
          },
    dateOfBirth: spec.dob ? Date.parse(`${spec.dob}T00:00:00Z`) / 86_400_000 : null,
    emails: [
      ...(spec.emails ?? []).map((address) => ({ address, use: 'UNKNOWN' as const })),
      ...(spec.workEmails ?? []).map((address) => ({ address, use: 'WORK' as const })),
    ],
    phones: (spec.phones ?? []).map((p) =>
      typeof p === 'string'
        ? { number: p, use: 'UNKNOWN', lineType: 'MOBILE' }
        : { number: p.number, use: p.use ?? 'UNKNOWN', lineType: p.lineType },
    ),
    addresses: (spec.addresses ?? []).map((a) => ({ ...address(a.lines, a.postcode, a.country), use: a.use ?? 'UNKNOWN' })),
    identifiers: (spec.ids ?? []).map((i) => ({ type: i.type, value: i.value, issuer: i.issuer ?? null })),
    organisation: null,
    consents: [],
    extensions: { ...spec.extensions },
  };
}

/** A postal address with the ingestor's key (country|postcode|first line folded, a few street words expanded). */
export function address(lines: readonly string[], postcode: string, country: string): PostalAddress {
  const words: Record<string, string> = { st: 'street', rd: 'road', ave: 'avenue', str: 'strasse' };
  const first = (lines[0] ?? '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .split(/[^a-z0-9]+/)
    .map((w) => words[w] ?? w)
    .join('');
  return {
    lines: [...lines],
    locality: null,
    region: null,
    postcode,
    country,
    key: `${country.toLowerCase()}|${postcode.replace(/[^A-Za-z0-9]/g, '').toLowerCase()}|${first}`,
    use: 'UNKNOWN',
  };
}

export function evidence(spec: PartySpec, config = defaultConfig()): RecordEvidence {
  return buildEvidence(party(spec), config);
}

/** A profile from records given as [recordId, spec] pairs. */
export function profile(records: readonly (readonly [string, PartySpec])[], config = defaultConfig()): ProfileEvidence {
  return profileEvidence(records.map(([recordId, spec]) => ({ recordId, evidence: evidence(spec, config) })));
}
