// Data stewards rely on the quality topic to say how complete, valid, fresh and conformant each
// source is, and to raise an alert when a source suddenly breaks, not when the next migration does.
import { describe, expect, it } from 'vitest';
import { QualityTracker, type AcceptedObservation } from './quality';

const accepted = (fields: string[], extra: Partial<AcceptedObservation> = {}): AcceptedObservation => ({
  ok: true,
  source: 'loyalty',
  market: 'DE',
  fieldsPresent: fields,
  droppedPaths: [],
  unmappedPaths: [],
  freshnessMs: 1000,
  ...extra,
});

/** One window of `n` records of which `withEmail` carry an email. */
function window(t: QualityTracker, n: number, withEmail: number, extra: Partial<AcceptedObservation> = {}) {
  for (let i = 0; i < n; i++) t.observe(accepted(i < withEmail ? ['party.name', 'party.emails'] : ['party.name'], extra));
}

describe('QualityTracker', () => {
  it('reports completeness, validity, freshness and conformance per source and market', () => {
    const t = new QualityTracker('i1', 0);
    for (let i = 0; i < 4; i++)
      t.observe(
        accepted(i < 3 ? ['party.emails'] : [], {
          freshnessMs: (i + 1) * 1000,
          droppedPaths: i === 0 ? ['member.mobile'] : [],
          unmappedPaths: i === 1 ? ['member.shoeSize'] : [],
        }),
      );
    t.observe({ ok: false, source: 'loyalty', market: '??', reasonCode: 'invalid-json' });
    t.observe(accepted(['party.phones'], { market: 'FR' }));

    const reports = t.closeWindow(60_000);
    expect(reports.map((r) => [r.kind, r.source, r.market])).toEqual([
      ['SNAPSHOT', 'loyalty', '??'],
      ['SNAPSHOT', 'loyalty', 'DE'],
      ['SNAPSHOT', 'loyalty', 'FR'],
    ]);
    const de = reports[1]!;
    expect(de).toMatchObject({
      instance: 'i1',
      windowStart: 0,
      windowEnd: 60_000,
      received: 4,
      accepted: 4,
      completeness: { 'party.emails': 0.75 },
      invalidOptional: { 'member.mobile': 1 },
      unmappedFields: { 'member.shoeSize': 1 },
      freshnessP50Ms: 3000,
      freshnessP95Ms: 4000,
      alerts: [],
    });
    expect(reports[0]).toMatchObject({ received: 1, accepted: 0, rejectedByReason: { 'invalid-json': 1 } });
  });

  it('starts a new window after each report', () => {
    const t = new QualityTracker('i1', 0);
    window(t, 10, 10);
    t.closeWindow(1000);
    expect(t.closeWindow(2000)).toEqual([]);
  });

  it('alerts when completeness drops sharply against the trailing baseline', () => {
    const t = new QualityTracker('i1', 0);
    for (let w = 1; w <= 3; w++) {
      window(t, 100, 90);
      expect(t.closeWindow(w * 1000).filter((r) => r.kind === 'DRIFT_ALERT')).toEqual([]);
    }
    window(t, 100, 30);
    const alert = t.closeWindow(4000).find((r) => r.kind === 'DRIFT_ALERT');
    expect(alert?.alerts).toEqual([expect.objectContaining({ kind: 'COMPLETENESS_DROP', field: 'party.emails', current: 0.3 })]);
    expect(alert!.alerts[0]!.baseline).toBeCloseTo(0.9);
    expect(alert!.alerts[0]!.message).toBe('loyalty: party.emails completeness fell from 90.0% to 30.0%');
  });

  it('does not alert on the ordinary wobble of a source, nor on a window too small to judge', () => {
    const t = new QualityTracker('i1', 0);
    const shares = [90, 85, 92, 80, 88];
    shares.forEach((share, w) => {
      window(t, 100, share);
      expect(t.closeWindow((w + 1) * 1000).filter((r) => r.kind === 'DRIFT_ALERT')).toEqual([]);
    });
    window(t, 10, 0); // 10 records: below the minimum
    expect(t.closeWindow(9000).filter((r) => r.kind === 'DRIFT_ALERT')).toEqual([]);
  });

  it('alerts once when a field the mapping does not read starts to appear', () => {
    const t = new QualityTracker('i1', 0);
    window(t, 60, 60, { unmappedPaths: ['member.legacyId'] });
    t.closeWindow(1000);
    window(t, 60, 60, { unmappedPaths: ['member.legacyId'] });
    t.closeWindow(2000);
    window(t, 60, 60, { unmappedPaths: ['member.legacyId', 'member.pronouns'] });
    const alert = t.closeWindow(3000).find((r) => r.kind === 'DRIFT_ALERT');
    expect(alert?.alerts.map((a) => [a.kind, a.field])).toEqual([['NEW_UNMAPPED_FIELD', 'member.pronouns']]);
    window(t, 60, 60, { unmappedPaths: ['member.pronouns'] });
    expect(t.closeWindow(4000).filter((r) => r.kind === 'DRIFT_ALERT')).toEqual([]);
  });

  it('alerts when the reject rate rises', () => {
    const t = new QualityTracker('i1', 0);
    for (let w = 1; w <= 2; w++) {
      window(t, 100, 90);
      t.closeWindow(w * 1000);
    }
    window(t, 100, 90);
    for (let i = 0; i < 40; i++) t.observe({ ok: false, source: 'loyalty', market: 'DE', reasonCode: 'missing-required-field' });
    const alert = t.closeWindow(3000).find((r) => r.kind === 'DRIFT_ALERT');
    expect(alert?.alerts).toEqual([expect.objectContaining({ kind: 'REJECT_RATE_RISE', field: '*', baseline: 0 })]);
  });
});
