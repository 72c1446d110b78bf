// Data quality per source and market: completeness, validity, freshness and conformance over a
// window, and drift against each source's trailing baseline. Pure: the ingestor feeds it what
// mapping found and publishes what `closeWindow` returns.
import type { DataQualityReport, DriftAlert } from '@c360/schemas';

export interface AcceptedObservation {
  readonly ok: true;
  readonly source: string;
  readonly market: string;
  /** Canonical field paths the event carried. */
  readonly fieldsPresent: readonly string[];
  /** Source paths of optional values dropped as invalid. */
  readonly droppedPaths: readonly string[];
  /** Payload paths no mapping rule reads. */
  readonly unmappedPaths: readonly string[];
  readonly freshnessMs: number;
}

export interface RejectedObservation {
  readonly ok: false;
  readonly source: string;
  /** '??' when the payload could not be read far enough to know. */
  readonly market: string;
  readonly reasonCode: string;
}

export type Observation = AcceptedObservation | RejectedObservation;

export interface DriftPolicy {
  /** Windows with fewer accepted records neither alert nor move the baseline. */
  readonly minRecords: number;
  /** Windows that build the baseline before any alert. */
  readonly warmupWindows: number;
  /** Weight of the newest window in the trailing baseline (exponential moving average). */
  readonly baselineWeight: number;
  /** A completeness drop alerts when it falls by at least this much (absolute) ... */
  readonly completenessDrop: number;
  /** ... and below this share of the baseline. */
  readonly completenessRatio: number;
  /** The reject rate alerts when it rises by at least this much (absolute) above its baseline. */
  readonly rejectRateRise: number;
}

export const DEFAULT_DRIFT_POLICY: DriftPolicy = {
  minRecords: 50,
  warmupWindows: 2,
  baselineWeight: 0.3,
  completenessDrop: 0.2,
  completenessRatio: 0.75,
  rejectRateRise: 0.1,
};

/** Freshness samples kept per window; beyond that a reservoir keeps a uniform sample. */
const FRESHNESS_SAMPLES = 2048;
/** Distinct unmapped paths remembered per source, so a payload full of random keys cannot exhaust memory. */
const UNMAPPED_PATHS_PER_SOURCE = 200;

interface Window {
  received: number;
  accepted: number;
  rejected: Map<string, number>;
  present: Map<string, number>;
  dropped: Map<string, number>;
  unmapped: Map<string, number>;
  freshness: number[];
}

interface Baseline {
  windows: number;
  completeness: Map<string, number>;
  rejectRate: number;
}

const emptyWindow = (): Window => ({
  received: 0,
  accepted: 0,
  rejected: new Map(),
  present: new Map(),
  dropped: new Map(),
  unmapped: new Map(),
  freshness: [],
});

const bump = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);

export class QualityTracker {
  private windows = new Map<string, Window>();
  private readonly baselines = new Map<string, Baseline>();
  private readonly knownUnmapped = new Map<string, Set<string>>();
  private windowStart: number;

  constructor(
    private readonly instance: string,
    now: number,
    private readonly policy: DriftPolicy = DEFAULT_DRIFT_POLICY,
    private readonly random: () => number = Math.random,
  ) {
    this.windowStart = now;
  }

  observe(o: Observation): void {
    const key = `${o.source}\u0000${o.market}`;
    let w = this.windows.get(key);
    if (!w) this.windows.set(key, (w = emptyWindow()));
    w.received += 1;
    if (!o.ok) {
      bump(w.rejected, o.reasonCode);
      return;
    }
    w.accepted += 1;
    for (const f of o.fieldsPresent) bump(w.present, f);
    for (const p of o.droppedPaths) bump(w.dropped, p);
    for (const p of o.unmappedPaths) bump(w.unmapped, p);
    if (w.freshness.length < FRESHNESS_SAMPLES) w.freshness.push(o.freshnessMs);
    else {
      const slot = Math.floor(this.random() * w.accepted);
      if (slot < FRESHNESS_SAMPLES) w.freshness[slot] = o.freshnessMs;
    }
  }

  /** Ends the window: one report per source and market seen, plus a drift alert where one drifted. */
  closeWindow(now: number): DataQualityReport[] {
    const reports: DataQualityReport[] = [];
    for (const [key, w] of [...this.windows.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const [source, market] = key.split('\u0000') as [string, string];
      const completeness = new Map([...w.present].map(([f, n]) => [f, w.accepted === 0 ? 0 : n / w.accepted]));
      const rejectedCount = [...w.rejected.values()].reduce((a, b) => a + b, 0);
      const rejectRate = w.received === 0 ? 0 : rejectedCount / w.received;
      const base: DataQualityReport = {
        kind: 'SNAPSHOT',
        source,
        market,
        instance: this.instance,
        windowStart: this.windowStart,
        windowEnd: now,
        received: w.received,
        accepted: w.accepted,
        rejectedByReason: Object.fromEntries(w.rejected),
        completeness: Object.fromEntries(completeness),
        invalidOptional: Object.fromEntries(w.dropped),
        freshnessP50Ms: percentile(w.freshness, 0.5),
        freshnessP95Ms: percentile(w.freshness, 0.95),
        unmappedFields: Object.fromEntries(w.unmapped),
        alerts: [],
      };
      reports.push(base);
      const alerts = this.drift(key, source, w, completeness, rejectRate);
      if (alerts.length > 0) reports.push({ ...base, kind: 'DRIFT_ALERT', alerts });
    }
    this.windows = new Map();
    this.windowStart = now;
    return reports;
  }

  private drift(key: string, source: string, w: Window, completeness: Map<string, number>, rejectRate: number): DriftAlert[] {
    const alerts: DriftAlert[] = [];
    const known = this.knownUnmapped.get(source) ?? new Set<string>();
    this.knownUnmapped.set(source, known);
    const baseline = this.baselines.get(key);
    const warmedUp = (baseline?.windows ?? 0) >= this.policy.warmupWindows;
    for (const path of [...w.unmapped.keys()].sort()) {
      if (known.has(path) || known.size >= UNMAPPED_PATHS_PER_SOURCE) continue;
      known.add(path);
      if (warmedUp) {
        alerts.push({ kind: 'NEW_UNMAPPED_FIELD', field: path, baseline: 0, current: w.unmapped.get(path)! / Math.max(1, w.accepted), message: `${source}: new field '${path}' that no mapping rule reads` });
      }
    }
    if (w.accepted < this.policy.minRecords) return alerts;
    if (baseline && warmedUp) {
      for (const [field, before] of baseline.completeness) {
        const now = completeness.get(field) ?? 0;
        if (before - now >= this.policy.completenessDrop && now < before * this.policy.completenessRatio) {
          alerts.push({ kind: 'COMPLETENESS_DROP', field, baseline: before, current: now, message: `${source}: ${field} completeness fell from ${pct(before)} to ${pct(now)}` });
        }
      }
      if (rejectRate - baseline.rejectRate >= this.policy.rejectRateRise) {
        alerts.push({ kind: 'REJECT_RATE_RISE', field: '*', baseline: baseline.rejectRate, current: rejectRate, message: `${source}: reject rate rose from ${pct(baseline.rejectRate)} to ${pct(rejectRate)}` });
      }
    }
    this.baselines.set(key, this.updated(baseline, completeness, rejectRate));
    return alerts;
  }

  private updated(baseline: Baseline | undefined, completeness: Map<string, number>, rejectRate: number): Baseline {
    if (!baseline) return { windows: 1, completeness: new Map(completeness), rejectRate };
    const a = this.policy.baselineWeight;
    const fields = new Set([...baseline.completeness.keys(), ...completeness.keys()]);
    return {
      windows: baseline.windows + 1,
      completeness: new Map([...fields].map((f) => [f, a * (completeness.get(f) ?? 0) + (1 - a) * (baseline.completeness.get(f) ?? 0)])),
      rejectRate: a * rejectRate + (1 - a) * baseline.rejectRate,
    };
  }
}

function percentile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
