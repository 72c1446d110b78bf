// The topic catalog: every topic c360 reads or writes, with its contract. Handlers and scripts
// refer to these entries, never to topic names as strings. A breaking contract change means a
// new topic version (…v2), not an edit of the schema in place: the registry enforces BACKWARD
// compatibility within a version.
import {
  CanonicalEvent,
  CanonicalEventSchema,
  DataQualityReport,
  DataQualityReportSchema,
  DeadLetter,
  DeadLetterSchema,
  IdentityChange,
  IdentityChangeSchema,
  Profile,
  ProfileInsights,
  ProfileInsightsSchema,
  ProfileSchema,
  SegmentMembershipChange,
  SegmentMembershipChangeSchema,
} from './generated';

export type CleanupPolicy = 'delete' | 'compact';

interface TopicBase {
  /** Full topic name, ending in its contract version. */
  readonly name: string;
  readonly partitions: number;
  readonly cleanupPolicy: CleanupPolicy;
  /** What the message key is; keys are UTF-8 strings. */
  readonly key: string;
  readonly description: string;
  /** The largest record batch the topic takes, when it must exceed the broker's default (1 MiB). */
  readonly maxMessageBytes?: number;
}

/** A topic whose values are Avro in the Confluent wire format, registered under `<name>-value`. */
export interface AvroTopic<T> extends TopicBase {
  readonly format: 'avro';
  readonly schema: object;
  /** Phantom field carrying the value type; never set at run time. */
  readonly __value?: T;
}

/** A source system's own topic: values are whatever that system sends (native JSON). */
export interface NativeTopic extends TopicBase {
  readonly format: 'native';
  readonly source: string;
}

export type TopicSpec = AvroTopic<unknown> | NativeTopic;
export type ValueOf<T> = T extends AvroTopic<infer V> ? V : Buffer;

const avro = <T>(spec: Omit<AvroTopic<T>, 'format' | '__value'>): AvroTopic<T> => ({ format: 'avro', ...spec });
const native = (spec: Omit<NativeTopic, 'format' | 'cleanupPolicy'>): NativeTopic => ({
  format: 'native',
  cleanupPolicy: 'delete',
  ...spec,
});

const PARTITIONS = 6;

export const Topics = {
  canonicalEvents: avro<CanonicalEvent>({
    name: 'c360.canonical.events.v1',
    schema: CanonicalEventSchema,
    partitions: PARTITIONS,
    cleanupPolicy: 'delete',
    key: 'source:sourceRecordId, so one source record stays in order',
    description: 'Channel events mapped to the canonical model by the ingestor.',
  }),
  resolvedEvents: avro<CanonicalEvent>({
    name: 'c360.resolved.events.v1',
    schema: CanonicalEventSchema,
    partitions: PARTITIONS,
    cleanupPolicy: 'delete',
    key: 'profile id',
    description: 'Canonical events with profileId set, re-keyed by profile by the resolver.',
  }),
  identityChanges: avro<IdentityChange>({
    name: 'c360.identity.changes.v1',
    schema: IdentityChangeSchema,
    partitions: PARTITIONS,
    cleanupPolicy: 'delete',
    key: 'surviving profile id',
    description: 'Records assigned to profiles and profiles merged, with the rule and matched values.',
  }),
  profiles: avro<Profile>({
    name: 'c360.profiles.v1',
    schema: ProfileSchema,
    partitions: PARTITIONS,
    cleanupPolicy: 'compact',
    key: 'profile id; a tombstone for an absorbed id',
    description: 'The current golden record per profile.',
  }),
  insights: avro<ProfileInsights>({
    name: 'c360.insights.v1',
    schema: ProfileInsightsSchema,
    partitions: PARTITIONS,
    cleanupPolicy: 'compact',
    key: 'profile id',
    description: 'The current calculated insights per profile.',
  }),
  quality: avro<DataQualityReport>({
    name: 'c360.quality.v1',
    schema: DataQualityReportSchema,
    partitions: 1,
    cleanupPolicy: 'delete',
    key: 'source:market',
    description: 'Data quality snapshots per source and market, and drift alerts, from the ingestor.',
  }),
  deadLetterIngestor: deadLetter('ingestor'),
  deadLetterResolver: deadLetter('resolver'),
  deadLetterInsights: deadLetter('insights'),
  deadLetterActivation: deadLetter('activation'),
} as const;

function deadLetter(service: string): AvroTopic<DeadLetter> {
  return avro<DeadLetter>({
    name: `c360.deadletter.${service}.v1`,
    schema: DeadLetterSchema,
    partitions: 1,
    cleanupPolicy: 'delete',
    // A dead letter carries the original bytes, which may already be near the source's limit.
    maxMessageBytes: 4 * 1024 * 1024,
    key: 'the original key',
    description: `Messages the ${service} could not use, with the reason and the original bytes.`,
  });
}

const SOURCE_NAME = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * The topic a source system produces its native payloads to: `src.<source>.v1`. Sources are
 * declared by the ingestor's mapping files, not here, so a new source needs no code.
 */
export function sourceTopic(source: string): NativeTopic {
  if (!SOURCE_NAME.test(source)) throw new Error(`invalid source name '${source}': use lower-case letters, digits and dashes`);
  return native({
    name: `src.${source}.v1`,
    source,
    partitions: PARTITIONS,
    key: "the source's own id of the customer record or event, as it sends it",
    description: `Native payloads of source ${source}, exactly as that system emits them.`,
  });
}

const SEGMENT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The topic a segment's membership changes are published on. */
export function segmentTopic(segmentId: string): AvroTopic<SegmentMembershipChange> {
  if (!SEGMENT_ID.test(segmentId)) throw new Error(`invalid segment id '${segmentId}': use lower-case letters, digits and dashes`);
  return avro<SegmentMembershipChange>({
    name: `c360.segment.${segmentId}.v1`,
    schema: SegmentMembershipChangeSchema,
    partitions: PARTITIONS,
    cleanupPolicy: 'delete',
    key: 'profile id',
    description: `Profiles entering and leaving segment ${segmentId}.`,
  });
}

export const allTopics = (): TopicSpec[] => Object.values(Topics);
