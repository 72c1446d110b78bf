// Where to look next: commands that work against what is running now, with a real customer from
// this run (looked up through the resolver's API before it is shown).
import type { GeneratedDataSet } from '@c360/generator';
import { Topics } from '@c360/schemas';
import { demoApiKey, PROFILES_API_KEY, serviceUrl } from './services';
import { SEGMENT_TOPIC } from './watch';

interface Env {
  readonly KAFKA_BROKERS: string;
  readonly SCHEMA_REGISTRY_URL: string;
  readonly DATABASE_URL: string;
}

const AUTH = { 'x-api-key': PROFILES_API_KEY };
const KEY = `-H 'x-api-key: ${PROFILES_API_KEY}'`;

interface Found {
  readonly email: string;
  readonly profileId: string;
  readonly records: readonly string[];
  readonly links: number;
}

/** A person of this run whose records the resolver put on one profile, the more records the better, found by email. */
async function findCustomer(data: GeneratedDataSet, profileOf: ReadonlyMap<string, string>): Promise<Found | null> {
  const personOf = new Map(data.truth.records.map((r) => [`${r.source}:${r.sourceRecordId}`, r.personId]));
  const membersOf = new Map<string, Set<string | null>>();
  for (const [record, profile] of profileOf) {
    let set = membersOf.get(profile);
    if (!set) membersOf.set(profile, (set = new Set()));
    set.add(personOf.get(record) ?? null);
  }
  // Profiles that are exactly one person: all the person's records, and nobody else's.
  const byPerson = new Map<string, { records: number; profiles: Set<string> }>();
  for (const [record, person] of personOf) {
    let entry = byPerson.get(person);
    if (!entry) byPerson.set(person, (entry = { records: 0, profiles: new Set() }));
    entry.records += 1;
    entry.profiles.add(profileOf.get(record) ?? '');
  }
  const emails = new Map(data.truth.persons.map((p) => [p.personId, p.emails]));
  const candidates = [...byPerson]
    .filter(([person, e]) => {
      const [profile] = e.profiles;
      return e.profiles.size === 1 && profile !== undefined && membersOf.get(profile)?.size === 1 && (emails.get(person)?.length ?? 0) > 0;
    })
    .sort(([, a], [, b]) => b.records - a.records)
    .slice(0, 10);
  const resolver = serviceUrl('resolver');
  for (const [person] of candidates) {
    for (const email of emails.get(person)!) {
      try {
        const res = await fetch(`${resolver}/profiles?email=${encodeURIComponent(email)}`, {
          headers: AUTH,
          signal: AbortSignal.timeout(5_000),
        });
        if (!res.ok) continue;
        const profile = (await res.json()) as { profileId?: string; sourceRecords?: string[] };
        if (!profile.profileId) continue;
        const explain = await fetch(`${resolver}/profiles/${profile.profileId}/explain`, {
          headers: AUTH,
          signal: AbortSignal.timeout(5_000),
        });
        const links = explain.ok ? (((await explain.json()) as { links?: unknown[] }).links?.length ?? 0) : 0;
        return { email, profileId: profile.profileId, records: profile.sourceRecords ?? [], links };
      } catch {
        // try the next one
      }
    }
  }
  return null;
}

export async function exploreHints(input: {
  readonly env: Env;
  readonly data: GeneratedDataSet;
  readonly profileOf: ReadonlyMap<string, string>;
  readonly segmentTopics: readonly string[];
  readonly sources: readonly string[];
  readonly logDir: string;
  /** The local stack's folder, for its logs. */
  readonly stackDir: string;
  /** Where Kafka's command-line tools are (the stack's kafka/tools), or null if they could not be fetched. */
  readonly kafkaToolsDir: string | null;
}): Promise<string[]> {
  const { env } = input;
  const customer = await findCustomer(input.data, input.profileOf);
  const resolver = serviceUrl('resolver');
  const segment =
    input.segmentTopics.find((t) => t === 'c360.segment.high-value.v1') ?? input.segmentTopics[0] ?? 'c360.segment.high-value.v1';
  const segmentId = SEGMENT_TOPIC.exec(segment)?.[1] ?? 'high-value';
  const registry = env.SCHEMA_REGISTRY_URL;
  const sourcesOf = (records: readonly string[]) => [...new Set(records.map((r) => r.split(':')[0]))].join(', ');
  const lines = [
    customer
      ? `  a customer      curl ${KEY} '${resolver}/profiles?email=${customer.email}'`
      : `  a customer      curl ${KEY} '${resolver}/profiles?email=<an email>'   (no customer of this run could be looked up)`,
    ...(customer
      ? [
          `                  → ${customer.profileId}: ${customer.records.length} source records from ${sourcesOf(customer.records)}`,
          `  why one person  curl ${KEY} ${resolver}/profiles/${customer.profileId}/explain`,
          `                  (${customer.links} links, each with its rule and matched values; the key is the one the demo gave the resolver)`,
        ]
      : [`  why one person  curl ${KEY} ${resolver}/profiles/<profile id>/explain`]),
    `  health, metrics curl ${resolver}/health/ready ; curl -s ${resolver}/metrics | grep c360_consumer_lag`,
    `                  (ingestor ${serviceUrl('ingestor')}, resolver ${resolver}, insights ${serviceUrl('insights')}, activation ${serviceUrl('activation')})`,
    `  send an event   curl -X POST ${serviceUrl('ingestor')}/v1/sources/pos/events -H 'x-api-key: ${demoApiKey('pos')}' \\`,
    `                       -H 'content-type: application/json' --data @apps/ingestor/samples/pos/sale.json`,
    `                  (sources: ${input.sources.join(', ')}; each has the key demo-<source>-local-key on the ingestor the demo starts)`,
    `  the scoring     npx c360 score --truth ${input.logDir}/truth.json --database-url ${env.DATABASE_URL}`,
    `                  (the worst false merges and missed links, record by record)`,
    `  a segment       npm run demo -- consume ${segmentId} --from-beginning   (decoded JSON, one change a line)`,
    `                  kcat -C -b ${env.KAFKA_BROKERS} -t ${segment} -o beginning -e -q -f '%T %k %h\\n'`,
    `                  (apt-get install kcat; prints time, key = profile id, and the c360-event-id header of the`,
    `                  triggering event. Values are Avro in the Confluent wire format: Debian's kcat cannot decode`,
    `                  them, the consume command above can, and so can a kcat built with Avro: -s value=avro -r ${registry})`,
    ...(input.kafkaToolsDir === null
      ? [
          `                  Kafka's console consumer: \`npm run stack:tools\` fetches it (it could not be fetched now), or use`,
          `                  bin/kafka-console-consumer.sh of a Kafka download, with the options below`,
        ]
      : [
          `                  Kafka's console consumer, fetched by the demo to ${input.kafkaToolsDir} (as bin/kafka-console-consumer.sh):`,
          `                  java -cp '${input.kafkaToolsDir}/*' org.apache.kafka.tools.consumer.ConsoleConsumer \\`,
        ]),
    `                       --bootstrap-server ${env.KAFKA_BROKERS} --topic ${segment} --from-beginning \\`,
    `                       --property print.key=true --property print.headers=true --property print.value=false`,
    `  topics          broker ${env.KAFKA_BROKERS}: src.<source>.v1 → ${Topics.canonicalEvents.name} → ${Topics.resolvedEvents.name}, ${Topics.identityChanges.name},`,
    `                  ${Topics.profiles.name} → ${Topics.insights.name} → ${input.segmentTopics.join(', ') || 'c360.segment.<id>.v1'}`,
    `                  dead letters ${Topics.deadLetterIngestor.name}; schemas ${registry}/subjects`,
    `  logs            ${input.logDir}/<service>.log, ${input.stackDir}/logs/ (the stack's)`,
    `  stop            npm run demo -- stop   (the services the demo started, then the stack)`,
  ];
  return lines;
}
