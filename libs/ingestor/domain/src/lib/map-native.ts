// Maps one native payload to a canonical event with a source mapping. Pure: no I/O.
import type { CanonicalEvent, PartyIdentifier } from '@c360/schemas';
import type { CanonicalField, FieldSpec, SourceMapping } from './mapping';
import {
  InvalidValue,
  normaliseCurrency,
  normaliseDecimal,
  normaliseEmail,
  normalisePhone,
  normaliseString,
  normaliseTimestamp,
  toMinorUnits,
} from './normalise';

export interface MappingContext {
  readonly reportingCurrency: string;
  /** Units of reporting currency per unit of each currency. */
  readonly rates: Readonly<Record<string, number>>;
  readonly ingestedAt: number;
}

export type RejectReason =
  | 'payload-too-large'
  | 'invalid-json'
  | 'not-an-object'
  | 'missing-required-field'
  | 'invalid-field'
  | 'unknown-currency-rate';

export interface Rejected {
  readonly ok: false;
  readonly reasonCode: RejectReason;
  readonly message: string;
  readonly field?: string;
}

export interface Mapped {
  readonly ok: true;
  readonly event: CanonicalEvent;
  /** Optional fields that were present but invalid, dropped from the event. */
  readonly droppedFields: readonly string[];
}

export type MapResult = Mapped | Rejected;

const reject = (reasonCode: RejectReason, message: string, field?: string): Rejected => ({ ok: false, reasonCode, message, field });

function lookup(payload: unknown, path: string): unknown {
  let node: unknown = payload;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const present = (v: unknown) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');

export function mapNative(mapping: SourceMapping, bytes: Buffer, ctx: MappingContext): MapResult {
  if (bytes.length > mapping.maxPayloadBytes) {
    return reject('payload-too-large', `payload of ${bytes.length} bytes exceeds the ${mapping.maxPayloadBytes}-byte limit`);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return reject('invalid-json', `payload is not JSON: ${(error as Error).message}`);
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return reject('not-an-object', 'payload is not a JSON object');

  const dropped: string[] = [];
  const values = new Map<CanonicalField, unknown>();
  let market = mapping.defaultMarket;
  // Market first: it is the default region for phone numbers.
  const order: CanonicalField[] = ['market', ...(Object.keys(mapping.fields) as CanonicalField[]).filter((f) => f !== 'market')];
  for (const field of order) {
    const spec: FieldSpec | undefined = mapping.fields[field];
    if (!spec) continue;
    const paths = Array.isArray(spec.path) ? spec.path : [spec.path];
    const path = paths.find((p) => present(lookup(payload, p)));
    if (path === undefined) {
      if (spec.required) return reject('missing-required-field', `required field ${paths.join(' or ')} is missing`, paths[0]);
      continue;
    }
    try {
      const value = convert(spec, lookup(payload, path), market);
      values.set(field, value);
      if (field === 'market') market = String(value).toUpperCase();
    } catch (error) {
      if (!(error instanceof InvalidValue)) throw error;
      if (spec.required) return reject('invalid-field', `${path}: ${error.message}`, path);
      dropped.push(path);
    }
  }

  const currency = values.get('currency') as string;
  const rate = ctx.rates[currency];
  if (rate === undefined) return reject('unknown-currency-rate', `no rate from ${currency} to ${ctx.reportingCurrency}`, 'currency');
  let netAmountMinor: number;
  let reportingAmountMinor: number;
  try {
    netAmountMinor = toMinorUnits(values.get('netAmount') as string, currency);
    reportingAmountMinor = toMinorUnits((Number(values.get('netAmount')) * rate).toFixed(6), ctx.reportingCurrency);
  } catch (error) {
    return reject('invalid-field', `amount: ${(error as Error).message}`, 'netAmount');
  }

  const identifiers: PartyIdentifier[] = [];
  if (values.has('email')) identifiers.push({ type: 'EMAIL', value: values.get('email') as string, issuer: null });
  if (values.has('phone')) identifiers.push({ type: 'PHONE', value: values.get('phone') as string, issuer: null });

  const nativeId = values.get('eventId') as string;
  return {
    ok: true,
    droppedFields: dropped,
    event: {
      eventId: `${mapping.source}:${nativeId}`,
      eventType: mapping.eventType,
      source: mapping.source,
      sourceRecordId: values.get('sourceRecordId') as string,
      market,
      occurredAt: values.get('occurredAt') as number,
      ingestedAt: ctx.ingestedAt,
      identifiers,
      profileId: null,
      purchase: {
        orderId: values.get('orderId') as string,
        channel: mapping.channel,
        storeId: (values.get('storeId') as string | undefined) ?? null,
        currency,
        netAmountMinor,
        reportingCurrency: ctx.reportingCurrency,
        reportingAmountMinor,
      },
    },
  };
}

function convert(spec: FieldSpec, raw: unknown, market: string): unknown {
  switch (spec.transform) {
    case 'string':
      return normaliseString(raw);
    case 'email':
      return normaliseEmail(raw);
    case 'phone':
      return normalisePhone(raw, market);
    case 'timestamp':
      return normaliseTimestamp(raw);
    case 'currency':
      return normaliseCurrency(raw);
    case 'decimal':
      return normaliseDecimal(raw);
  }
}
