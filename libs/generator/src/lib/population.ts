// Who the persons are: households in their markets (shared address, landline, sometimes an
// email), each member's names in the market's script, birth date, emails, phones and addresses,
// twins and namesakes, moves and email changes, wholesale buyers and their companies, and the
// stores. Names, streets, cities, postcodes and companies come from faker in the market's locale.
import { Faker } from '@faker-js/faker';
import { MARKETS, drawPhone, type Market, type Phone } from './markets';
import { JP_FAMILY_READINGS, JP_GIVEN_READINGS, emailWord, fullFormsFor, type Sex } from './names';
import type { NoiseRates } from './noise';
import type { Random } from './random';
import { toSecond } from './time';

export interface Address {
  /** Street name in its full form ('Hauptstraße', 'High Street', 'rue de la Paix', '2丁目4番4号'). */
  readonly street: string;
  /** House number ('' in JP, where the block number is in `street`). */
  readonly number: string;
  /** Flat, floor or unit, when there is one. */
  readonly unit: string | null;
  /** City (in JP prefecture and city, as written on one line). */
  readonly city: string;
  readonly postcode: string;
  readonly country: string;
}

export interface Household {
  readonly id: string;
  readonly market: Market;
  readonly size: number;
  readonly address: Address;
  readonly landline: Phone | null;
  /** The family address some members give instead of their own. */
  readonly familyEmail: string | null;
}

export interface Company {
  readonly accountNo: string;
  readonly name: string;
  readonly vat: { readonly compact: string; readonly spaced: string };
  readonly market: Market;
  readonly address: Address;
  readonly phone: Phone;
  readonly domain: string;
}

export interface Store {
  readonly id: string;
  readonly market: Market;
  readonly phone: Phone;
}

export interface Person {
  readonly index: number;
  readonly id: string;
  readonly household: Household;
  readonly market: Market;
  readonly sex: Sex;
  /** Names in the market's script (kanji in JP). */
  readonly given: string;
  readonly family: string;
  /** Latin readings (Hepburn with macrons in JP; the same as given/family elsewhere). */
  readonly givenLatin: string;
  readonly familyLatin: string;
  /** A middle name, which only registers tend to carry. */
  readonly middle: string | null;
  readonly birthDate: string;
  /** The personal email at the start (the family email for some household members). */
  readonly email: string;
  /** The personal email from `emailChangedAt` on. */
  readonly newEmail: string | null;
  readonly emailChangedAt: number;
  readonly workEmail: string | null;
  readonly mobile: Phone | null;
  readonly address: Address;
  readonly newAddress: Address | null;
  readonly movedAt: number;
  /** The company the person buys for at wholesale, and the person's role there. */
  readonly company: Company | null;
  readonly role: string | null;
  readonly twinOf: string | null;
  readonly namesakeOf: string | null;
}

export interface Population {
  readonly persons: readonly Person[];
  readonly stores: ReadonlyMap<string, readonly Store[]>;
  readonly companies: readonly Company[];
}

export interface PopulationOptions {
  readonly persons: number;
  readonly seed: number;
  readonly noise: NoiseRates;
  readonly start: number;
  readonly end: number;
  /** Share of persons in VAT markets buying for a wholesale account. */
  readonly wholesaleBuyers: number;
}

const STORES_PER_MARKET = 30;
const ROLES = ['Purchasing manager', 'Buyer', 'Owner', 'Store manager', 'Category buyer'];
const GB_AREAS = ['SW', 'SE', 'N', 'NW', 'E', 'W', 'EC', 'B', 'M', 'L', 'LS', 'YO', 'BS', 'CF', 'EH', 'G', 'NE', 'OX', 'CB', 'BN'];
const GB_INWARD = 'ABDEFGHJLNPQRSTUWXYZ';

export const personId = (index: number): string => `P${String(index + 1).padStart(7, '0')}`;

export function buildPopulation(options: PopulationOptions, r: Random): Population {
  const fakers = new Map(MARKETS.map((m, i) => [m.country, seeded(new Faker({ locale: [...m.faker] }), options.seed * 31 + i)]));
  const weights = MARKETS.map((m) => m.weight);
  const stores = new Map(MARKETS.map((m) => [m.country, buildStores(m, r)]));
  const { noise } = options;
  const used = new Set<string>();
  const unique = (local: string, domain: string): string => {
    let email = `${local}@${domain}`;
    for (let n = 2; used.has(email); n++) email = `${local}${n}@${domain}`;
    used.add(email);
    return email;
  };
  const span = options.end - options.start;
  const persons: Person[] = [];
  const companies: Company[] = [];
  const openCompanies = new Map<string, { company: Company; slots: number }>();
  const byMarket = new Map<string, Person[]>();

  while (persons.length < options.persons) {
    const market = MARKETS[r.weighted(weights)]!;
    const faker = fakers.get(market.country)!;
    const members = Math.min(r.chance(noise.household) ? r.int(2, 4) : 1, options.persons - persons.length);
    const previous = byMarket.get(market.country) ?? [];
    // A namesake has the full name of someone else in the market; half of them live in the same city.
    const namesake = members === 1 && previous.length > 0 && r.chance(noise.namesakes) ? r.pick(previous) : null;
    const address = drawAddress(market, faker, r, namesake && r.chance(0.5) ? namesake.address : null);
    const family: Name = namesake ? { native: namesake.family, latin: namesake.familyLatin } : drawFamily(market, faker, r);
    const moves = r.chance(noise.moveHouse);
    const household: Household = {
      id: `H${String(persons.length + 1).padStart(7, '0')}`,
      market,
      size: members,
      address,
      landline: members > 1 || r.chance(0.4) ? drawPhone(market, 'landline', r) : null,
      familyEmail: members > 1 ? unique(`${r.pick(['family', 'the', 'home'])}.${emailWord(family.latin)}`, r.pick(providers(faker))) : null,
    };
    const newAddress = moves ? drawAddress(market, faker, r, r.chance(0.5) ? address : null) : null;
    const movedAt = moves ? toSecond(options.start + span * (0.15 + 0.7 * r.next())) : Number.POSITIVE_INFINITY;
    const twins = members > 1 && r.chance(noise.twins);
    const twinBirth = drawBirthDate(r);
    const firstSex: Sex = r.chance(0.5) ? 'female' : 'male';
    for (let m = 0; m < members; m++) {
      const index = persons.length;
      // Partners are mostly of the other sex; further members either.
      const sex: Sex = m === 0 || !r.chance(m === 1 ? 0.8 : 0.5) ? firstSex : firstSex === 'female' ? 'male' : 'female';
      const isTwin = twins && m < 2;
      let given: Name = namesake ? { native: namesake.given, latin: namesake.givenLatin } : drawGiven(market, faker, sex, r);
      if (isTwin && m === 1) while (given.native === persons[index - 1]!.given) given = drawGiven(market, faker, sex, r);
      // Some partners keep their own family name.
      const ownFamily = m > 0 && !isTwin && r.chance(0.25) ? drawFamily(market, faker, r) : family;
      const g = emailWord(given.latin);
      const f = emailWord(ownFamily.latin);
      const birthDate = isTwin ? twinBirth : drawBirthDate(r);
      const personal = unique(emailLocal(g, f, birthDate, r), r.pick(providers(faker)));
      const email = household.familyEmail && r.chance(noise.sharedFamilyEmail) ? household.familyEmail : personal;
      const changes = r.chance(noise.emailChange);
      let company: Company | null = null;
      if (market.vat !== null && r.chance(options.wholesaleBuyers)) {
        // Buyers of one company come one after another: a company takes one to three of them.
        const open = openCompanies.get(market.country);
        if (open && open.slots > 0) {
          company = open.company;
          open.slots -= 1;
        } else {
          company = drawCompany(market, faker, r, companies.length, options.seed);
          companies.push(company);
          openCompanies.set(market.country, { company, slots: r.int(0, 2) });
        }
      }
      const work = company ? company.domain : r.chance(0.25) ? faker.internet.domainName() : null;
      const person: Person = {
        index,
        id: personId(index),
        household,
        market,
        sex,
        given: given.native,
        family: ownFamily.native,
        givenLatin: given.latin,
        familyLatin: ownFamily.latin,
        middle: market.nameScript === 'latin' && r.chance(0.2) ? faker.person.firstName(sex) : null,
        birthDate,
        email,
        newEmail: changes ? unique(emailLocal(g, f, birthDate, r), r.pick(providers(faker))) : null,
        emailChangedAt: changes ? toSecond(options.start + span * (0.2 + 0.6 * r.next())) : Number.POSITIVE_INFINITY,
        workEmail: work ? unique(`${g}.${f}`, work) : null,
        mobile: r.chance(0.9) ? drawPhone(market, 'mobile', r) : null,
        address,
        newAddress,
        movedAt,
        company,
        role: company ? r.pick(ROLES) : null,
        twinOf: isTwin && m === 1 ? persons[index - 1]!.id : null,
        namesakeOf: namesake?.id ?? null,
      };
      persons.push(person);
      previous.push(person);
    }
    byMarket.set(market.country, previous);
  }
  return { persons, stores, companies };
}

function seeded(faker: Faker, seed: number): Faker {
  faker.seed(seed);
  return faker;
}

function providers(faker: Faker): readonly string[] {
  const free = faker.rawDefinitions.internet?.free_email;
  return free && free.length > 0 ? free : ['gmail.com', 'outlook.com', 'yahoo.com'];
}

function emailLocal(g: string, f: string, birthDate: string, r: Random): string {
  const year = birthDate.slice(2, 4);
  switch (r.int(0, 6)) {
    case 0:
      return `${g}.${f}`;
    case 1:
      return `${g}${f}`;
    case 2:
      return `${g[0]}.${f}`;
    case 3:
      return `${g}_${f}${year}`;
    case 4:
      return `${f}.${g}`;
    case 5:
      return `${g}${r.int(1, 99)}`;
    default:
      return `${g}.${f}${year}`;
  }
}

/** Adults: born 1940 to 2007, most between 1960 and 2000. */
function drawBirthDate(r: Random): string {
  const year = Math.round(Math.min(2007, Math.max(1940, 1980 + r.normal() * 14)));
  const day = Date.UTC(year, 0, 1) + r.int(0, 364) * 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}

interface Name {
  readonly native: string;
  readonly latin: string;
}

function drawFamily(market: Market, faker: Faker, r: Random): Name {
  if (market.nameScript === 'kanji') {
    const known = faker.rawDefinitions.person?.last_name?.generic?.filter((n) => n in JP_FAMILY_READINGS) ?? [];
    const name = known.length > 0 ? faker.helpers.arrayElement(known) : r.pick(Object.keys(JP_FAMILY_READINGS));
    return { native: name, latin: JP_FAMILY_READINGS[name]! };
  }
  const name = faker.person.lastName();
  return { native: name, latin: name };
}

function drawGiven(market: Market, faker: Faker, sex: Sex, r: Random): Name {
  if (market.nameScript === 'kanji') {
    const readings = JP_GIVEN_READINGS[sex];
    const known = faker.rawDefinitions.person?.first_name?.[sex]?.filter((n) => n in readings) ?? [];
    const name = known.length > 0 ? faker.helpers.arrayElement(known) : r.pick(Object.keys(readings));
    return { native: name, latin: readings[name]! };
  }
  // A fifth of the names are the common ones that have short forms, so nicknames have something to shorten.
  const common = fullFormsFor(market.country, sex);
  const name = common.length > 0 && r.chance(0.2) ? r.pick(common) : faker.person.firstName(sex);
  return { native: name, latin: name };
}

function drawStreet(market: Market, faker: Faker, r: Random): string {
  switch (market.country) {
    case 'DE':
      return faker.location.street().replace(/([Ss])tr\.$/, '$1traße');
    case 'PL':
      return `${r.pick(['ulica', 'ulica', 'ulica', 'ulica', 'aleja', 'plac', 'osiedle'])} ${faker.person.lastName()}`;
    case 'JP':
      return `${r.int(1, 9)}丁目${r.int(1, 30)}番${r.int(1, 20)}号`;
    default:
      return faker.location.street();
  }
}

function drawAddress(market: Market, faker: Faker, r: Random, near: Address | null): Address {
  const street = drawStreet(market, faker, r);
  const letter = (market.country === 'DE' || market.country === 'PL') && r.chance(0.1) ? r.pick(['a', 'b', 'c']) : '';
  const number =
    market.country === 'JP' ? '' : `${r.int(1, market.country === 'BR' ? 2000 : market.country === 'US' ? 990 : 150)}${letter}`;
  const city = near?.city ?? (market.country === 'JP' ? `${faker.location.state()}${faker.location.city()}` : faker.location.city());
  const postcode =
    market.country === 'GB'
      ? `${r.pick(GB_AREAS)}${r.int(1, 20)} ${r.int(1, 9)}${GB_INWARD[r.int(0, GB_INWARD.length - 1)]}${GB_INWARD[r.int(0, GB_INWARD.length - 1)]}`
      : faker.location.zipCode();
  const unitShare = market.country === 'US' || market.country === 'GB' || market.country === 'FR' || market.country === 'BR' ? 0.35 : 0.2;
  return { street, number, unit: r.chance(unitShare) ? market.unit(r) : null, city, postcode, country: market.country };
}

function drawCompany(market: Market, faker: Faker, r: Random, n: number, seed: number): Company {
  const name = faker.company.name();
  const slug = emailWord(name.split(/[\s,]+/)[0] ?? 'company') || 'company';
  const tld = { DE: 'de', FR: 'fr', GB: 'co.uk', PL: 'pl' }[market.country] ?? 'com';
  return {
    accountNo: `W-${seed}-${String(n + 1).padStart(5, '0')}`,
    name,
    vat: market.vat!(r),
    market,
    address: { ...drawAddress(market, faker, r, null), unit: null },
    phone: drawPhone(market, 'landline', r),
    domain: `${slug}-${r.hex(3)}.${tld}`,
  };
}

function buildStores(market: Market, r: Random): Store[] {
  const numbers = new Set<number>();
  while (numbers.size < STORES_PER_MARKET) numbers.add(r.int(1, 99));
  return [...numbers]
    .sort((a, b) => a - b)
    .map((n) => ({ id: `S-${market.country}-${n}`, market, phone: drawPhone(market, 'landline', r) }));
}
