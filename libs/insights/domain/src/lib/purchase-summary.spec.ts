import { describe, expect, it } from 'vitest';
import { summarisePurchases } from './purchase-summary';

describe('summarisePurchases', () => {
  it('sums purchases net of returns and counts only purchases as orders', () => {
    expect(summarisePurchases([
      { eventId: 'a', amountMinor: 12000, occurredAt: 2 },
      { eventId: 'b', amountMinor: 8000, occurredAt: 1 },
      { eventId: 'c', amountMinor: -3000, occurredAt: 3 },
    ])).toEqual({ lifetimeValueMinor: 17000, orderCount: 2, firstPurchaseAt: 1, lastPurchaseAt: 2 });
  });
  it('is empty for a profile without purchases', () => {
    expect(summarisePurchases([])).toEqual({ lifetimeValueMinor: 0, orderCount: 0, firstPurchaseAt: null, lastPurchaseAt: null });
  });
});
