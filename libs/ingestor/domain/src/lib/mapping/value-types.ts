// What each canonical field holds and which transforms may fill it. The mapping file validator
// and the compiler both read this table, so a transform that cannot fill a field is a validation
// error with its path, never a surprise at run time.
import {
  CanonicalEventSchema,
  type ConsentChannel,
  type ConsentPurpose,
  type ConsentStatus,
  type ContactUse,
  type EngagementKind,
  type IdentifierType,
  type LoyaltyChangeKind,
  type RegisterUpdateKind,
  type SalesChannel,
  type ServiceCaseStatus,
} from '@c360/schemas';
import {
  InvalidValue,
  normaliseCategory,
  normaliseCountry,
  normaliseDate,
  normaliseDateOfBirth,
  normaliseDecimal,
  normaliseEmail,
  normaliseEpochMillis,
  normaliseEpochSeconds,
  normaliseInteger,
  normaliseIsoTimestamp,
  normaliseNamePart,
  normalisePhone,
  normalisePostcode,
  normaliseText,
  normaliseVatId,
  normaliseCurrency,
  type NormalisedPhone,
} from '../normalise';

/** What a normaliser may need beyond the value: the event's market, the address's country, the time of ingestion. */
export interface NormaliseScope {
  market: string;
  country: string;
  readonly now: number;
}

export type Normaliser<T> = (value: unknown, scope: NormaliseScope) => T;

/** An amount as the source sent it: a decimal string, or an integer of minor units. */
export type Amount = { readonly decimal: string } | { readonly minor: number };

/** Every transform a mapping rule may name. */
export const TRANSFORMS = [
  'string',
  'lowerCase',
  'upperCase',
  'name',
  'email',
  'phone',
  'date',
  'dateOfBirth',
  'isoTimestamp',
  'epochMillis',
  'epochSeconds',
  'country',
  'postcode',
  'currency',
  'decimal',
  'minorUnits',
  'integer',
  'negativeInteger',
  'category',
  'vatId',
] as const;
export type Transform = (typeof TRANSFORMS)[number];

/** The kind of value a canonical field holds: its transforms (the first is the default) or its enum symbols. */
export interface ValueType<T> {
  readonly label: string;
  readonly transforms: ReadonlyMap<Transform, Normaliser<T>>;
  /** Set for enum fields: the value (after any value map) must be one of these. */
  readonly symbols?: readonly string[];
}

function valueType<T>(label: string, transforms: Partial<Record<Transform, Normaliser<T>>>): ValueType<T> {
  return { label, transforms: new Map(Object.entries(transforms) as [Transform, Normaliser<T>][]) };
}

const text = (v: unknown) => normaliseText(v);
const lower = (v: unknown) => normaliseText(v).toLowerCase();
const upper = (v: unknown) => normaliseText(v).toUpperCase();

export const TEXT = valueType<string>('text', { string: text, lowerCase: lower, upperCase: upper });
/** Text the canonical model keeps in lower case (a case topic, a loyalty tier). */
export const LOWER_TEXT = valueType<string>('lower-case text', { lowerCase: lower, string: text, upperCase: upper });
export const NAME = valueType<string>('name', { name: normaliseNamePart });
export const EMAIL = valueType<string>('email address', { email: normaliseEmail });
export const PHONE = valueType<NormalisedPhone>('phone number', { phone: (v, scope) => normalisePhone(v, scope.market) });
export const TIMESTAMP = valueType<number>('timestamp', {
  isoTimestamp: normaliseIsoTimestamp,
  epochMillis: normaliseEpochMillis,
  epochSeconds: normaliseEpochSeconds,
});
export const DATE = valueType<number>('date', { date: normaliseDate });
export const DATE_OF_BIRTH = valueType<number>('date of birth', { dateOfBirth: (v, scope) => normaliseDateOfBirth(v, scope.now) });
export const COUNTRY = valueType<string>('country', { country: normaliseCountry });
export const POSTCODE = valueType<string>('postcode', { postcode: (v, scope) => normalisePostcode(v, scope.country) });
export const CURRENCY = valueType<string>('currency', { currency: normaliseCurrency });
export const AMOUNT = valueType<Amount>('amount', {
  decimal: (v) => ({ decimal: normaliseDecimal(v) }),
  minorUnits: (v) => ({ minor: normaliseInteger(v) }),
});
export const INTEGER = valueType<number>('integer', { integer: normaliseInteger, negativeInteger: (v) => -Math.abs(normaliseInteger(v)) });
export const NPS_SCORE = valueType<number>('score from 0 to 10', {
  integer: (v) => {
    const score = normaliseInteger(v);
    if (score < 0 || score > 10) throw new InvalidValue('score outside 0..10');
    return score;
  },
});
export const CATEGORY = valueType<string>('category', { category: normaliseCategory });
export const VAT_ID = valueType<string>('VAT id', { vatId: normaliseVatId });

// Enum symbols come from the Avro schema itself, so a symbol added there is mappable at once.
function enumType<S extends string>(avroName: string): ValueType<S> {
  const symbols = findEnumSymbols(CanonicalEventSchema, avroName);
  if (!symbols) throw new Error(`enum ${avroName} is not in the canonical event schema`);
  const known = new Set(symbols);
  const check: Normaliser<S> = (v) => {
    if (typeof v === 'string' && known.has(v)) return v as S;
    throw new InvalidValue(`not one of ${symbols.join(', ')}`);
  };
  return { label: `one of ${symbols.join(', ')}`, transforms: new Map([['string', check]]), symbols };
}

function findEnumSymbols(node: unknown, name: string): string[] | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findEnumSymbols(child, name);
      if (found) return found;
    }
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record['type'] === 'enum' && record['name'] === name) return record['symbols'] as string[];
    for (const child of Object.values(record)) {
      const found = findEnumSymbols(child, name);
      if (found) return found;
    }
  }
  return undefined;
}

export const SALES_CHANNEL = enumType<SalesChannel>('SalesChannel');
export const CONTACT_USE = enumType<ContactUse>('ContactUse');
export const IDENTIFIER_TYPE = enumType<IdentifierType>('IdentifierType');
export const CONSENT_PURPOSE = enumType<ConsentPurpose>('ConsentPurpose');
export const CONSENT_CHANNEL = enumType<ConsentChannel>('ConsentChannel');
export const CONSENT_STATUS = enumType<ConsentStatus>('ConsentStatus');
export const ENGAGEMENT_KIND = enumType<EngagementKind>('EngagementKind');
export const SERVICE_CASE_STATUS = enumType<ServiceCaseStatus>('ServiceCaseStatus');
export const LOYALTY_CHANGE_KIND = enumType<LoyaltyChangeKind>('LoyaltyChangeKind');
export const REGISTER_UPDATE_KIND = enumType<RegisterUpdateKind>('RegisterUpdateKind');

/** Every field name in the canonical event, lower case: a market extension may not reuse one. */
export const CANONICAL_FIELD_NAMES: ReadonlySet<string> = (() => {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (Array.isArray(record['fields'])) {
        for (const field of record['fields'] as { name: string }[]) names.add(field.name.toLowerCase());
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(CanonicalEventSchema);
  return names;
})();
