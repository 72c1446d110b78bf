// Generated from libs/schemas/avro/profile.avsc by libs/schemas/scripts/codegen.mjs. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type Profile = IoC360.Profile;

export namespace IoC360 {
  export const GoldenNameSchema =
    '{"type":"record","name":"GoldenName","owner":"resolver","doc":"A name as one source record gave it.","fields":[{"name":"given","type":["null","string"],"default":null,"pii":"personal","doc":"Given name for display."},{"name":"family","type":["null","string"],"default":null,"pii":"personal","doc":"Family name for display."},{"name":"full","type":"string","pii":"personal","doc":"The whole name for display in the market\'s order."},{"name":"source","type":"string","pii":"pseudonymous","doc":"The source record it came from, source:sourceRecordId."},{"name":"decidedBy","type":"string","pii":"none","doc":"The survivorship rule that chose it: source-priority, most-recent, most-frequent, only-value or tie-break."}]}';
  export const GoldenNameName = 'io.c360.GoldenName';
  /**
   * A name as one source record gave it.
   */
  export interface GoldenName {
    /**
     * Given name for display.
     *
     * Default: null
     */
    given: null | string;
    /**
     * Family name for display.
     *
     * Default: null
     */
    family: null | string;
    /**
     * The whole name for display in the market's order.
     */
    full: string;
    /**
     * The source record it came from, source:sourceRecordId.
     */
    source: string;
    /**
     * The survivorship rule that chose it: source-priority, most-recent, most-frequent, only-value or tie-break.
     */
    decidedBy: string;
  }
  export const ContactPointSchema =
    '{"type":"record","name":"ContactPoint","owner":"resolver","doc":"An email or phone and where it came from.","fields":[{"name":"kind","type":"string","pii":"none","doc":"EMAIL or PHONE."},{"name":"value","type":"string","pii":"direct-identifier","doc":"The normalised email or E.164 phone."},{"name":"use","type":"string","pii":"none","doc":"PERSONAL, WORK or UNKNOWN, as the sources gave it."},{"name":"lineType","type":["null","string"],"default":null,"pii":"none","doc":"A phone\'s line type (MOBILE, FIXED_LINE, ...)."},{"name":"sources","type":{"type":"array","items":"string"},"default":[],"pii":"pseudonymous","doc":"The source records that gave it, most recent first."}]}';
  export const ContactPointName = 'io.c360.ContactPoint';
  /**
   * An email or phone and where it came from.
   */
  export interface ContactPoint {
    /**
     * EMAIL or PHONE.
     */
    kind: string;
    /**
     * The normalised email or E.164 phone.
     */
    value: string;
    /**
     * PERSONAL, WORK or UNKNOWN, as the sources gave it.
     */
    use: string;
    /**
     * A phone's line type (MOBILE, FIXED_LINE, ...).
     *
     * Default: null
     */
    lineType: null | string;
    /**
     * The source records that gave it, most recent first.
     *
     * Default: []
     */
    sources: string[];
  }
  export const GoldenAddressSchema =
    '{"type":"record","name":"GoldenAddress","owner":"resolver","doc":"A postal address and where it came from.","fields":[{"name":"lines","type":{"type":"array","items":"string"},"default":[],"pii":"personal","doc":"Street lines."},{"name":"locality","type":["null","string"],"default":null,"pii":"personal","doc":"City or town."},{"name":"postcode","type":["null","string"],"default":null,"pii":"personal","doc":"Postcode in its country\'s canonical form."},{"name":"country","type":"string","pii":"none","doc":"ISO 3166-1 alpha-2 country."},{"name":"sources","type":{"type":"array","items":"string"},"default":[],"pii":"pseudonymous","doc":"The source records that gave it, most recent first."}]}';
  export const GoldenAddressName = 'io.c360.GoldenAddress';
  /**
   * A postal address and where it came from.
   */
  export interface GoldenAddress {
    /**
     * Street lines.
     *
     * Default: []
     */
    lines: string[];
    /**
     * City or town.
     *
     * Default: null
     */
    locality: null | string;
    /**
     * Postcode in its country's canonical form.
     *
     * Default: null
     */
    postcode: null | string;
    /**
     * ISO 3166-1 alpha-2 country.
     */
    country: string;
    /**
     * The source records that gave it, most recent first.
     *
     * Default: []
     */
    sources: string[];
  }
  export const GoldenIdentifierSchema =
    '{"type":"record","name":"GoldenIdentifier","owner":"resolver","doc":"An identifier and where it came from.","fields":[{"name":"type","type":"string","pii":"none","doc":"The identifier type (LOYALTY_ID, ECOMMERCE_ACCOUNT, COOKIE_ID, ...)."},{"name":"value","type":"string","pii":"pseudonymous","doc":"The identifier\'s value."},{"name":"issuer","type":["null","string"],"default":null,"pii":"none","doc":"The system that issued it, for issuer-scoped types."},{"name":"sources","type":{"type":"array","items":"string"},"default":[],"pii":"pseudonymous","doc":"The source records that gave it."}]}';
  export const GoldenIdentifierName = 'io.c360.GoldenIdentifier';
  /**
   * An identifier and where it came from.
   */
  export interface GoldenIdentifier {
    /**
     * The identifier type (LOYALTY_ID, ECOMMERCE_ACCOUNT, COOKIE_ID, ...).
     */
    type: string;
    /**
     * The identifier's value.
     */
    value: string;
    /**
     * The system that issued it, for issuer-scoped types.
     *
     * Default: null
     */
    issuer: null | string;
    /**
     * The source records that gave it.
     *
     * Default: []
     */
    sources: string[];
  }
  export const ProfileSchema =
    '{"type":"record","name":"Profile","namespace":"io.c360","owner":"resolver","doc":"The current golden record of a unified profile: one value per single-valued attribute by survivorship, contact points multi-valued, each with the source records behind it. Compacted topic c360.profiles keyed by profile id; an absorbed profile id gets a tombstone.","fields":[{"name":"profileId","type":"string","pii":"pseudonymous","doc":"Stable profile id."},{"name":"emails","type":{"type":"array","items":"string"},"default":[],"pii":"direct-identifier","doc":"All known normalised emails."},{"name":"phones","type":{"type":"array","items":"string"},"default":[],"pii":"direct-identifier","doc":"All known phones in E.164."},{"name":"sourceRecords","type":{"type":"array","items":"string"},"default":[],"pii":"pseudonymous","doc":"Source records of the profile as source:sourceRecordId."},{"name":"aliases","type":{"type":"array","items":"string"},"default":[],"pii":"pseudonymous","doc":"Absorbed profile ids that resolve to this profile."},{"name":"name","default":null,"pii":"personal","doc":"The golden name, chosen by the survivorship rules for name (docs/matching.md), with the source record it came from.","type":["null",{"type":"record","name":"GoldenName","owner":"resolver","doc":"A name as one source record gave it.","fields":[{"name":"given","type":["null","string"],"default":null,"pii":"personal","doc":"Given name for display."},{"name":"family","type":["null","string"],"default":null,"pii":"personal","doc":"Family name for display."},{"name":"full","type":"string","pii":"personal","doc":"The whole name for display in the market\'s order."},{"name":"source","type":"string","pii":"pseudonymous","doc":"The source record it came from, source:sourceRecordId."},{"name":"decidedBy","type":"string","pii":"none","doc":"The survivorship rule that chose it: source-priority, most-recent, most-frequent, only-value or tie-break."}]}]},{"name":"dateOfBirth","type":["null",{"type":"int","logicalType":"date"}],"default":null,"pii":"personal","doc":"The golden date of birth, days since 1970-01-01."},{"name":"dateOfBirthSource","type":["null","string"],"default":null,"pii":"pseudonymous","doc":"The source record the date of birth came from."},{"name":"organisation","type":["null","string"],"default":null,"pii":"none","doc":"The golden organisation (B2B buyer): its name and account as name (accountId)."},{"name":"contactPoints","default":[],"pii":"direct-identifier","doc":"Every email and phone of the profile, most recently confirmed first, each with the source records that gave it.","type":{"type":"array","items":{"type":"record","name":"ContactPoint","owner":"resolver","doc":"An email or phone and where it came from.","fields":[{"name":"kind","type":"string","pii":"none","doc":"EMAIL or PHONE."},{"name":"value","type":"string","pii":"direct-identifier","doc":"The normalised email or E.164 phone."},{"name":"use","type":"string","pii":"none","doc":"PERSONAL, WORK or UNKNOWN, as the sources gave it."},{"name":"lineType","type":["null","string"],"default":null,"pii":"none","doc":"A phone\'s line type (MOBILE, FIXED_LINE, ...)."},{"name":"sources","type":{"type":"array","items":"string"},"default":[],"pii":"pseudonymous","doc":"The source records that gave it, most recent first."}]}}},{"name":"addresses","default":[],"pii":"personal","doc":"Every postal address of the profile, most recent first, with the source records behind each.","type":{"type":"array","items":{"type":"record","name":"GoldenAddress","owner":"resolver","doc":"A postal address and where it came from.","fields":[{"name":"lines","type":{"type":"array","items":"string"},"default":[],"pii":"personal","doc":"Street lines."},{"name":"locality","type":["null","string"],"default":null,"pii":"personal","doc":"City or town."},{"name":"postcode","type":["null","string"],"default":null,"pii":"personal","doc":"Postcode in its country\'s canonical form."},{"name":"country","type":"string","pii":"none","doc":"ISO 3166-1 alpha-2 country."},{"name":"sources","type":{"type":"array","items":"string"},"default":[],"pii":"pseudonymous","doc":"The source records that gave it, most recent first."}]}}},{"name":"identifiers","default":[],"pii":"pseudonymous","doc":"Every identifier of the profile (loyalty ids, accounts, cookies), each with the source records that gave it.","type":{"type":"array","items":{"type":"record","name":"GoldenIdentifier","owner":"resolver","doc":"An identifier and where it came from.","fields":[{"name":"type","type":"string","pii":"none","doc":"The identifier type (LOYALTY_ID, ECOMMERCE_ACCOUNT, COOKIE_ID, ...)."},{"name":"value","type":"string","pii":"pseudonymous","doc":"The identifier\'s value."},{"name":"issuer","type":["null","string"],"default":null,"pii":"none","doc":"The system that issued it, for issuer-scoped types."},{"name":"sources","type":{"type":"array","items":"string"},"default":[],"pii":"pseudonymous","doc":"The source records that gave it."}]}}},{"name":"householdId","type":["null","string"],"default":null,"pii":"pseudonymous","doc":"The household the profile belongs to (an edge between profiles, never a merge); null when none."},{"name":"updatedAt","type":{"type":"long","logicalType":"timestamp-millis"},"pii":"none","doc":"When the profile last changed, UTC epoch milliseconds."}]}';
  export const ProfileName = 'io.c360.Profile';
  /**
   * The current golden record of a unified profile: one value per single-valued attribute by survivorship, contact points multi-valued, each with the source records behind it. Compacted topic c360.profiles keyed by profile id; an absorbed profile id gets a tombstone.
   */
  export interface Profile {
    /**
     * Stable profile id.
     */
    profileId: string;
    /**
     * All known normalised emails.
     *
     * Default: []
     */
    emails: string[];
    /**
     * All known phones in E.164.
     *
     * Default: []
     */
    phones: string[];
    /**
     * Source records of the profile as source:sourceRecordId.
     *
     * Default: []
     */
    sourceRecords: string[];
    /**
     * Absorbed profile ids that resolve to this profile.
     *
     * Default: []
     */
    aliases: string[];
    /**
     * The golden name, chosen by the survivorship rules for name (docs/matching.md), with the source record it came from.
     *
     * Default: null
     */
    name: null | IoC360.GoldenName;
    /**
     * The golden date of birth, days since 1970-01-01.
     *
     * Default: null
     */
    dateOfBirth: null | number;
    /**
     * The source record the date of birth came from.
     *
     * Default: null
     */
    dateOfBirthSource: null | string;
    /**
     * The golden organisation (B2B buyer): its name and account as name (accountId).
     *
     * Default: null
     */
    organisation: null | string;
    /**
     * Every email and phone of the profile, most recently confirmed first, each with the source records that gave it.
     *
     * Default: []
     */
    contactPoints: IoC360.ContactPoint[];
    /**
     * Every postal address of the profile, most recent first, with the source records behind each.
     *
     * Default: []
     */
    addresses: IoC360.GoldenAddress[];
    /**
     * Every identifier of the profile (loyalty ids, accounts, cookies), each with the source records that gave it.
     *
     * Default: []
     */
    identifiers: IoC360.GoldenIdentifier[];
    /**
     * The household the profile belongs to (an edge between profiles, never a merge); null when none.
     *
     * Default: null
     */
    householdId: null | string;
    /**
     * When the profile last changed, UTC epoch milliseconds.
     */
    updatedAt: number;
  }
}

export const ProfileSchema = {
  type: 'record',
  name: 'Profile',
  namespace: 'io.c360',
  owner: 'resolver',
  doc: 'The current golden record of a unified profile: one value per single-valued attribute by survivorship, contact points multi-valued, each with the source records behind it. Compacted topic c360.profiles keyed by profile id; an absorbed profile id gets a tombstone.',
  fields: [
    { name: 'profileId', type: 'string', pii: 'pseudonymous', doc: 'Stable profile id.' },
    {
      name: 'emails',
      type: { type: 'array', items: 'string' },
      default: [],
      pii: 'direct-identifier',
      doc: 'All known normalised emails.',
    },
    {
      name: 'phones',
      type: { type: 'array', items: 'string' },
      default: [],
      pii: 'direct-identifier',
      doc: 'All known phones in E.164.',
    },
    {
      name: 'sourceRecords',
      type: { type: 'array', items: 'string' },
      default: [],
      pii: 'pseudonymous',
      doc: 'Source records of the profile as source:sourceRecordId.',
    },
    {
      name: 'aliases',
      type: { type: 'array', items: 'string' },
      default: [],
      pii: 'pseudonymous',
      doc: 'Absorbed profile ids that resolve to this profile.',
    },
    {
      name: 'name',
      default: null,
      pii: 'personal',
      doc: 'The golden name, chosen by the survivorship rules for name (docs/matching.md), with the source record it came from.',
      type: [
        'null',
        {
          type: 'record',
          name: 'GoldenName',
          owner: 'resolver',
          doc: 'A name as one source record gave it.',
          fields: [
            {
              name: 'given',
              type: ['null', 'string'],
              default: null,
              pii: 'personal',
              doc: 'Given name for display.',
            },
            {
              name: 'family',
              type: ['null', 'string'],
              default: null,
              pii: 'personal',
              doc: 'Family name for display.',
            },
            {
              name: 'full',
              type: 'string',
              pii: 'personal',
              doc: "The whole name for display in the market's order.",
            },
            {
              name: 'source',
              type: 'string',
              pii: 'pseudonymous',
              doc: 'The source record it came from, source:sourceRecordId.',
            },
            {
              name: 'decidedBy',
              type: 'string',
              pii: 'none',
              doc: 'The survivorship rule that chose it: source-priority, most-recent, most-frequent, only-value or tie-break.',
            },
          ],
        },
      ],
    },
    {
      name: 'dateOfBirth',
      type: ['null', { type: 'int', logicalType: 'date' }],
      default: null,
      pii: 'personal',
      doc: 'The golden date of birth, days since 1970-01-01.',
    },
    {
      name: 'dateOfBirthSource',
      type: ['null', 'string'],
      default: null,
      pii: 'pseudonymous',
      doc: 'The source record the date of birth came from.',
    },
    {
      name: 'organisation',
      type: ['null', 'string'],
      default: null,
      pii: 'none',
      doc: 'The golden organisation (B2B buyer): its name and account as name (accountId).',
    },
    {
      name: 'contactPoints',
      default: [],
      pii: 'direct-identifier',
      doc: 'Every email and phone of the profile, most recently confirmed first, each with the source records that gave it.',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'ContactPoint',
          owner: 'resolver',
          doc: 'An email or phone and where it came from.',
          fields: [
            { name: 'kind', type: 'string', pii: 'none', doc: 'EMAIL or PHONE.' },
            {
              name: 'value',
              type: 'string',
              pii: 'direct-identifier',
              doc: 'The normalised email or E.164 phone.',
            },
            {
              name: 'use',
              type: 'string',
              pii: 'none',
              doc: 'PERSONAL, WORK or UNKNOWN, as the sources gave it.',
            },
            {
              name: 'lineType',
              type: ['null', 'string'],
              default: null,
              pii: 'none',
              doc: "A phone's line type (MOBILE, FIXED_LINE, ...).",
            },
            {
              name: 'sources',
              type: { type: 'array', items: 'string' },
              default: [],
              pii: 'pseudonymous',
              doc: 'The source records that gave it, most recent first.',
            },
          ],
        },
      },
    },
    {
      name: 'addresses',
      default: [],
      pii: 'personal',
      doc: 'Every postal address of the profile, most recent first, with the source records behind each.',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'GoldenAddress',
          owner: 'resolver',
          doc: 'A postal address and where it came from.',
          fields: [
            {
              name: 'lines',
              type: { type: 'array', items: 'string' },
              default: [],
              pii: 'personal',
              doc: 'Street lines.',
            },
            {
              name: 'locality',
              type: ['null', 'string'],
              default: null,
              pii: 'personal',
              doc: 'City or town.',
            },
            {
              name: 'postcode',
              type: ['null', 'string'],
              default: null,
              pii: 'personal',
              doc: "Postcode in its country's canonical form.",
            },
            { name: 'country', type: 'string', pii: 'none', doc: 'ISO 3166-1 alpha-2 country.' },
            {
              name: 'sources',
              type: { type: 'array', items: 'string' },
              default: [],
              pii: 'pseudonymous',
              doc: 'The source records that gave it, most recent first.',
            },
          ],
        },
      },
    },
    {
      name: 'identifiers',
      default: [],
      pii: 'pseudonymous',
      doc: 'Every identifier of the profile (loyalty ids, accounts, cookies), each with the source records that gave it.',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'GoldenIdentifier',
          owner: 'resolver',
          doc: 'An identifier and where it came from.',
          fields: [
            {
              name: 'type',
              type: 'string',
              pii: 'none',
              doc: 'The identifier type (LOYALTY_ID, ECOMMERCE_ACCOUNT, COOKIE_ID, ...).',
            },
            { name: 'value', type: 'string', pii: 'pseudonymous', doc: "The identifier's value." },
            {
              name: 'issuer',
              type: ['null', 'string'],
              default: null,
              pii: 'none',
              doc: 'The system that issued it, for issuer-scoped types.',
            },
            {
              name: 'sources',
              type: { type: 'array', items: 'string' },
              default: [],
              pii: 'pseudonymous',
              doc: 'The source records that gave it.',
            },
          ],
        },
      },
    },
    {
      name: 'householdId',
      type: ['null', 'string'],
      default: null,
      pii: 'pseudonymous',
      doc: 'The household the profile belongs to (an edge between profiles, never a merge); null when none.',
    },
    {
      name: 'updatedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      pii: 'none',
      doc: 'When the profile last changed, UTC epoch milliseconds.',
    },
  ],
} as const;
