// The mapping file format: how one source system's native JSON becomes canonical events. A data
// steward writes one file per source (apps/ingestor/mappings/<source>.json); this zod schema is
// its specification, and every problem in a file is reported with its path.
import { z } from 'zod';
import { sourceTopic } from '@c360/schemas';
import { parseEach, parsePath } from './paths';
import {
  AMOUNT,
  CANONICAL_FIELD_NAMES,
  CATEGORY,
  CONSENT_CHANNEL,
  CONSENT_PURPOSE,
  CONSENT_STATUS,
  CONTACT_USE,
  COUNTRY,
  CURRENCY,
  DATE,
  DATE_OF_BIRTH,
  EMAIL,
  ENGAGEMENT_KIND,
  IDENTIFIER_TYPE,
  INTEGER,
  LOWER_TEXT,
  LOYALTY_CHANGE_KIND,
  NAME,
  NPS_SCORE,
  PHONE,
  POSTCODE,
  REGISTER_UPDATE_KIND,
  SALES_CHANNEL,
  SERVICE_CASE_STATUS,
  TEXT,
  TIMESTAMP,
  TRANSFORMS,
  VAT_ID,
  type ValueType,
} from './value-types';
import { normaliseCountry } from '../normalise';

const literal = z.union([z.string(), z.number(), z.boolean()]);
export type Literal = z.infer<typeof literal>;

const path = z.string().refine((p) => parsePath(p) !== undefined, {
  message: "not a payload path: use dot-separated keys with optional indices, e.g. 'customer.email' or 'items[0].sku'",
});
const paths = z.union([path, z.array(path).min(1)]);
const eachPath = z.string().refine((p) => parseEach(p) !== undefined, {
  message: "not a path to iterate: 'items[]' for every element of an array, or 'member.address' for one object",
});

const RULE_HINT = 'expected a rule: { "from": "payload.path" }, { "join": ["a", "b"] } or { "const": value }';

const ruleObject = z
  .object(
    {
      /** Payload path(s); the first one holding a value wins. */
      from: paths.optional(),
      /** Several payload paths whose values are joined with ':' (all must be present), for ids made of parts. */
      join: z.array(path).min(2).optional(),
      /** A constant. */
      const: literal.optional(),
      /** The value used when no path holds one. */
      default: literal.optional(),
      transform: z
        .enum(TRANSFORMS, {
          errorMap: (issue, ctx) => ({
            message:
              issue.code === 'invalid_enum_value'
                ? `unknown transform '${String(issue.received)}'; the transforms are ${TRANSFORMS.join(', ')}`
                : ctx.defaultError,
          }),
        })
        .optional(),
      /** A required field missing or invalid rejects the payload; an optional one is left out (and listed when invalid). */
      required: z.boolean().optional(),
      /** Source value → canonical value, e.g. { "Open": "EMAIL_OPEN" }; applied before the transform. */
      map: z.record(z.string(), literal).optional(),
      /** The canonical value for a source value the map does not list; without it such a value is invalid. */
      otherwise: literal.optional(),
    },
    { errorMap: (issue, ctx) => ({ message: issue.code === 'invalid_type' ? RULE_HINT : ctx.defaultError }) },
  )
  .strict();
export type RuleSpec = z.infer<typeof ruleObject>;

interface FieldOptions {
  /** The canonical model cannot do without the field: it is required whatever the rule says. */
  readonly always?: boolean;
}

/**
 * A rule filling one canonical field of the given type. Enum fields also accept a bare constant
 * ("channel": "ONLINE"); other fields need a rule object, so a path is never mistaken for a constant.
 */
function field<T>(type: ValueType<T>, options: FieldOptions = {}) {
  return z.preprocess(
    (v) => (type.symbols && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') ? { const: v } : v),
    ruleObject.superRefine((rule, ctx) => checkRule(rule, type, options, ctx)),
  );
}

function checkRule<T>(rule: RuleSpec, type: ValueType<T>, options: FieldOptions, ctx: z.RefinementCtx): void {
  const problem = (message: string, at: string[] = []) => ctx.addIssue({ code: z.ZodIssueCode.custom, message, path: at });
  const sources = [rule.from, rule.join, rule.const].filter((s) => s !== undefined).length;
  if (sources !== 1) problem('a rule needs exactly one of "from", "join" or "const"');
  if (rule.transform !== undefined) {
    if (type.symbols)
      problem(`this field is an enum (${type.label}) and takes no transform; translate source values with "map"`, ['transform']);
    else if (!type.transforms.has(rule.transform)) {
      problem(`transform '${rule.transform}' cannot fill a ${type.label} field; use ${[...type.transforms.keys()].join(' or ')}`, [
        'transform',
      ]);
    }
  }
  if (rule.const !== undefined && (rule.map !== undefined || rule.default !== undefined)) problem('a constant takes no "map" or "default"');
  if (rule.otherwise !== undefined && rule.map === undefined) problem('"otherwise" needs a "map"', ['otherwise']);
  if (options.always && rule.required === false)
    problem('the canonical model cannot do without this field: it is always required', ['required']);
  if (type.symbols) {
    const symbols = type.symbols;
    const checkSymbol = (value: Literal, at: string[]) => {
      if (typeof value !== 'string' || !symbols.includes(value)) problem(`'${String(value)}' is not ${type.label}`, at);
    };
    if (rule.const !== undefined) checkSymbol(rule.const, ['const']);
    if (rule.default !== undefined) checkSymbol(rule.default, ['default']);
    if (rule.otherwise !== undefined) checkSymbol(rule.otherwise, ['otherwise']);
    for (const [key, value] of Object.entries(rule.map ?? {})) checkSymbol(value, ['map', key]);
  }
}

/** A list entry: one item from absolute paths, or one per element of `each` with paths relative to the element. */
const entry = <S extends z.ZodRawShape>(shape: S) => z.object({ each: eachPath.optional(), ...shape }).strict();

const emailEntry = entry({ address: field(EMAIL), use: field(CONTACT_USE).optional() });
const phoneEntry = entry({ number: field(PHONE), use: field(CONTACT_USE).optional() });
const addressEntry = entry({
  lines: z.array(field(TEXT)).min(1).optional(),
  locality: field(TEXT).optional(),
  region: field(TEXT).optional(),
  postcode: field(POSTCODE).optional(),
  /** Defaults to the event's market. */
  country: field(COUNTRY).optional(),
  use: field(CONTACT_USE).optional(),
});
const identifierEntry = entry({ type: field(IDENTIFIER_TYPE, { always: true }), value: field(TEXT), issuer: field(TEXT).optional() });
const consentEntry = entry({
  purpose: field(CONSENT_PURPOSE, { always: true }),
  channel: field(CONSENT_CHANNEL, { always: true }),
  status: field(CONSENT_STATUS),
  /** Defaults to the event's occurredAt. */
  recordedAt: field(TIMESTAMP).optional(),
});
const lineEntry = entry({
  sku: field(TEXT, { always: true }),
  category: field(CATEGORY).optional(),
  quantity: field(INTEGER).optional(),
  /** The line total net of discounts. */
  netAmountMinor: field(AMOUNT, { always: true }).optional(),
  /** Instead of netAmountMinor, for sources that send the net price of one unit: the line total is it times quantity. */
  unitNetAmount: field(AMOUNT, { always: true }).optional(),
}).refine((l) => (l.netAmountMinor === undefined) !== (l.unitNetAmount === undefined), {
  message: 'a line needs exactly one of "netAmountMinor" (the line total) or "unitNetAmount" (the price of one unit)',
});

// Other names of canonical fields, which a market extension may not take either.
const CANONICAL_SYNONYMS = new Set([
  'firstname',
  'lastname',
  'givenname',
  'familyname',
  'surname',
  'forename',
  'forenames',
  'fullname',
  'birthdate',
  'dob',
  'email',
  'emailaddress',
  'mail',
  'phone',
  'phonenumber',
  'mobile',
  'telephone',
  'address',
  'street',
  'city',
  'town',
  'zip',
  'zipcode',
  'postalcode',
  'state',
  'county',
  'vat',
  'vatno',
  'vatnumber',
  'consent',
  'identifier',
  'market',
]);
const EXTENSION_KEY = /^([a-z]{2})\.([a-z][A-Za-z0-9]*)$/;

const extensionKey = z.string().superRefine((key, ctx) => {
  const m = EXTENSION_KEY.exec(key);
  const issue = (message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, message });
  if (!m) return issue(`extension '${key}' must be namespaced '<market in lower case>.<name>', e.g. 'jp.nameKana'`);
  if (!isCountry(m[1]!.toUpperCase())) issue(`extension '${key}': '${m[1]}' is not an ISO 3166 country`);
  const name = m[2]!.toLowerCase();
  if (CANONICAL_FIELD_NAMES.has(name) || CANONICAL_FIELD_NAMES.has(`${name}s`) || CANONICAL_SYNONYMS.has(name)) {
    issue(`extension '${key}' names a canonical field; map it to that field instead (extensions never override the canonical model)`);
  }
});

const party = z
  .object({
    name: z
      .object({ given: field(NAME).optional(), family: field(NAME).optional(), full: field(NAME).optional() })
      .strict()
      .refine((n) => Object.keys(n).length > 0, { message: 'a name needs at least one of given, family or full' })
      .optional(),
    dateOfBirth: field(DATE_OF_BIRTH).optional(),
    emails: z.array(emailEntry).optional(),
    phones: z.array(phoneEntry).optional(),
    addresses: z.array(addressEntry).optional(),
    identifiers: z.array(identifierEntry).optional(),
    organisation: z
      .object({ accountId: field(TEXT), name: field(TEXT), vatId: field(VAT_ID).optional(), role: field(TEXT).optional() })
      .strict()
      .optional(),
    consents: z.array(consentEntry).optional(),
    extensions: z.record(extensionKey, field(TEXT)).optional(),
  })
  .strict();
export type PartySpec = z.infer<typeof party>;

const record = z
  .object({
    /** The source's own id of the event; the canonical eventId is '<source>:<this>'. */
    eventId: field(TEXT, { always: true }).optional(),
    sourceRecordId: field(TEXT, { always: true }).optional(),
    occurredAt: field(TIMESTAMP, { always: true }).optional(),
  })
  .strict();
export type RecordSpec = z.infer<typeof record>;

const purchase = z
  .object({
    orderId: field(TEXT, { always: true }),
    channel: field(SALES_CHANNEL).optional(),
    storeId: field(TEXT).optional(),
    terminalId: field(TEXT).optional(),
    currency: field(CURRENCY, { always: true }),
    netAmountMinor: field(AMOUNT, { always: true }),
    lines: z.array(lineEntry).optional(),
  })
  .strict();
const purchaseReturn = z
  .object({
    returnId: field(TEXT, { always: true }),
    orderId: field(TEXT).optional(),
    channel: field(SALES_CHANNEL).optional(),
    storeId: field(TEXT).optional(),
    currency: field(CURRENCY, { always: true }),
    refundAmountMinor: field(AMOUNT, { always: true }),
    reason: field(TEXT).optional(),
    lines: z.array(lineEntry).optional(),
  })
  .strict();
const engagement = z
  .object({
    kind: field(ENGAGEMENT_KIND, { always: true }),
    campaignId: field(TEXT).optional(),
    url: field(TEXT).optional(),
    sku: field(TEXT).optional(),
    category: field(CATEGORY).optional(),
  })
  .strict();
const serviceCase = z
  .object({
    caseId: field(TEXT, { always: true }),
    status: field(SERVICE_CASE_STATUS, { always: true }),
    topic: field(LOWER_TEXT).optional(),
    contactChannel: field(LOWER_TEXT).optional(),
  })
  .strict();
const npsResponse = z
  .object({
    surveyId: field(TEXT, { always: true }),
    score: field(NPS_SCORE, { always: true }),
    caseId: field(TEXT).optional(),
    comment: field(TEXT).optional(),
  })
  .strict();
const loyaltyChange = z
  .object({
    kind: field(LOYALTY_CHANGE_KIND, { always: true }),
    programme: field(TEXT, { always: true }),
    tier: field(LOWER_TEXT).optional(),
    pointsDelta: field(INTEGER).optional(),
    pointsBalance: field(INTEGER).optional(),
  })
  .strict();
const registerUpdate = z
  .object({
    kind: field(REGISTER_UPDATE_KIND, { always: true }),
    register: field(TEXT, { always: true }),
    effectiveDate: field(DATE).optional(),
  })
  .strict();

export type PurchaseSpec = z.infer<typeof purchase>;
export type PurchaseReturnSpec = z.infer<typeof purchaseReturn>;
export type EngagementSpec = z.infer<typeof engagement>;
export type ServiceCaseSpec = z.infer<typeof serviceCase>;
export type NpsResponseSpec = z.infer<typeof npsResponse>;
export type LoyaltyChangeSpec = z.infer<typeof loyaltyChange>;
export type RegisterUpdateSpec = z.infer<typeof registerUpdate>;
export type LineSpec = z.infer<typeof lineEntry>;

const condition = z
  .object({
    path,
    /** The value at path equals this. */
    equals: literal.optional(),
    /** The value at path is one of these. */
    in: z.array(literal).min(1).optional(),
    /** true: the path holds a value; false: it does not. */
    present: z.boolean().optional(),
  })
  .strict()
  .refine((c) => [c.equals, c.in, c.present].filter((t) => t !== undefined).length === 1, {
    message: 'a condition needs exactly one of "equals", "in" or "present"',
  });
export type ConditionSpec = z.infer<typeof condition>;

const kindBase = {
  /** A short lower-case name for the kind of message (order, refund, ticket), used in messages and metrics. */
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a kind name is lower-case letters, digits and dashes'),
  description: z.string().optional(),
  /** Which payloads are this kind: all conditions must hold. Only the last kind may go without. */
  when: z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(condition).min(1).optional()),
  record: record.optional(),
  party: party.optional(),
};

const kind = z.discriminatedUnion('eventType', [
  z.object({ ...kindBase, eventType: z.literal('PURCHASE'), purchase }).strict(),
  z.object({ ...kindBase, eventType: z.literal('RETURN'), purchaseReturn }).strict(),
  z.object({ ...kindBase, eventType: z.literal('ENGAGEMENT'), engagement }).strict(),
  z.object({ ...kindBase, eventType: z.literal('SERVICE_CASE'), serviceCase }).strict(),
  z.object({ ...kindBase, eventType: z.literal('NPS_RESPONSE'), npsResponse }).strict(),
  z.object({ ...kindBase, eventType: z.literal('LOYALTY_CHANGE'), loyaltyChange }).strict(),
  z.object({ ...kindBase, eventType: z.literal('REGISTER_UPDATE'), registerUpdate }).strict(),
  z.object({ ...kindBase, eventType: z.enum(['CONSENT_CHANGE', 'RECORD_UPDATE', 'RECORD_DELETE', 'OTHER']) }).strict(),
]);
export type KindSpec = z.infer<typeof kind>;

function isCountry(code: string): boolean {
  try {
    return normaliseCountry(code) === code;
  } catch {
    return false;
  }
}

const isSource = (name: string) => {
  try {
    sourceTopic(name);
    return true;
  } catch {
    return false;
  }
};

const RECORD_FIELDS = ['eventId', 'sourceRecordId', 'occurredAt'] as const;

export const mappingFileSchema = z
  .object({
    /** The source system's name: lower-case letters, digits and dashes; its topic is src.<source>.v1. */
    source: z.string().refine(isSource, { message: 'a source name is lower-case letters, digits and dashes, starting with a letter' }),
    description: z.string().min(1, 'describe the source in a sentence'),
    /** The market (ISO 3166-1 alpha-2) when the payload does not say; also the default phone region. */
    defaultMarket: z.string().refine(isCountry, { message: 'not an ISO 3166-1 alpha-2 country code (upper case)' }),
    /** Payload paths holding the market: a country (code or English name) or a locale such as en-GB. */
    marketFrom: paths.optional(),
    /** Larger payloads are rejected as payload-too-large. */
    maxPayloadBytes: z
      .number()
      .int()
      .positive()
      .max(16 * 1024 * 1024)
      .default(64 * 1024),
    /** Record rules common to every kind; a kind's own rule for a field replaces the common one. */
    record: record.optional(),
    /** Party rules common to every kind; a kind adds list entries and replaces the other fields. */
    party: party.optional(),
    /** The kinds of message, tried in order: the first whose conditions hold maps the payload. */
    kinds: z.array(kind).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const names = new Set<string>();
    file.kinds.forEach((k, i) => {
      if (names.has(k.name))
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['kinds', i, 'name'], message: `two kinds are named '${k.name}'` });
      names.add(k.name);
      if (k.when === undefined && i < file.kinds.length - 1) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['kinds', i, 'when'],
          message: 'only the last kind may go without "when": the kinds after it could never match',
        });
      }
      for (const f of RECORD_FIELDS) {
        if (k.record?.[f] === undefined && file.record?.[f] === undefined) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ['kinds', i, 'record', f],
            message: `${f} needs a rule, here or in the common "record"`,
          });
        }
      }
    });
  });

export type MappingFile = z.infer<typeof mappingFileSchema>;

/** One problem in a mapping file: where ('kinds[2].purchase.currency') and what. */
export interface MappingProblem {
  readonly path: string;
  readonly message: string;
}

/** Checks a mapping file's content; every problem is listed with its path. */
export function checkMappingFile(
  content: unknown,
):
  | { readonly file: MappingFile; readonly problems: readonly [] }
  | { readonly file?: undefined; readonly problems: readonly MappingProblem[] } {
  const parsed = mappingFileSchema.safeParse(content);
  if (parsed.success) return { file: parsed.data, problems: [] };
  return { problems: parsed.error.issues.map((issue) => ({ path: pathText(issue.path), message: issue.message })) };
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** A path in the file: 'kinds[2].party.extensions["jp.nameKana"]'. */
function pathText(segments: readonly (string | number)[]): string {
  let text = '';
  for (const s of segments) {
    if (typeof s === 'number') text += `[${s}]`;
    else if (!PLAIN_KEY.test(s)) text += `[${JSON.stringify(s)}]`;
    else text += text === '' ? s : `.${s}`;
  }
  return text || '(file)';
}
