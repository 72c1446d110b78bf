#!/usr/bin/env node
// `npm run demo`: starts the local stack (if none runs) and the four services as processes,
// replays the walking skeleton's two purchases, and shows what c360 made of them. Until the
// synthetic-data generator lands, this is the whole demo. The stack stays up for exploring.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { Kafka, logLevel } = require('kafkajs');
const { SchemaRegistry } = require('@kafkajs/confluent-schema-registry');
const { ensureStack, stopStack } = await import(join(root, 'tools/stack/stack.mjs'));
const pidFile = join(root, 'tmp', 'demo-logs', 'services.json');

if (process.argv[2] === 'stop') {
  // `npm run demo -- stop`: the services this demo started, then the local stack.
  const { readFileSync, rmSync, existsSync } = await import('node:fs');
  if (existsSync(pidFile)) {
    for (const { name, pid } of JSON.parse(readFileSync(pidFile, 'utf8'))) {
      try {
        process.kill(pid, 'SIGTERM');
        console.log(`stopped ${name} (pid ${pid})`);
      } catch {
        // already gone
      }
    }
    rmSync(pidFile);
  }
  await stopStack();
  process.exit(0);
}

const SERVICES = [
  ['ingestor', 3101],
  ['resolver', 3102],
  ['insights', 3103],
  ['activation', 3104],
];
const say = (s) => console.log(`\n▶ ${s}`);
// The profile API answers only callers with a key; the demo's services accept this one.
const DEMO_API_KEY = 'demo-profile-reader-key-local-only';
const auth = { headers: { 'x-api-key': DEMO_API_KEY } };

say('Starting the local stack (Kafka, schema registry, Postgres) unless one is running');
const env = await ensureStack();

say('Building the services');
(await import(join(root, 'tools/build.mjs'))).buildWorkspace();

say('Starting ingestor, resolver, insights and activation as separate processes');
const logDir = join(root, 'tmp', 'demo-logs');
mkdirSync(logDir, { recursive: true });
const children = [];
for (const [name, port] of SERVICES) {
  const up = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok).catch(() => false);
  if (up) {
    console.log(`  ${name} already answers on :${port}`);
    continue;
  }
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, [join(root, `dist/apps/${name}/src/main.js`)], {
    cwd: root,
    env: { API_KEYS: `demo:profiles.read:${DEMO_API_KEY}`, ...process.env, ...env, HTTP_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  children.push({ name, port, child });
}
for (const { name, port, child } of children) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited; see ${join(logDir, `${name}.log`)}`);
    if (await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok).catch(() => false)) break;
    if (Date.now() > deadline) throw new Error(`${name} not ready; see ${join(logDir, `${name}.log`)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  console.log(`  ${name} ready on http://127.0.0.1:${port} (pid ${child.pid})`);
  child.stdout.unpipe();
  child.stderr.unpipe();
  child.unref();
}
if (children.length > 0) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(pidFile, JSON.stringify(children.map(({ name, child }) => ({ name, pid: child.pid }))));
}

const kafka = new Kafka({ clientId: 'c360-demo', brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
const registry = new SchemaRegistry({ host: env.SCHEMA_REGISTRY_URL });
const run = Date.now().toString(36);
const segmentTopicName = 'c360.segment.high-value.v1';

const consumer = kafka.consumer({ groupId: `c360-demo-${run}` });
await consumer.connect();
const admin = kafka.admin();
await admin.connect();
const ends = await admin.fetchTopicOffsets(segmentTopicName);
await admin.disconnect();
await consumer.subscribe({ topic: segmentTopicName, fromBeginning: true });
const changes = [];
await consumer.run({
  eachMessage: async ({ message }) => {
    if (message.value) changes.push(await registry.decode(message.value));
  },
});
for (const e of ends) consumer.seek({ topic: segmentTopicName, partition: e.partition, offset: e.high });

// Services that were down while others (tests, an earlier demo) wrote to the topics start with
// a backlog; wait for it so that the latency below is the pipeline's, not the backlog's.
const GROUPS = {
  'c360-ingestor': ['src.ecommerce.v1', 'src.pos.v1'],
  'c360-resolver': ['c360.canonical.events.v1'],
  'c360-insights': ['c360.resolved.events.v1', 'c360.identity.changes.v1'],
  'c360-activation': ['c360.insights.v1'],
};
async function backlog() {
  const a = kafka.admin();
  await a.connect();
  let total = 0;
  for (const [groupId, topics] of Object.entries(GROUPS)) {
    for (const { topic, partitions } of await a.fetchOffsets({ groupId, topics })) {
      const ends = new Map((await a.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
      for (const p of partitions) total += Math.max(0, (ends.get(p.partition) ?? 0) - Math.max(0, Number(p.offset)));
    }
  }
  await a.disconnect();
  return total;
}
for (let waited = 0, left = await backlog(); left > 0; left = await backlog(), waited++) {
  if (waited === 0) say(`Catching up on ${left} messages already on the topics`);
  else process.stdout.write(`  ${left} to go\r`);
  if (waited > 300) throw new Error('the services did not catch up within 5 minutes; see tmp/demo-logs/');
  await new Promise((r) => setTimeout(r, 1000));
}

say('Two purchases by the same person, typed differently in two systems');
const email = `demo-${run}@example.com`;
const order = { event: 'order.placed', orderId: `ORD-${run}`, shop: { country: 'DE' }, placedAt: new Date().toISOString(), customer: { accountId: `acc-${run}`, email }, totals: { currency: 'EUR', net: '120.00' } };
const receipt = { receipt: { type: 'SALE', number: `R-${run}`, closedAt: new Date().toISOString(), currency: 'EUR', total: 80 }, store: { id: 'S-042', country: 'DE' }, customer: { email: `  ${email.toUpperCase()} ` } };
console.log('  e-commerce order →', JSON.stringify(order));
console.log('  POS receipt      →', JSON.stringify(receipt));
const producer = kafka.producer();
await producer.connect();
const sentAt = Date.now();
await producer.send({ topic: 'src.ecommerce.v1', messages: [{ key: order.orderId, value: JSON.stringify(order) }] });
await producer.send({ topic: 'src.pos.v1', messages: [{ key: receipt.receipt.number, value: JSON.stringify(receipt) }] });

const deadline = Date.now() + 60_000;
let entered;
while (!(entered = changes.find((c) => c.triggerEventId?.endsWith(run))) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
const latencyMs = Date.now() - sentAt;
await producer.disconnect();
await consumer.disconnect();
if (!entered) {
  console.error('No segment change arrived within 60 s; see the logs in tmp/demo-logs/');
  process.exit(1);
}

const profile = await (await fetch(`http://127.0.0.1:3102/profiles?email=${encodeURIComponent(email)}`, auth)).json();
const explain = await (await fetch(`http://127.0.0.1:3102/profiles/${profile.profileId}/explain`, auth)).json();
say('What c360 made of it');
console.log(`  2 source records → 1 profile ${profile.profileId}`);
console.log(`  records: ${profile.sourceRecords.join(', ')}; emails: ${profile.emails.join(', ')}`);
for (const l of explain.links) console.log(`  link ${l.source}:${l.sourceRecordId} by rule ${l.rule} ${l.matchedValues.join(' ')}`);
console.log(`  segment change on ${segmentTopicName}: ${entered.change} ${entered.segmentId} because ${entered.reason}`);
console.log(`  from the second source event to the segment change: ${latencyMs} ms`);

say('Explore');
console.log(`  profile:   curl -H 'x-api-key: ${DEMO_API_KEY}' http://127.0.0.1:3102/profiles/${profile.profileId}`);
console.log(`  explain:   curl -H 'x-api-key: ${DEMO_API_KEY}' http://127.0.0.1:3102/profiles/${profile.profileId}/explain`);
console.log('  health:    curl http://127.0.0.1:3101/health/ready   (3101 ingestor, 3102 resolver, 3103 insights, 3104 activation)');
console.log('  metrics:   curl http://127.0.0.1:3104/metrics');
console.log(`  topics:    KAFKA_BROKERS=${env.KAFKA_BROKERS}, registry ${env.SCHEMA_REGISTRY_URL}`);
console.log('  logs:      tmp/demo-logs/*.log and .stack/logs/');
console.log('  stop:      npm run demo -- stop   (the four services, then the stack)');
process.exit(0);
