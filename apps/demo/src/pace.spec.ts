import { describe, expect, it } from 'vitest';
import { credit, LagTally, paceSetter, queueLimit, StallWatch } from './pace';

const reading = (resolver: { lag: number; committed: number }, others = { lag: 0, committed: 0 }) => [
  { service: 'ingestor', ...others },
  { service: 'resolver', ...resolver },
];

describe('credit', () => {
  it('allows the queue limit less what waits and what was produced during the read', () => {
    expect(credit(3_000, reading({ lag: 1_000, committed: 0 }, { lag: 500, committed: 0 }), 200)).toBe(1_300);
    expect(credit(3_000, reading({ lag: 3_100, committed: 0 }), 0)).toBeLessThan(0);
  });
});

describe('queueLimit', () => {
  it('holds a slow pipeline to the minimum and lets a fast one queue a few seconds of its intake', () => {
    expect(queueLimit(3_000, 5, 150)).toBe(3_000);
    expect(queueLimit(3_000, 5, 4_000)).toBe(20_000);
    expect(queueLimit(3_000, 5, 0)).toBe(3_000);
    expect(queueLimit(3_000, 5, Number.NaN)).toBe(3_000);
  });
});

describe('StallWatch', () => {
  it('counts a slow pipeline that still commits as moving', () => {
    const watch = new StallWatch(90_000, 0);
    watch.observe(0, reading({ lag: 3_000, committed: 100 }));
    watch.observe(80_000, reading({ lag: 3_000, committed: 101 }));
    expect(watch.stuck(160_000)).toBeNull();
    expect(watch.stuck(170_000)).toMatch(/no service committed anything for 90 s/);
  });

  it('counts an empty pipeline as moving, and messages waiting with no commits as stuck', () => {
    const watch = new StallWatch(90_000, 0);
    watch.observe(0, reading({ lag: 0, committed: 5 }));
    watch.observe(100_000, reading({ lag: 0, committed: 5 }));
    expect(watch.stuck(150_000)).toBeNull();
    watch.observe(150_000, reading({ lag: 10, committed: 5 }));
    expect(watch.stuck(189_999)).toBeNull();
    expect(watch.stuck(190_000)).not.toBeNull();
  });

  it('gives a pipeline that never committed the time from the start', () => {
    const watch = new StallWatch(90_000, 1_000);
    watch.observe(2_000, reading({ lag: 50, committed: 0 }));
    expect(watch.stuck(90_999)).toBeNull();
    expect(watch.stuck(91_000)).not.toBeNull();
  });
});

describe('LagTally and paceSetter', () => {
  it('weights each reading by the time it held and names the service the queue waited for', () => {
    const tally = new LagTally();
    tally.observe(0, reading({ lag: 3_000, committed: 0 }, { lag: 100, committed: 0 }));
    tally.observe(1_000, reading({ lag: 1_000, committed: 0 }, { lag: 0, committed: 0 }));
    tally.observe(4_000, reading({ lag: 0, committed: 0 }));
    // resolver: 3,000 for 1 s then 1,000 for 3 s = 1,500 on average; ingestor: 100 for 1 s = 25.
    expect(tally.summary()).toEqual([
      { service: 'ingestor', mean: 25, peak: 100 },
      { service: 'resolver', mean: 1_500, peak: 3_000 },
    ]);
    expect(paceSetter(tally.summary())).toBe('resolver');
  });

  it('names nobody when the queue was empty or spread out', () => {
    expect(paceSetter([])).toBeNull();
    expect(paceSetter([{ service: 'resolver', mean: 0.2 }])).toBeNull();
    expect(
      paceSetter([
        { service: 'resolver', mean: 500 },
        { service: 'insights', mean: 500 },
      ]),
    ).toBeNull();
  });
});
