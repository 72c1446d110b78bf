// The matching configuration: which identifiers link, the rules (an OR of ANDs), blocking, merge
// protection, survivorship and household rules. A data steward edits one JSON file
// (apps/resolver/config/matching.json); this zod schema is its specification, every problem is
// reported with its path, and the result is compiled once (patterns, lookup sets, nickname index)
// so matching does no parsing per record.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { IdentifierType, PhoneLineType } from '@c360/schemas';
import { NAME_METHODS, type NameMethod, type NicknameIndex, daysOf, nicknameIndex } from './comparators';

export const IDENTIFIER_TYPES = [
  'EMAIL',
  'PHONE',
  'LOYALTY_ID',
  'ECOMMERCE_ACCOUNT',
  'POS_CUSTOMER_REF',
  'WHOLESALE_BUYER_ID',
  'SERVICE_CONTACT_ID',
  'SUBSCRIBER_KEY',
  'DEVICE_ID',
  'COOKIE_ID',
  'OTHER',
] as const satisfies readonly IdentifierType[];

const LINE_TYPES = ['MOBILE', 'FIXED_LINE', 'UNKNOWN'] as const satisfies readonly PhoneLineType[];
export const BLOCK_PARTS = [
  'given-phonetic',
  'family-phonetic',
  'name-phonetic',
  'given-initial',
  'given-key',
  'family-key',
  'date-of-birth',
  'birth-year',
  'postcode',
  'address',
] as const;
export type BlockPart = (typeof BLOCK_PARTS)[number];
export const SURVIVORSHIP_RULES = ['ignore-empty', 'source-priority', 'most-recent', 'most-frequent'] as const;
export type SurvivorshipRule = (typeof SURVIVORSHIP_RULES)[number];

const identifierType = z.enum(IDENTIFIER_TYPES);
const unit = z.number().min(0).max(1);
const slug = z.string().regex(/^[a-z][a-z0-9+-]*$/, 'use lower-case letters, digits, "-" and "+" (e.g. "same-email")');
const nameKey = z.string().regex(/^[a-z]+$/, 'a name match key: lower-case Latin letters only (as givenKey)');
const regex = z.string().superRefine((source, ctx) => {
  try {
    new RegExp(source);
  } catch (e) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `not a regular expression: ${(e as Error).message}` });
  }
});
const isoDate = z.string().refine((s) => !Number.isNaN(daysOf(s)), 'a date as YYYY-MM-DD');
const positiveInt = z.number().int().min(1);

const nameTest = z.object({ methods: z.array(z.enum(NAME_METHODS)).min(1), threshold: unit }).strict();
const namePartCondition = {
  /** similar: both sides have the part and it agrees; compatible: no conflicting evidence (a side may lack it). */
  test: z.enum(['similar', 'compatible']),
  /** Overrides names.similar / names.compatible for this condition. */
  methods: z.array(z.enum(NAME_METHODS)).min(1).optional(),
  threshold: unit.optional(),
};

const condition = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('identifier'),
      type: identifierType,
      /** Only phones of these line types count (PHONE only). */
      lineTypes: z.array(z.enum(LINE_TYPES)).min(1).optional(),
      /** Whether a value currently shared by several persons still counts; an over-frequent one never does. */
      allowShared: z.boolean().default(false),
    })
    .strict(),
  z.object({ kind: z.literal('identifier-compatible'), type: identifierType }).strict(),
  z.object({ kind: z.literal('given-name'), ...namePartCondition }).strict(),
  z.object({ kind: z.literal('family-name'), ...namePartCondition }).strict(),
  z.object({ kind: z.literal('date-of-birth'), test: z.enum(['equal', 'equal-or-transposed', 'similar', 'compatible']) }).strict(),
  z.object({ kind: z.literal('address') }).strict(),
  /** The same dwelling: the address with its flat or floor. */
  z.object({ kind: z.literal('dwelling') }).strict(),
  z.object({ kind: z.literal('postcode') }).strict(),
  z.object({ kind: z.literal('name-present'), on: z.enum(['either', 'both']) }).strict(),
]);
export type ConditionSpec = z.infer<typeof condition>;

const rule = z
  .object({
    name: slug,
    description: z.string().optional(),
    /** The rule's confidence; a match scores it times the mean agreement of its conditions. */
    score: unit.default(1),
    /** Name conditions may also hold with the record's given and family names swapped. */
    namesMaySwap: z.boolean().default(false),
    all: z.array(condition).min(1),
  })
  .strict();
export type RuleSpec = z.infer<typeof rule>;

const block = z.object({ name: slug, parts: z.array(z.enum(BLOCK_PARTS)).min(1) }).strict();
const chain = z.array(z.enum(SURVIVORSHIP_RULES)).min(1);

export const matchingConfigSchema = z
  .object({
    version: z.literal(1),
    description: z.string().optional(),
    /** Identifier types that link records, in priority order; issuer-scoped ones are only unique per issuer. */
    identifiers: z.array(z.object({ type: identifierType, scope: z.enum(['value', 'issuer']).default('value') }).strict()).min(1),
    names: z
      .object({
        phonetic: z.literal('double-metaphone').default('double-metaphone'),
        nicknames: z
          .object({ builtIn: z.boolean().default(true), extra: z.array(z.array(nameKey).min(2)).default([]) })
          .strict()
          .default({}),
        similar: z.object({ given: nameTest, family: nameTest }).strict(),
        compatible: z.object({ given: nameTest, family: nameTest }).strict(),
      })
      .strict(),
    /** What makes two records clearly different persons. */
    conflict: z
      .object({
        /** Given names that are not compatible (by names.compatible.given), in either name order. */
        givenName: z.boolean(),
        /** Dates of birth that differ in more than one of day, month and year and are not day/month swapped. */
        dateOfBirth: z.boolean(),
        /** Types of which a person holds one value: two records carrying different values are two persons. */
        identifierTypes: z.array(identifierType).default([]),
      })
      .strict(),
    rules: z.array(rule).min(1),
    blocking: z
      .object({
        identifiers: z.boolean().default(true),
        blocks: z.array(block),
        maxKeysPerBlock: positiveInt.default(8),
        maxKeysPerRecord: positiveInt.default(64),
        /** A key holding more records than this is too common to find candidates by (the resolver skips it). */
        maxRecordsPerKey: positiveInt.default(500),
      })
      .strict(),
    protection: z
      .object({
        blockedValues: z.record(identifierType, z.array(z.string().min(1))).default({}),
        blockedPatterns: z.record(identifierType, z.array(regex)).default({}),
        blockedBirthDates: z.array(isoDate).default([]),
        /** A value carried by records of more than this many distinct persons stops linking on its own. */
        sharedValueLimit: z.record(identifierType, positiveInt).default({}),
        /**
         * Values a whole household shares (a landline): such a value counts as shared as soon as the
         * holders' addresses house more persons than its type's shared-value limit. With `patterns`,
         * only the values matching one (regular expressions, case insensitive) are household values,
         * and they count as shared from the start: a family mailbox (family.mueller@...) that only
         * one member ever gives with a name is still the family's.
         */
        householdValues: z
          .array(
            z
              .object({
                type: identifierType,
                lineTypes: z.array(z.enum(LINE_TYPES)).min(1).optional(),
                patterns: z.array(regex).min(1).optional(),
              })
              .strict(),
          )
          .default([]),
        /** A value carried by more records than this links nothing at all; "default" for the types not listed. */
        maxRecordsPerValue: z.record(z.union([identifierType, z.literal('default')]), positiveInt).default({}),
        /** A merge that would make a profile of more records than this is quarantined instead of applied. */
        maxClusterSize: z.number().int().min(2),
      })
      .strict(),
    survivorship: z
      .object({
        /** Sources from the most to the least trusted; sources not listed come last. */
        sourcePriority: z.array(z.string().min(1)),
        attributes: z.object({ name: chain, dateOfBirth: chain, organisation: chain }).strict(),
      })
      .strict(),
    households: z.object({ rules: z.array(rule).min(1) }).strict(),
  })
  .strict()
  .superRefine((file, ctx) => {
    const linkable = new Set(file.identifiers.map((i) => i.type));
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
    file.identifiers.forEach((entry, i) => {
      if (file.identifiers.findIndex((other) => other.type === entry.type) !== i)
        problem(['identifiers', i, 'type'], `${entry.type} is listed twice`);
    });
    const checkRules = (rules: readonly RuleSpec[], at: string, minimum: number) => {
      const names = new Set<string>();
      rules.forEach((r, i) => {
        if (names.has(r.name)) problem([...pathOf(at), i, 'name'], `rule name '${r.name}' is used twice`);
        names.add(r.name);
        r.all.forEach((c, j) => {
          if ((c.kind === 'identifier' || c.kind === 'identifier-compatible') && !linkable.has(c.type))
            problem([...pathOf(at), i, 'all', j, 'type'], `${c.type} is not in "identifiers"`);
          if (c.kind === 'identifier' && c.lineTypes && c.type !== 'PHONE')
            problem([...pathOf(at), i, 'all', j, 'lineTypes'], 'lineTypes applies to PHONE only');
        });
        if (!r.all.some((c) => c.kind === 'identifier') && positiveConditions(r) < minimum) {
          problem(
            [...pathOf(at), i, 'all'],
            `a rule without an identifier needs at least ${minimum} conditions that agree positively (similar names, date of birth, address, postcode): fewer would join strangers`,
          );
        }
      });
    };
    checkRules(file.rules, 'rules', 3);
    checkRules(file.households.rules, 'households.rules', 2);
    const blockNames = new Set<string>();
    file.blocking.blocks.forEach((b, i) => {
      if (blockNames.has(b.name)) problem(['blocking', 'blocks', i, 'name'], `block name '${b.name}' is used twice`);
      blockNames.add(b.name);
    });
  });

const pathOf = (at: string) => at.split('.');

function positiveConditions(r: RuleSpec): number {
  // A dwelling (the address with its flat) names one home, as specific as a name and an address
  // together: it counts twice.
  return r.all.reduce(
    (n, c) =>
      n +
      (((c.kind === 'given-name' || c.kind === 'family-name') && c.test === 'similar') ||
      (c.kind === 'date-of-birth' && c.test !== 'compatible') ||
      c.kind === 'address' ||
      c.kind === 'postcode'
        ? 1
        : c.kind === 'dwelling'
          ? 2
          : 0),
    0,
  );
}

export type MatchingConfigFile = z.infer<typeof matchingConfigSchema>;

/**
 * What `buildEvidence` extracts, versioned: a change to it (first forenames, buildings, dwellings
 * in version 2) changes the evidence fingerprint, so stored evidence is rebuilt.
 */
const EVIDENCE_VERSION = 2;

/** Methods and threshold a name condition applies. */
export interface NameTest {
  readonly methods: readonly NameMethod[];
  readonly threshold: number;
}

export type Condition =
  | {
      readonly kind: 'identifier';
      readonly type: IdentifierType;
      readonly lineTypes: ReadonlySet<PhoneLineType> | null;
      readonly allowShared: boolean;
    }
  | { readonly kind: 'identifier-compatible'; readonly type: IdentifierType }
  | { readonly kind: 'given-name' | 'family-name'; readonly test: 'similar' | 'compatible'; readonly name: NameTest }
  | { readonly kind: 'date-of-birth'; readonly test: 'equal' | 'equal-or-transposed' | 'similar' | 'compatible' }
  | { readonly kind: 'address' }
  | { readonly kind: 'dwelling' }
  | { readonly kind: 'postcode' }
  | { readonly kind: 'name-present'; readonly on: 'either' | 'both' };

export type NameCondition = Extract<Condition, { kind: 'given-name' | 'family-name' }>;

export interface Rule {
  readonly name: string;
  readonly score: number;
  readonly namesMaySwap: boolean;
  /** Conditions on everything but names, checked first (cheap set look-ups). */
  readonly gates: readonly Exclude<Condition, NameCondition>[];
  /** Name conditions, which must all hold for one pair of names in one order. */
  readonly names: readonly NameCondition[];
}

/** The configuration compiled for matching. */
export interface MatchingConfig {
  readonly file: MatchingConfigFile;
  /** Linkable identifier types → priority (0 is the strongest). */
  readonly identifierRank: ReadonlyMap<string, number>;
  readonly issuerScoped: ReadonlySet<string>;
  readonly rules: readonly Rule[];
  readonly householdRules: readonly Rule[];
  readonly compatible: { readonly given: NameTest; readonly family: NameTest };
  readonly nicknames: NicknameIndex;
  readonly blockedValues: ReadonlyMap<string, ReadonlySet<string>>;
  readonly blockedPatterns: ReadonlyMap<string, readonly RegExp[]>;
  /** protection.householdValues compiled: type → line types (null: any) and patterns (null: every value). */
  readonly householdValues: readonly {
    readonly type: string;
    readonly lineTypes: ReadonlySet<string> | null;
    readonly patterns: readonly RegExp[] | null;
  }[];
  readonly blockedBirthDates: ReadonlySet<number>;
  /**
   * Hash of the parts of the configuration that record evidence depends on (identifiers,
   * nicknames, protection lists): stored evidence built under another fingerprint is stale.
   */
  readonly evidenceFingerprint: string;
}

/** One problem in a matching configuration: where ('rules[3].all[1].threshold') and what. */
export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
}

export class MatchingConfigError extends Error {
  override readonly name = 'MatchingConfigError';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`invalid matching configuration: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
}

/** Checks a matching configuration's content; every problem is listed with its path. */
export function checkMatchingConfig(
  content: unknown,
):
  | { readonly config: MatchingConfig; readonly problems: readonly [] }
  | { readonly config?: undefined; readonly problems: readonly ConfigProblem[] } {
  const parsed = matchingConfigSchema.safeParse(content);
  if (!parsed.success) return { problems: parsed.error.issues.map((issue) => ({ path: pathText(issue.path), message: issue.message })) };
  return { config: compile(parsed.data), problems: [] };
}

/** The compiled configuration, or a MatchingConfigError listing every problem. */
export function parseMatchingConfig(content: unknown): MatchingConfig {
  const checked = checkMatchingConfig(content);
  if (!checked.config) throw new MatchingConfigError(checked.problems);
  return checked.config;
}

function compile(file: MatchingConfigFile): MatchingConfig {
  const compileRule = (r: RuleSpec): Rule => {
    const gates: Exclude<Condition, NameCondition>[] = [];
    const names: NameCondition[] = [];
    for (const c of r.all) {
      switch (c.kind) {
        case 'given-name':
        case 'family-name': {
          const defaults = file.names[c.test][c.kind === 'given-name' ? 'given' : 'family'];
          names.push({
            kind: c.kind,
            test: c.test,
            name: { methods: c.methods ?? defaults.methods, threshold: c.threshold ?? defaults.threshold },
          });
          break;
        }
        case 'identifier':
          gates.push({ kind: c.kind, type: c.type, lineTypes: c.lineTypes ? new Set(c.lineTypes) : null, allowShared: c.allowShared });
          break;
        case 'identifier-compatible':
        case 'date-of-birth':
        case 'address':
        case 'dwelling':
        case 'postcode':
        case 'name-present':
          gates.push(c);
          break;
        default: {
          const unreachable: never = c;
          throw new Error(`unknown condition ${JSON.stringify(unreachable)}`);
        }
      }
    }
    return { name: r.name, score: r.score, namesMaySwap: r.namesMaySwap, gates, names };
  };
  const { protection } = file;
  const evidenceInputs = {
    version: EVIDENCE_VERSION,
    identifiers: file.identifiers,
    nicknames: file.names.nicknames,
    phonetic: file.names.phonetic,
    protection,
  };
  return {
    file,
    identifierRank: new Map(file.identifiers.map((i, rank) => [i.type, rank])),
    issuerScoped: new Set(file.identifiers.filter((i) => i.scope === 'issuer').map((i) => i.type)),
    rules: file.rules.map(compileRule),
    householdRules: file.households.rules.map(compileRule),
    compatible: file.names.compatible,
    nicknames: nicknameIndex(file.names.nicknames.extra, file.names.nicknames.builtIn),
    blockedValues: new Map(
      Object.entries(protection.blockedValues).map(([type, values]) => [
        type,
        new Set(values.map((v) => normaliseIdentifierValue(type, v))),
      ]),
    ),
    blockedPatterns: new Map(
      Object.entries(protection.blockedPatterns).map(([type, sources]) => [type, sources.map((s) => new RegExp(s, 'i'))]),
    ),
    blockedBirthDates: new Set(protection.blockedBirthDates.map(daysOf)),
    householdValues: protection.householdValues.map((h) => ({
      type: h.type,
      lineTypes: h.lineTypes ? new Set(h.lineTypes) : null,
      patterns: h.patterns ? h.patterns.map((source) => new RegExp(source, 'i')) : null,
    })),
    evidenceFingerprint: createHash('sha256').update(JSON.stringify(evidenceInputs)).digest('hex').slice(0, 16),
  };
}

/** Emails compare case-insensitively; other identifiers as issued (trimmed). */
export function normaliseIdentifierValue(type: string, value: string): string {
  const trimmed = value.trim();
  return type === 'EMAIL' ? trimmed.toLowerCase() : trimmed;
}

/** The largest number of records a value of this type may be carried by and still link. */
export function maxRecordsPerValue(config: MatchingConfig, type: string): number {
  const limits: Partial<Record<string, number>> = config.file.protection.maxRecordsPerValue;
  return limits[type] ?? limits['default'] ?? Number.POSITIVE_INFINITY;
}

/** How many distinct persons may carry a value of this type before it counts as shared. */
export function sharedValueLimit(config: MatchingConfig, type: string): number {
  const limits: Partial<Record<string, number>> = config.file.protection.sharedValueLimit;
  return limits[type] ?? Number.POSITIVE_INFINITY;
}

function pathText(segments: readonly (string | number)[]): string {
  let text = '';
  for (const s of segments) text += typeof s === 'number' ? `[${s}]` : text === '' ? s : `.${s}`;
  return text || '(file)';
}
