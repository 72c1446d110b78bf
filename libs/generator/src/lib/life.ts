// A person's life over the period: when they arrive as a customer, how often they buy and what
// (affinity), which channels they use, how engaged they are and whether that decays (churners),
// whether they die, move or ask not to be contacted. Shared by the channel modules.
import type { Converter } from './amounts';
import { CATEGORIES } from './catalogue';
import type { Emitter } from './emitter';
import type { Market } from './markets';
import type { NoiseRates } from './noise';
import type { Address, Person, Store } from './population';
import type { Random } from './random';
import { DAY, atLocalTime, toSecond } from './time';
import { Ledger } from './truth';

/** How persons behave; rates are shares of persons (or of their records or purchases) in [0, 1]. */
export interface BehaviourRates {
  /** Persons who stop buying partway through the period; their email and web engagement decays from then on. */
  readonly churn: number;
  /** Persons who die during the period (older persons more often); a register notice follows. */
  readonly deceased: number;
  /** Persons who register with a do-not-contact list; a register notice follows and they unsubscribe. */
  readonly doNotContact: number;
  /** Of the persons who move, those a gone-away (moved away) notice is published for. */
  readonly goneAwayNotice: number;
  /** Retail purchases (till, web shop) of which something is returned or refunded. */
  readonly returns: number;
  /** Records whose marketing consent changes once (a shop opt-in flipped, a subscriber unsubscribing). */
  readonly consentChange: number;
  /** Web-shop accounts deleted during the period. */
  readonly accountDeletion: number;
  /** Persons in VAT markets buying for a wholesale account. */
  readonly wholesaleBuyers: number;
  /** Channel reach: shares of persons with a web-shop account, shopping in stores, in the loyalty programme (of store shoppers), subscribed to emails, browsing the web, contacting service. */
  readonly ecommerce: number;
  readonly pos: number;
  readonly loyalty: number;
  readonly marketing: number;
  readonly web: number;
  readonly service: number;
}

export const DEFAULT_BEHAVIOUR: BehaviourRates = {
  churn: 0.2,
  deceased: 0.003,
  doNotContact: 0.005,
  goneAwayNotice: 0.3,
  returns: 0.08,
  consentChange: 0.1,
  accountDeletion: 0.005,
  wholesaleBuyers: 0.015,
  ecommerce: 0.55,
  pos: 0.7,
  loyalty: 0.45,
  marketing: 0.5,
  web: 0.6,
  service: 0.15,
};

/** Everything the channel modules share for one generation run. */
export interface World {
  readonly seed: number;
  readonly start: number;
  readonly end: number;
  readonly noise: NoiseRates;
  readonly behaviour: BehaviourRates;
  readonly converter: Converter;
  readonly emitter: Emitter;
  readonly r: Random;
  readonly stores: ReadonlyMap<string, readonly Store[]>;
  /** Per-kind sequence numbers for the sources' ids. */
  readonly counters: Map<string, number>;
}

export type Mood = 'promoter' | 'passive' | 'detractor';

export interface Life {
  readonly person: Person;
  readonly market: Market;
  /** Minor digits of the market's currency. */
  readonly digits: number;
  readonly ledger: Ledger;
  /** When the person becomes a customer; records are created from then on. */
  readonly arrivalAt: number;
  /** When the person stops buying (Infinity for the loyal). */
  readonly churnAt: number;
  readonly deceasedAt: number;
  readonly doNotContactAt: number;
  /** Mean days between purchases. */
  readonly gapDays: number;
  /** Weights over CATEGORIES. */
  readonly affinity: readonly number[];
  /** Share of retail purchases made in a store (the rest online) when both are open to the person. */
  readonly storeShare: number;
  /** Chance to open a campaign email while engaged. */
  readonly engagement: number;
  readonly mood: Mood;
  readonly channels: {
    readonly pos: boolean;
    readonly ecommerce: boolean;
    readonly loyalty: boolean;
    readonly marketing: boolean;
    readonly web: boolean;
    readonly service: boolean;
  };
  readonly homeStores: readonly Store[];
}

export function next(world: World, kind: string): number {
  const n = (world.counters.get(kind) ?? 0) + 1;
  world.counters.set(kind, n);
  return n;
}

export const emailAt = (person: Person, at: number): string =>
  person.newEmail && at >= person.emailChangedAt ? person.newEmail : person.email;
export const addressAt = (person: Person, at: number): Address =>
  person.newAddress && at >= person.movedAt ? person.newAddress : person.address;
/** The end of the person's activity: death or the end of the period. */
export const activeUntil = (life: Life, world: World): number => Math.min(life.deceasedAt, world.end);
/** The end of the person's purchases. */
export const buyingUntil = (life: Life, world: World): number => Math.min(life.churnAt, life.deceasedAt, world.end);

/** Engagement at a time: full until churn, halving every 30 days after. */
export function engagementAt(life: Life, at: number): number {
  if (at >= life.deceasedAt) return 0;
  if (at < life.churnAt) return life.engagement;
  return life.engagement * 0.5 ** ((at - life.churnAt) / (30 * DAY));
}

/** A local time of day on the day of `at`, between two hours (local). */
export function localTimeOn(at: number, fromHour: number, toHour: number, market: Market, r: Random): number {
  const day = Math.floor(at / DAY) * DAY;
  return atLocalTime(day, r.int(fromHour * 60, toHour * 60 - 1), market.timeZone) + r.int(0, 59) * 1000;
}

export function drawLife(person: Person, world: World, digits: number): Life {
  const { r, behaviour: b, start, end } = world;
  const span = end - start;
  // Six in ten are customers already and show up early in the period; the others arrive later.
  const arrivalAt = toSecond(r.chance(0.6) ? start + r.next() * span * 0.08 : start + r.next() * span * 0.9);
  const age = 2026 - Number(person.birthDate.slice(0, 4));
  const deceasedAt = r.chance(b.deceased * (age > 70 ? 4 : age > 55 ? 1 : 0.2))
    ? toSecond(arrivalAt + r.next() * (end - arrivalAt))
    : Number.POSITIVE_INFINITY;
  const churnAt = r.chance(b.churn) ? toSecond(arrivalAt + 30 * DAY + r.next() * span * 0.6) : Number.POSITIVE_INFINITY;
  const doNotContactAt = r.chance(b.doNotContact) ? toSecond(arrivalAt + r.next() * (end - arrivalAt)) : Number.POSITIVE_INFINITY;
  // Mean days between purchases: log-normal around 70 days, from a week to a year.
  const gapDays = Math.min(365, Math.max(7, 70 * Math.exp(0.7 * r.normal())));
  // Affinity: two or three favourite categories carry most of the weight.
  const affinity = CATEGORIES.map(() => 0.2 * r.next());
  for (let i = r.int(2, 3); i > 0; i--) affinity[r.int(0, CATEGORIES.length - 1)]! += 1 + 2 * r.next();
  const ecommerce = r.chance(b.ecommerce);
  const pos = r.chance(ecommerce ? b.pos * 0.75 : Math.min(1, b.pos * 1.3));
  const hasAny = pos || ecommerce;
  const marketing = r.chance(ecommerce ? b.marketing * 1.2 : b.marketing * 0.6);
  const web = r.chance(ecommerce ? Math.min(1, b.web * 1.3) : b.web * 0.4);
  const channels = {
    pos: pos || (!hasAny && !marketing && !web && person.company === null),
    ecommerce,
    loyalty: pos && r.chance(b.loyalty),
    marketing,
    web,
    service: r.chance(ecommerce ? b.service * 1.3 : b.service * 0.6),
  };
  const stores = world.stores.get(person.market.country)!;
  const moodRoll = r.next();
  return {
    person,
    market: person.market,
    digits,
    ledger: new Ledger(),
    arrivalAt,
    churnAt,
    deceasedAt,
    doNotContactAt,
    gapDays,
    affinity,
    storeShare: ecommerce && channels.pos ? 0.2 + 0.6 * r.next() : channels.pos ? 1 : 0,
    engagement: Math.min(0.8, 0.02 + r.exponential(0.25)),
    mood: moodRoll < 0.5 ? 'promoter' : moodRoll < 0.8 ? 'passive' : 'detractor',
    channels,
    homeStores: [r.pick(stores), r.pick(stores)],
  };
}
