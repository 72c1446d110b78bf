// A whole pipeline for one test file: a fresh database, consumer groups of its own starting at
// the end of their topics, and the four services as processes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createTestDatabase, freePort, KafkaTestClient, startService, type RunningService, type ServiceName } from '@c360/testing';
import { sourceTopic, segmentTopic, Topics } from '@c360/schemas';

export const ROOT = join(__dirname, '..', '..');
export const MAPPINGS_DIR = join(ROOT, 'apps', 'ingestor', 'mappings');

/** The source topics the ingestor consumes: one per mapping file. */
export function sourceTopicsOf(mappingsDir: string): string[] {
  return readdirSync(mappingsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => sourceTopic((JSON.parse(readFileSync(join(mappingsDir, f), 'utf8')) as { source: string }).source).name);
}

export const SERVICES: readonly { name: ServiceName; topics: readonly string[] }[] = [
  { name: 'ingestor', topics: sourceTopicsOf(MAPPINGS_DIR) },
  { name: 'resolver', topics: [Topics.canonicalEvents.name] },
  { name: 'insights', topics: [Topics.resolvedEvents.name, Topics.identityChanges.name] },
  { name: 'activation', topics: [Topics.insights.name] },
];

/** The key the tests use for the resolver's profile API. */
export const PROFILE_API_KEY = 'e2e-profile-reader-key-0123456789';
/** A data steward's key: reads profiles and decides force-links and never-links. */
export const STEWARD_API_KEY = 'e2e-steward-key-0123456789abcdef';
/** A valid key without the profiles.read role. */
export const OTHER_API_KEY = 'e2e-key-without-profile-roles-000';

export class Pipeline {
  readonly kafka: KafkaTestClient;
  readonly runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  readonly running = new Map<ServiceName, RunningService>();
  databaseUrl = '';
  private dropDatabase?: () => Promise<void>;
  private readonly stack = inject('stack');

  constructor() {
    this.kafka = new KafkaTestClient(this.stack.KAFKA_BROKERS, this.stack.SCHEMA_REGISTRY_URL);
  }

  groupId(service: ServiceName): string {
    return `c360-${service}-test-${this.runId}`;
  }

  /** `extraTopics`: more topics a service of this file consumes (a test's own source). */
  async setUp(extraTopics: Partial<Record<ServiceName, readonly string[]>> = {}): Promise<void> {
    const db = await createTestDatabase(this.stack.DATABASE_URL);
    this.databaseUrl = db.url;
    this.dropDatabase = db.drop;
    const sources = [...sourceTopicsOf(MAPPINGS_DIR), ...(extraTopics.ingestor ?? [])].map((name) => sourceTopic(name.replace(/^src\.|\.v1$/g, '')));
    await this.kafka.ensureTopics([segmentTopic('high-value'), ...sources]);
    await this.kafka.startGroupsAtEnd(SERVICES.map((s) => ({ groupId: this.groupId(s.name), topics: [...s.topics, ...(extraTopics[s.name] ?? [])] })));
  }

  async start(name: ServiceName, env: Record<string, string> = {}): Promise<RunningService> {
    const service = await startService(name, {
      port: await freePort(),
      logDir: join(__dirname, '..', '..', 'tmp', 'test-logs', this.runId),
      env: {
        KAFKA_BROKERS: this.stack.KAFKA_BROKERS,
        SCHEMA_REGISTRY_URL: this.stack.SCHEMA_REGISTRY_URL,
        DATABASE_URL: this.databaseUrl,
        KAFKA_GROUP_ID: this.groupId(name),
        LOG_LEVEL: 'info',
        API_KEYS: `e2e:profiles.read:${PROFILE_API_KEY},e2e-steward:profiles.read+profiles.steward:${STEWARD_API_KEY},e2e-other:reports.read:${OTHER_API_KEY}`,
        ...env,
      },
    });
    this.running.set(name, service);
    return service;
  }

  /** A request to the resolver's profile API with the tests' key (GET unless `init` says otherwise). */
  profilesApi(path: string, key: string | null = PROFILE_API_KEY, init: { method?: string; body?: unknown } = {}): Promise<Response> {
    return fetch(`${this.running.get('resolver')!.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(key ? { 'x-api-key': key } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  }

  async startAll(): Promise<void> {
    // Settle every start before reporting a failure, so tearDown sees (and stops) all that started.
    const results = await Promise.allSettled(SERVICES.map((s) => this.start(s.name)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async tearDown(): Promise<void> {
    await Promise.all([...this.running.values()].map((s) => s.stop('SIGTERM')));
    await this.kafka.close();
    await this.dropDatabase?.();
  }
}
