// The ground truth beside the data: every source record's true person and household, every
// person's expected insight values (from the payloads a correct pipeline accepts), and every
// deliberately bad or duplicated delivery.

export const SOURCES = ['pos', 'ecommerce', 'marketing', 'service', 'loyalty', 'wholesale', 'web', 'register'] as const;
export type SourceName = (typeof SOURCES)[number];

/** Why the ingestor rejects a deliberately bad payload (its dead-letter reason code). */
export type BadReason = 'invalid-json' | 'missing-required-field' | 'invalid-field' | 'unknown-kind';

export interface RecordTruth {
  readonly source: SourceName;
  /** The source's id of its record of the person (see docs/synthetic-data.md per source). */
  readonly sourceRecordId: string;
  readonly personId: string;
  readonly householdId: string;
  /** What the record says about the person, to read false merges and missed links. */
  readonly label: string;
}

export type ConsentState = 'granted' | 'withdrawn';

export interface PersonTruth {
  readonly personId: string;
  readonly householdId: string;
  readonly market: string;
  /** The true name ('Jürgen Müller'; '山田 太郎 (Yamada Tarō)' in JP), birth date and contact points, for reading results. */
  readonly name: string;
  readonly birthDate: string;
  readonly emails: readonly string[];
  /** E.164. */
  readonly phones: readonly string[];
  readonly addresses: readonly string[];
  /** The wholesale account the person buys for. */
  readonly wholesaleAccount: string | null;
  readonly twinOf: string | null;
  readonly namesakeOf: string | null;
  /** Accepted purchases minus accepted refunds, in minor units of the reporting currency. */
  readonly lifetimeValueMinor: number;
  /** Accepted purchases (POS sales, e-commerce orders, wholesale orders). */
  readonly orderCount: number;
  readonly firstPurchaseAt: string | null;
  readonly lastPurchaseAt: string | null;
  /**
   * Spend per category (lower-case path, as the ingestor normalises it): order lines minus returned
   * lines, each line converted on its own. Web-shop refunds name no lines, so they lower the
   * lifetime value but no category.
   */
  readonly categoryTotalsMinor: Readonly<Record<string, number>>;
  /** Last email open or click, or web event. */
  readonly lastEngagementAt: string | null;
  readonly npsScores: readonly { readonly at: string; readonly score: number }[];
  /** Effective dates of accepted register notices. */
  readonly register: { readonly deceased: string | null; readonly movedAway: string | null; readonly doNotContact: string | null };
  /** The latest accepted statement per channel (e-commerce opt-in, subscriptions, loyalty consents). */
  readonly consent: { readonly email: ConsentState | null; readonly sms: ConsentState | null };
  /** When the person stopped buying and engaging, for churners. */
  readonly churnedAt: string | null;
}

export interface BadPayload {
  readonly source: SourceName;
  readonly key: string;
  /** Position in the data set's messages (time order across sources). */
  readonly index: number;
  /** Line in the source's file (0-based). */
  readonly line: number;
  readonly reason: BadReason;
}

export interface DuplicateDelivery {
  readonly source: SourceName;
  readonly key: string;
  readonly index: number;
  readonly line: number;
  /** Index of the first delivery of the same bytes. */
  readonly originalIndex: number;
}

export interface GroundTruth {
  readonly reportingCurrency: string;
  readonly records: readonly RecordTruth[];
  readonly persons: readonly PersonTruth[];
  readonly bad: readonly BadPayload[];
  readonly duplicates: readonly DuplicateDelivery[];
}

const iso = (ms: number): string | null => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);

export interface LineValue {
  readonly category: string;
  readonly reportingMinor: number;
}

/** A person's insight values, fed only by accepted payloads. */
export class Ledger {
  private ltv = 0;
  private orders = 0;
  private first = Number.POSITIVE_INFINITY;
  private last = Number.NEGATIVE_INFINITY;
  private readonly categories = new Map<string, number>();
  private lastEngagement = Number.NEGATIVE_INFINITY;
  private readonly nps: { at: number; score: number }[] = [];
  private readonly notices: { deceased: string | null; movedAway: string | null; doNotContact: string | null } = {
    deceased: null,
    movedAway: null,
    doNotContact: null,
  };
  private readonly consents = new Map<'email' | 'sms', { at: number; state: ConsentState }>();

  purchase(at: number, reportingMinor: number, lines: readonly LineValue[]): void {
    this.ltv += reportingMinor;
    this.orders += 1;
    this.first = Math.min(this.first, at);
    this.last = Math.max(this.last, at);
    for (const line of lines) this.addCategory(line.category, line.reportingMinor);
  }

  refund(reportingMinor: number, lines: readonly LineValue[]): void {
    this.ltv -= reportingMinor;
    for (const line of lines) this.addCategory(line.category, -line.reportingMinor);
  }

  engaged(at: number): void {
    this.lastEngagement = Math.max(this.lastEngagement, at);
  }

  npsResponse(at: number, score: number): void {
    this.nps.push({ at, score });
  }

  notice(kind: 'deceased' | 'movedAway' | 'doNotContact', effective: string): void {
    this.notices[kind] = effective;
  }

  consent(channel: 'email' | 'sms', granted: boolean, at: number): void {
    const current = this.consents.get(channel);
    if (!current || current.at <= at) this.consents.set(channel, { at, state: granted ? 'granted' : 'withdrawn' });
  }

  get lifetimeValueMinor(): number {
    return this.ltv;
  }

  insights(churnedAt: number) {
    return {
      lifetimeValueMinor: this.ltv,
      orderCount: this.orders,
      firstPurchaseAt: iso(this.first),
      lastPurchaseAt: iso(this.last),
      categoryTotalsMinor: Object.fromEntries([...this.categories].sort(([a], [b]) => (a < b ? -1 : 1))),
      lastEngagementAt: iso(this.lastEngagement),
      npsScores: [...this.nps].sort((a, b) => a.at - b.at).map((n) => ({ at: iso(n.at)!, score: n.score })),
      register: { ...this.notices },
      consent: { email: this.consents.get('email')?.state ?? null, sms: this.consents.get('sms')?.state ?? null },
      churnedAt: iso(churnedAt),
    };
  }

  private addCategory(path: string, minor: number): void {
    const key = path.toLowerCase();
    this.categories.set(key, (this.categories.get(key) ?? 0) + minor);
  }
}
