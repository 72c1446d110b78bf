// The markets persons live in: Europe, the Americas and Asia-Pacific, each with its currency,
// faker locale (names, streets, cities, postcodes), phone number plan and formats, address
// conventions, time zone, registers and price level.
import { base, de, en, en_AU, en_CA, en_GB, en_US, fr, ja, pl, pt_BR, type LocaleDefinition } from '@faker-js/faker';
import type { Random } from './random';

export type PhoneKind = 'mobile' | 'landline';

/** A phone number by its parts; formats are a matter of how it is written, not of the number. */
export interface Phone {
  readonly kind: PhoneKind;
  /** Area or mobile prefix without the trunk digit ('30' for Berlin, '151' for a German mobile). */
  readonly area: string;
  readonly subscriber: string;
}

interface NumberPlan {
  readonly areas: readonly string[];
  readonly digits: number;
  /** Digits the subscriber number may start with. */
  readonly first: string;
}

export type AddressOrder = 'street-number' | 'number-street' | 'street-comma-number' | 'jp';

export interface Market {
  readonly country: string;
  readonly alpha3: string;
  readonly currency: string;
  /** BCP 47 locale as the sources write it. */
  readonly locale: string;
  readonly timeZone: string;
  readonly faker: readonly LocaleDefinition[];
  /** Share of persons living in the market (relative). */
  readonly weight: number;
  readonly callingCode: string;
  readonly landline: NumberPlan;
  readonly mobile: NumberPlan;
  /** How people write a number at home: with the trunk prefix and the market's separators. */
  readonly national: (phone: Phone) => string;
  /** How people write it for abroad: '+49 30 2345678'. */
  readonly international: (phone: Phone) => string;
  /** Local currency units per unit of the catalogue's reference price. */
  readonly priceLevel: number;
  /** Whether wholesale accounts are kept here (their VAT ids carry a two-letter country prefix). */
  readonly vat: ((r: Random) => { readonly compact: string; readonly spaced: string }) | null;
  readonly registers: { readonly deceased: string; readonly goneAway: string; readonly doNotContact: string };
  readonly addressOrder: AddressOrder;
  /** Long and short forms of street words ('Road' / 'Rd'); a compound suffix starts with '-'. */
  readonly abbreviations: readonly (readonly [string, string])[];
  readonly unit: (r: Random) => string;
  readonly nameScript: 'latin' | 'kanji';
  /** The domain the market's web shop runs on, for URLs. */
  readonly shopHost: string;
}

const groups = (digits: string, sizes: readonly number[], separator = ' '): string => {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) out.push(digits.slice(at));
  return out.filter(Boolean).join(separator);
};

const fallback = [en, base];
const vatDigits = (r: Random, n: number) => r.int(1, 9) + r.digits(n - 1);

export const MARKETS: readonly Market[] = [
  {
    country: 'DE',
    alpha3: 'DEU',
    currency: 'EUR',
    locale: 'de-DE',
    timeZone: 'Europe/Berlin',
    faker: [de, ...fallback],
    weight: 17,
    callingCode: '49',
    landline: { areas: ['30', '40', '89', '69', '221'], digits: 7, first: '2345679' },
    mobile: { areas: ['151', '157', '160', '162', '176'], digits: 8, first: '0123456789' },
    national: (p) => `0${p.area} ${p.subscriber}`,
    international: (p) => `+49 ${p.area} ${p.subscriber}`,
    priceLevel: 1,
    vat: (r) => {
      const d = vatDigits(r, 9);
      return { compact: `DE${d}`, spaced: `DE ${groups(d, [3, 3, 3])}` };
    },
    registers: { deceased: 'sterberegister-de', goneAway: 'umzugsregister-de', doNotContact: 'robinsonliste-de' },
    addressOrder: 'street-number',
    abbreviations: [
      ['-straße', '-str.'],
      ['-Straße', '-Str.'],
      ['Platz', 'Pl.'],
      ['Allee', 'Al.'],
    ],
    unit: (r) => r.pick([`${r.int(1, 5)}. OG`, `Whg. ${r.int(1, 24)}`, `App. ${r.int(1, 40)}`]),
    nameScript: 'latin',
    shopHost: 'shop.example.de',
  },
  {
    country: 'FR',
    alpha3: 'FRA',
    currency: 'EUR',
    locale: 'fr-FR',
    timeZone: 'Europe/Paris',
    faker: [fr, ...fallback],
    weight: 13,
    callingCode: '33',
    landline: { areas: ['1', '4', '5'], digits: 8, first: '12345678' },
    mobile: { areas: ['6'], digits: 8, first: '124578' },
    national: (p) => groups(`0${p.area}${p.subscriber}`, [2, 2, 2, 2, 2]),
    international: (p) => `+33 ${p.area} ${groups(p.subscriber, [2, 2, 2, 2])}`,
    priceLevel: 1,
    vat: (r) => {
      const d = r.digits(2) + vatDigits(r, 9);
      return { compact: `FR${d}`, spaced: `FR ${groups(d, [2, 3, 3, 3])}` };
    },
    registers: { deceased: 'deces-insee-fr', goneAway: 'npai-fr', doNotContact: 'bloctel-fr' },
    addressOrder: 'number-street',
    abbreviations: [
      ['Boulevard', 'Bd'],
      ['Avenue', 'Av.'],
      ['Impasse', 'Imp.'],
      ['Place', 'Pl.'],
      ['Rue', 'R.'],
      ['Passage', 'Pass.'],
      ['Allée', 'All.'],
      ['Chemin', 'Ch.'],
      ['Route', 'Rte'],
    ],
    unit: (r) => r.pick([`Apt ${r.int(1, 60)}`, `Bât. ${r.pick(['A', 'B', 'C', 'D'])}`, `${r.int(1, 7)}e étage`]),
    nameScript: 'latin',
    shopHost: 'shop.example.fr',
  },
  {
    country: 'GB',
    alpha3: 'GBR',
    currency: 'GBP',
    locale: 'en-GB',
    timeZone: 'Europe/London',
    faker: [en_GB, ...fallback],
    weight: 15,
    callingCode: '44',
    landline: { areas: ['20', '161'], digits: 8, first: '378' },
    mobile: { areas: ['73', '74', '75', '78'], digits: 8, first: '0123456789' },
    national: (p) =>
      p.kind === 'mobile'
        ? `0${p.area}${p.subscriber.slice(0, 2)} ${p.subscriber.slice(2)}`
        : p.area === '20'
          ? `020 ${groups(p.subscriber, [4, 4])}`
          : `0${p.area} ${groups(p.subscriber, [3, 4])}`,
    international: (p) =>
      p.kind === 'mobile'
        ? `+44 ${p.area}${p.subscriber.slice(0, 2)} ${p.subscriber.slice(2)}`
        : `+44 ${p.area} ${groups(p.subscriber, p.area === '20' ? [4, 4] : [3, 4])}`,
    priceLevel: 0.85,
    vat: (r) => {
      const d = vatDigits(r, 9);
      return { compact: `GB${d}`, spaced: `GB ${groups(d, [3, 4, 2])}` };
    },
    registers: { deceased: 'deceased-register-gb', goneAway: 'gone-away-gb', doNotContact: 'mail-preference-gb' },
    addressOrder: 'number-street',
    abbreviations: [
      ['Road', 'Rd'],
      ['Street', 'St'],
      ['Avenue', 'Ave'],
      ['Lane', 'Ln'],
      ['Close', 'Cl'],
      ['Drive', 'Dr'],
      ['Court', 'Ct'],
      ['Crescent', 'Cres'],
      ['Place', 'Pl'],
      ['Square', 'Sq'],
      ['Terrace', 'Tce'],
      ['Gardens', 'Gdns'],
    ],
    unit: (r) => `Flat ${r.int(1, 24)}`,
    nameScript: 'latin',
    shopHost: 'shop.example.co.uk',
  },
  {
    country: 'PL',
    alpha3: 'POL',
    currency: 'PLN',
    locale: 'pl-PL',
    timeZone: 'Europe/Warsaw',
    faker: [pl, ...fallback],
    weight: 6,
    callingCode: '48',
    landline: { areas: ['22', '12', '58'], digits: 7, first: '2345678' },
    mobile: { areas: ['50', '51', '53', '60', '66', '69', '72', '78', '79', '88'], digits: 7, first: '0123456789' },
    national: (p) => (p.kind === 'mobile' ? groups(p.area + p.subscriber, [3, 3, 3]) : `${p.area} ${groups(p.subscriber, [3, 2, 2])}`),
    international: (p) =>
      `+48 ${p.kind === 'mobile' ? groups(p.area + p.subscriber, [3, 3, 3]) : `${p.area} ${groups(p.subscriber, [3, 2, 2])}`}`,
    priceLevel: 4.3,
    vat: (r) => {
      const d = vatDigits(r, 10);
      return { compact: `PL${d}`, spaced: `PL ${groups(d, [3, 3, 2, 2], '-')}` };
    },
    registers: { deceased: 'rejestr-zgonow-pl', goneAway: 'zmiana-adresu-pl', doNotContact: 'lista-robinsona-pl' },
    addressOrder: 'street-number',
    abbreviations: [
      ['ulica', 'ul.'],
      ['aleja', 'al.'],
      ['plac', 'pl.'],
      ['osiedle', 'os.'],
    ],
    unit: (r) => `m. ${r.int(1, 80)}`,
    nameScript: 'latin',
    shopHost: 'shop.example.pl',
  },
  {
    country: 'US',
    alpha3: 'USA',
    currency: 'USD',
    locale: 'en-US',
    timeZone: 'America/New_York',
    faker: [en_US, ...fallback],
    weight: 20,
    callingCode: '1',
    landline: { areas: ['212', '415', '312', '617'], digits: 7, first: '2346789' },
    mobile: { areas: ['917', '646'], digits: 7, first: '2346789' },
    national: (p) => `(${p.area}) ${p.subscriber.slice(0, 3)}-${p.subscriber.slice(3)}`,
    international: (p) => `+1 ${p.area}-${p.subscriber.slice(0, 3)}-${p.subscriber.slice(3)}`,
    priceLevel: 1.15,
    vat: null,
    registers: { deceased: 'death-master-us', goneAway: 'ncoa-us', doNotContact: 'mail-preference-us' },
    addressOrder: 'number-street',
    abbreviations: [
      ['Street', 'St'],
      ['Avenue', 'Ave'],
      ['Road', 'Rd'],
      ['Boulevard', 'Blvd'],
      ['Drive', 'Dr'],
      ['Lane', 'Ln'],
      ['Court', 'Ct'],
      ['Place', 'Pl'],
      ['Parkway', 'Pkwy'],
      ['Highway', 'Hwy'],
      ['Terrace', 'Ter'],
      ['Circle', 'Cir'],
      ['Square', 'Sq'],
    ],
    unit: (r) => r.pick([`Apt ${r.int(1, 30)}`, `Apt ${r.int(1, 12)}${r.pick(['A', 'B', 'C', 'D'])}`, `Suite ${r.int(100, 900)}`]),
    nameScript: 'latin',
    shopHost: 'shop.example.com',
  },
  {
    country: 'CA',
    alpha3: 'CAN',
    currency: 'CAD',
    locale: 'en-CA',
    timeZone: 'America/Toronto',
    faker: [en_CA, ...fallback],
    weight: 6,
    callingCode: '1',
    landline: { areas: ['416', '514', '604'], digits: 7, first: '2346789' },
    mobile: { areas: ['647'], digits: 7, first: '2346789' },
    national: (p) => `(${p.area}) ${p.subscriber.slice(0, 3)}-${p.subscriber.slice(3)}`,
    international: (p) => `+1 ${p.area}-${p.subscriber.slice(0, 3)}-${p.subscriber.slice(3)}`,
    priceLevel: 1.6,
    vat: null,
    registers: { deceased: 'deceased-register-ca', goneAway: 'ncoa-ca', doNotContact: 'do-not-mail-ca' },
    addressOrder: 'number-street',
    abbreviations: [
      ['Street', 'St'],
      ['Avenue', 'Ave'],
      ['Road', 'Rd'],
      ['Boulevard', 'Blvd'],
      ['Drive', 'Dr'],
      ['Lane', 'Ln'],
      ['Court', 'Ct'],
      ['Place', 'Pl'],
      ['Crescent', 'Cres'],
      ['Terrace', 'Terr'],
    ],
    unit: (r) => r.pick([`Apt ${r.int(1, 30)}`, `Unit ${r.int(1, 400)}`]),
    nameScript: 'latin',
    shopHost: 'shop.example.ca',
  },
  {
    country: 'BR',
    alpha3: 'BRA',
    currency: 'BRL',
    locale: 'pt-BR',
    timeZone: 'America/Sao_Paulo',
    faker: [pt_BR, ...fallback],
    weight: 7,
    callingCode: '55',
    landline: { areas: ['11', '21', '31'], digits: 8, first: '2345' },
    mobile: { areas: ['11', '21', '31'], digits: 9, first: '9' },
    national: (p) => `(${p.area}) ${p.subscriber.slice(0, -4)}-${p.subscriber.slice(-4)}`,
    international: (p) => `+55 ${p.area} ${p.subscriber.slice(0, -4)}-${p.subscriber.slice(-4)}`,
    priceLevel: 6.2,
    vat: null,
    registers: { deceased: 'obitos-br', goneAway: 'mudanca-endereco-br', doNotContact: 'nao-perturbe-br' },
    addressOrder: 'street-comma-number',
    abbreviations: [
      ['Rua', 'R.'],
      ['Avenida', 'Av.'],
      ['Alameda', 'Al.'],
      ['Travessa', 'Tv.'],
      ['Praça', 'Pç.'],
      ['Rodovia', 'Rod.'],
      ['Marginal', 'Marg.'],
    ],
    unit: (r) => r.pick([`Apto ${r.int(11, 184)}`, `Casa ${r.int(1, 9)}`, `Bloco ${r.pick(['A', 'B', 'C'])}`]),
    nameScript: 'latin',
    shopHost: 'shop.example.com.br',
  },
  {
    country: 'JP',
    alpha3: 'JPN',
    currency: 'JPY',
    locale: 'ja-JP',
    timeZone: 'Asia/Tokyo',
    faker: [ja, ...fallback],
    weight: 10,
    callingCode: '81',
    landline: { areas: ['3', '6'], digits: 8, first: '123456789' },
    mobile: { areas: ['90', '80', '70'], digits: 8, first: '123456789' },
    national: (p) => `0${p.area}-${p.subscriber.slice(0, -4)}-${p.subscriber.slice(-4)}`,
    international: (p) => `+81 ${p.area}-${p.subscriber.slice(0, -4)}-${p.subscriber.slice(-4)}`,
    priceLevel: 170,
    vat: null,
    registers: { deceased: 'shibo-todoke-jp', goneAway: 'tenkyo-jp', doNotContact: 'dm-teishi-jp' },
    addressOrder: 'jp',
    abbreviations: [],
    unit: (r) => `${r.pick(['メゾン', 'ハイツ', 'コーポ', 'レジデンス'])}${r.int(1, 9)}0${r.int(1, 9)}号室`,
    nameScript: 'kanji',
    shopHost: 'shop.example.jp',
  },
  {
    country: 'AU',
    alpha3: 'AUS',
    currency: 'AUD',
    locale: 'en-AU',
    timeZone: 'Australia/Sydney',
    faker: [en_AU, ...fallback],
    weight: 6,
    callingCode: '61',
    landline: { areas: ['2', '3', '7', '8'], digits: 8, first: '9' },
    mobile: { areas: ['4'], digits: 8, first: '0123' },
    national: (p) =>
      p.kind === 'mobile'
        ? `0${p.area}${p.subscriber.slice(0, 2)} ${p.subscriber.slice(2, 5)} ${p.subscriber.slice(5)}`
        : `(0${p.area}) ${groups(p.subscriber, [4, 4])}`,
    international: (p) =>
      p.kind === 'mobile'
        ? `+61 ${p.area}${p.subscriber.slice(0, 2)} ${p.subscriber.slice(2, 5)} ${p.subscriber.slice(5)}`
        : `+61 ${p.area} ${groups(p.subscriber, [4, 4])}`,
    priceLevel: 1.75,
    vat: null,
    registers: { deceased: 'deceased-register-au', goneAway: 'gone-away-au', doNotContact: 'do-not-mail-au' },
    addressOrder: 'number-street',
    abbreviations: [
      ['Road', 'Rd'],
      ['Street', 'St'],
      ['Avenue', 'Ave'],
      ['Lane', 'Ln'],
      ['Close', 'Cl'],
      ['Drive', 'Dr'],
      ['Court', 'Ct'],
      ['Crescent', 'Cres'],
      ['Place', 'Pl'],
      ['Parade', 'Pde'],
      ['Terrace', 'Tce'],
      ['Highway', 'Hwy'],
    ],
    unit: (r) => `Unit ${r.int(1, 30)}`,
    nameScript: 'latin',
    shopHost: 'shop.example.com.au',
  },
];

export const marketOf = (country: string): Market => {
  const market = MARKETS.find((m) => m.country === country);
  if (!market) throw new Error(`unknown market ${country}`);
  return market;
};

/** A number from the market's plan; the subscriber part starts with a digit the plan allows. */
export function drawPhone(market: Market, kind: PhoneKind, r: Random): Phone {
  const plan = kind === 'mobile' ? market.mobile : market.landline;
  const area = r.pick(plan.areas);
  // London and Paris numbers have eight digits after the area code, Manchester seven.
  const digits = market.country === 'GB' && kind === 'landline' && area !== '20' ? 7 : plan.digits;
  let subscriber = plan.first[Math.floor(r.next() * plan.first.length)]!;
  while (subscriber.length < digits) subscriber += String(r.int(0, 9));
  return { kind, area, subscriber };
}

/** E.164, as the ingestor normalises any written form of the number. */
export const e164 = (market: Market, phone: Phone): string => `+${market.callingCode}${phone.area}${phone.subscriber}`;

export type PhoneStyle = 'national' | 'national-digits' | 'international' | 'international-digits';

export function writePhone(market: Market, phone: Phone, style: PhoneStyle): string {
  switch (style) {
    case 'national':
      return market.national(phone);
    case 'national-digits':
      return market.national(phone).replace(/[^\d]/g, '');
    case 'international':
      return market.international(phone);
    case 'international-digits':
      return `+${market.callingCode}${phone.area}${phone.subscriber}`;
  }
}
