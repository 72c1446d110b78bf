// One person's journey through the period, channel by channel, and the person's ground truth.
import { browse, marketing, registers, sendSessions, service, sessionBeforeOrder, visitor } from './engagement';
import { buyingUntil, drawLife, type World } from './life';
import { e164 } from './markets';
import type { Person } from './population';
import { enrol, onlinePurchase, openAccount, storePurchase } from './retail';
import { wholesale } from './wholesale';
import { DAY } from './time';
import type { PersonTruth } from './truth';
import { trueAddressLines } from './views';

export function live(person: Person, world: World): PersonTruth {
  const { r, emitter } = world;
  const accepted = emitter.accepted;
  const life = drawLife(person, world, world.converter.digits(person.market.currency));
  const member = life.channels.loyalty ? enrol(life, world) : null;
  const account = life.channels.ecommerce ? openAccount(life, world) : null;
  const web = life.channels.web ? visitor(life, world, account) : null;

  // Purchases as a renewal process: every gapDays on average.
  const purchases: number[] = [];
  const until = buyingUntil(life, world);
  if (life.channels.pos || account) {
    // The first purchase within a week of arriving (it is often what makes one a customer).
    for (let t = life.arrivalAt + r.int(1, 7) * DAY; t < until; t += Math.max(1, r.exponential(life.gapDays)) * DAY) {
      purchases.push(t);
      const online = account !== null && !(life.channels.pos && r.chance(life.storeShare));
      const order = online ? onlinePurchase(life, world, t, account) : null;
      if (order && web && r.chance(0.5)) sessionBeforeOrder(world, web, order);
      // A shop account deleted by now: the person still buys in store.
      if (!online || (!order && life.channels.pos)) storePurchase(life, world, t, member);
    }
  }
  if (person.company) wholesale(life, world);
  if (web) {
    browse(life, world, web);
    sendSessions(life, world, web);
  }
  if (life.channels.marketing) marketing(life, world);
  if (life.channels.service) service(life, world, purchases);
  registers(life, world);
  // Everyone shows up somewhere: when all of a person's payloads happened to be broken, or a
  // churner's few sessions were skipped, one more visit soon after arriving.
  for (let k = 1; emitter.accepted === accepted && k <= 3; k++) {
    const t = life.arrivalAt + k * DAY;
    if (life.channels.pos) storePurchase(life, world, t, member);
    else if (account) onlinePurchase(life, world, t + DAY, account);
    else if (web) {
      web.cookies[0]!.planned.push({ at: t, viewed: null, login: false });
      sendSessions(life, world, web);
    }
  }

  const { market } = person;
  const jp = market.nameScript === 'kanji';
  const oneLine = (a: Person['address']) => {
    const l = trueAddressLines(a, market);
    return [l.line1, l.line2, `${l.postcode} ${l.city}`, l.country].filter(Boolean).join(', ');
  };
  return {
    personId: person.id,
    householdId: person.household.id,
    market: market.country,
    name: jp ? `${person.family} ${person.given} (${person.familyLatin} ${person.givenLatin})` : `${person.given} ${person.family}`,
    birthDate: person.birthDate,
    emails: [person.email, person.newEmail, person.workEmail].filter((e): e is string => e !== null),
    phones: [person.mobile, person.household.landline].filter((p) => p !== null).map((p) => e164(market, p)),
    addresses: [person.address, person.newAddress].filter((a) => a !== null).map(oneLine),
    wholesaleAccount: person.company?.accountNo ?? null,
    twinOf: person.twinOf,
    namesakeOf: person.namesakeOf,
    ...life.ledger.insights(life.churnAt < world.end ? life.churnAt : Number.POSITIVE_INFINITY),
  };
}
