// Twenty active segments for the activation scenarios, in the CEL form of
// apps/activation/segments/high-value.json, over the variables activation exposes (ltv, orderCount,
// currency, daysSinceLastPurchase). Thresholds spread over the generator's range (lifetime values
// from nothing to several thousand, up to some twenty orders a year), so most of them fire.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { segmentTopic } from '@c360/schemas';

const LTV = [0, 50, 100, 150, 250, 500, 750, 1000, 1500, 2000, 3000, 5000];
const ORDERS = [2, 3, 5, 8, 12];

export const BENCH_SEGMENTS: readonly { id: string; description: string; expression: string }[] = [
  ...LTV.map((v) => ({ id: `bench-ltv-${v}`, description: `Lifetime value above ${v}.`, expression: `ltv > ${v.toFixed(1)}` })),
  ...ORDERS.map((n) => ({ id: `bench-orders-${n}`, description: `At least ${n} orders.`, expression: `orderCount >= ${n}` })),
  { id: 'bench-recent-90d', description: 'Bought in the last 90 days.', expression: 'daysSinceLastPurchase < 90.0' },
  {
    id: 'bench-loyal-spender',
    description: 'Four orders or more and a lifetime value above 500.',
    expression: 'orderCount >= 4 && ltv > 500.0',
  },
  { id: 'bench-eur-one-order', description: 'Exactly one order, kept in EUR.', expression: "currency == 'EUR' && orderCount == 1" },
];

export const benchSegmentTopics = () => BENCH_SEGMENTS.map((s) => segmentTopic(s.id).name);

/** Writes the segments to a fresh folder for SEGMENTS_DIR; `remove` deletes it. */
export function writeSegments(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'c360-bench-segments-'));
  for (const s of BENCH_SEGMENTS) writeFileSync(join(dir, `${s.id}.json`), `${JSON.stringify(s, null, 2)}\n`);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
