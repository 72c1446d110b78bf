// What the demo reads back from Kafka, as any outside tool would: the segment changes (with the
// time each arrives), the ingestor's dead letters, each service group's consumer lag, and how
// many messages a run added to each topic.
import type { Admin, Consumer } from 'kafkajs';
import { Headers, Topics, type SegmentMembershipChange } from '@c360/schemas';
import { retriable, type KafkaTestClient, type ServiceName } from '@c360/testing';

export interface ArrivedChange {
  readonly segmentId: string;
  readonly profileId: string;
  readonly change: SegmentMembershipChange['change'];
  readonly triggerEventId: string | null;
  readonly arrivedAt: number;
}

export interface ArrivedDeadLetter {
  readonly key: string | null;
  readonly reason: string;
}

export const SEGMENT_TOPIC = /^c360\.segment\.([a-z0-9][a-z0-9-]*)\.v1$/;

/**
 * Reads the segment topics and the ingestor's dead-letter topic from their current ends, without
 * committing anything (its group leaves no offsets behind). Resolves once it has joined, so
 * everything produced afterwards is seen.
 */
export class Watcher {
  readonly changes: ArrivedChange[] = [];
  readonly deadLetters: ArrivedDeadLetter[] = [];
  private consumer?: Consumer;

  constructor(private readonly client: KafkaTestClient) {}

  async start(admin: Admin, runId: string): Promise<string[]> {
    const segmentTopics = (await admin.listTopics()).filter((t) => SEGMENT_TOPIC.test(t)).sort();
    const topics = [...segmentTopics, Topics.deadLetterIngestor.name];
    const ends = await Promise.all(
      topics.map(async (topic) => ({ topic, offsets: await retriable(() => admin.fetchTopicOffsets(topic)) })),
    );
    const consumer = this.client.kafka.consumer({ groupId: `c360-demo-watch-${runId}`, maxWaitTimeInMs: 100 });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    const joined = new Promise<void>((resolve) => {
      const off = consumer.on(consumer.events.GROUP_JOIN, () => {
        off();
        resolve();
      });
    });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: 4,
      eachBatch: async ({ batch }) => {
        const arrivedAt = Date.now();
        if (batch.topic === Topics.deadLetterIngestor.name) {
          for (const m of batch.messages) {
            this.deadLetters.push({ key: m.key?.toString() ?? null, reason: m.headers?.[Headers.dlqReason]?.toString() ?? 'unknown' });
          }
          return;
        }
        for (const m of batch.messages) {
          if (!m.value) continue;
          const value = (await this.client.registry.decode(m.value)) as SegmentMembershipChange;
          this.changes.push({
            segmentId: value.segmentId,
            profileId: value.profileId,
            change: value.change,
            triggerEventId: value.triggerEventId,
            arrivedAt,
          });
        }
      },
    });
    for (const { topic, offsets } of ends) for (const o of offsets) consumer.seek({ topic, partition: o.partition, offset: o.high });
    await joined;
    return segmentTopics;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

export interface GroupSpec {
  readonly service: ServiceName;
  readonly groupId: string;
  readonly topics: readonly string[];
}

export interface GroupLag {
  readonly service: ServiceName;
  /** Messages behind the ends of the group's topics. */
  readonly lag: number;
  /** Messages the group has committed in all, to derive its rate. */
  readonly committed: number;
}

/** Each group's lag: the end of each partition of its topics minus the group's committed offset. */
export async function lagOf(admin: Admin, groups: readonly GroupSpec[]): Promise<GroupLag[]> {
  const topics = [...new Set(groups.flatMap((g) => g.topics))];
  const ends = new Map<string, Map<number, number>>();
  await Promise.all(
    topics.map(async (topic) => {
      ends.set(topic, new Map((await retriable(() => admin.fetchTopicOffsets(topic))).map((o) => [o.partition, Number(o.high)])));
    }),
  );
  return Promise.all(
    groups.map(async (g) => {
      let lag = 0;
      let committed = 0;
      for (const { topic, partitions } of await retriable(() => admin.fetchOffsets({ groupId: g.groupId, topics: [...g.topics] }))) {
        const topicEnds = ends.get(topic)!;
        for (const [partition, end] of topicEnds) {
          const offset = Math.max(0, Number(partitions.find((p) => p.partition === partition)?.offset ?? -1));
          lag += Math.max(0, end - offset);
          committed += offset;
        }
      }
      return { service: g.service, lag, committed };
    }),
  );
}

/** The sum of the end offsets of each topic (what a run adds is the difference of two calls). */
export async function topicTotals(admin: Admin, topics: readonly string[]): Promise<Map<string, number>> {
  const existing = new Set(await admin.listTopics());
  const totals = new Map<string, number>();
  await Promise.all(
    topics
      .filter((t) => existing.has(t))
      .map(async (topic) => {
        totals.set(
          topic,
          (await retriable(() => admin.fetchTopicOffsets(topic))).reduce((s, o) => s + Number(o.high), 0),
        );
      }),
  );
  return totals;
}
