#!/usr/bin/env node
// Smoke test of a RUNNING stack (local or from KAFKA_BROKERS / SCHEMA_REGISTRY_URL / DATABASE_URL):
// what kafkajs 2.2.4 and @kafkajs/confluent-schema-registry 3.9 need from Kafka 4 and Apicurio.
//
//   node tools/stack/smoke.mjs               # kafkajs + registry + postgres checks
//   node tools/stack/smoke.mjs --restart     # ... then restart the local stack (down + up) and
//                                            #     check that messages, schema ids and rows survived
// Exits 0 when every check passed, 1 otherwise. Creates and deletes its own topics/subjects.

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const kafkajs = (await import('kafkajs')).default;
const { Kafka, logLevel, CompressionTypes, ConfigResourceTypes } = kafkajs;
const { SchemaRegistry, SchemaType } = await import('@kafkajs/confluent-schema-registry');
const { default: pg } = await import('pg');
const { stackEnv } = await import('./stack.mjs');

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const env = stackEnv();
const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const topicIn = `smoke.${runId}.in`;
const topicOut = `smoke.${runId}.out`;
const subject = `smoke.${runId}.customer-value`;

let failures = 0;
async function check(name, fn) {
  const t0 = Date.now();
  try {
    const detail = await fn();
    console.log(`  ok    ${name}${detail ? ` - ${detail}` : ''} (${Date.now() - t0} ms)`);
    return true;
  } catch (e) {
    failures++;
    console.log(`  FAIL  ${name}: ${e?.stack ?? e}`);
    return false;
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
const withTimeout = (p, ms, what) =>
  Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error(`${what}: timed out after ${ms} ms`)), ms))]);

function kafkaClient(clientId) {
  return new Kafka({ clientId, brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.WARN });
}

/** Consume until `expected` messages arrived (or timeout) with eachBatch and manual commits. */
async function consumeAll(kafka, { groupId, topic, expected, commit = true, readUncommitted = false }) {
  const consumer = kafka.consumer({ groupId, readUncommitted, sessionTimeout: 10_000, heartbeatInterval: 1000, maxWaitTimeInMs: 250 });
  const got = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let done;
  const finished = new Promise((r) => (done = r));
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
      for (const m of batch.messages) {
        got.push({ partition: batch.partition, offset: m.offset, key: m.key?.toString(), value: m.value });
        resolveOffset(m.offset);
      }
      if (commit && batch.messages.length) {
        const last = batch.messages[batch.messages.length - 1];
        await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() }]);
      }
      await heartbeat();
      if (got.length >= expected) done();
    },
  });
  try {
    await withTimeout(finished, 30_000, `consume ${expected} from ${topic} (got ${got.length})`);
    await new Promise((r) => setTimeout(r, 300)); // let stray messages (e.g. aborted ones) show up
  } finally {
    await consumer.disconnect();
  }
  return got;
}

const schemaV1 = {
  type: 'record',
  name: 'Customer',
  namespace: 'c360.smoke',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'email', type: 'string' },
    { name: 'score', type: 'int' },
  ],
};
const schemaV2 = { ...schemaV1, fields: [...schemaV1.fields, { name: 'segment', type: ['null', 'string'], default: null }] };
const schemaBad = { ...schemaV1, fields: [...schemaV1.fields, { name: 'tier', type: 'string' }] }; // no default: not BACKWARD

async function registryJson(method, p, body) {
  const res = await fetch(`${env.SCHEMA_REGISTRY_URL.replace(/\/+$/, '')}${p}`, {
    method,
    headers: {
      'content-type': 'application/vnd.schemaregistry.v1+json',
      accept: 'application/vnd.schemaregistry.v1+json, application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

const state = {}; // carried into the restart phase

async function phaseOne() {
  console.log(`stack: ${env.KAFKA_BROKERS} | ${env.SCHEMA_REGISTRY_URL} | ${env.DATABASE_URL.replace(/:[^:@/]+@/, ':***@')}`);
  const kafka = kafkaClient('c360-smoke');
  const admin = kafka.admin();
  await admin.connect();

  console.log('kafka (kafkajs 2.2.4)');
  await check('admin.describeCluster', async () => {
    const c = await admin.describeCluster();
    return `brokers ${c.brokers.map((b) => `${b.nodeId}@${b.host}:${b.port}`).join(',')}, controller ${c.controller}, cluster ${c.clusterId}`;
  });
  await check('admin.createTopics (3 partitions)', async () => {
    const created = await admin.createTopics({
      waitForLeaders: true,
      topics: [
        { topic: topicIn, numPartitions: 3 },
        { topic: topicOut, numPartitions: 3, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
      ],
    });
    assert(created, 'createTopics returned false');
    const md = await admin.fetchTopicMetadata({ topics: [topicIn] });
    assert(md.topics[0].partitions.length === 3, 'expected 3 partitions');
  });
  await check('admin.alterConfigs / describeConfigs / createPartitions', async () => {
    await admin.alterConfigs({
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topicIn, configEntries: [{ name: 'retention.ms', value: '86400000' }] }],
    });
    const d = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topicIn, configNames: ['retention.ms'] }],
    });
    const v = d.resources[0].configEntries.find((e) => e.configName === 'retention.ms')?.configValue;
    assert(v === '86400000', `retention.ms is ${v}`);
    await admin.createPartitions({ topicPartitions: [{ topic: topicOut, count: 4 }] });
    const md = await admin.fetchTopicMetadata({ topics: [topicOut] });
    assert(md.topics[0].partitions.length === 4, 'createPartitions');
    return 'retention.ms altered, partitions 3 -> 4';
  });
  await check('admin.createTopics rejects auto-creation (auto.create.topics.enable=false)', async () => {
    const md = await admin.fetchTopicMetadata({ topics: [] });
    assert(!md.topics.some((t) => t.name === `smoke.${runId}.nope`), 'unexpected topic');
  });

  const N = 300;
  await check(`idempotent producer: send ${N} keyed messages (acks=all, gzip)`, async () => {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 5 });
    await producer.connect();
    const messages = Array.from({ length: N }, (_, i) => ({ key: `customer-${i % 50}`, value: JSON.stringify({ i }) }));
    const res = await producer.send({ topic: topicIn, acks: -1, compression: CompressionTypes.GZIP, messages: messages.slice(0, N / 2) });
    await producer.sendBatch({ topicMessages: [{ topic: topicIn, messages: messages.slice(N / 2) }] });
    await producer.disconnect();
    const offsets = await admin.fetchTopicOffsets(topicIn);
    const total = offsets.reduce((s, o) => s + Number(o.high) - Number(o.low), 0);
    assert(total === N, `topic holds ${total} messages, expected ${N}`);
    return `partitions ${res.map((r) => r.partition).join(',')} ...; high watermarks ${offsets.map((o) => o.high).join('/')}`;
  });

  const groupId = `smoke.${runId}.group`;
  await check('consumer group: eachBatch + commitOffsets (autoCommit off)', async () => {
    const got = await consumeAll(kafka, { groupId, topic: topicIn, expected: N });
    assert(got.length === N, `got ${got.length}`);
    const committed = await admin.fetchOffsets({ groupId, topics: [topicIn] });
    const sum = committed[0].partitions.reduce((s, p) => s + Number(p.offset), 0);
    assert(sum === N, `committed offsets sum to ${sum}, expected ${N}`);
    const groups = await admin.describeGroups([groupId]);
    return `consumed ${got.length}, committed ${committed[0].partitions.map((p) => p.offset).join('/')}, group state ${groups.groups[0].state}, protocol ${groups.groups[0].protocolType}`;
  });
  await check('consumer group rejoin resumes from committed offsets', async () => {
    const kafka2 = kafkaClient('c360-smoke-2');
    const producer = kafka2.producer({ idempotent: true });
    await producer.connect();
    await producer.send({ topic: topicIn, messages: [{ key: 'late', value: 'late' }] });
    await producer.disconnect();
    const got = await consumeAll(kafka2, { groupId, topic: topicIn, expected: 1 });
    assert(got.length === 1 && got[0].key === 'late', `got ${got.length} messages`);
  });

  await check('transactional producer: send + commit, send + abort, read_committed consumer', async () => {
    const producer = kafka.producer({ transactionalId: `smoke.${runId}.tx`, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const t1 = await producer.transaction();
    await t1.send({
      topic: topicOut,
      messages: [
        { key: 'a', value: 'committed-1' },
        { key: 'b', value: 'committed-2' },
      ],
    });
    await t1.commit();
    const t2 = await producer.transaction();
    await t2.send({ topic: topicOut, messages: [{ key: 'c', value: 'aborted' }] });
    await t2.abort();
    const t3 = await producer.transaction();
    await t3.send({ topic: topicOut, messages: [{ key: 'd', value: 'committed-3' }] });
    // consume-transform-produce: offsets committed inside the transaction
    await t3.sendOffsets({
      consumerGroupId: `smoke.${runId}.txgroup`,
      topics: [{ topic: topicIn, partitions: [{ partition: 0, offset: '1' }] }],
    });
    await t3.commit();
    await producer.disconnect();
    const got = await consumeAll(kafka, { groupId: `smoke.${runId}.reader`, topic: topicOut, expected: 3, commit: false });
    const values = got.map((m) => m.value.toString()).sort();
    assert(JSON.stringify(values) === JSON.stringify(['committed-1', 'committed-2', 'committed-3']), `read_committed saw ${values}`);
    const txOffsets = await admin.fetchOffsets({ groupId: `smoke.${runId}.txgroup`, topics: [topicIn] });
    const p0 = txOffsets[0].partitions.find((p) => p.partition === 0);
    assert(p0.offset === '1', `sendOffsets committed ${p0.offset}`);
    return 'aborted message hidden, sendOffsets committed';
  });

  // ----------------------------------------------------------------------------------------
  console.log('schema registry (@kafkajs/confluent-schema-registry 3.9 against Apicurio ccompat)');
  const registry = new SchemaRegistry({ host: env.SCHEMA_REGISTRY_URL });
  await check('set BACKWARD compatibility on the subject (PUT /config/{subject})', async () => {
    const r = await registryJson('PUT', `/config/${encodeURIComponent(subject)}`, { compatibility: 'BACKWARD' });
    assert(r.status === 200, `PUT /config -> ${r.status} ${JSON.stringify(r.json)}`);
    const g = await registryJson('GET', `/config/${encodeURIComponent(subject)}`);
    assert(g.json?.compatibilityLevel === 'BACKWARD', `GET /config -> ${g.status} ${JSON.stringify(g.json)}`);
    return JSON.stringify(g.json);
  });
  await check('register v1, encode, decode', async () => {
    const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schemaV1) }, { subject });
    state.idV1 = id;
    const payload = { id: 'c-1', email: 'a@example.com', score: 7 };
    state.encodedV1 = await registry.encode(id, payload);
    assert(state.encodedV1[0] === 0 && state.encodedV1.readInt32BE(1) === id, 'bad wire format header');
    const back = await registry.decode(state.encodedV1);
    assert(JSON.stringify(back) === JSON.stringify(payload), `decoded ${JSON.stringify(back)}`);
    return `id ${id}, ${state.encodedV1.length} bytes`;
  });
  await check('re-register the same schema (other whitespace) gives the same id', async () => {
    const a = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schemaV1) }, { subject });
    const b = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schemaV1, null, 2) }, { subject });
    assert(a.id === state.idV1 && b.id === state.idV1, `ids ${state.idV1}, ${a.id}, ${b.id}`);
    const versions = await registryJson('GET', `/subjects/${encodeURIComponent(subject)}/versions`);
    assert(JSON.stringify(versions.json) === '[1]', `versions ${JSON.stringify(versions.json)}`);
  });
  await check('backward-compatible evolution (optional field with default) registers', async () => {
    const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schemaV2) }, { subject });
    assert(id !== state.idV1, 'v2 got the v1 id');
    state.idV2 = id;
    state.encodedV2 = await registry.encode(id, { id: 'c-2', email: 'b@example.com', score: 9, segment: 'gold' });
    const latest = await registry.getLatestSchemaId(subject);
    assert(latest === id, `latest id ${latest}`);
    const d1 = await registry.decode(state.encodedV1);
    const d2 = await registry.decode(state.encodedV2);
    assert(d1.email === 'a@example.com' && d2.segment === 'gold', 'decode after evolution');
    return `id ${id}`;
  });
  await check('incompatible change (new required field) is rejected', async () => {
    let err;
    try {
      await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schemaBad) }, { subject });
    } catch (e) {
      err = e;
    }
    assert(err, 'incompatible schema was accepted');
    const r = await registryJson('POST', `/compatibility/subjects/${encodeURIComponent(subject)}/versions/latest`, {
      schema: JSON.stringify(schemaBad),
    });
    return `${err.status ?? ''} ${err.message.slice(0, 100)}; compatibility check -> ${r.status} ${JSON.stringify(r.json)}`;
  });
  await check('GET /schemas/ids/{id} and /subjects list', async () => {
    const r = await registryJson('GET', `/schemas/ids/${state.idV1}`);
    assert(r.status === 200 && JSON.parse(r.json.schema).name === 'Customer', `GET /schemas/ids -> ${r.status}`);
    const s = await registryJson('GET', '/subjects');
    assert(s.json.includes(subject), 'subject missing from /subjects');
  });

  // ----------------------------------------------------------------------------------------
  console.log('postgres');
  await check('connect, create table, insert', async () => {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    const v = await client.query('select version()');
    await client.query('create table if not exists smoke_marker (run_id text primary key, at timestamptz default now())');
    await client.query('insert into smoke_marker (run_id) values ($1)', [runId]);
    await client.end();
    return v.rows[0].version.split(' ').slice(0, 2).join(' ');
  });

  await admin.disconnect();
}

async function phaseRestart() {
  console.log('restart: node tools/stack/stack.mjs restart (down + up)');
  const t0 = Date.now();
  execFileSync(process.execPath, [path.join(HERE, 'stack.mjs'), 'restart'], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`  restarted in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  const kafka = kafkaClient('c360-smoke-after');
  await check('kafka messages survived the restart', async () => {
    const got = await consumeAll(kafka, { groupId: `smoke.${runId}.after`, topic: topicIn, expected: 301, commit: false });
    assert(got.length === 301, `got ${got.length}`);
  });
  await check('committed group offsets survived the restart', async () => {
    const admin = kafka.admin();
    await admin.connect();
    const committed = await admin.fetchOffsets({ groupId: `smoke.${runId}.group`, topics: [topicIn] });
    await admin.disconnect();
    const sum = committed[0].partitions.reduce((s, p) => s + Number(p.offset), 0);
    assert(sum === 301, `committed sum ${sum}`);
  });
  await check('schema ids still resolve after the restart (fresh client, no cache)', async () => {
    const registry = new SchemaRegistry({ host: env.SCHEMA_REGISTRY_URL });
    const d1 = await registry.decode(state.encodedV1);
    const d2 = await registry.decode(state.encodedV2);
    assert(d1.id === 'c-1' && d2.segment === 'gold', 'decode');
    const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schemaV1) }, { subject });
    assert(id === state.idV1, `re-register after restart gave ${id}, was ${state.idV1}`);
    const g = await registryJson('GET', `/config/${encodeURIComponent(subject)}`);
    assert(g.json?.compatibilityLevel === 'BACKWARD', `compatibility after restart ${JSON.stringify(g.json)}`);
    return `ids ${state.idV1}, ${state.idV2}`;
  });
  await check('postgres rows survived the restart', async () => {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    const r = await client.query('select 1 from smoke_marker where run_id = $1', [runId]);
    await client.end();
    assert(r.rowCount === 1, 'row missing');
  });
}

async function cleanup() {
  console.log('cleanup');
  await check('delete topics, consumer groups and subject', async () => {
    const kafka = kafkaClient('c360-smoke-cleanup');
    const admin = kafka.admin();
    await admin.connect();
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(`smoke.${runId}.`));
    if (groups.length) await admin.deleteGroups(groups);
    await admin.deleteTopics({ topics: [topicIn, topicOut] });
    await admin.disconnect();
    const soft = await registryJson('DELETE', `/subjects/${encodeURIComponent(subject)}`);
    const hard = await registryJson('DELETE', `/subjects/${encodeURIComponent(subject)}?permanent=true`);
    assert(soft.status === 200 && hard.status === 200, `DELETE subject -> ${soft.status}/${hard.status} ${JSON.stringify(hard.json)}`);
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    await client.query('delete from smoke_marker where run_id = $1', [runId]);
    await client.query('drop table if exists smoke_marker'); // leave the app database as it was
    await client.end();
    return `${groups.length} groups, 2 topics, subject versions ${JSON.stringify(soft.json)}`;
  });
}

const t0 = Date.now();
try {
  await phaseOne();
  if (args.includes('--restart')) await phaseRestart();
  if (!args.includes('--keep')) await cleanup();
} catch (e) {
  failures++;
  console.log(`  FAIL  ${e?.stack ?? e}`);
}
console.log(`\n${failures ? `${failures} check(s) FAILED` : 'all checks passed'} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
process.exit(failures ? 1 : 0);
