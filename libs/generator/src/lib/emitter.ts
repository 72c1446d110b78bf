// Collects what the sources send. Decides which deliveries are deliberately broken (and how, with
// the reason the ingestor will give) and which are delivered twice, and registers the source
// record of every intact delivery in the ground truth.
import type { Person } from './population';
import type { Random } from './random';
import type { BadReason, RecordTruth, SourceName } from './truth';

/** What the emitter needs to know about one kind of payload to break it the way real senders do. */
export interface KindSpec {
  readonly source: SourceName;
  readonly kind: string;
  /** The event's timestamp field. */
  readonly time: readonly string[];
  /** Epoch milliseconds instead of ISO text. */
  readonly epoch?: boolean;
  /** The currency code of a purchase or refund. */
  readonly currency?: readonly string[];
  /** The field that tells the kind, and a value no mapping knows. */
  readonly unknownKind?: { readonly path: readonly string[]; readonly value: string };
}

export interface Outgoing {
  readonly source: SourceName;
  readonly key: string;
  readonly value: string;
  readonly at: number;
}

const UNKNOWN_CURRENCIES = ['EURO', 'RMB', 'YEN', 'POUND'];

export class Emitter {
  readonly messages: Outgoing[] = [];
  /** Payloads delivered intact so far. */
  accepted = 0;
  readonly records = new Map<string, RecordTruth>();
  /** The deliberately broken deliveries (few, so kept beside the messages). */
  readonly bad = new Map<Outgoing, BadReason>();
  /** Second deliveries → their first. */
  readonly duplicates = new Map<Outgoing, Outgoing>();
  /** First deliveries that are delivered again. */
  readonly duplicated = new Set<Outgoing>();

  constructor(
    private readonly r: Random,
    private readonly badRate: number,
    private readonly duplicateRate: number,
    private readonly start: number,
    private readonly end: number,
  ) {}

  /**
   * Sends one payload. Returns true when it arrives intact (its effects count in the truth);
   * false when it is deliberately broken or falls outside the period (then it is not sent).
   */
  emit(
    spec: KindSpec,
    at: number,
    key: string,
    recordId: string,
    payload: Record<string, unknown>,
    person: Person,
    label: () => string,
  ): boolean {
    if (!Number.isSafeInteger(at)) throw new Error(`${spec.source} ${spec.kind} at ${at}: times are whole milliseconds`);
    if (!(at >= this.start && at < this.end)) return false;
    if (this.r.chance(this.badRate)) {
      const reason = this.reasonFor(spec);
      this.push(at, spec.source, key, breakPayload(spec, payload, reason, this.r), reason, null);
      return false;
    }
    const value = JSON.stringify(payload);
    const first = this.push(at, spec.source, key, value, null, null);
    this.accepted += 1;
    const recordKey = `${spec.source}:${recordId}`;
    if (!this.records.has(recordKey)) {
      this.records.set(recordKey, {
        source: spec.source,
        sourceRecordId: recordId,
        personId: person.id,
        householdId: person.household.id,
        label: label(),
      });
    }
    if (this.r.chance(this.duplicateRate)) {
      const again = at + this.r.int(1_000, 600_000);
      if (again < this.end) this.push(again, spec.source, key, value, null, first);
    }
    return true;
  }

  private push(at: number, source: SourceName, key: string, value: string, bad: BadReason | null, original: Outgoing | null): Outgoing {
    const message: Outgoing = { source, key, value, at };
    this.messages.push(message);
    if (bad) this.bad.set(message, bad);
    if (original) {
      this.duplicates.set(message, original);
      this.duplicated.add(original);
    }
    return message;
  }

  private reasonFor(spec: KindSpec): BadReason {
    const reasons: BadReason[] = ['invalid-json', 'missing-required-field', 'invalid-field'];
    if (spec.unknownKind) reasons.push('unknown-kind');
    return this.r.pick(reasons);
  }
}

function parentOf(payload: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  let node = payload;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string, unknown>;
  return node;
}

/** The broken bytes a sender produces for `reason`. */
export function breakPayload(spec: KindSpec, payload: Record<string, unknown>, reason: BadReason, r: Random): string {
  const leaf = (path: readonly string[]) => path[path.length - 1]!;
  switch (reason) {
    case 'invalid-json': {
      // A truncated write: a strict prefix of a JSON object never parses.
      const text = JSON.stringify(payload);
      return text.slice(0, r.int(1, text.length - 2));
    }
    case 'missing-required-field':
      delete parentOf(payload, spec.time)[leaf(spec.time)];
      return JSON.stringify(payload);
    case 'invalid-field': {
      const time = parentOf(payload, spec.time);
      if (spec.currency && r.chance(0.5)) parentOf(payload, spec.currency)[leaf(spec.currency)] = r.pick(UNKNOWN_CURRENCIES);
      else if (spec.epoch) time[leaf(spec.time)] = new Date(time[leaf(spec.time)] as number).toISOString().slice(0, 19).replace('T', ' ');
      else time[leaf(spec.time)] = String(time[leaf(spec.time)]).replace(/(Z|[+-]\d{2}:\d{2})$/, '');
      return JSON.stringify(payload);
    }
    case 'unknown-kind':
      parentOf(payload, spec.unknownKind!.path)[leaf(spec.unknownKind!.path)] = spec.unknownKind!.value;
      return JSON.stringify(payload);
  }
}
