import { describe, expect, it } from 'vitest';
import { compileSegment, contextFromInsights, transitions } from './segments';

const insights = (ltvMinor: number) => ({
  profileId: 'p', reportingCurrency: 'EUR', lifetimeValueMinor: ltvMinor, orderCount: 2,
  firstPurchaseAt: 0, lastPurchaseAt: 0, causeEventId: 'e', causeIngestedAt: 0, updatedAt: 0,
});

describe('segments', () => {
  const highValue = compileSegment({ id: 'high-value', description: '', expression: 'ltv > 150.0' });

  it('enters when the expression becomes true, exits when it becomes false, and is silent otherwise', () => {
    const ctx = (m: number) => contextFromInsights(insights(m), 2, 0);
    expect(transitions([highValue], new Set(), ctx(20000))).toEqual([{ segmentId: 'high-value', change: 'ENTERED', reason: '(ltv > 150.0) with ltv=200' }]);
    expect(transitions([highValue], new Set(['high-value']), ctx(20000))).toEqual([]);
    expect(transitions([highValue], new Set(['high-value']), ctx(15000))).toMatchObject([{ change: 'EXITED' }]);
  });

  it('refuses an expression that does not type-check against the profile variables', () => {
    expect(() => compileSegment({ id: 'bad', description: '', expression: 'ltv > "a lot"' })).toThrow(/segment bad/);
    expect(() => compileSegment({ id: 'bad', description: '', expression: 'unknownVariable > 1' })).toThrow(/segment bad/);
    expect(() => compileSegment({ id: 'bad', description: '', expression: 'ltv + 1.0' })).toThrow(/not bool/);
  });
});
