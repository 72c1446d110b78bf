// The retailer's catalogue: categories with their SKUs and prices. A SKU has one price per market
// (the reference price times the market's price level, rounded the way shops price), so the same
// product costs the same in every channel of a market.
import type { Market } from './markets';

export interface Category {
  readonly path: string;
  readonly prefix: string;
  /** Reference price range of the category (in EUR-like units). */
  readonly min: number;
  readonly max: number;
  /** Usual quantity per line at retail. */
  readonly maxQuantity: number;
}

export const CATEGORIES: readonly Category[] = [
  { path: 'Bags/Handbags', prefix: 'BG', min: 60, max: 450, maxQuantity: 1 },
  { path: 'Bags/Backpacks', prefix: 'BP', min: 40, max: 160, maxQuantity: 1 },
  { path: 'Accessories/Wallets', prefix: 'WL', min: 20, max: 120, maxQuantity: 2 },
  { path: 'Accessories/Socks', prefix: 'SO', min: 5, max: 15, maxQuantity: 4 },
  { path: 'Accessories/Scarves', prefix: 'SC', min: 20, max: 90, maxQuantity: 2 },
  { path: 'Shoes/Running', prefix: 'SH', min: 60, max: 180, maxQuantity: 1 },
  { path: 'Shoes/Casual', prefix: 'CS', min: 50, max: 150, maxQuantity: 1 },
  { path: 'Shoes/Boots', prefix: 'BT', min: 90, max: 260, maxQuantity: 1 },
  { path: 'Clothing/Jackets', prefix: 'JK', min: 80, max: 350, maxQuantity: 1 },
  { path: 'Clothing/Dresses', prefix: 'DR', min: 40, max: 200, maxQuantity: 1 },
  { path: 'Clothing/Shirts', prefix: 'SR', min: 25, max: 90, maxQuantity: 3 },
  { path: 'Clothing/T-Shirts', prefix: 'TS', min: 10, max: 40, maxQuantity: 3 },
  { path: 'Beauty/Fragrance', prefix: 'FR', min: 30, max: 140, maxQuantity: 2 },
  { path: 'Home/Decor', prefix: 'HD', min: 15, max: 120, maxQuantity: 2 },
];

/** SKUs per category. */
export const SKUS_PER_CATEGORY = 40;

export interface Product {
  readonly sku: string;
  readonly category: string;
}

const PRODUCTS: readonly (readonly Product[])[] = CATEGORIES.map((c) =>
  Array.from({ length: SKUS_PER_CATEGORY }, (_, item) => {
    const sku = `${c.prefix}-${String(1000 + item * 37).padStart(4, '0')}`;
    // Shoes come in sizes.
    return { sku: c.path.startsWith('Shoes/') ? `${sku}-${36 + (item % 11)}` : sku, category: c.path };
  }),
);

export const product = (category: number, item: number): Product => PRODUCTS[category]![item]!;

const prices = new Map<string, number[][]>();

/** The price of a SKU in a market, in minor units of its currency (digits: the currency's minor digits). */
export function unitPriceMinor(category: number, item: number, market: Market, digits: number): number {
  let table = prices.get(market.country);
  if (!table)
    prices.set(
      market.country,
      (table = CATEGORIES.map((_, c) => Array.from({ length: SKUS_PER_CATEGORY }, (_, i) => priceOf(c, i, market, digits)))),
    );
  return table[category]![item]!;
}

function priceOf(category: number, item: number, market: Market, digits: number): number {
  const c = CATEGORIES[category]!;
  // A fixed spread over the category's range (golden-ratio steps), no randomness needed.
  const spread = (item * 0.6180339887) % 1;
  const reference = c.min + (c.max - c.min) * spread;
  const local = reference * market.priceLevel;
  if (digits === 0) return local < 1000 ? Math.max(10, Math.round(local / 10) * 10) : Math.round(local / 100) * 100;
  const endings = [99, 95, 90, 0];
  const whole = Math.max(1, Math.floor(local));
  return whole * 10 ** digits + endings[item % endings.length]! * 10 ** (digits - 2);
}
