// The stream's decisions, pure: how many more messages it may produce (backpressure), whether
// the pipeline is stuck rather than slow (the stall rule), and which service sets the pace.

/** One reading of a service group: messages behind the ends of its topics, and committed in all. */
export interface LagReading {
  readonly service: string;
  readonly lag: number;
  readonly committed: number;
}

/**
 * How many more messages may be produced now: the queue allowed in front of the services, less
 * what waits there (all groups' lags added up), less what was produced while the lags were read
 * (not in them yet). Zero or less: wait for the next reading.
 */
export function credit(maxQueued: number, lags: readonly LagReading[], producedDuringRead: number): number {
  return maxQueued - lags.reduce((n, l) => n + l.lag, 0) - producedDuringRead;
}

/**
 * The queue allowed in front of the services: `min`, or `seconds` of the slowest busy service's
 * pace (its commits a second), when that is more. A slow pipeline is held to a short queue, so its
 * batches stay small; a fast one is not held back by a limit it drains between two lag readings.
 */
export function queueLimit(min: number, seconds: number, slowestPerSecond: number): number {
  return Number.isFinite(slowestPerSecond) && slowestPerSecond > 0 ? Math.max(min, Math.round(seconds * slowestPerSecond)) : min;
}

/**
 * The stall rule. The pipeline makes progress when any group commits further, or when nothing
 * waits. It is stuck when messages wait and no group has committed anything for `stallMs`: a
 * service that died, is stuck in rebalances, or keeps failing a batch. A slow service still
 * commits now and then, so a slow pipeline is never taken for a stuck one.
 */
export class StallWatch {
  private lastCommitted: number | null = null;
  private progressAt: number;

  constructor(
    private readonly stallMs: number,
    startedAt: number,
  ) {
    this.progressAt = startedAt;
  }

  observe(at: number, lags: readonly LagReading[]): void {
    const committed = lags.reduce((n, l) => n + l.committed, 0);
    const waiting = lags.reduce((n, l) => n + l.lag, 0);
    if (waiting === 0 || (this.lastCommitted !== null && committed > this.lastCommitted)) this.progressAt = at;
    this.lastCommitted = committed;
  }

  /** Why the pipeline counts as stuck at `now`, or null while it is not. */
  stuck(now: number): string | null {
    const idle = now - this.progressAt;
    return idle >= this.stallMs ? `no service committed anything for ${Math.round(idle / 1000)} s while messages waited` : null;
  }
}

/**
 * Each service's lag averaged over the readings, weighted by the time each one held: where the
 * queue waits most of the time is the service that sets the pace.
 */
export class LagTally {
  private readonly weighted = new Map<string, number>();
  private readonly peak = new Map<string, number>();
  private last: { at: number; lags: readonly LagReading[] } | null = null;
  private span = 0;

  observe(at: number, lags: readonly LagReading[]): void {
    if (this.last) {
      const dt = Math.max(0, at - this.last.at);
      this.span += dt;
      for (const l of this.last.lags) this.weighted.set(l.service, (this.weighted.get(l.service) ?? 0) + l.lag * dt);
    }
    for (const l of lags) this.peak.set(l.service, Math.max(this.peak.get(l.service) ?? 0, l.lag));
    this.last = { at, lags };
  }

  /** Per service in the order first seen: mean and highest lag. */
  summary(): { readonly service: string; readonly mean: number; readonly peak: number }[] {
    return [...this.peak].map(([service, peak]) => ({
      service,
      mean: this.span > 0 ? (this.weighted.get(service) ?? 0) / this.span : 0,
      peak,
    }));
  }
}

/**
 * The service the queue waited in front of most, if one held most of it (over half of the total
 * mean lag); null when the queue was short or spread out.
 */
export function paceSetter(tally: readonly { readonly service: string; readonly mean: number }[]): string | null {
  const total = tally.reduce((n, t) => n + t.mean, 0);
  const top = [...tally].sort((a, b) => b.mean - a.mean)[0];
  return top && total >= 1 && top.mean > total / 2 ? top.service : null;
}
