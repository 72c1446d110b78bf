// Maps one native payload to a canonical event with its source's compiled mapping. Pure: no I/O,
// and the same bytes always give the same event (eventId included).
import { Type, type Schema } from 'avsc';
import { CanonicalEventSchema, type CanonicalEvent, type Party } from '@c360/schemas';
import { buildParty } from './mapping/party';
import { buildPayload, type MoneyContext } from './mapping/payloads';
import { read, Rejection, type DroppedField, type RejectReason, type Run } from './mapping/rules';
import { matchKind, type SourceMapping } from './mapping/source-mapping';

export type { DroppedField, RejectReason };

export interface MappingContext extends MoneyContext {
  /** When the ingestor accepted the payload, UTC epoch milliseconds; also "today" for dates of birth. */
  readonly ingestedAt: number;
}

export interface Rejected {
  readonly ok: false;
  readonly reasonCode: RejectReason;
  readonly message: string;
  /** The payload path at fault, when there is one. */
  readonly field?: string;
}

export interface Mapped {
  readonly ok: true;
  readonly event: CanonicalEvent;
  /** Optional values that were present but invalid, left out of the event. */
  readonly droppedFields: readonly DroppedField[];
  /** Canonical field paths the event has values for ('party.emails', 'purchase.lines'), for completeness metrics. */
  readonly fieldsPresent: readonly string[];
  /** Payload leaf paths no rule of the matched kind (or the common rules) reads, array indices collapsed ('items[].colour'). */
  readonly unmappedPaths: readonly string[];
}

export type MapResult = Mapped | Rejected;

const UTF8 = new TextDecoder('utf-8', { fatal: true });
// The generated schema constant is deeply readonly; avsc's Schema type is not.
const CANONICAL_EVENT = Type.forSchema(CanonicalEventSchema as unknown as Schema);
const MAX_KIND_NAMES = 10;

const reject = (reasonCode: RejectReason, message: string, field?: string): Rejected =>
  field === undefined ? { ok: false, reasonCode, message } : { ok: false, reasonCode, message, field };

export function mapNative(mapping: SourceMapping, bytes: Uint8Array, ctx: MappingContext): MapResult {
  if (bytes.length > mapping.maxPayloadBytes) {
    return reject(
      'payload-too-large',
      `payload of ${bytes.length} bytes exceeds the ${mapping.maxPayloadBytes}-byte limit of ${mapping.source}`,
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(UTF8.decode(bytes));
  } catch (error) {
    return reject('invalid-json', `payload is not UTF-8 JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    return reject('not-an-object', 'payload is not a JSON object');

  const kind = matchKind(mapping, payload);
  if (!kind) {
    const names = mapping.kinds.slice(0, MAX_KIND_NAMES).map((k) => k.name);
    return reject(
      'unknown-kind',
      `the payload is none of the kinds of ${mapping.source} (${names.join(', ')})`,
      mapping.kinds[0]?.when[0]?.path.text,
    );
  }

  try {
    const run: Run = { market: mapping.defaultMarket, country: mapping.defaultMarket, now: ctx.ingestedAt, dropped: [] };
    const market = read(mapping.market, payload, run);
    if (market !== undefined) run.market = market;
    const occurredAt = read(kind.occurredAt, payload, run)!;
    const event: CanonicalEvent = {
      eventId: `${mapping.source}:${read(kind.eventId, payload, run)!}`,
      eventType: kind.eventType,
      source: mapping.source,
      sourceRecordId: read(kind.sourceRecordId, payload, run)!,
      market: run.market,
      occurredAt,
      ingestedAt: ctx.ingestedAt,
      profileId: null,
      party: buildParty(kind.party, payload, run, occurredAt),
      ...buildPayload(kind.payload, payload, run, ctx),
    };
    const invalid = avroProblem(event);
    if (invalid !== undefined)
      return reject(
        'mapping-failed',
        `the ${kind.name} mapping of ${mapping.source} made an invalid canonical event at ${invalid}`,
        invalid,
      );
    return {
      ok: true,
      event,
      droppedFields: run.dropped,
      fieldsPresent: fieldsPresent(event, market !== undefined),
      unmappedPaths: kind.reads.unread(payload),
    };
  } catch (error) {
    if (error instanceof Rejection) return reject(error.reasonCode, error.message, error.field);
    throw error;
  }
}

/** The path of the first value that does not fit the Avro schema, or undefined when the event is valid. */
function avroProblem(event: CanonicalEvent): string | undefined {
  if (CANONICAL_EVENT.isValid(event)) return undefined;
  let first: string | undefined;
  CANONICAL_EVENT.isValid(event, { errorHook: (path) => (first ??= path.join('.')) });
  return first ?? '(event)';
}

type PartyKey = keyof Party;
const PARTY_KEYS: readonly PartyKey[] = [
  'name',
  'dateOfBirth',
  'emails',
  'phones',
  'addresses',
  'identifiers',
  'organisation',
  'consents',
  'extensions',
];
const PAYLOAD_KEYS = ['purchase', 'purchaseReturn', 'engagement', 'serviceCase', 'npsResponse', 'loyaltyChange', 'registerUpdate'] as const;

const hasValue = (v: unknown) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);

/** The canonical paths the event has values for, at the grain completeness is measured. */
function fieldsPresent(event: CanonicalEvent, marketFromPayload: boolean): string[] {
  const paths: string[] = marketFromPayload ? ['market'] : [];
  for (const key of PARTY_KEYS) {
    const value = event.party[key];
    if (!hasValue(value)) continue;
    if (key === 'name' || key === 'organisation' || key === 'extensions') {
      for (const [sub, v] of Object.entries(value as object)) if (hasValue(v)) paths.push(`party.${key}.${sub}`);
    } else paths.push(`party.${key}`);
  }
  for (const key of PAYLOAD_KEYS) {
    const section = event[key];
    if (section === null) continue;
    for (const [sub, v] of Object.entries(section)) if (hasValue(v)) paths.push(`${key}.${sub}`);
  }
  return paths;
}
