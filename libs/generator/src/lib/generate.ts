// Synthetic customers with ground truth. From a seed, creates persons across markets and their
// purchases online and in stores, emits what each source system would send (its native JSON,
// with the noise real systems have), and records which person and household is behind every
// source record, with the totals the insights must find. Deterministic: same options, same bytes.
import { Faker, base, de, en, en_GB, en_US, fr, ja, type LocaleDefinition } from '@faker-js/faker';
import { toMinorUnits } from '@c360/money';

export interface Market {
  readonly country: string;
  readonly currency: string;
  readonly locale: LocaleDefinition[];
  /** How a store clerk or a web form writes a local phone number: area code, then digits. */
  readonly phonePrefix: string;
  readonly localDigits: number;
  /** Digits a subscriber number may start with (London numbers start with 3, 7 or 8). */
  readonly firstDigits: string;
}

export const MARKETS: readonly Market[] = [
  { country: 'DE', currency: 'EUR', locale: [de, en, base], phonePrefix: '030', localDigits: 7, firstDigits: '23456789' },
  { country: 'FR', currency: 'EUR', locale: [fr, en, base], phonePrefix: '01', localDigits: 8, firstDigits: '23456789' },
  { country: 'GB', currency: 'GBP', locale: [en_GB, en, base], phonePrefix: '020', localDigits: 8, firstDigits: '378' },
  { country: 'US', currency: 'USD', locale: [en_US, en, base], phonePrefix: '212', localDigits: 7, firstDigits: '23456789' },
  { country: 'JP', currency: 'JPY', locale: [ja, en, base], phonePrefix: '03', localDigits: 8, firstDigits: '23456789' },
];

export interface NoiseRates {
  /** A clerk types the email in capitals and with stray spaces. */
  readonly emailCaseAndSpaces: number;
  /** A POS receipt carries no email, only the phone. */
  readonly posPhoneOnly: number;
  /** A POS receipt carries nothing that identifies the customer. */
  readonly posAnonymous: number;
  /** The phone is written in international format instead of the local one. */
  readonly phoneInternational: number;
  /** Share of persons living with others (a household of 2 to 4 sharing a landline). */
  readonly household: number;
  /** A household member shares the family email instead of a personal one. */
  readonly sharedFamilyEmail: number;
  /** The clerk types the store's own phone number instead of the customer's. */
  readonly storePhone: number;
  /** The clerk types a junk email or phone (test@test.com, 0000000000). */
  readonly junk: number;
  /** The person changes email during the period (the shop account keeps both). */
  readonly emailChange: number;
}

export const DEFAULT_NOISE: NoiseRates = {
  emailCaseAndSpaces: 0.3,
  posPhoneOnly: 0.2,
  posAnonymous: 0.1,
  phoneInternational: 0.3,
  household: 0.3,
  sharedFamilyEmail: 0.2,
  storePhone: 0.02,
  junk: 0.01,
  emailChange: 0.1,
};

/** Noise that makes identity resolution hard by design; set these to 0 for clean data. */
export const HARD_CASES: readonly (keyof NoiseRates)[] = ['sharedFamilyEmail', 'storePhone', 'junk'];

export interface GeneratorOptions {
  readonly persons: number;
  readonly seed: number;
  readonly noise?: Partial<NoiseRates>;
  /** Share of payloads deliberately broken (labelled in the ground truth). */
  readonly badRate?: number;
  /** Units of reporting currency per unit of each currency, as the ingestor's rate table. */
  readonly rates: Readonly<Record<string, number>>;
  readonly reportingCurrency: string;
  /** Purchases fall in the `days` days before `end`. */
  readonly end?: number;
  readonly days?: number;
}

export type SourceName = 'ecommerce' | 'pos';

export interface SourceMessage {
  readonly source: SourceName;
  readonly key: string;
  /** The native payload, exactly as the source sends it (JSON text, or broken bytes). */
  readonly value: string;
}

export interface RecordTruth {
  readonly source: SourceName;
  readonly sourceRecordId: string;
  readonly personId: string;
  readonly householdId: string;
}

export interface PersonTruth {
  readonly personId: string;
  readonly householdId: string;
  readonly market: string;
  /** Purchases that a correct pipeline accepts, in minor units of the reporting currency. */
  readonly lifetimeValueMinor: number;
  readonly orderCount: number;
}

export interface BadPayload {
  readonly source: SourceName;
  readonly key: string;
  readonly reason: 'invalid-json' | 'missing-required-field';
}

export interface GeneratedDataSet {
  readonly messages: readonly SourceMessage[];
  readonly truth: { readonly records: readonly RecordTruth[]; readonly persons: readonly PersonTruth[]; readonly bad: readonly BadPayload[] };
}

const DAY = 86_400_000;

export function generate(options: GeneratorOptions): GeneratedDataSet {
  const noise = { ...DEFAULT_NOISE, ...options.noise };
  const badRate = options.badRate ?? 0.005;
  const end = options.end ?? Date.UTC(2026, 10, 1);
  const days = options.days ?? 365;
  // One seeded source of randomness for choices, one faker per market seeded from it.
  const chooser = seeded(new Faker({ locale: [base] }), options.seed);
  const rng = (): number => chooser.number.int({ min: 0, max: 0xffffffff }) / 0x100000000;
  const fakers = new Map(MARKETS.map((m, i) => [m.country, seeded(new Faker({ locale: m.locale }), options.seed * 31 + i)]));

  const messages: (SourceMessage & { at: number })[] = [];
  const records = new Map<string, RecordTruth>();
  const persons: PersonTruth[] = [];
  const bad: BadPayload[] = [];
  let sequence = 0;

  let household: { id: string; market: Market; last: string; landline: string; familyEmail: string; left: number; size: number } | null = null;
  for (let p = 0; p < options.persons; p++) {
    const personId = `P${String(p).padStart(7, '0')}`;
    if (!household || household.left === 0) {
      const market = MARKETS[Math.floor(rng() * MARKETS.length)]!;
      const faker = fakers.get(market.country)!;
      const last = faker.person.lastName();
      household = {
        id: `H${String(p).padStart(7, '0')}`,
        market,
        last,
        landline: `${market.phonePrefix} ${localNumber(market, rng)}`,
        familyEmail: `family.${ascii(last)}.${p}@${faker.internet.domainName()}`.toLowerCase(),
        left: rng() < noise.household ? 2 + Math.floor(rng() * 3) : 1,
        size: 0,
      };
      household.size = household.left;
    }
    household.left -= 1;
    const { market, id: householdId } = household;
    const faker = fakers.get(market.country)!;
    const first = faker.person.firstName();
    const last = household.last;
    const sharesFamilyEmail = household.size > 1 && rng() < noise.sharedFamilyEmail;
    const firstEmail = sharesFamilyEmail ? household.familyEmail : `${ascii(first)}.${ascii(last)}.${p}@${faker.internet.domainName()}`.toLowerCase();
    // From `changedAt` on, the person gives a new address everywhere.
    const changedAt = rng() < noise.emailChange ? end - Math.floor(rng() * days * DAY) : Number.POSITIVE_INFINITY;
    const laterEmail = `${ascii(first)}${p}@${faker.internet.domainName()}`.toLowerCase();
    // The household's landline: every member gives it in the store.
    const local = household.landline;
    const accountId = `acc-${options.seed}-${p}`;
    let ltv = 0;
    let orders = 0;

    const purchases = 1 + Math.floor(rng() * 6);
    for (let i = 0; i < purchases; i++) {
      const at = end - Math.floor(rng() * days * DAY);
      const email = at >= changedAt ? laterEmail : firstEmail;
      const amount = priceIn(market.currency, rng);
      const online = rng() < 0.5;
      const id = `${options.seed}-${++sequence}`;
      let value: string;
      let key: string;
      let source: SourceName;
      let recordId: string | null;
      if (online) {
        source = 'ecommerce';
        key = `O-${id}`;
        recordId = accountId;
        value = JSON.stringify({
          orderId: key,
          placedAt: new Date(at).toISOString(),
          shop: { country: market.country },
          customer: { accountId, email: rng() < noise.emailCaseAndSpaces ? `  ${email.toUpperCase()} ` : email },
          totals: { currency: market.currency, net: amount },
        });
      } else {
        source = 'pos';
        key = `R-${id}`;
        const roll = rng();
        const customer: Record<string, string> = {};
        const storeNo = 1 + Math.floor(rng() * 40);
        if (roll < noise.posAnonymous) {
          // nothing typed: the receipt is its own record
        } else if (roll < noise.posAnonymous + noise.storePhone) {
          customer.phone = `${market.phonePrefix} ${market.firstDigits[0]}${'5'.repeat(market.localDigits - 4)}${String(storeNo).padStart(3, '0')}`;
        } else if (roll < noise.posAnonymous + noise.storePhone + noise.junk) {
          if (rng() < 0.5) customer.email = 'test@test.com';
          else customer.phone = '0000000000';
        } else if (roll < noise.posAnonymous + noise.posPhoneOnly) {
          customer.phone = rng() < noise.phoneInternational ? international(market, local) : local;
        } else {
          customer.email = rng() < noise.emailCaseAndSpaces ? ` ${email.toUpperCase()}  ` : email;
        }
        recordId = key; // the mapping falls back to the receipt number when no customer ref is typed
        value = JSON.stringify({
          receipt: { number: key, closedAt: new Date(at).toISOString(), currency: market.currency, total: amount },
          store: { id: `S-${market.country}-${storeNo}`, country: market.country },
          ...(Object.keys(customer).length > 0 ? { customer } : {}),
        });
      }

      if (rng() < badRate) {
        const reason = rng() < 0.5 ? 'invalid-json' : 'missing-required-field';
        value = reason === 'invalid-json' ? value.slice(0, Math.max(1, Math.floor(value.length / 2))) : JSON.stringify({ ...JSON.parse(value), orderId: undefined, receipt: undefined });
        bad.push({ source, key, reason });
        recordId = null;
      } else {
        ltv += toMinorUnits((Number(amount) * options.rates[market.currency]!).toFixed(6), options.reportingCurrency);
        orders += 1;
      }
      if (recordId) records.set(`${source}:${recordId}`, { source, sourceRecordId: recordId, personId, householdId });
      messages.push({ source, key, value, at });
    }
    persons.push({ personId, householdId, market: market.country, lifetimeValueMinor: ltv, orderCount: orders });
  }

  // Sources deliver in time order, not person by person.
  messages.sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
  return {
    messages: messages.map(({ source, key, value }) => ({ source, key, value })),
    truth: { records: [...records.values()], persons, bad },
  };
}

function seeded(faker: Faker, seed: number): Faker {
  faker.seed(seed);
  return faker;
}

/** Letters of a name fit for an email address (diacritics dropped, other scripts transliterated away). */
function ascii(name: string): string {
  const plain = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]/g, '');
  return plain || 'customer';
}

function international(market: Market, local: string): string {
  const codes: Record<string, string> = { DE: '+49', FR: '+33', GB: '+44', US: '+1', JP: '+81' };
  const digits = local.replace(/\s/g, '');
  return `${codes[market.country]} ${market.country === 'US' ? digits : digits.replace(/^0/, '')}`;
}

/** A subscriber number: a leading digit the market allows, then the market's number of digits in all. */
function localNumber(market: Market, rng: () => number): string {
  let digits = market.firstDigits[Math.floor(rng() * market.firstDigits.length)]!;
  while (digits.length < market.localDigits) digits += String(Math.floor(rng() * 10));
  return digits;
}

function priceIn(currency: string, rng: () => number): string {
  const base = 5 + rng() * 195;
  return currency === 'JPY' ? String(Math.round(base * 160)) : base.toFixed(2);
}
