// Streams generated messages to the source topics at a steady rate, in their time order, while
// one progress line shows the produced rate and each service group's lag and rate; then keeps
// the line going until every service has caught up (or has stopped making progress).
import { Presets, SingleBar } from 'cli-progress';
import { Partitioners, type Admin, type Kafka } from 'kafkajs';
import type { SourceMessage } from '@c360/generator';
import { sourceTopic } from '@c360/schemas';
import { compact } from './figures';
import { credit, LagTally, queueLimit, StallWatch } from './pace';
import { lagOf, type GroupLag, type GroupSpec } from './watch';

export interface StreamResult {
  readonly events: number;
  readonly startedAt: number;
  readonly producedBy: number;
  /** When every group had caught up, or null if it did not. */
  readonly caughtUpAt: number | null;
  /** Why it stopped waiting, when it did not catch up. */
  readonly gaveUp: string | null;
  /** The lag each group had last. */
  readonly lastLag: readonly GroupLag[];
  /** The highest queue limit the phase allowed (MAX_QUEUED unless the pipeline took more in). */
  readonly queueLimit: number;
  /** Each group's lag over the phase: time-weighted mean and highest. */
  readonly lagTally: readonly { readonly service: string; readonly mean: number; readonly peak: number }[];
}

const POLL_MS = 1_000;
/** Messages waiting and no group committing anything for this long: stuck, not slow (see StallWatch). */
export const STALL_MS = 90_000;
/**
 * The most messages the stream lets wait in the pipeline (the lags of all four groups added up),
 * or QUEUE_SECONDS of the slowest busy service's pace when that is more (see queueLimit). Each service
 * handles a fetched batch (up to 1 MB a partition) in one go; with a deep backlog a slow
 * resolver's batches outlast the group's 30 s session, its commits are refused and it redoes
 * them over and over. Keeping the queue short keeps every batch small, so the stream runs at the
 * pace of the slowest service instead of burying it.
 */
export const MAX_QUEUED = 3_000;
const QUEUE_SECONDS = 5;

function minutes(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 90 ? `${s} s` : `${Math.round(s / 60)} min`;
}

/**
 * Produces `messages[from, to)` at `rate` a second, never more than the queue limit ahead of
 * the services (MAX_QUEUED, more for a fast pipeline), and records each one's produce time in `producedAt`; resolves once every group has
 * caught up, or gives up (stops producing too) when the pipeline is stuck (STALL_MS), a service
 * it started has exited (`exited`), or `maxMs` has passed since the first message.
 */
export async function stream(options: {
  readonly label: string;
  readonly kafka: Kafka;
  readonly admin: Admin;
  readonly messages: readonly SourceMessage[];
  readonly from: number;
  readonly to: number;
  readonly producedAt: Float64Array;
  readonly rate: number;
  readonly groups: readonly GroupSpec[];
  readonly maxMs: number;
  /** Why the pipeline cannot finish (a service process that exited), or null. */
  readonly exited?: () => string | null;
}): Promise<StreamResult> {
  const { kafka, admin, messages, from, to, rate, groups, producedAt } = options;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const tty = process.stdout.isTTY === true;
  const bar = new SingleBar(
    {
      format: `  {phase} [{bar}] {value}/{total} | {speed} ev/s | lag {lags} | {time}`,
      barsize: tty ? 16 : 10,
      hideCursor: true,
      noTTYOutput: !tty,
      notTTYSchedule: 10_000,
      formatValue: (v, _o, type) => (type === 'value' || type === 'total' ? compact(v) : String(v)),
    },
    Presets.shades_classic,
  );
  const startedAt = Date.now();
  // credit: how many more messages may be produced before the next lag reading says more.
  const state = {
    sent: 0,
    done: false,
    lags: [] as GroupLag[],
    zeroPolls: 0,
    firstZeroAt: 0,
    waiting: false,
    credit: 0,
    limit: MAX_QUEUED,
    peakLimit: MAX_QUEUED,
  };
  const stall = new StallWatch(STALL_MS, startedAt);
  const tally = new LagTally();
  const recent: { at: number; sent: number; committed: number[] }[] = [];
  const render = () => {
    const now = Date.now();
    const base = recent.find((r) => now - r.at <= 10_000) ?? recent[0];
    const dt = base ? (now - base.at) / 1000 : 0;
    const speed = dt > 0 && base ? (state.sent - base.sent) / dt : 0;
    // To go: the rest at the pace the stream is allowed now, then the queues drained.
    const unsent = to - from - state.sent;
    let drain = 0;
    const lags = state.lags
      .map((l, i) => {
        const consumed = dt > 0 && base?.committed[i] !== undefined ? (l.committed - base.committed[i]) / dt : 0;
        if (l.lag > 0) drain = Math.max(drain, consumed > 0 ? l.lag / consumed : Number.POSITIVE_INFINITY);
        return `${l.service} ${compact(l.lag)}${consumed > 0 ? ` (${compact(consumed)}/s)` : ''}`;
      })
      .join(', ');
    const eta = (unsent > 0 ? unsent / (speed > 0 ? speed : rate) : 0) + drain;
    bar.update(state.sent, {
      phase: state.done
        ? `${options.label}: catching up`
        : state.waiting
          ? `${options.label}: waiting    `
          : `${options.label}: producing  `,
      speed: compact(state.done ? 0 : speed),
      lags: lags || '…',
      time: `${minutes(now - startedAt)}${eta > 0 && Number.isFinite(eta) && recent.length > 3 ? `, about ${minutes(eta * 1000)} to go` : ''}`,
    });
  };
  bar.start(to - from, 0, { phase: `${options.label}: producing  `, speed: '0', lags: '…', time: '0 s' });

  // Lag is polled beside the producer, never in its way.
  let polling = true;
  const poller = (async () => {
    while (polling) {
      try {
        const sentBefore = state.sent;
        const lags = await lagOf(admin, groups);
        const at = Date.now();
        state.lags = lags;
        // The pace of the slowest busy service: the lowest commit rate among the groups with
        // messages waiting (a group with none waiting only shows how fast its input comes).
        const base = recent.find((r) => at - r.at <= 5_000);
        const busyRates =
          base && at > base.at
            ? lags.flatMap((l, i) => (l.lag > 0 ? [((l.committed - (base.committed[i] ?? 0)) * 1000) / (at - base.at)] : []))
            : [];
        const limit = busyRates.length > 0 ? queueLimit(MAX_QUEUED, QUEUE_SECONDS, Math.min(...busyRates)) : state.limit;
        state.limit = limit;
        state.peakLimit = Math.max(state.peakLimit, limit);
        state.credit = credit(limit, lags, state.sent - sentBefore);
        stall.observe(at, lags);
        tally.observe(at, lags);
        const zero = lags.every((l) => l.lag === 0);
        state.zeroPolls = state.done && zero ? state.zeroPolls + 1 : 0;
        if (state.zeroPolls === 1) state.firstZeroAt = at;
        recent.push({ at: Date.now(), sent: state.sent, committed: lags.map((l) => l.committed) });
        while (recent.length > 12) recent.shift();
      } catch {
        // A lag read that fails (a broker hiccup) is simply tried again on the next poll.
      }
      render();
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })();

  // Why to stop waiting for the pipeline, if there is a reason.
  const hopeless = (): string | null =>
    options.exited?.() ??
    stall.stuck(Date.now()) ??
    (Date.now() - startedAt > options.maxMs ? `still behind after ${minutes(options.maxMs)}` : null);

  // Small sends, often: a steady stream rather than bursts. Messages stay in their time order.
  const chunk = Math.max(1, Math.min(2_000, Math.round(rate / 20)));
  const topics = new Map<string, string>();
  let paused = 0;
  let gaveUp: string | null = null;
  try {
    for (let i = from; i < to;) {
      // Backpressure: no more than the lag readings allow, so no service gets buried.
      const waitStarted = Date.now();
      while (state.credit <= 0 && (gaveUp = hopeless()) === null) {
        state.waiting = true;
        await new Promise((r) => setTimeout(r, 50));
      }
      if (gaveUp !== null) break;
      state.waiting = false;
      paused += Date.now() - waitStarted;
      const end = Math.min(to, i + chunk, i + state.credit);
      state.credit -= end - i;
      const byTopic = new Map<string, { key: string; value: string }[]>();
      for (let j = i; j < end; j++) {
        const m = messages[j]!;
        let topic = topics.get(m.source);
        if (!topic) topics.set(m.source, (topic = sourceTopic(m.source).name));
        const list = byTopic.get(topic);
        if (list) list.push({ key: m.key, value: m.value });
        else byTopic.set(topic, [{ key: m.key, value: m.value }]);
      }
      producedAt.fill(Date.now(), i, end);
      await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, ms]) => ({ topic, messages: ms })) });
      state.sent = end - from;
      i = end;
      const due = startedAt + paused + (state.sent / rate) * 1000;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    }
  } finally {
    await producer.disconnect();
  }
  const producedBy = Date.now();
  state.done = true;

  // Caught up: every group at the end of its topics in two polls running.
  while (gaveUp === null && state.zeroPolls < 2) {
    gaveUp = hopeless();
    if (gaveUp === null) await new Promise((r) => setTimeout(r, 200));
  }
  polling = false;
  await poller;
  render();
  bar.stop();
  return {
    events: state.sent,
    startedAt,
    producedBy,
    caughtUpAt: gaveUp === null ? state.firstZeroAt : null,
    gaveUp,
    lastLag: state.lags,
    queueLimit: state.peakLimit,
    lagTally: tally.summary(),
  };
}
