// The party: who the source record is. Compiled from the common and the kind's party rules (a
// kind's list entries add to the common ones; its other fields replace them) and built per payload.
import type {
  Consent,
  ConsentChannel,
  ConsentPurpose,
  ConsentStatus,
  ContactUse,
  EmailContact,
  IdentifierType,
  Organisation,
  Party,
  PartyIdentifier,
  PhoneContact,
  PostalAddress,
} from '@c360/schemas';
import { addressKey, buildPersonName, type NormalisedPhone } from '../normalise';
import type { PartySpec } from './mapping-file';
import {
  compileEntry,
  compileOptional,
  compileRule,
  entryItems,
  evaluate,
  isValue,
  read,
  wasDropped,
  type CompiledEntry,
  type CompiledRule,
  type Reads,
  type Run,
} from './rules';
import {
  CONSENT_CHANNEL,
  CONSENT_PURPOSE,
  CONSENT_STATUS,
  CONTACT_USE,
  COUNTRY,
  DATE_OF_BIRTH,
  EMAIL,
  IDENTIFIER_TYPE,
  NAME,
  PHONE,
  POSTCODE,
  TEXT,
  TIMESTAMP,
  VAT_ID,
} from './value-types';

type Rule<T> = CompiledRule<T>;

interface EmailRules {
  readonly address: Rule<string>;
  readonly use: Rule<ContactUse> | null;
}
interface PhoneRules {
  readonly number: Rule<NormalisedPhone>;
  readonly use: Rule<ContactUse> | null;
}
interface AddressRules {
  readonly lines: readonly Rule<string>[];
  readonly locality: Rule<string> | null;
  readonly region: Rule<string> | null;
  readonly postcode: Rule<string> | null;
  readonly country: Rule<string> | null;
  readonly use: Rule<ContactUse> | null;
}
interface IdentifierRules {
  readonly type: Rule<IdentifierType>;
  readonly value: Rule<string>;
  readonly issuer: Rule<string> | null;
}
interface ConsentRules {
  readonly purpose: Rule<ConsentPurpose>;
  readonly channel: Rule<ConsentChannel>;
  readonly status: Rule<ConsentStatus>;
  readonly recordedAt: Rule<number> | null;
}

export interface CompiledParty {
  readonly name: { readonly given: Rule<string> | null; readonly family: Rule<string> | null; readonly full: Rule<string> | null } | null;
  readonly dateOfBirth: Rule<number> | null;
  readonly emails: readonly CompiledEntry<EmailRules>[];
  readonly phones: readonly CompiledEntry<PhoneRules>[];
  readonly addresses: readonly CompiledEntry<AddressRules>[];
  readonly identifiers: readonly CompiledEntry<IdentifierRules>[];
  readonly organisation: {
    readonly accountId: Rule<string>;
    readonly name: Rule<string>;
    readonly vatId: Rule<string> | null;
    readonly role: Rule<string> | null;
  } | null;
  readonly consents: readonly CompiledEntry<ConsentRules>[];
  readonly extensions: readonly (readonly [string, Rule<string>])[];
}

/** Compiles the party rules of one kind: the common rules merged with the kind's own. */
export function compileParty(common: PartySpec | undefined, own: PartySpec | undefined, reads: Reads): CompiledParty {
  const spec: PartySpec = {
    ...common,
    ...own,
    emails: [...(common?.emails ?? []), ...(own?.emails ?? [])],
    phones: [...(common?.phones ?? []), ...(own?.phones ?? [])],
    addresses: [...(common?.addresses ?? []), ...(own?.addresses ?? [])],
    identifiers: [...(common?.identifiers ?? []), ...(own?.identifiers ?? [])],
    consents: [...(common?.consents ?? []), ...(own?.consents ?? [])],
    extensions: { ...common?.extensions, ...own?.extensions },
  };
  const name = spec.name;
  const org = spec.organisation;
  return {
    name: name
      ? {
          given: compileOptional(name.given, NAME, 'party.name.given', reads),
          family: compileOptional(name.family, NAME, 'party.name.family', reads),
          full: compileOptional(name.full, NAME, 'party.name.full', reads),
        }
      : null,
    dateOfBirth: compileOptional(spec.dateOfBirth, DATE_OF_BIRTH, 'party.dateOfBirth', reads),
    emails: (spec.emails ?? []).map((e) =>
      compileEntry(e.each, (base) => ({
        address: compileRule(e.address, EMAIL, 'party.emails.address', reads, base),
        use: compileOptional(e.use, CONTACT_USE, 'party.emails.use', reads, base),
      })),
    ),
    phones: (spec.phones ?? []).map((p) =>
      compileEntry(p.each, (base) => ({
        number: compileRule(p.number, PHONE, 'party.phones.number', reads, base),
        use: compileOptional(p.use, CONTACT_USE, 'party.phones.use', reads, base),
      })),
    ),
    addresses: (spec.addresses ?? []).map((a) =>
      compileEntry(a.each, (base) => ({
        lines: (a.lines ?? []).map((l) => compileRule(l, TEXT, 'party.addresses.lines', reads, base)),
        locality: compileOptional(a.locality, TEXT, 'party.addresses.locality', reads, base),
        region: compileOptional(a.region, TEXT, 'party.addresses.region', reads, base),
        postcode: compileOptional(a.postcode, POSTCODE, 'party.addresses.postcode', reads, base),
        country: compileOptional(a.country, COUNTRY, 'party.addresses.country', reads, base),
        use: compileOptional(a.use, CONTACT_USE, 'party.addresses.use', reads, base),
      })),
    ),
    identifiers: (spec.identifiers ?? []).map((i) =>
      compileEntry(i.each, (base) => ({
        type: compileRule(i.type, IDENTIFIER_TYPE, 'party.identifiers.type', reads, base, true),
        value: compileRule(i.value, TEXT, 'party.identifiers.value', reads, base),
        issuer: compileOptional(i.issuer, TEXT, 'party.identifiers.issuer', reads, base),
      })),
    ),
    organisation: org
      ? {
          accountId: compileRule(org.accountId, TEXT, 'party.organisation.accountId', reads),
          name: compileRule(org.name, TEXT, 'party.organisation.name', reads),
          vatId: compileOptional(org.vatId, VAT_ID, 'party.organisation.vatId', reads),
          role: compileOptional(org.role, TEXT, 'party.organisation.role', reads),
        }
      : null,
    consents: (spec.consents ?? []).map((c) =>
      compileEntry(c.each, (base) => ({
        purpose: compileRule(c.purpose, CONSENT_PURPOSE, 'party.consents.purpose', reads, base, true),
        channel: compileRule(c.channel, CONSENT_CHANNEL, 'party.consents.channel', reads, base, true),
        status: compileRule(c.status, CONSENT_STATUS, 'party.consents.status', reads, base),
        recordedAt: compileOptional(c.recordedAt, TIMESTAMP, 'party.consents.recordedAt', reads, base),
      })),
    ),
    extensions: Object.entries(spec.extensions ?? {}).map(
      ([key, rule]) => [key, compileRule(rule, TEXT, `party.extensions.${key}`, reads)] as const,
    ),
  };
}

/** Builds the party from a payload. `occurredAt` is when a consent was recorded unless the payload says. */
export function buildParty(rules: CompiledParty, payload: unknown, run: Run, occurredAt: number): Party {
  const emails: EmailContact[] = [];
  for (const entry of rules.emails) {
    for (const { base, at } of entryItems(entry.each, payload, run)) {
      const address = read(entry.rules.address, base, run, at);
      if (address !== undefined && !emails.some((e) => e.address === address)) {
        emails.push({ address, use: read(entry.rules.use, base, run, at) ?? 'UNKNOWN' });
      }
    }
  }

  const phones: PhoneContact[] = [];
  for (const entry of rules.phones) {
    for (const { base, at } of entryItems(entry.each, payload, run)) {
      const phone = read(entry.rules.number, base, run, at);
      if (phone !== undefined && !phones.some((p) => p.number === phone.number)) {
        phones.push({ number: phone.number, use: read(entry.rules.use, base, run, at) ?? 'UNKNOWN', lineType: phone.lineType });
      }
    }
  }

  const addresses: PostalAddress[] = [];
  for (const entry of rules.addresses) {
    for (const { base, at } of entryItems(entry.each, payload, run)) {
      const address = buildAddress(entry.rules, base, run, at);
      if (address !== null) addresses.push(address);
    }
  }

  const identifiers: PartyIdentifier[] = [];
  const addIdentifier = (type: IdentifierType, value: string, issuer: string | null) => {
    if (!identifiers.some((i) => i.type === type && i.value === value && i.issuer === issuer)) identifiers.push({ type, value, issuer });
  };
  for (const entry of rules.identifiers) {
    for (const { base, at } of entryItems(entry.each, payload, run)) {
      const value = read(entry.rules.value, base, run, at);
      if (value === undefined) continue;
      const type = read(entry.rules.type, base, run, at)!; // always required
      addIdentifier(type, value, read(entry.rules.issuer, base, run, at) ?? null);
    }
  }
  // Emails and phones are identifiers too: the resolver links records on them.
  for (const e of emails) addIdentifier('EMAIL', e.address, null);
  for (const p of phones) addIdentifier('PHONE', p.number, null);

  const consents: Consent[] = [];
  for (const entry of rules.consents) {
    for (const { base, at } of entryItems(entry.each, payload, run)) {
      const status = read(entry.rules.status, base, run, at);
      if (status === undefined) continue;
      consents.push({
        purpose: read(entry.rules.purpose, base, run, at)!,
        channel: read(entry.rules.channel, base, run, at)!,
        status,
        recordedAt: read(entry.rules.recordedAt, base, run, at) ?? occurredAt,
      });
    }
  }

  const extensions: Record<string, string> = {};
  for (const [key, rule] of rules.extensions) {
    const value = read(rule, payload, run);
    if (value !== undefined) extensions[key] = value;
  }

  const nameRules = rules.name;
  const name = nameRules
    ? buildPersonName(
        {
          given: read(nameRules.given, payload, run),
          family: read(nameRules.family, payload, run),
          full: read(nameRules.full, payload, run),
        },
        run.market,
      )
    : null;

  return {
    name,
    dateOfBirth: read(rules.dateOfBirth, payload, run) ?? null,
    emails,
    phones,
    addresses,
    identifiers,
    organisation: rules.organisation ? buildOrganisation(rules.organisation, payload, run) : null,
    consents,
    extensions,
  };
}

function buildAddress(rules: AddressRules, base: unknown, run: Run, at: string): PostalAddress | null {
  const country = rules.country ? evaluate(rules.country, base, run, at) : undefined;
  // A country that was sent but is invalid is not replaced by a guess: the address is left out.
  if (country !== undefined && wasDropped(country)) return null;
  run.country = country !== undefined && isValue(country) ? country : run.market;
  const lines: string[] = [];
  for (const rule of rules.lines) {
    const line = read(rule, base, run, at);
    if (line !== undefined) lines.push(line);
  }
  const postcode = read(rules.postcode, base, run, at) ?? null;
  const locality = read(rules.locality, base, run, at) ?? null;
  if (lines.length === 0 && postcode === null && locality === null) return null;
  return {
    lines,
    locality,
    region: read(rules.region, base, run, at) ?? null,
    postcode,
    country: run.country,
    key: addressKey(run.country, postcode, lines[0]),
    use: read(rules.use, base, run, at) ?? 'UNKNOWN',
  };
}

function buildOrganisation(rules: NonNullable<CompiledParty['organisation']>, payload: unknown, run: Run): Organisation | null {
  const accountId = read(rules.accountId, payload, run);
  if (accountId === undefined) return null;
  const name = read(rules.name, payload, run);
  if (name === undefined) {
    run.dropped.push({
      path: rules.name.from[0]?.text ?? 'party.organisation.name',
      reason: 'party.organisation: an organisation needs a name',
    });
    return null;
  }
  return { accountId, name, vatId: read(rules.vatId, payload, run) ?? null, role: read(rules.role, payload, run) ?? null };
}
