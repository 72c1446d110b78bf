// Monetary insights of one profile from its purchases. Recomputed from the purchase rows of the
// profiles a batch touched, so the result is exact under duplicates, merges and reordering.

export interface PurchaseFact {
  readonly eventId: string;
  /** In minor units of the reporting currency; negative for a return. */
  readonly amountMinor: number;
  readonly occurredAt: number;
}

export interface PurchaseSummary {
  readonly lifetimeValueMinor: number;
  readonly orderCount: number;
  readonly firstPurchaseAt: number | null;
  readonly lastPurchaseAt: number | null;
}

export function summarisePurchases(facts: readonly PurchaseFact[]): PurchaseSummary {
  let lifetimeValueMinor = 0;
  let orderCount = 0;
  let first: number | null = null;
  let last: number | null = null;
  for (const f of facts) {
    lifetimeValueMinor += f.amountMinor;
    if (f.amountMinor > 0) {
      orderCount += 1;
      first = first === null ? f.occurredAt : Math.min(first, f.occurredAt);
      last = last === null ? f.occurredAt : Math.max(last, f.occurredAt);
    }
  }
  return { lifetimeValueMinor, orderCount, firstPurchaseAt: first, lastPurchaseAt: last };
}
