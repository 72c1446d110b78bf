// Generated from libs/schemas/avro/canonical-event.avsc by libs/schemas/scripts/codegen.mjs. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type CanonicalEvent = IoC360.CanonicalEvent;

export namespace IoC360 {
  export const EventTypeSchema =
    '{"type":"enum","name":"EventType","symbols":["PURCHASE","RETURN","ENGAGEMENT","SERVICE_CASE","NPS_RESPONSE","LOYALTY_CHANGE","REGISTER_UPDATE","CONSENT_CHANGE","RECORD_UPDATE","RECORD_DELETE","OTHER"],"default":"OTHER","doc":"Kinds of canonical event."}';
  export const EventTypeName = 'io.c360.EventType';
  /**
   * Kinds of canonical event.
   */
  export type EventType =
    | 'PURCHASE'
    | 'RETURN'
    | 'ENGAGEMENT'
    | 'SERVICE_CASE'
    | 'NPS_RESPONSE'
    | 'LOYALTY_CHANGE'
    | 'REGISTER_UPDATE'
    | 'CONSENT_CHANGE'
    | 'RECORD_UPDATE'
    | 'RECORD_DELETE'
    | 'OTHER';
  export const PersonNameSchema =
    '{"type":"record","name":"PersonName","doc":"A name as given, with diacritic-folded match keys kept beside it.","fields":[{"name":"given","type":["null","string"],"default":null,"pii":"personal","doc":"Given (first) name for display: Unicode NFC, whitespace collapsed, case as the source wrote it unless it was all one case."},{"name":"family","type":["null","string"],"default":null,"pii":"personal","doc":"Family name (surname) for display, normalised as given."},{"name":"full","type":"string","pii":"personal","doc":"The whole name for display in the market\'s order (family first in JP); the source\'s own full name when it sends only one string."},{"name":"givenKey","type":["null","string"],"default":null,"pii":"personal","doc":"Match key of the given name: transliterated to Latin, diacritics folded, lower case, letters only."},{"name":"familyKey","type":["null","string"],"default":null,"pii":"personal","doc":"Match key of the family name, built like givenKey."}]}';
  export const PersonNameName = 'io.c360.PersonName';
  /**
   * A name as given, with diacritic-folded match keys kept beside it.
   */
  export interface PersonName {
    /**
     * Given (first) name for display: Unicode NFC, whitespace collapsed, case as the source wrote it unless it was all one case.
     *
     * Default: null
     */
    given: null | string;
    /**
     * Family name (surname) for display, normalised as given.
     *
     * Default: null
     */
    family: null | string;
    /**
     * The whole name for display in the market's order (family first in JP); the source's own full name when it sends only one string.
     */
    full: string;
    /**
     * Match key of the given name: transliterated to Latin, diacritics folded, lower case, letters only.
     *
     * Default: null
     */
    givenKey: null | string;
    /**
     * Match key of the family name, built like givenKey.
     *
     * Default: null
     */
    familyKey: null | string;
  }
  export const ContactUseSchema =
    '{"type":"enum","name":"ContactUse","symbols":["PERSONAL","WORK","UNKNOWN"],"default":"UNKNOWN"}';
  export const ContactUseName = 'io.c360.ContactUse';
  export type ContactUse = 'PERSONAL' | 'WORK' | 'UNKNOWN';
  export const EmailContactSchema =
    '{"type":"record","name":"EmailContact","doc":"An email address, normalised (trimmed, spaces removed, lower case).","fields":[{"name":"address","type":"string","pii":"direct-identifier","doc":"The normalised address."},{"name":"use","type":{"type":"enum","name":"ContactUse","symbols":["PERSONAL","WORK","UNKNOWN"],"default":"UNKNOWN"},"pii":"none","doc":"What the person uses the contact point for, when the source says."}]}';
  export const EmailContactName = 'io.c360.EmailContact';
  /**
   * An email address, normalised (trimmed, spaces removed, lower case).
   */
  export interface EmailContact {
    /**
     * The normalised address.
     */
    address: string;
    /**
     * What the person uses the contact point for, when the source says.
     */
    use: IoC360.ContactUse;
  }
  export const PhoneLineTypeSchema =
    '{"type":"enum","name":"PhoneLineType","symbols":["MOBILE","FIXED_LINE","UNKNOWN"],"default":"UNKNOWN"}';
  export const PhoneLineTypeName = 'io.c360.PhoneLineType';
  export type PhoneLineType = 'MOBILE' | 'FIXED_LINE' | 'UNKNOWN';
  export const PhoneContactSchema =
    '{"type":"record","name":"PhoneContact","doc":"A phone number in E.164, the market being the default region of a number written without a country code.","fields":[{"name":"number","type":"string","pii":"direct-identifier","doc":"E.164 number, e.g. +493012345678."},{"name":"use","type":"ContactUse","default":"UNKNOWN","pii":"none","doc":"What the person uses the number for, when the source says."},{"name":"lineType","type":{"type":"enum","name":"PhoneLineType","symbols":["MOBILE","FIXED_LINE","UNKNOWN"],"default":"UNKNOWN"},"pii":"none","doc":"Mobile or fixed line, as the number plan tells (libphonenumber); a fixed line is often shared by a household."}]}';
  export const PhoneContactName = 'io.c360.PhoneContact';
  /**
   * A phone number in E.164, the market being the default region of a number written without a country code.
   */
  export interface PhoneContact {
    /**
     * E.164 number, e.g. +493012345678.
     */
    number: string;
    /**
     * What the person uses the number for, when the source says.
     *
     * Default: "UNKNOWN"
     */
    use: IoC360.ContactUse;
    /**
     * Mobile or fixed line, as the number plan tells (libphonenumber); a fixed line is often shared by a household.
     */
    lineType: IoC360.PhoneLineType;
  }
  export const PostalAddressSchema =
    '{"type":"record","name":"PostalAddress","doc":"A postal address, normalised per country.","fields":[{"name":"lines","type":{"type":"array","items":"string"},"default":[],"pii":"personal","doc":"Street lines as sent, whitespace collapsed."},{"name":"locality","type":["null","string"],"default":null,"pii":"personal","doc":"City or town."},{"name":"region","type":["null","string"],"default":null,"pii":"personal","doc":"State, county or prefecture."},{"name":"postcode","type":["null","string"],"default":null,"pii":"personal","doc":"Postcode in the country\'s canonical form (upper case, GB outward and inward parts separated by one space, US ZIP 5 digits, JP NNN-NNNN)."},{"name":"country","type":"string","pii":"none","doc":"ISO 3166-1 alpha-2 country."},{"name":"key","type":"string","pii":"personal","doc":"Match key: country, postcode without spaces and the first street line folded to Latin lower-case letters and digits, with common abbreviations expanded (str. = strasse, rd = road)."},{"name":"use","type":"ContactUse","default":"UNKNOWN","pii":"none","doc":"Home or work, when the source says."}]}';
  export const PostalAddressName = 'io.c360.PostalAddress';
  /**
   * A postal address, normalised per country.
   */
  export interface PostalAddress {
    /**
     * Street lines as sent, whitespace collapsed.
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
     * State, county or prefecture.
     *
     * Default: null
     */
    region: null | string;
    /**
     * Postcode in the country's canonical form (upper case, GB outward and inward parts separated by one space, US ZIP 5 digits, JP NNN-NNNN).
     *
     * Default: null
     */
    postcode: null | string;
    /**
     * ISO 3166-1 alpha-2 country.
     */
    country: string;
    /**
     * Match key: country, postcode without spaces and the first street line folded to Latin lower-case letters and digits, with common abbreviations expanded (str. = strasse, rd = road).
     */
    key: string;
    /**
     * Home or work, when the source says.
     *
     * Default: "UNKNOWN"
     */
    use: IoC360.ContactUse;
  }
  export const IdentifierTypeSchema =
    '{"type":"enum","name":"IdentifierType","symbols":["EMAIL","PHONE","LOYALTY_ID","ECOMMERCE_ACCOUNT","POS_CUSTOMER_REF","WHOLESALE_BUYER_ID","SERVICE_CONTACT_ID","SUBSCRIBER_KEY","DEVICE_ID","COOKIE_ID","OTHER"],"default":"OTHER"}';
  export const IdentifierTypeName = 'io.c360.IdentifierType';
  export type IdentifierType =
    | 'EMAIL'
    | 'PHONE'
    | 'LOYALTY_ID'
    | 'ECOMMERCE_ACCOUNT'
    | 'POS_CUSTOMER_REF'
    | 'WHOLESALE_BUYER_ID'
    | 'SERVICE_CONTACT_ID'
    | 'SUBSCRIBER_KEY'
    | 'DEVICE_ID'
    | 'COOKIE_ID'
    | 'OTHER';
  export const PartyIdentifierSchema =
    '{"type":"record","name":"PartyIdentifier","doc":"An identifier of the party, used by the resolver for deterministic matching.","fields":[{"name":"type","type":{"type":"enum","name":"IdentifierType","symbols":["EMAIL","PHONE","LOYALTY_ID","ECOMMERCE_ACCOUNT","POS_CUSTOMER_REF","WHOLESALE_BUYER_ID","SERVICE_CONTACT_ID","SUBSCRIBER_KEY","DEVICE_ID","COOKIE_ID","OTHER"],"default":"OTHER"},"pii":"none","doc":"Kind of identifier."},{"name":"value","type":"string","pii":"direct-identifier","doc":"The value as issued (trimmed); emails and phones as in emails and phones."},{"name":"issuer","type":["null","string"],"default":null,"pii":"none","doc":"Who issued the identifier when it is only unique per issuer (a loyalty programme, a web property)."}]}';
  export const PartyIdentifierName = 'io.c360.PartyIdentifier';
  /**
   * An identifier of the party, used by the resolver for deterministic matching.
   */
  export interface PartyIdentifier {
    /**
     * Kind of identifier.
     */
    type: IoC360.IdentifierType;
    /**
     * The value as issued (trimmed); emails and phones as in emails and phones.
     */
    value: string;
    /**
     * Who issued the identifier when it is only unique per issuer (a loyalty programme, a web property).
     *
     * Default: null
     */
    issuer: null | string;
  }
  export const OrganisationSchema =
    '{"type":"record","name":"Organisation","doc":"A business customer account.","fields":[{"name":"accountId","type":"string","pii":"none","doc":"The wholesale system\'s account id."},{"name":"name","type":"string","pii":"none","doc":"Registered company name, whitespace collapsed."},{"name":"vatId","type":["null","string"],"default":null,"pii":"none","doc":"VAT or tax id, upper case without spaces or punctuation, with its country prefix."},{"name":"role","type":["null","string"],"default":null,"pii":"personal","doc":"The party\'s role for the organisation (buyer, purchasing manager)."}]}';
  export const OrganisationName = 'io.c360.Organisation';
  /**
   * A business customer account.
   */
  export interface Organisation {
    /**
     * The wholesale system's account id.
     */
    accountId: string;
    /**
     * Registered company name, whitespace collapsed.
     */
    name: string;
    /**
     * VAT or tax id, upper case without spaces or punctuation, with its country prefix.
     *
     * Default: null
     */
    vatId: null | string;
    /**
     * The party's role for the organisation (buyer, purchasing manager).
     *
     * Default: null
     */
    role: null | string;
  }
  export const ConsentPurposeSchema =
    '{"type":"enum","name":"ConsentPurpose","symbols":["MARKETING","PROFILING","SERVICE","OTHER"],"default":"OTHER"}';
  export const ConsentPurposeName = 'io.c360.ConsentPurpose';
  export type ConsentPurpose = 'MARKETING' | 'PROFILING' | 'SERVICE' | 'OTHER';
  export const ConsentChannelSchema =
    '{"type":"enum","name":"ConsentChannel","symbols":["EMAIL","SMS","PHONE","POST","PUSH","ANY"],"default":"ANY"}';
  export const ConsentChannelName = 'io.c360.ConsentChannel';
  export type ConsentChannel = 'EMAIL' | 'SMS' | 'PHONE' | 'POST' | 'PUSH' | 'ANY';
  export const ConsentStatusSchema =
    '{"type":"enum","name":"ConsentStatus","symbols":["GRANTED","WITHDRAWN"]}';
  export const ConsentStatusName = 'io.c360.ConsentStatus';
  export type ConsentStatus = 'GRANTED' | 'WITHDRAWN';
  export const ConsentSchema =
    '{"type":"record","name":"Consent","doc":"Consent to, or refusal of, one purpose on one channel.","fields":[{"name":"purpose","type":{"type":"enum","name":"ConsentPurpose","symbols":["MARKETING","PROFILING","SERVICE","OTHER"],"default":"OTHER"},"pii":"none","doc":"What the data may be used for."},{"name":"channel","type":{"type":"enum","name":"ConsentChannel","symbols":["EMAIL","SMS","PHONE","POST","PUSH","ANY"],"default":"ANY"},"pii":"none","doc":"Which channel the statement covers; ANY for all channels."},{"name":"status","type":{"type":"enum","name":"ConsentStatus","symbols":["GRANTED","WITHDRAWN"]},"pii":"personal","doc":"Granted or withdrawn."},{"name":"recordedAt","type":{"type":"long","logicalType":"timestamp-millis"},"pii":"none","doc":"When the person gave or withdrew it, UTC epoch milliseconds."}]}';
  export const ConsentName = 'io.c360.Consent';
  /**
   * Consent to, or refusal of, one purpose on one channel.
   */
  export interface Consent {
    /**
     * What the data may be used for.
     */
    purpose: IoC360.ConsentPurpose;
    /**
     * Which channel the statement covers; ANY for all channels.
     */
    channel: IoC360.ConsentChannel;
    /**
     * Granted or withdrawn.
     */
    status: IoC360.ConsentStatus;
    /**
     * When the person gave or withdrew it, UTC epoch milliseconds.
     */
    recordedAt: number;
  }
  export const PartySchema =
    '{"type":"record","name":"Party","doc":"An individual with multi-valued contact points and the identifiers systems know them by.","fields":[{"name":"name","default":null,"pii":"personal","doc":"The person\'s name, when the source has one.","type":["null",{"type":"record","name":"PersonName","doc":"A name as given, with diacritic-folded match keys kept beside it.","fields":[{"name":"given","type":["null","string"],"default":null,"pii":"personal","doc":"Given (first) name for display: Unicode NFC, whitespace collapsed, case as the source wrote it unless it was all one case."},{"name":"family","type":["null","string"],"default":null,"pii":"personal","doc":"Family name (surname) for display, normalised as given."},{"name":"full","type":"string","pii":"personal","doc":"The whole name for display in the market\'s order (family first in JP); the source\'s own full name when it sends only one string."},{"name":"givenKey","type":["null","string"],"default":null,"pii":"personal","doc":"Match key of the given name: transliterated to Latin, diacritics folded, lower case, letters only."},{"name":"familyKey","type":["null","string"],"default":null,"pii":"personal","doc":"Match key of the family name, built like givenKey."}]}]},{"name":"dateOfBirth","type":["null",{"type":"int","logicalType":"date"}],"default":null,"pii":"personal","doc":"Date of birth, days since 1970-01-01."},{"name":"emails","default":[],"pii":"direct-identifier","doc":"Email addresses the source holds for the person.","type":{"type":"array","items":{"type":"record","name":"EmailContact","doc":"An email address, normalised (trimmed, spaces removed, lower case).","fields":[{"name":"address","type":"string","pii":"direct-identifier","doc":"The normalised address."},{"name":"use","type":{"type":"enum","name":"ContactUse","symbols":["PERSONAL","WORK","UNKNOWN"],"default":"UNKNOWN"},"pii":"none","doc":"What the person uses the contact point for, when the source says."}]}}},{"name":"phones","default":[],"pii":"direct-identifier","doc":"Phone numbers the source holds for the person.","type":{"type":"array","items":{"type":"record","name":"PhoneContact","doc":"A phone number in E.164, the market being the default region of a number written without a country code.","fields":[{"name":"number","type":"string","pii":"direct-identifier","doc":"E.164 number, e.g. +493012345678."},{"name":"use","type":"ContactUse","default":"UNKNOWN","pii":"none","doc":"What the person uses the number for, when the source says."},{"name":"lineType","type":{"type":"enum","name":"PhoneLineType","symbols":["MOBILE","FIXED_LINE","UNKNOWN"],"default":"UNKNOWN"},"pii":"none","doc":"Mobile or fixed line, as the number plan tells (libphonenumber); a fixed line is often shared by a household."}]}}},{"name":"addresses","default":[],"pii":"personal","doc":"Postal addresses the source holds for the person.","type":{"type":"array","items":{"type":"record","name":"PostalAddress","doc":"A postal address, normalised per country.","fields":[{"name":"lines","type":{"type":"array","items":"string"},"default":[],"pii":"personal","doc":"Street lines as sent, whitespace collapsed."},{"name":"locality","type":["null","string"],"default":null,"pii":"personal","doc":"City or town."},{"name":"region","type":["null","string"],"default":null,"pii":"personal","doc":"State, county or prefecture."},{"name":"postcode","type":["null","string"],"default":null,"pii":"personal","doc":"Postcode in the country\'s canonical form (upper case, GB outward and inward parts separated by one space, US ZIP 5 digits, JP NNN-NNNN)."},{"name":"country","type":"string","pii":"none","doc":"ISO 3166-1 alpha-2 country."},{"name":"key","type":"string","pii":"personal","doc":"Match key: country, postcode without spaces and the first street line folded to Latin lower-case letters and digits, with common abbreviations expanded (str. = strasse, rd = road)."},{"name":"use","type":"ContactUse","default":"UNKNOWN","pii":"none","doc":"Home or work, when the source says."}]}}},{"name":"identifiers","default":[],"pii":"direct-identifier","doc":"Identifiers systems know the party by, including the source record\'s own id.","type":{"type":"array","items":{"type":"record","name":"PartyIdentifier","doc":"An identifier of the party, used by the resolver for deterministic matching.","fields":[{"name":"type","type":{"type":"enum","name":"IdentifierType","symbols":["EMAIL","PHONE","LOYALTY_ID","ECOMMERCE_ACCOUNT","POS_CUSTOMER_REF","WHOLESALE_BUYER_ID","SERVICE_CONTACT_ID","SUBSCRIBER_KEY","DEVICE_ID","COOKIE_ID","OTHER"],"default":"OTHER"},"pii":"none","doc":"Kind of identifier."},{"name":"value","type":"string","pii":"direct-identifier","doc":"The value as issued (trimmed); emails and phones as in emails and phones."},{"name":"issuer","type":["null","string"],"default":null,"pii":"none","doc":"Who issued the identifier when it is only unique per issuer (a loyalty programme, a web property)."}]}}},{"name":"organisation","default":null,"pii":"none","doc":"The organisation the party buys for (B2B wholesale); the party is its buyer contact.","type":["null",{"type":"record","name":"Organisation","doc":"A business customer account.","fields":[{"name":"accountId","type":"string","pii":"none","doc":"The wholesale system\'s account id."},{"name":"name","type":"string","pii":"none","doc":"Registered company name, whitespace collapsed."},{"name":"vatId","type":["null","string"],"default":null,"pii":"none","doc":"VAT or tax id, upper case without spaces or punctuation, with its country prefix."},{"name":"role","type":["null","string"],"default":null,"pii":"personal","doc":"The party\'s role for the organisation (buyer, purchasing manager)."}]}]},{"name":"consents","default":[],"pii":"personal","doc":"Consent statements the source recorded with this event; the latest per (purpose, channel) wins downstream.","type":{"type":"array","items":{"type":"record","name":"Consent","doc":"Consent to, or refusal of, one purpose on one channel.","fields":[{"name":"purpose","type":{"type":"enum","name":"ConsentPurpose","symbols":["MARKETING","PROFILING","SERVICE","OTHER"],"default":"OTHER"},"pii":"none","doc":"What the data may be used for."},{"name":"channel","type":{"type":"enum","name":"ConsentChannel","symbols":["EMAIL","SMS","PHONE","POST","PUSH","ANY"],"default":"ANY"},"pii":"none","doc":"Which channel the statement covers; ANY for all channels."},{"name":"status","type":{"type":"enum","name":"ConsentStatus","symbols":["GRANTED","WITHDRAWN"]},"pii":"personal","doc":"Granted or withdrawn."},{"name":"recordedAt","type":{"type":"long","logicalType":"timestamp-millis"},"pii":"none","doc":"When the person gave or withdrew it, UTC epoch milliseconds."}]}}},{"name":"extensions","type":{"type":"map","values":"string"},"default":{},"pii":"personal","doc":"Market extension fields beside the canonical model, each key namespaced as <market in lower case>.<name> (jp.nameKana); never a canonical field under another name."}]}';
  export const PartyName = 'io.c360.Party';
  /**
   * An individual with multi-valued contact points and the identifiers systems know them by.
   */
  export interface Party {
    /**
     * The person's name, when the source has one.
     *
     * Default: null
     */
    name: null | IoC360.PersonName;
    /**
     * Date of birth, days since 1970-01-01.
     *
     * Default: null
     */
    dateOfBirth: null | number;
    /**
     * Email addresses the source holds for the person.
     *
     * Default: []
     */
    emails: IoC360.EmailContact[];
    /**
     * Phone numbers the source holds for the person.
     *
     * Default: []
     */
    phones: IoC360.PhoneContact[];
    /**
     * Postal addresses the source holds for the person.
     *
     * Default: []
     */
    addresses: IoC360.PostalAddress[];
    /**
     * Identifiers systems know the party by, including the source record's own id.
     *
     * Default: []
     */
    identifiers: IoC360.PartyIdentifier[];
    /**
     * The organisation the party buys for (B2B wholesale); the party is its buyer contact.
     *
     * Default: null
     */
    organisation: null | IoC360.Organisation;
    /**
     * Consent statements the source recorded with this event; the latest per (purpose, channel) wins downstream.
     *
     * Default: []
     */
    consents: IoC360.Consent[];
    /**
     * Market extension fields beside the canonical model, each key namespaced as <market in lower case>.<name> (jp.nameKana); never a canonical field under another name.
     *
     * Default: {}
     */
    extensions: {
      [index: string]: string;
    };
  }
  export const SalesChannelSchema =
    '{"type":"enum","name":"SalesChannel","symbols":["ONLINE","STORE","WHOLESALE","OTHER"],"default":"OTHER"}';
  export const SalesChannelName = 'io.c360.SalesChannel';
  export type SalesChannel = 'ONLINE' | 'STORE' | 'WHOLESALE' | 'OTHER';
  export const OrderLineSchema =
    '{"type":"record","name":"OrderLine","doc":"One product line of an order or return.","fields":[{"name":"sku","type":"string","pii":"none","doc":"The product\'s stock keeping unit."},{"name":"category","type":["null","string"],"default":null,"pii":"none","doc":"Product category as a lower-case path (shoes/running)."},{"name":"quantity","type":"int","default":1,"pii":"none","doc":"Units."},{"name":"netAmountMinor","type":"long","pii":"none","doc":"Line total net of discounts, in minor units of the order\'s currency."},{"name":"reportingAmountMinor","type":"long","pii":"none","doc":"netAmountMinor in minor units of the reporting currency."}]}';
  export const OrderLineName = 'io.c360.OrderLine';
  /**
   * One product line of an order or return.
   */
  export interface OrderLine {
    /**
     * The product's stock keeping unit.
     */
    sku: string;
    /**
     * Product category as a lower-case path (shoes/running).
     *
     * Default: null
     */
    category: null | string;
    /**
     * Units.
     *
     * Default: 1
     */
    quantity: number;
    /**
     * Line total net of discounts, in minor units of the order's currency.
     */
    netAmountMinor: number;
    /**
     * netAmountMinor in minor units of the reporting currency.
     */
    reportingAmountMinor: number;
  }
  export const PurchaseSchema =
    '{"type":"record","name":"Purchase","doc":"A completed order or receipt.","fields":[{"name":"orderId","type":"string","pii":"none","doc":"The source\'s order or receipt id."},{"name":"channel","type":{"type":"enum","name":"SalesChannel","symbols":["ONLINE","STORE","WHOLESALE","OTHER"],"default":"OTHER"},"pii":"none","doc":"Where the purchase happened."},{"name":"storeId","type":["null","string"],"default":null,"pii":"none","doc":"Store of an in-store purchase."},{"name":"terminalId","type":["null","string"],"default":null,"pii":"none","doc":"Till of an in-store purchase."},{"name":"currency","type":"string","pii":"none","doc":"ISO 4217 code of the amounts as sold."},{"name":"netAmountMinor","type":"long","pii":"none","doc":"Order total net of discounts, in minor units of currency."},{"name":"reportingCurrency","type":"string","pii":"none","doc":"ISO 4217 code of the reporting currency."},{"name":"reportingAmountMinor","type":"long","pii":"none","doc":"netAmountMinor converted to the reporting currency by the ingestor\'s rate table, in its minor units."},{"name":"lines","default":[],"pii":"none","doc":"Order lines, when the source sends them.","type":{"type":"array","items":{"type":"record","name":"OrderLine","doc":"One product line of an order or return.","fields":[{"name":"sku","type":"string","pii":"none","doc":"The product\'s stock keeping unit."},{"name":"category","type":["null","string"],"default":null,"pii":"none","doc":"Product category as a lower-case path (shoes/running)."},{"name":"quantity","type":"int","default":1,"pii":"none","doc":"Units."},{"name":"netAmountMinor","type":"long","pii":"none","doc":"Line total net of discounts, in minor units of the order\'s currency."},{"name":"reportingAmountMinor","type":"long","pii":"none","doc":"netAmountMinor in minor units of the reporting currency."}]}}}]}';
  export const PurchaseName = 'io.c360.Purchase';
  /**
   * A completed order or receipt.
   */
  export interface Purchase {
    /**
     * The source's order or receipt id.
     */
    orderId: string;
    /**
     * Where the purchase happened.
     */
    channel: IoC360.SalesChannel;
    /**
     * Store of an in-store purchase.
     *
     * Default: null
     */
    storeId: null | string;
    /**
     * Till of an in-store purchase.
     *
     * Default: null
     */
    terminalId: null | string;
    /**
     * ISO 4217 code of the amounts as sold.
     */
    currency: string;
    /**
     * Order total net of discounts, in minor units of currency.
     */
    netAmountMinor: number;
    /**
     * ISO 4217 code of the reporting currency.
     */
    reportingCurrency: string;
    /**
     * netAmountMinor converted to the reporting currency by the ingestor's rate table, in its minor units.
     */
    reportingAmountMinor: number;
    /**
     * Order lines, when the source sends them.
     *
     * Default: []
     */
    lines: IoC360.OrderLine[];
  }
  export const PurchaseReturnSchema =
    '{"type":"record","name":"PurchaseReturn","doc":"Goods returned or an order refunded, in whole or in part.","fields":[{"name":"returnId","type":"string","pii":"none","doc":"The source\'s return or refund id."},{"name":"orderId","type":["null","string"],"default":null,"pii":"none","doc":"The order the return refers to, when known."},{"name":"channel","type":"SalesChannel","default":"OTHER","pii":"none","doc":"Where the return was taken."},{"name":"storeId","type":["null","string"],"default":null,"pii":"none","doc":"Store that took the return."},{"name":"currency","type":"string","pii":"none","doc":"ISO 4217 code of the refund."},{"name":"refundAmountMinor","type":"long","pii":"none","doc":"Amount refunded (positive), in minor units of currency."},{"name":"reportingCurrency","type":"string","pii":"none","doc":"ISO 4217 code of the reporting currency."},{"name":"reportingAmountMinor","type":"long","pii":"none","doc":"refundAmountMinor in the reporting currency\'s minor units."},{"name":"reason","type":["null","string"],"default":null,"pii":"none","doc":"Return reason as the source gives it."},{"name":"lines","type":{"type":"array","items":"OrderLine"},"default":[],"pii":"none","doc":"Returned lines, when the source sends them."}]}';
  export const PurchaseReturnName = 'io.c360.PurchaseReturn';
  /**
   * Goods returned or an order refunded, in whole or in part.
   */
  export interface PurchaseReturn {
    /**
     * The source's return or refund id.
     */
    returnId: string;
    /**
     * The order the return refers to, when known.
     *
     * Default: null
     */
    orderId: null | string;
    /**
     * Where the return was taken.
     *
     * Default: "OTHER"
     */
    channel: IoC360.SalesChannel;
    /**
     * Store that took the return.
     *
     * Default: null
     */
    storeId: null | string;
    /**
     * ISO 4217 code of the refund.
     */
    currency: string;
    /**
     * Amount refunded (positive), in minor units of currency.
     */
    refundAmountMinor: number;
    /**
     * ISO 4217 code of the reporting currency.
     */
    reportingCurrency: string;
    /**
     * refundAmountMinor in the reporting currency's minor units.
     */
    reportingAmountMinor: number;
    /**
     * Return reason as the source gives it.
     *
     * Default: null
     */
    reason: null | string;
    /**
     * Returned lines, when the source sends them.
     *
     * Default: []
     */
    lines: IoC360.OrderLine[];
  }
  export const EngagementKindSchema =
    '{"type":"enum","name":"EngagementKind","symbols":["EMAIL_SENT","EMAIL_OPEN","EMAIL_CLICK","EMAIL_UNSUBSCRIBE","EMAIL_BOUNCE","PAGE_VIEW","PRODUCT_VIEW","ADD_TO_CART","LOGIN","OTHER"],"default":"OTHER"}';
  export const EngagementKindName = 'io.c360.EngagementKind';
  export type EngagementKind =
    | 'EMAIL_SENT'
    | 'EMAIL_OPEN'
    | 'EMAIL_CLICK'
    | 'EMAIL_UNSUBSCRIBE'
    | 'EMAIL_BOUNCE'
    | 'PAGE_VIEW'
    | 'PRODUCT_VIEW'
    | 'ADD_TO_CART'
    | 'LOGIN'
    | 'OTHER';
  export const EngagementSchema =
    '{"type":"record","name":"Engagement","doc":"A marketing or web interaction.","fields":[{"name":"kind","type":{"type":"enum","name":"EngagementKind","symbols":["EMAIL_SENT","EMAIL_OPEN","EMAIL_CLICK","EMAIL_UNSUBSCRIBE","EMAIL_BOUNCE","PAGE_VIEW","PRODUCT_VIEW","ADD_TO_CART","LOGIN","OTHER"],"default":"OTHER"},"pii":"none","doc":"What the person did (or was sent)."},{"name":"campaignId","type":["null","string"],"default":null,"pii":"none","doc":"Marketing campaign, for email events."},{"name":"url","type":["null","string"],"default":null,"pii":"pseudonymous","doc":"Page or link URL."},{"name":"sku","type":["null","string"],"default":null,"pii":"none","doc":"Product viewed or added to the cart."},{"name":"category","type":["null","string"],"default":null,"pii":"none","doc":"Category of that product, lower-case path."}]}';
  export const EngagementName = 'io.c360.Engagement';
  /**
   * A marketing or web interaction.
   */
  export interface Engagement {
    /**
     * What the person did (or was sent).
     */
    kind: IoC360.EngagementKind;
    /**
     * Marketing campaign, for email events.
     *
     * Default: null
     */
    campaignId: null | string;
    /**
     * Page or link URL.
     *
     * Default: null
     */
    url: null | string;
    /**
     * Product viewed or added to the cart.
     *
     * Default: null
     */
    sku: null | string;
    /**
     * Category of that product, lower-case path.
     *
     * Default: null
     */
    category: null | string;
  }
  export const ServiceCaseStatusSchema =
    '{"type":"enum","name":"ServiceCaseStatus","symbols":["OPENED","UPDATED","RESOLVED","OTHER"],"default":"OTHER"}';
  export const ServiceCaseStatusName = 'io.c360.ServiceCaseStatus';
  export type ServiceCaseStatus = 'OPENED' | 'UPDATED' | 'RESOLVED' | 'OTHER';
  export const ServiceCaseSchema =
    '{"type":"record","name":"ServiceCase","doc":"A customer service case changing state.","fields":[{"name":"caseId","type":"string","pii":"none","doc":"The service system\'s case id."},{"name":"status","type":{"type":"enum","name":"ServiceCaseStatus","symbols":["OPENED","UPDATED","RESOLVED","OTHER"],"default":"OTHER"},"pii":"none","doc":"The case\'s new state."},{"name":"topic","type":["null","string"],"default":null,"pii":"none","doc":"What the case is about (delivery, refund, product-quality, ...), lower case."},{"name":"contactChannel","type":["null","string"],"default":null,"pii":"none","doc":"How the customer got in touch (email, phone, chat, store), lower case."}]}';
  export const ServiceCaseName = 'io.c360.ServiceCase';
  /**
   * A customer service case changing state.
   */
  export interface ServiceCase {
    /**
     * The service system's case id.
     */
    caseId: string;
    /**
     * The case's new state.
     */
    status: IoC360.ServiceCaseStatus;
    /**
     * What the case is about (delivery, refund, product-quality, ...), lower case.
     *
     * Default: null
     */
    topic: null | string;
    /**
     * How the customer got in touch (email, phone, chat, store), lower case.
     *
     * Default: null
     */
    contactChannel: null | string;
  }
  export const NpsResponseSchema =
    '{"type":"record","name":"NpsResponse","doc":"An answer to \'how likely are you to recommend us\', 0 to 10.","fields":[{"name":"surveyId","type":"string","pii":"none","doc":"The survey or response id."},{"name":"score","type":"int","pii":"personal","doc":"0 to 10."},{"name":"caseId","type":["null","string"],"default":null,"pii":"none","doc":"The service case the survey followed, if any."},{"name":"comment","type":["null","string"],"default":null,"pii":"personal","doc":"Free text the person wrote."}]}';
  export const NpsResponseName = 'io.c360.NpsResponse';
  /**
   * An answer to 'how likely are you to recommend us', 0 to 10.
   */
  export interface NpsResponse {
    /**
     * The survey or response id.
     */
    surveyId: string;
    /**
     * 0 to 10.
     */
    score: number;
    /**
     * The service case the survey followed, if any.
     *
     * Default: null
     */
    caseId: null | string;
    /**
     * Free text the person wrote.
     *
     * Default: null
     */
    comment: null | string;
  }
  export const LoyaltyChangeKindSchema =
    '{"type":"enum","name":"LoyaltyChangeKind","symbols":["ENROLLED","TIER_CHANGED","POINTS_EARNED","POINTS_REDEEMED","LEFT","OTHER"],"default":"OTHER"}';
  export const LoyaltyChangeKindName = 'io.c360.LoyaltyChangeKind';
  export type LoyaltyChangeKind =
    'ENROLLED' | 'TIER_CHANGED' | 'POINTS_EARNED' | 'POINTS_REDEEMED' | 'LEFT' | 'OTHER';
  export const LoyaltyChangeSchema =
    '{"type":"record","name":"LoyaltyChange","doc":"A change to the person\'s loyalty membership.","fields":[{"name":"kind","type":{"type":"enum","name":"LoyaltyChangeKind","symbols":["ENROLLED","TIER_CHANGED","POINTS_EARNED","POINTS_REDEEMED","LEFT","OTHER"],"default":"OTHER"},"pii":"none","doc":"What changed."},{"name":"programme","type":"string","pii":"none","doc":"The loyalty programme."},{"name":"tier","type":["null","string"],"default":null,"pii":"none","doc":"The tier after the change, lower case."},{"name":"pointsDelta","type":["null","long"],"default":null,"pii":"none","doc":"Points earned (positive) or redeemed (negative)."},{"name":"pointsBalance","type":["null","long"],"default":null,"pii":"none","doc":"Balance after the change, when the source says."}]}';
  export const LoyaltyChangeName = 'io.c360.LoyaltyChange';
  /**
   * A change to the person's loyalty membership.
   */
  export interface LoyaltyChange {
    /**
     * What changed.
     */
    kind: IoC360.LoyaltyChangeKind;
    /**
     * The loyalty programme.
     */
    programme: string;
    /**
     * The tier after the change, lower case.
     *
     * Default: null
     */
    tier: null | string;
    /**
     * Points earned (positive) or redeemed (negative).
     *
     * Default: null
     */
    pointsDelta: null | number;
    /**
     * Balance after the change, when the source says.
     *
     * Default: null
     */
    pointsBalance: null | number;
  }
  export const RegisterUpdateKindSchema =
    '{"type":"enum","name":"RegisterUpdateKind","symbols":["DECEASED","MOVED_AWAY","DO_NOT_CONTACT","OTHER"],"default":"OTHER"}';
  export const RegisterUpdateKindName = 'io.c360.RegisterUpdateKind';
  export type RegisterUpdateKind = 'DECEASED' | 'MOVED_AWAY' | 'DO_NOT_CONTACT' | 'OTHER';
  export const RegisterUpdateSchema =
    '{"type":"record","name":"RegisterUpdate","doc":"A notice from an external register about the person; party holds what the register matched on (name, date of birth, address).","fields":[{"name":"kind","type":{"type":"enum","name":"RegisterUpdateKind","symbols":["DECEASED","MOVED_AWAY","DO_NOT_CONTACT","OTHER"],"default":"OTHER"},"pii":"sensitive","doc":"What the register says."},{"name":"register","type":"string","pii":"none","doc":"Which register (deceased-register-gb, mailing-preference-de, ...)."},{"name":"effectiveDate","type":["null",{"type":"int","logicalType":"date"}],"default":null,"pii":"sensitive","doc":"When it took effect, days since 1970-01-01."}]}';
  export const RegisterUpdateName = 'io.c360.RegisterUpdate';
  /**
   * A notice from an external register about the person; party holds what the register matched on (name, date of birth, address).
   */
  export interface RegisterUpdate {
    /**
     * What the register says.
     */
    kind: IoC360.RegisterUpdateKind;
    /**
     * Which register (deceased-register-gb, mailing-preference-de, ...).
     */
    register: string;
    /**
     * When it took effect, days since 1970-01-01.
     *
     * Default: null
     */
    effectiveDate: null | number;
  }
  export const CanonicalEventSchema =
    '{"type":"record","name":"CanonicalEvent","namespace":"io.c360","owner":"ingestor","doc":"One thing a source system said about a person, in c360\'s canonical language: who the source record is (party) and, for most event types, what happened (exactly one payload field set, chosen by eventType). Produced by the ingestor on c360.canonical.events (profileId null) and re-keyed by the resolver onto c360.resolved.events (profileId set).","fields":[{"name":"eventId","type":"string","pii":"none","doc":"Deterministic id derived from the source and the source\'s own event id, so a redelivered or re-sent event has the same id."},{"name":"eventType","pii":"none","type":{"type":"enum","name":"EventType","symbols":["PURCHASE","RETURN","ENGAGEMENT","SERVICE_CASE","NPS_RESPONSE","LOYALTY_CHANGE","REGISTER_UPDATE","CONSENT_CHANGE","RECORD_UPDATE","RECORD_DELETE","OTHER"],"default":"OTHER","doc":"Kinds of canonical event."},"doc":"What happened. RECORD_UPDATE: the source created or changed its record of the person and only party is set; RECORD_DELETE: the source deleted the record (the resolver unlinks it); CONSENT_CHANGE: party.consents carries the change; the others set the payload field of the same name (RETURN: purchaseReturn)."},{"name":"source","type":"string","pii":"none","doc":"The source system (the mapping\'s source name: pos, ecommerce, marketing, ...)."},{"name":"sourceRecordId","type":"string","pii":"pseudonymous","doc":"The source system\'s id of its record of the person (account, member, subscriber, contact, cookie; a receipt when the till knew nobody). (source, sourceRecordId) identifies a source record."},{"name":"market","type":["null","string"],"default":null,"pii":"none","doc":"ISO 3166-1 alpha-2 market the event belongs to; the mapping\'s default market when the payload does not say."},{"name":"occurredAt","type":{"type":"long","logicalType":"timestamp-millis"},"pii":"none","doc":"When the event happened at the source, UTC epoch milliseconds."},{"name":"ingestedAt","type":{"type":"long","logicalType":"timestamp-millis"},"pii":"none","doc":"When the ingestor accepted the native payload, UTC epoch milliseconds; ingestedAt - occurredAt is the source\'s freshness."},{"name":"profileId","type":["null","string"],"default":null,"pii":"pseudonymous","doc":"The unified profile the resolver assigned; null on c360.canonical.events."},{"name":"party","default":{},"pii":"personal","doc":"The person (or buyer of an organisation) as this source record knows them at occurredAt. Only what the source sent is set: a till may know a phone number and nothing else.","type":{"type":"record","name":"Party","doc":"An individual with multi-valued contact points and the identifiers systems know them by.","fields":[{"name":"name","default":null,"pii":"personal","doc":"The person\'s name, when the source has one.","type":["null",{"type":"record","name":"PersonName","doc":"A name as given, with diacritic-folded match keys kept beside it.","fields":[{"name":"given","type":["null","string"],"default":null,"pii":"personal","doc":"Given (first) name for display: Unicode NFC, whitespace collapsed, case as the source wrote it unless it was all one case."},{"name":"family","type":["null","string"],"default":null,"pii":"personal","doc":"Family name (surname) for display, normalised as given."},{"name":"full","type":"string","pii":"personal","doc":"The whole name for display in the market\'s order (family first in JP); the source\'s own full name when it sends only one string."},{"name":"givenKey","type":["null","string"],"default":null,"pii":"personal","doc":"Match key of the given name: transliterated to Latin, diacritics folded, lower case, letters only."},{"name":"familyKey","type":["null","string"],"default":null,"pii":"personal","doc":"Match key of the family name, built like givenKey."}]}]},{"name":"dateOfBirth","type":["null",{"type":"int","logicalType":"date"}],"default":null,"pii":"personal","doc":"Date of birth, days since 1970-01-01."},{"name":"emails","default":[],"pii":"direct-identifier","doc":"Email addresses the source holds for the person.","type":{"type":"array","items":{"type":"record","name":"EmailContact","doc":"An email address, normalised (trimmed, spaces removed, lower case).","fields":[{"name":"address","type":"string","pii":"direct-identifier","doc":"The normalised address."},{"name":"use","type":{"type":"enum","name":"ContactUse","symbols":["PERSONAL","WORK","UNKNOWN"],"default":"UNKNOWN"},"pii":"none","doc":"What the person uses the contact point for, when the source says."}]}}},{"name":"phones","default":[],"pii":"direct-identifier","doc":"Phone numbers the source holds for the person.","type":{"type":"array","items":{"type":"record","name":"PhoneContact","doc":"A phone number in E.164, the market being the default region of a number written without a country code.","fields":[{"name":"number","type":"string","pii":"direct-identifier","doc":"E.164 number, e.g. +493012345678."},{"name":"use","type":"ContactUse","default":"UNKNOWN","pii":"none","doc":"What the person uses the number for, when the source says."},{"name":"lineType","type":{"type":"enum","name":"PhoneLineType","symbols":["MOBILE","FIXED_LINE","UNKNOWN"],"default":"UNKNOWN"},"pii":"none","doc":"Mobile or fixed line, as the number plan tells (libphonenumber); a fixed line is often shared by a household."}]}}},{"name":"addresses","default":[],"pii":"personal","doc":"Postal addresses the source holds for the person.","type":{"type":"array","items":{"type":"record","name":"PostalAddress","doc":"A postal address, normalised per country.","fields":[{"name":"lines","type":{"type":"array","items":"string"},"default":[],"pii":"personal","doc":"Street lines as sent, whitespace collapsed."},{"name":"locality","type":["null","string"],"default":null,"pii":"personal","doc":"City or town."},{"name":"region","type":["null","string"],"default":null,"pii":"personal","doc":"State, county or prefecture."},{"name":"postcode","type":["null","string"],"default":null,"pii":"personal","doc":"Postcode in the country\'s canonical form (upper case, GB outward and inward parts separated by one space, US ZIP 5 digits, JP NNN-NNNN)."},{"name":"country","type":"string","pii":"none","doc":"ISO 3166-1 alpha-2 country."},{"name":"key","type":"string","pii":"personal","doc":"Match key: country, postcode without spaces and the first street line folded to Latin lower-case letters and digits, with common abbreviations expanded (str. = strasse, rd = road)."},{"name":"use","type":"ContactUse","default":"UNKNOWN","pii":"none","doc":"Home or work, when the source says."}]}}},{"name":"identifiers","default":[],"pii":"direct-identifier","doc":"Identifiers systems know the party by, including the source record\'s own id.","type":{"type":"array","items":{"type":"record","name":"PartyIdentifier","doc":"An identifier of the party, used by the resolver for deterministic matching.","fields":[{"name":"type","type":{"type":"enum","name":"IdentifierType","symbols":["EMAIL","PHONE","LOYALTY_ID","ECOMMERCE_ACCOUNT","POS_CUSTOMER_REF","WHOLESALE_BUYER_ID","SERVICE_CONTACT_ID","SUBSCRIBER_KEY","DEVICE_ID","COOKIE_ID","OTHER"],"default":"OTHER"},"pii":"none","doc":"Kind of identifier."},{"name":"value","type":"string","pii":"direct-identifier","doc":"The value as issued (trimmed); emails and phones as in emails and phones."},{"name":"issuer","type":["null","string"],"default":null,"pii":"none","doc":"Who issued the identifier when it is only unique per issuer (a loyalty programme, a web property)."}]}}},{"name":"organisation","default":null,"pii":"none","doc":"The organisation the party buys for (B2B wholesale); the party is its buyer contact.","type":["null",{"type":"record","name":"Organisation","doc":"A business customer account.","fields":[{"name":"accountId","type":"string","pii":"none","doc":"The wholesale system\'s account id."},{"name":"name","type":"string","pii":"none","doc":"Registered company name, whitespace collapsed."},{"name":"vatId","type":["null","string"],"default":null,"pii":"none","doc":"VAT or tax id, upper case without spaces or punctuation, with its country prefix."},{"name":"role","type":["null","string"],"default":null,"pii":"personal","doc":"The party\'s role for the organisation (buyer, purchasing manager)."}]}]},{"name":"consents","default":[],"pii":"personal","doc":"Consent statements the source recorded with this event; the latest per (purpose, channel) wins downstream.","type":{"type":"array","items":{"type":"record","name":"Consent","doc":"Consent to, or refusal of, one purpose on one channel.","fields":[{"name":"purpose","type":{"type":"enum","name":"ConsentPurpose","symbols":["MARKETING","PROFILING","SERVICE","OTHER"],"default":"OTHER"},"pii":"none","doc":"What the data may be used for."},{"name":"channel","type":{"type":"enum","name":"ConsentChannel","symbols":["EMAIL","SMS","PHONE","POST","PUSH","ANY"],"default":"ANY"},"pii":"none","doc":"Which channel the statement covers; ANY for all channels."},{"name":"status","type":{"type":"enum","name":"ConsentStatus","symbols":["GRANTED","WITHDRAWN"]},"pii":"personal","doc":"Granted or withdrawn."},{"name":"recordedAt","type":{"type":"long","logicalType":"timestamp-millis"},"pii":"none","doc":"When the person gave or withdrew it, UTC epoch milliseconds."}]}}},{"name":"extensions","type":{"type":"map","values":"string"},"default":{},"pii":"personal","doc":"Market extension fields beside the canonical model, each key namespaced as <market in lower case>.<name> (jp.nameKana); never a canonical field under another name."}]}},{"name":"purchase","default":null,"pii":"none","doc":"Set when eventType is PURCHASE.","type":["null",{"type":"record","name":"Purchase","doc":"A completed order or receipt.","fields":[{"name":"orderId","type":"string","pii":"none","doc":"The source\'s order or receipt id."},{"name":"channel","type":{"type":"enum","name":"SalesChannel","symbols":["ONLINE","STORE","WHOLESALE","OTHER"],"default":"OTHER"},"pii":"none","doc":"Where the purchase happened."},{"name":"storeId","type":["null","string"],"default":null,"pii":"none","doc":"Store of an in-store purchase."},{"name":"terminalId","type":["null","string"],"default":null,"pii":"none","doc":"Till of an in-store purchase."},{"name":"currency","type":"string","pii":"none","doc":"ISO 4217 code of the amounts as sold."},{"name":"netAmountMinor","type":"long","pii":"none","doc":"Order total net of discounts, in minor units of currency."},{"name":"reportingCurrency","type":"string","pii":"none","doc":"ISO 4217 code of the reporting currency."},{"name":"reportingAmountMinor","type":"long","pii":"none","doc":"netAmountMinor converted to the reporting currency by the ingestor\'s rate table, in its minor units."},{"name":"lines","default":[],"pii":"none","doc":"Order lines, when the source sends them.","type":{"type":"array","items":{"type":"record","name":"OrderLine","doc":"One product line of an order or return.","fields":[{"name":"sku","type":"string","pii":"none","doc":"The product\'s stock keeping unit."},{"name":"category","type":["null","string"],"default":null,"pii":"none","doc":"Product category as a lower-case path (shoes/running)."},{"name":"quantity","type":"int","default":1,"pii":"none","doc":"Units."},{"name":"netAmountMinor","type":"long","pii":"none","doc":"Line total net of discounts, in minor units of the order\'s currency."},{"name":"reportingAmountMinor","type":"long","pii":"none","doc":"netAmountMinor in minor units of the reporting currency."}]}}}]}]},{"name":"purchaseReturn","default":null,"pii":"none","doc":"Set when eventType is RETURN.","type":["null",{"type":"record","name":"PurchaseReturn","doc":"Goods returned or an order refunded, in whole or in part.","fields":[{"name":"returnId","type":"string","pii":"none","doc":"The source\'s return or refund id."},{"name":"orderId","type":["null","string"],"default":null,"pii":"none","doc":"The order the return refers to, when known."},{"name":"channel","type":"SalesChannel","default":"OTHER","pii":"none","doc":"Where the return was taken."},{"name":"storeId","type":["null","string"],"default":null,"pii":"none","doc":"Store that took the return."},{"name":"currency","type":"string","pii":"none","doc":"ISO 4217 code of the refund."},{"name":"refundAmountMinor","type":"long","pii":"none","doc":"Amount refunded (positive), in minor units of currency."},{"name":"reportingCurrency","type":"string","pii":"none","doc":"ISO 4217 code of the reporting currency."},{"name":"reportingAmountMinor","type":"long","pii":"none","doc":"refundAmountMinor in the reporting currency\'s minor units."},{"name":"reason","type":["null","string"],"default":null,"pii":"none","doc":"Return reason as the source gives it."},{"name":"lines","type":{"type":"array","items":"OrderLine"},"default":[],"pii":"none","doc":"Returned lines, when the source sends them."}]}]},{"name":"engagement","default":null,"pii":"none","doc":"Set when eventType is ENGAGEMENT.","type":["null",{"type":"record","name":"Engagement","doc":"A marketing or web interaction.","fields":[{"name":"kind","type":{"type":"enum","name":"EngagementKind","symbols":["EMAIL_SENT","EMAIL_OPEN","EMAIL_CLICK","EMAIL_UNSUBSCRIBE","EMAIL_BOUNCE","PAGE_VIEW","PRODUCT_VIEW","ADD_TO_CART","LOGIN","OTHER"],"default":"OTHER"},"pii":"none","doc":"What the person did (or was sent)."},{"name":"campaignId","type":["null","string"],"default":null,"pii":"none","doc":"Marketing campaign, for email events."},{"name":"url","type":["null","string"],"default":null,"pii":"pseudonymous","doc":"Page or link URL."},{"name":"sku","type":["null","string"],"default":null,"pii":"none","doc":"Product viewed or added to the cart."},{"name":"category","type":["null","string"],"default":null,"pii":"none","doc":"Category of that product, lower-case path."}]}]},{"name":"serviceCase","default":null,"pii":"none","doc":"Set when eventType is SERVICE_CASE.","type":["null",{"type":"record","name":"ServiceCase","doc":"A customer service case changing state.","fields":[{"name":"caseId","type":"string","pii":"none","doc":"The service system\'s case id."},{"name":"status","type":{"type":"enum","name":"ServiceCaseStatus","symbols":["OPENED","UPDATED","RESOLVED","OTHER"],"default":"OTHER"},"pii":"none","doc":"The case\'s new state."},{"name":"topic","type":["null","string"],"default":null,"pii":"none","doc":"What the case is about (delivery, refund, product-quality, ...), lower case."},{"name":"contactChannel","type":["null","string"],"default":null,"pii":"none","doc":"How the customer got in touch (email, phone, chat, store), lower case."}]}]},{"name":"npsResponse","default":null,"pii":"none","doc":"Set when eventType is NPS_RESPONSE.","type":["null",{"type":"record","name":"NpsResponse","doc":"An answer to \'how likely are you to recommend us\', 0 to 10.","fields":[{"name":"surveyId","type":"string","pii":"none","doc":"The survey or response id."},{"name":"score","type":"int","pii":"personal","doc":"0 to 10."},{"name":"caseId","type":["null","string"],"default":null,"pii":"none","doc":"The service case the survey followed, if any."},{"name":"comment","type":["null","string"],"default":null,"pii":"personal","doc":"Free text the person wrote."}]}]},{"name":"loyaltyChange","default":null,"pii":"none","doc":"Set when eventType is LOYALTY_CHANGE.","type":["null",{"type":"record","name":"LoyaltyChange","doc":"A change to the person\'s loyalty membership.","fields":[{"name":"kind","type":{"type":"enum","name":"LoyaltyChangeKind","symbols":["ENROLLED","TIER_CHANGED","POINTS_EARNED","POINTS_REDEEMED","LEFT","OTHER"],"default":"OTHER"},"pii":"none","doc":"What changed."},{"name":"programme","type":"string","pii":"none","doc":"The loyalty programme."},{"name":"tier","type":["null","string"],"default":null,"pii":"none","doc":"The tier after the change, lower case."},{"name":"pointsDelta","type":["null","long"],"default":null,"pii":"none","doc":"Points earned (positive) or redeemed (negative)."},{"name":"pointsBalance","type":["null","long"],"default":null,"pii":"none","doc":"Balance after the change, when the source says."}]}]},{"name":"registerUpdate","default":null,"pii":"none","doc":"Set when eventType is REGISTER_UPDATE.","type":["null",{"type":"record","name":"RegisterUpdate","doc":"A notice from an external register about the person; party holds what the register matched on (name, date of birth, address).","fields":[{"name":"kind","type":{"type":"enum","name":"RegisterUpdateKind","symbols":["DECEASED","MOVED_AWAY","DO_NOT_CONTACT","OTHER"],"default":"OTHER"},"pii":"sensitive","doc":"What the register says."},{"name":"register","type":"string","pii":"none","doc":"Which register (deceased-register-gb, mailing-preference-de, ...)."},{"name":"effectiveDate","type":["null",{"type":"int","logicalType":"date"}],"default":null,"pii":"sensitive","doc":"When it took effect, days since 1970-01-01."}]}]}]}';
  export const CanonicalEventName = 'io.c360.CanonicalEvent';
  /**
   * One thing a source system said about a person, in c360's canonical language: who the source record is (party) and, for most event types, what happened (exactly one payload field set, chosen by eventType). Produced by the ingestor on c360.canonical.events (profileId null) and re-keyed by the resolver onto c360.resolved.events (profileId set).
   */
  export interface CanonicalEvent {
    /**
     * Deterministic id derived from the source and the source's own event id, so a redelivered or re-sent event has the same id.
     */
    eventId: string;
    /**
     * What happened. RECORD_UPDATE: the source created or changed its record of the person and only party is set; RECORD_DELETE: the source deleted the record (the resolver unlinks it); CONSENT_CHANGE: party.consents carries the change; the others set the payload field of the same name (RETURN: purchaseReturn).
     */
    eventType: IoC360.EventType;
    /**
     * The source system (the mapping's source name: pos, ecommerce, marketing, ...).
     */
    source: string;
    /**
     * The source system's id of its record of the person (account, member, subscriber, contact, cookie; a receipt when the till knew nobody). (source, sourceRecordId) identifies a source record.
     */
    sourceRecordId: string;
    /**
     * ISO 3166-1 alpha-2 market the event belongs to; the mapping's default market when the payload does not say.
     *
     * Default: null
     */
    market: null | string;
    /**
     * When the event happened at the source, UTC epoch milliseconds.
     */
    occurredAt: number;
    /**
     * When the ingestor accepted the native payload, UTC epoch milliseconds; ingestedAt - occurredAt is the source's freshness.
     */
    ingestedAt: number;
    /**
     * The unified profile the resolver assigned; null on c360.canonical.events.
     *
     * Default: null
     */
    profileId: null | string;
    /**
     * The person (or buyer of an organisation) as this source record knows them at occurredAt. Only what the source sent is set: a till may know a phone number and nothing else.
     *
     * Default: {}
     */
    party: IoC360.Party;
    /**
     * Set when eventType is PURCHASE.
     *
     * Default: null
     */
    purchase: null | IoC360.Purchase;
    /**
     * Set when eventType is RETURN.
     *
     * Default: null
     */
    purchaseReturn: null | IoC360.PurchaseReturn;
    /**
     * Set when eventType is ENGAGEMENT.
     *
     * Default: null
     */
    engagement: null | IoC360.Engagement;
    /**
     * Set when eventType is SERVICE_CASE.
     *
     * Default: null
     */
    serviceCase: null | IoC360.ServiceCase;
    /**
     * Set when eventType is NPS_RESPONSE.
     *
     * Default: null
     */
    npsResponse: null | IoC360.NpsResponse;
    /**
     * Set when eventType is LOYALTY_CHANGE.
     *
     * Default: null
     */
    loyaltyChange: null | IoC360.LoyaltyChange;
    /**
     * Set when eventType is REGISTER_UPDATE.
     *
     * Default: null
     */
    registerUpdate: null | IoC360.RegisterUpdate;
  }
}

export const CanonicalEventSchema = {
  type: 'record',
  name: 'CanonicalEvent',
  namespace: 'io.c360',
  owner: 'ingestor',
  doc: "One thing a source system said about a person, in c360's canonical language: who the source record is (party) and, for most event types, what happened (exactly one payload field set, chosen by eventType). Produced by the ingestor on c360.canonical.events (profileId null) and re-keyed by the resolver onto c360.resolved.events (profileId set).",
  fields: [
    {
      name: 'eventId',
      type: 'string',
      pii: 'none',
      doc: "Deterministic id derived from the source and the source's own event id, so a redelivered or re-sent event has the same id.",
    },
    {
      name: 'eventType',
      pii: 'none',
      type: {
        type: 'enum',
        name: 'EventType',
        symbols: [
          'PURCHASE',
          'RETURN',
          'ENGAGEMENT',
          'SERVICE_CASE',
          'NPS_RESPONSE',
          'LOYALTY_CHANGE',
          'REGISTER_UPDATE',
          'CONSENT_CHANGE',
          'RECORD_UPDATE',
          'RECORD_DELETE',
          'OTHER',
        ],
        default: 'OTHER',
        doc: 'Kinds of canonical event.',
      },
      doc: 'What happened. RECORD_UPDATE: the source created or changed its record of the person and only party is set; RECORD_DELETE: the source deleted the record (the resolver unlinks it); CONSENT_CHANGE: party.consents carries the change; the others set the payload field of the same name (RETURN: purchaseReturn).',
    },
    {
      name: 'source',
      type: 'string',
      pii: 'none',
      doc: "The source system (the mapping's source name: pos, ecommerce, marketing, ...).",
    },
    {
      name: 'sourceRecordId',
      type: 'string',
      pii: 'pseudonymous',
      doc: "The source system's id of its record of the person (account, member, subscriber, contact, cookie; a receipt when the till knew nobody). (source, sourceRecordId) identifies a source record.",
    },
    {
      name: 'market',
      type: ['null', 'string'],
      default: null,
      pii: 'none',
      doc: "ISO 3166-1 alpha-2 market the event belongs to; the mapping's default market when the payload does not say.",
    },
    {
      name: 'occurredAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      pii: 'none',
      doc: 'When the event happened at the source, UTC epoch milliseconds.',
    },
    {
      name: 'ingestedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      pii: 'none',
      doc: "When the ingestor accepted the native payload, UTC epoch milliseconds; ingestedAt - occurredAt is the source's freshness.",
    },
    {
      name: 'profileId',
      type: ['null', 'string'],
      default: null,
      pii: 'pseudonymous',
      doc: 'The unified profile the resolver assigned; null on c360.canonical.events.',
    },
    {
      name: 'party',
      default: {},
      pii: 'personal',
      doc: 'The person (or buyer of an organisation) as this source record knows them at occurredAt. Only what the source sent is set: a till may know a phone number and nothing else.',
      type: {
        type: 'record',
        name: 'Party',
        doc: 'An individual with multi-valued contact points and the identifiers systems know them by.',
        fields: [
          {
            name: 'name',
            default: null,
            pii: 'personal',
            doc: "The person's name, when the source has one.",
            type: [
              'null',
              {
                type: 'record',
                name: 'PersonName',
                doc: 'A name as given, with diacritic-folded match keys kept beside it.',
                fields: [
                  {
                    name: 'given',
                    type: ['null', 'string'],
                    default: null,
                    pii: 'personal',
                    doc: 'Given (first) name for display: Unicode NFC, whitespace collapsed, case as the source wrote it unless it was all one case.',
                  },
                  {
                    name: 'family',
                    type: ['null', 'string'],
                    default: null,
                    pii: 'personal',
                    doc: 'Family name (surname) for display, normalised as given.',
                  },
                  {
                    name: 'full',
                    type: 'string',
                    pii: 'personal',
                    doc: "The whole name for display in the market's order (family first in JP); the source's own full name when it sends only one string.",
                  },
                  {
                    name: 'givenKey',
                    type: ['null', 'string'],
                    default: null,
                    pii: 'personal',
                    doc: 'Match key of the given name: transliterated to Latin, diacritics folded, lower case, letters only.',
                  },
                  {
                    name: 'familyKey',
                    type: ['null', 'string'],
                    default: null,
                    pii: 'personal',
                    doc: 'Match key of the family name, built like givenKey.',
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
            doc: 'Date of birth, days since 1970-01-01.',
          },
          {
            name: 'emails',
            default: [],
            pii: 'direct-identifier',
            doc: 'Email addresses the source holds for the person.',
            type: {
              type: 'array',
              items: {
                type: 'record',
                name: 'EmailContact',
                doc: 'An email address, normalised (trimmed, spaces removed, lower case).',
                fields: [
                  {
                    name: 'address',
                    type: 'string',
                    pii: 'direct-identifier',
                    doc: 'The normalised address.',
                  },
                  {
                    name: 'use',
                    type: {
                      type: 'enum',
                      name: 'ContactUse',
                      symbols: ['PERSONAL', 'WORK', 'UNKNOWN'],
                      default: 'UNKNOWN',
                    },
                    pii: 'none',
                    doc: 'What the person uses the contact point for, when the source says.',
                  },
                ],
              },
            },
          },
          {
            name: 'phones',
            default: [],
            pii: 'direct-identifier',
            doc: 'Phone numbers the source holds for the person.',
            type: {
              type: 'array',
              items: {
                type: 'record',
                name: 'PhoneContact',
                doc: 'A phone number in E.164, the market being the default region of a number written without a country code.',
                fields: [
                  {
                    name: 'number',
                    type: 'string',
                    pii: 'direct-identifier',
                    doc: 'E.164 number, e.g. +493012345678.',
                  },
                  {
                    name: 'use',
                    type: 'ContactUse',
                    default: 'UNKNOWN',
                    pii: 'none',
                    doc: 'What the person uses the number for, when the source says.',
                  },
                  {
                    name: 'lineType',
                    type: {
                      type: 'enum',
                      name: 'PhoneLineType',
                      symbols: ['MOBILE', 'FIXED_LINE', 'UNKNOWN'],
                      default: 'UNKNOWN',
                    },
                    pii: 'none',
                    doc: 'Mobile or fixed line, as the number plan tells (libphonenumber); a fixed line is often shared by a household.',
                  },
                ],
              },
            },
          },
          {
            name: 'addresses',
            default: [],
            pii: 'personal',
            doc: 'Postal addresses the source holds for the person.',
            type: {
              type: 'array',
              items: {
                type: 'record',
                name: 'PostalAddress',
                doc: 'A postal address, normalised per country.',
                fields: [
                  {
                    name: 'lines',
                    type: { type: 'array', items: 'string' },
                    default: [],
                    pii: 'personal',
                    doc: 'Street lines as sent, whitespace collapsed.',
                  },
                  {
                    name: 'locality',
                    type: ['null', 'string'],
                    default: null,
                    pii: 'personal',
                    doc: 'City or town.',
                  },
                  {
                    name: 'region',
                    type: ['null', 'string'],
                    default: null,
                    pii: 'personal',
                    doc: 'State, county or prefecture.',
                  },
                  {
                    name: 'postcode',
                    type: ['null', 'string'],
                    default: null,
                    pii: 'personal',
                    doc: "Postcode in the country's canonical form (upper case, GB outward and inward parts separated by one space, US ZIP 5 digits, JP NNN-NNNN).",
                  },
                  { name: 'country', type: 'string', pii: 'none', doc: 'ISO 3166-1 alpha-2 country.' },
                  {
                    name: 'key',
                    type: 'string',
                    pii: 'personal',
                    doc: 'Match key: country, postcode without spaces and the first street line folded to Latin lower-case letters and digits, with common abbreviations expanded (str. = strasse, rd = road).',
                  },
                  {
                    name: 'use',
                    type: 'ContactUse',
                    default: 'UNKNOWN',
                    pii: 'none',
                    doc: 'Home or work, when the source says.',
                  },
                ],
              },
            },
          },
          {
            name: 'identifiers',
            default: [],
            pii: 'direct-identifier',
            doc: "Identifiers systems know the party by, including the source record's own id.",
            type: {
              type: 'array',
              items: {
                type: 'record',
                name: 'PartyIdentifier',
                doc: 'An identifier of the party, used by the resolver for deterministic matching.',
                fields: [
                  {
                    name: 'type',
                    type: {
                      type: 'enum',
                      name: 'IdentifierType',
                      symbols: [
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
                      ],
                      default: 'OTHER',
                    },
                    pii: 'none',
                    doc: 'Kind of identifier.',
                  },
                  {
                    name: 'value',
                    type: 'string',
                    pii: 'direct-identifier',
                    doc: 'The value as issued (trimmed); emails and phones as in emails and phones.',
                  },
                  {
                    name: 'issuer',
                    type: ['null', 'string'],
                    default: null,
                    pii: 'none',
                    doc: 'Who issued the identifier when it is only unique per issuer (a loyalty programme, a web property).',
                  },
                ],
              },
            },
          },
          {
            name: 'organisation',
            default: null,
            pii: 'none',
            doc: 'The organisation the party buys for (B2B wholesale); the party is its buyer contact.',
            type: [
              'null',
              {
                type: 'record',
                name: 'Organisation',
                doc: 'A business customer account.',
                fields: [
                  {
                    name: 'accountId',
                    type: 'string',
                    pii: 'none',
                    doc: "The wholesale system's account id.",
                  },
                  {
                    name: 'name',
                    type: 'string',
                    pii: 'none',
                    doc: 'Registered company name, whitespace collapsed.',
                  },
                  {
                    name: 'vatId',
                    type: ['null', 'string'],
                    default: null,
                    pii: 'none',
                    doc: 'VAT or tax id, upper case without spaces or punctuation, with its country prefix.',
                  },
                  {
                    name: 'role',
                    type: ['null', 'string'],
                    default: null,
                    pii: 'personal',
                    doc: "The party's role for the organisation (buyer, purchasing manager).",
                  },
                ],
              },
            ],
          },
          {
            name: 'consents',
            default: [],
            pii: 'personal',
            doc: 'Consent statements the source recorded with this event; the latest per (purpose, channel) wins downstream.',
            type: {
              type: 'array',
              items: {
                type: 'record',
                name: 'Consent',
                doc: 'Consent to, or refusal of, one purpose on one channel.',
                fields: [
                  {
                    name: 'purpose',
                    type: {
                      type: 'enum',
                      name: 'ConsentPurpose',
                      symbols: ['MARKETING', 'PROFILING', 'SERVICE', 'OTHER'],
                      default: 'OTHER',
                    },
                    pii: 'none',
                    doc: 'What the data may be used for.',
                  },
                  {
                    name: 'channel',
                    type: {
                      type: 'enum',
                      name: 'ConsentChannel',
                      symbols: ['EMAIL', 'SMS', 'PHONE', 'POST', 'PUSH', 'ANY'],
                      default: 'ANY',
                    },
                    pii: 'none',
                    doc: 'Which channel the statement covers; ANY for all channels.',
                  },
                  {
                    name: 'status',
                    type: { type: 'enum', name: 'ConsentStatus', symbols: ['GRANTED', 'WITHDRAWN'] },
                    pii: 'personal',
                    doc: 'Granted or withdrawn.',
                  },
                  {
                    name: 'recordedAt',
                    type: { type: 'long', logicalType: 'timestamp-millis' },
                    pii: 'none',
                    doc: 'When the person gave or withdrew it, UTC epoch milliseconds.',
                  },
                ],
              },
            },
          },
          {
            name: 'extensions',
            type: { type: 'map', values: 'string' },
            default: {},
            pii: 'personal',
            doc: 'Market extension fields beside the canonical model, each key namespaced as <market in lower case>.<name> (jp.nameKana); never a canonical field under another name.',
          },
        ],
      },
    },
    {
      name: 'purchase',
      default: null,
      pii: 'none',
      doc: 'Set when eventType is PURCHASE.',
      type: [
        'null',
        {
          type: 'record',
          name: 'Purchase',
          doc: 'A completed order or receipt.',
          fields: [
            { name: 'orderId', type: 'string', pii: 'none', doc: "The source's order or receipt id." },
            {
              name: 'channel',
              type: {
                type: 'enum',
                name: 'SalesChannel',
                symbols: ['ONLINE', 'STORE', 'WHOLESALE', 'OTHER'],
                default: 'OTHER',
              },
              pii: 'none',
              doc: 'Where the purchase happened.',
            },
            {
              name: 'storeId',
              type: ['null', 'string'],
              default: null,
              pii: 'none',
              doc: 'Store of an in-store purchase.',
            },
            {
              name: 'terminalId',
              type: ['null', 'string'],
              default: null,
              pii: 'none',
              doc: 'Till of an in-store purchase.',
            },
            { name: 'currency', type: 'string', pii: 'none', doc: 'ISO 4217 code of the amounts as sold.' },
            {
              name: 'netAmountMinor',
              type: 'long',
              pii: 'none',
              doc: 'Order total net of discounts, in minor units of currency.',
            },
            {
              name: 'reportingCurrency',
              type: 'string',
              pii: 'none',
              doc: 'ISO 4217 code of the reporting currency.',
            },
            {
              name: 'reportingAmountMinor',
              type: 'long',
              pii: 'none',
              doc: "netAmountMinor converted to the reporting currency by the ingestor's rate table, in its minor units.",
            },
            {
              name: 'lines',
              default: [],
              pii: 'none',
              doc: 'Order lines, when the source sends them.',
              type: {
                type: 'array',
                items: {
                  type: 'record',
                  name: 'OrderLine',
                  doc: 'One product line of an order or return.',
                  fields: [
                    { name: 'sku', type: 'string', pii: 'none', doc: "The product's stock keeping unit." },
                    {
                      name: 'category',
                      type: ['null', 'string'],
                      default: null,
                      pii: 'none',
                      doc: 'Product category as a lower-case path (shoes/running).',
                    },
                    { name: 'quantity', type: 'int', default: 1, pii: 'none', doc: 'Units.' },
                    {
                      name: 'netAmountMinor',
                      type: 'long',
                      pii: 'none',
                      doc: "Line total net of discounts, in minor units of the order's currency.",
                    },
                    {
                      name: 'reportingAmountMinor',
                      type: 'long',
                      pii: 'none',
                      doc: 'netAmountMinor in minor units of the reporting currency.',
                    },
                  ],
                },
              },
            },
          ],
        },
      ],
    },
    {
      name: 'purchaseReturn',
      default: null,
      pii: 'none',
      doc: 'Set when eventType is RETURN.',
      type: [
        'null',
        {
          type: 'record',
          name: 'PurchaseReturn',
          doc: 'Goods returned or an order refunded, in whole or in part.',
          fields: [
            { name: 'returnId', type: 'string', pii: 'none', doc: "The source's return or refund id." },
            {
              name: 'orderId',
              type: ['null', 'string'],
              default: null,
              pii: 'none',
              doc: 'The order the return refers to, when known.',
            },
            {
              name: 'channel',
              type: 'SalesChannel',
              default: 'OTHER',
              pii: 'none',
              doc: 'Where the return was taken.',
            },
            {
              name: 'storeId',
              type: ['null', 'string'],
              default: null,
              pii: 'none',
              doc: 'Store that took the return.',
            },
            { name: 'currency', type: 'string', pii: 'none', doc: 'ISO 4217 code of the refund.' },
            {
              name: 'refundAmountMinor',
              type: 'long',
              pii: 'none',
              doc: 'Amount refunded (positive), in minor units of currency.',
            },
            {
              name: 'reportingCurrency',
              type: 'string',
              pii: 'none',
              doc: 'ISO 4217 code of the reporting currency.',
            },
            {
              name: 'reportingAmountMinor',
              type: 'long',
              pii: 'none',
              doc: "refundAmountMinor in the reporting currency's minor units.",
            },
            {
              name: 'reason',
              type: ['null', 'string'],
              default: null,
              pii: 'none',
              doc: 'Return reason as the source gives it.',
            },
            {
              name: 'lines',
              type: { type: 'array', items: 'OrderLine' },
              default: [],
              pii: 'none',
              doc: 'Returned lines, when the source sends them.',
            },
          ],
        },
      ],
    },
    {
      name: 'engagement',
      default: null,
      pii: 'none',
      doc: 'Set when eventType is ENGAGEMENT.',
      type: [
        'null',
        {
          type: 'record',
          name: 'Engagement',
          doc: 'A marketing or web interaction.',
          fields: [
            {
              name: 'kind',
              type: {
                type: 'enum',
                name: 'EngagementKind',
                symbols: [
                  'EMAIL_SENT',
                  'EMAIL_OPEN',
                  'EMAIL_CLICK',
                  'EMAIL_UNSUBSCRIBE',
                  'EMAIL_BOUNCE',
                  'PAGE_VIEW',
                  'PRODUCT_VIEW',
                  'ADD_TO_CART',
                  'LOGIN',
                  'OTHER',
                ],
                default: 'OTHER',
              },
              pii: 'none',
              doc: 'What the person did (or was sent).',
            },
            {
              name: 'campaignId',
              type: ['null', 'string'],
              default: null,
              pii: 'none',
              doc: 'Marketing campaign, for email events.',
            },
            {
              name: 'url',
              type: ['null', 'string'],
              default: null,
              pii: 'pseudonymous',
              doc: 'Page or link URL.',
            },
            {
              name: 'sku',
              type: ['null', 'string'],
              default: null,
              pii: 'none',
              doc: 'Product viewed or added to the cart.',
            },
            {
              name: 'category',
              type: ['null', 'string'],
              default: null,
              pii: 'none',
              doc: 'Category of that product, lower-case path.',
            },
          ],
        },
      ],
    },
    {
      name: 'serviceCase',
      default: null,
      pii: 'none',
      doc: 'Set when eventType is SERVICE_CASE.',
      type: [
        'null',
        {
          type: 'record',
          name: 'ServiceCase',
          doc: 'A customer service case changing state.',
          fields: [
            { name: 'caseId', type: 'string', pii: 'none', doc: "The service system's case id." },
            {
              name: 'status',
              type: {
                type: 'enum',
                name: 'ServiceCaseStatus',
                symbols: ['OPENED', 'UPDATED', 'RESOLVED', 'OTHER'],
                default: 'OTHER',
              },
              pii: 'none',
              doc: "The case's new state.",
            },
            {
              name: 'topic',
              type: ['null', 'string'],
              default: null,
              pii: 'none',
              doc: 'What the case is about (delivery, refund, product-quality, ...), lower case.',
            },
            {
              name: 'contactChannel',
              type: ['null', 'string'],
              default: null,
              pii: 'none',
              doc: 'How the customer got in touch (email, phone, chat, store), lower case.',
            },
          ],
        },
      ],
    },
    {
      name: 'npsResponse',
      default: null,
      pii: 'none',
      doc: 'Set when eventType is NPS_RESPONSE.',
      type: [
        'null',
        {
          type: 'record',
          name: 'NpsResponse',
          doc: "An answer to 'how likely are you to recommend us', 0 to 10.",
          fields: [
            { name: 'surveyId', type: 'string', pii: 'none', doc: 'The survey or response id.' },
            { name: 'score', type: 'int', pii: 'personal', doc: '0 to 10.' },
            {
              name: 'caseId',
              type: ['null', 'string'],
              default: null,
              pii: 'none',
              doc: 'The service case the survey followed, if any.',
            },
            {
              name: 'comment',
              type: ['null', 'string'],
              default: null,
              pii: 'personal',
              doc: 'Free text the person wrote.',
            },
          ],
        },
      ],
    },
    {
      name: 'loyaltyChange',
      default: null,
      pii: 'none',
      doc: 'Set when eventType is LOYALTY_CHANGE.',
      type: [
        'null',
        {
          type: 'record',
          name: 'LoyaltyChange',
          doc: "A change to the person's loyalty membership.",
          fields: [
            {
              name: 'kind',
              type: {
                type: 'enum',
                name: 'LoyaltyChangeKind',
                symbols: ['ENROLLED', 'TIER_CHANGED', 'POINTS_EARNED', 'POINTS_REDEEMED', 'LEFT', 'OTHER'],
                default: 'OTHER',
              },
              pii: 'none',
              doc: 'What changed.',
            },
            { name: 'programme', type: 'string', pii: 'none', doc: 'The loyalty programme.' },
            {
              name: 'tier',
              type: ['null', 'string'],
              default: null,
              pii: 'none',
              doc: 'The tier after the change, lower case.',
            },
            {
              name: 'pointsDelta',
              type: ['null', 'long'],
              default: null,
              pii: 'none',
              doc: 'Points earned (positive) or redeemed (negative).',
            },
            {
              name: 'pointsBalance',
              type: ['null', 'long'],
              default: null,
              pii: 'none',
              doc: 'Balance after the change, when the source says.',
            },
          ],
        },
      ],
    },
    {
      name: 'registerUpdate',
      default: null,
      pii: 'none',
      doc: 'Set when eventType is REGISTER_UPDATE.',
      type: [
        'null',
        {
          type: 'record',
          name: 'RegisterUpdate',
          doc: 'A notice from an external register about the person; party holds what the register matched on (name, date of birth, address).',
          fields: [
            {
              name: 'kind',
              type: {
                type: 'enum',
                name: 'RegisterUpdateKind',
                symbols: ['DECEASED', 'MOVED_AWAY', 'DO_NOT_CONTACT', 'OTHER'],
                default: 'OTHER',
              },
              pii: 'sensitive',
              doc: 'What the register says.',
            },
            {
              name: 'register',
              type: 'string',
              pii: 'none',
              doc: 'Which register (deceased-register-gb, mailing-preference-de, ...).',
            },
            {
              name: 'effectiveDate',
              type: ['null', { type: 'int', logicalType: 'date' }],
              default: null,
              pii: 'sensitive',
              doc: 'When it took effect, days since 1970-01-01.',
            },
          ],
        },
      ],
    },
  ],
} as const;
