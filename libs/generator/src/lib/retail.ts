// Buying: receipts at the tills (with what the clerk typed), loyalty points and tiers from them,
// web-shop accounts, orders and refunds, and wholesale buyers ordering for their companies.
// Amounts are integer minor units here; lines always add up to the total.
import { decimalNumber, decimalText } from './amounts';
import { CATEGORIES, SKUS_PER_CATEGORY, product, unitPriceMinor } from './catalogue';
import {
  loyaltyEnrolled,
  loyaltyPoints,
  loyaltyTier,
  posReceipt,
  shopAccount,
  shopAccountDeleted,
  shopOrder,
  shopRefund,
  type PosCustomer,
  type ShopAddress,
} from './formats';
import { KINDS } from './kinds';
import { writePhone } from './markets';
import { emailCaseAndSpaces } from './noise';
import { activeUntil, addressAt, buyingUntil, emailAt, localTimeOn, next, type Life, type World } from './life';
import { DAY, MINUTE, isoLocal, isoUtc, isoUtcMillis, toSecond } from './time';
import type { LineValue } from './truth';
import {
  LANDLINE_AT_TILL,
  LANDLINE_ON_FORMS,
  givenPhone,
  heldAddress,
  heldName,
  heldPhone,
  phoneStyle,
  type HeldAddress,
  type HeldName,
  type HeldPhone,
} from './views';

export interface Member {
  readonly id: string;
  readonly enrolledAt: number;
  /** How the member's record reads in the ground truth. */
  label: string;
  balance: number;
  tier: string;
}

export interface Account {
  readonly id: string;
  readonly createdAt: number;
  readonly deletedAt: number;
  readonly name: HeldName;
  readonly phone: HeldPhone | null;
  readonly birthDate: string | undefined;
  address: HeldAddress;
  optIn: boolean;
}

export interface Line {
  readonly category: number;
  readonly item: number;
  readonly qty: number;
  readonly unitMinor: number;
}

const TIERS: readonly (readonly [number, string])[] = [
  [0, 'Bronze'],
  [500, 'Silver'],
  [2000, 'Gold'],
  [5000, 'Platinum'],
];
const tierOf = (balance: number): string => TIERS.filter(([from]) => balance >= from).pop()![1];
const REFUND_REASONS = ['damaged', 'wrong size', 'changed mind', 'late delivery', 'not as described'];

export function drawLines(life: Life, world: World, maxLines: number, wholesale = false): Line[] {
  const { r } = world;
  const count = Math.min(maxLines, wholesale ? r.int(2, 5) : 1 + (r.chance(0.45) ? 1 : 0) + (r.chance(0.2) ? 1 : 0));
  const lines: Line[] = [];
  for (let i = 0; i < count; i++) {
    const category = r.weighted(life.affinity);
    const item = r.int(0, SKUS_PER_CATEGORY - 1);
    const retail = unitPriceMinor(category, item, life.market, life.digits);
    const qty = wholesale ? 5 * r.int(1, 10) : r.chance(0.85) ? 1 : r.int(1, CATEGORIES[category]!.maxQuantity);
    // Wholesale buys at about half the retail price.
    const unitMinor = wholesale ? Math.max(1, Math.round(retail / 2)) : retail;
    lines.push({ category, item, qty, unitMinor });
  }
  return lines;
}

export const lineTotal = (l: Line) => l.qty * l.unitMinor;

/** Each line's total converted on its own, as the ingestor converts order lines. */
export function lineValues(lines: readonly Line[], life: Life, world: World): LineValue[] {
  return lines.map((l) => ({
    category: CATEGORIES[l.category]!.path,
    reportingMinor: world.converter.toReportingMinor(decimalText(lineTotal(l), life.digits), life.market.currency),
  }));
}

/**
 * 'R-DE-0042-T7-20260314-0193': country, store, till, local date and the till's running number
 * that day. The till is the data set's seed, as every other source's record ids carry it: data sets
 * of different seeds streamed into one graph (a second demo run, the benchmark's scale fill) are
 * different customers, and the same receipt number would make two of them one source record.
 */
function receiptNumber(world: World, storeId: string, at: number, life: Life): string {
  const [, country, store] = storeId.split('-');
  const day = isoLocal(at, life.market.timeZone).slice(0, 10).replace(/-/g, '');
  const seq = next(world, `receipt:${storeId}:${day}`);
  return `R-${country}-${store!.padStart(4, '0')}-T${world.seed}-${day}-${String(seq).padStart(4, '0')}`;
}

/** What the clerk typed at the till: the loyalty card, or else the phone the customer gives, junk, the store's own number, or nothing. */
function tillCustomer(life: Life, world: World, storePhone: string, at: number, member: Member | null): PosCustomer {
  const { r, noise } = world;
  const { person, market } = life;
  const phone = givenPhone(person, LANDLINE_AT_TILL, r);
  const written = () => (phone ? writePhone(market, phone, phoneStyle(noise, r)) : undefined);
  if (member && at >= member.enrolledAt && !r.chance(noise.posCardForgotten)) {
    return r.chance(0.2) && phone ? { loyaltyCard: member.id, phone: written() } : { loyaltyCard: member.id };
  }
  const roll = r.next();
  let edge = noise.posAnonymous;
  if (roll < edge) return {};
  if (roll < (edge += noise.storePhone)) return { phone: storePhone };
  if (roll < (edge += noise.junk)) return { phone: '0000000000' };
  return phone ? { phone: written() } : {};
}

const describeCustomer = (c: PosCustomer): string => (c.phone ? `phone ${c.phone}` : 'nobody typed');

/** One purchase in a store, its loyalty points, and maybe a return some days later. */
export function storePurchase(life: Life, world: World, day: number, member: Member | null): void {
  const { r, emitter, converter } = world;
  const { person, market, digits } = life;
  const at = localTimeOn(day, 9, 20, market, r);
  if (at < life.arrivalAt || at >= buyingUntil(life, world)) return;
  const store = r.chance(0.8) ? r.pick(life.homeStores) : r.pick(world.stores.get(market.country)!);
  const number = receiptNumber(world, store.id, at, life);
  const customer = tillCustomer(life, world, writePhone(market, store.phone, 'national'), at, member);
  const lines = drawLines(life, world, 3);
  const total = lines.reduce((s, l) => s + lineTotal(l), 0);
  const payload = posReceipt({
    type: 'SALE',
    number,
    closedAt: isoLocal(at, market.timeZone),
    terminal: `T${r.int(1, 6)}`,
    currency: market.currency,
    total: decimalText(total, digits),
    lines: lines.map((l) => {
      const p = product(l.category, l.item);
      return { sku: p.sku, category: p.category, qty: l.qty, amount: decimalText(lineTotal(l), digits) };
    }),
    storeId: store.id,
    country: market.country,
    customer,
  });
  const recordId = customer.loyaltyCard ?? number;
  const label = () => (member && customer.loyaltyCard ? member.label : `receipt ${number}: ${describeCustomer(customer)}`);
  const accepted = emitter.emit(KINDS.posSale, at, recordId, recordId, payload, person, label);
  if (accepted)
    life.ledger.purchase(at, converter.toReportingMinor(decimalText(total, digits), market.currency), lineValues(lines, life, world));
  // The loyalty system hears of the sale from the till whether or not c360 could read the receipt.
  if (member && customer.loyaltyCard) earnPoints(life, world, member, at + r.int(1, 10) * MINUTE, total, number);
  if (!accepted || !r.chance(world.behaviour.returns)) return;

  const returnDay = at + r.int(1, 30) * DAY;
  const returnAt = localTimeOn(returnDay, 9, 20, market, r);
  if (returnAt >= activeUntil(life, world)) return;
  const line = r.pick(lines);
  const qty = r.int(1, line.qty);
  const amount = qty * line.unitMinor;
  const returnNumber = receiptNumber(world, store.id, returnAt, life);
  const returnCustomer: PosCustomer = customer.loyaltyCard && r.chance(0.8) ? { loyaltyCard: customer.loyaltyCard } : {};
  const returnRecord = returnCustomer.loyaltyCard ?? returnNumber;
  const refund = posReceipt({
    type: 'RETURN',
    number: returnNumber,
    originalNumber: number,
    closedAt: isoLocal(returnAt, market.timeZone),
    terminal: `T${r.int(1, 6)}`,
    currency: market.currency,
    total: decimalText(-amount, digits),
    reason: r.pick(REFUND_REASONS),
    lines: [
      {
        sku: product(line.category, line.item).sku,
        category: product(line.category, line.item).category,
        qty,
        amount: decimalText(-amount, digits),
      },
    ],
    storeId: store.id,
    country: market.country,
    customer: returnCustomer,
  });
  const returnLabel = () => (member && returnCustomer.loyaltyCard ? member.label : `return ${returnNumber} of ${number}: nobody typed`);
  if (emitter.emit(KINDS.posReturn, returnAt, returnRecord, returnRecord, refund, person, returnLabel)) {
    const reporting = converter.toReportingMinor(decimalText(amount, digits), market.currency);
    life.ledger.refund(reporting, [{ category: CATEGORIES[line.category]!.path, reportingMinor: reporting }]);
  }
}

/** Points for a till purchase: one per whole unit of currency (per 100 yen), and a tier change when a threshold is passed. */
function earnPoints(life: Life, world: World, member: Member, at: number, totalMinor: number, reference: string): void {
  const { person, market, digits } = life;
  const delta = Math.floor(totalMinor / 10 ** digits / (digits === 0 ? 100 : 1));
  member.balance += delta;
  const label = () => member.label;
  world.emitter.emit(
    KINDS.loyaltyPoints,
    at,
    member.id,
    member.id,
    loyaltyPoints({ timestamp: at, memberId: member.id, country: market.country, delta, balance: member.balance, reference }),
    person,
    label,
  );
  const tier = tierOf(member.balance);
  if (tier !== member.tier) {
    member.tier = tier;
    world.emitter.emit(
      KINDS.loyaltyTier,
      at + 1000,
      member.id,
      member.id,
      loyaltyTier({ timestamp: at + 1000, memberId: member.id, country: market.country, tier }),
      person,
      label,
    );
  }
}

/** A web-shop account: created when the person arrives, updated on an email change, a move (unless the shop keeps the old address) and a consent change. */
export function openAccount(life: Life, world: World): Account {
  const { r, noise, behaviour } = world;
  const { person, market } = life;
  const createdAt = life.arrivalAt + r.int(0, 3600) * 1000;
  const phoneOnForm = givenPhone(person, LANDLINE_ON_FORMS, r);
  const deletedAt = r.chance(behaviour.accountDeletion)
    ? toSecond(createdAt + 30 * DAY + r.next() * (world.end - createdAt))
    : Number.POSITIVE_INFINITY;
  const account: Account = {
    id: `acc-${world.seed}-${next(world, 'account')}`,
    createdAt,
    deletedAt,
    name: heldName(person, 'latin', noise, r),
    phone: phoneOnForm && r.chance(0.6) && !r.chance(noise.missingField) ? heldPhone(market, phoneOnForm, noise, r) : null,
    birthDate: r.chance(0.5) && !r.chance(noise.missingField) ? person.birthDate : undefined,
    address: heldAddress(addressAt(person, createdAt), market, false, noise, r),
    optIn: r.chance(0.55),
  };
  const until = Math.min(deletedAt, world.end);
  const snapshot = (at: number) => {
    const address: ShopAddress = {
      type: 'shipping',
      street: account.address.line1,
      city: account.address.city,
      zip: account.address.postcode,
      countryCode: market.country,
    };
    const payload = shopAccount({
      updatedAt: isoUtcMillis(at),
      country: market.country,
      accountId: account.id,
      email: emailAt(person, at),
      firstName: account.name.given,
      lastName: account.name.family,
      birthDate: account.birthDate,
      phone: account.phone?.written,
      addresses: [address],
      marketingOptIn: account.optIn,
    });
    if (
      world.emitter.emit(KINDS.ecommerceAccount, at, account.id, account.id, payload, person, () =>
        accountLabel(account, emailAt(person, at)),
      )
    ) {
      life.ledger.consent('email', account.optIn, at);
    }
  };
  const changes: { at: number; apply: () => void }[] = [{ at: createdAt, apply: () => undefined }];
  if (person.emailChangedAt > createdAt && person.emailChangedAt < until)
    changes.push({ at: person.emailChangedAt, apply: () => undefined });
  if (person.newAddress && person.movedAt > createdAt && person.movedAt < until && !r.chance(noise.outdatedAddress)) {
    const moved = heldAddress(person.newAddress, market, false, noise, r);
    changes.push({ at: person.movedAt + r.int(1, 20) * DAY, apply: () => (account.address = moved) });
  }
  if (r.chance(behaviour.consentChange))
    changes.push({ at: toSecond(createdAt + r.next() * (until - createdAt)), apply: () => (account.optIn = !account.optIn) });
  for (const change of changes.sort((a, b) => a.at - b.at)) {
    if (change.at >= until) continue;
    change.apply();
    snapshot(change.at);
  }
  if (deletedAt < world.end) {
    world.emitter.emit(
      KINDS.ecommerceAccountDeleted,
      deletedAt,
      account.id,
      account.id,
      shopAccountDeleted({ updatedAt: isoUtc(deletedAt), country: market.country, accountId: account.id }),
      person,
      () => accountLabel(account, emailAt(person, deletedAt)),
    );
  }
  return account;
}

const accountLabel = (a: Account, email: string): string => `account ${a.id}: ${a.name.given} ${a.name.family} <${email}>`;

/** One web-shop order, maybe refunded in part later. Returns the order's time, or null when the account is gone. */
export function onlinePurchase(
  life: Life,
  world: World,
  day: number,
  account: Account,
): { at: number; sku: string; category: string } | null {
  const { r, emitter, converter, noise } = world;
  const { person, market, digits } = life;
  const at = localTimeOn(day, 7, 24, market, r);
  if (at < account.createdAt || at >= account.deletedAt || at >= buyingUntil(life, world)) return null;
  const lines = drawLines(life, world, 4);
  const total = lines.reduce((s, l) => s + lineTotal(l), 0);
  let email = emailAt(person, at);
  if (r.chance(noise.emailCaseAndSpaces)) email = emailCaseAndSpaces(email, r);
  const orderId = `O-${world.seed}-${next(world, 'order')}`;
  const payload = shopOrder({
    orderId,
    placedAt: isoUtc(at),
    country: market.country,
    accountId: account.id,
    email,
    phone: account.phone && r.chance(0.5) ? account.phone.written : undefined,
    items: lines.map((l) => {
      const p = product(l.category, l.item);
      return { sku: p.sku, category: p.category, quantity: l.qty, net: decimalNumber(l.unitMinor, digits) };
    }),
    currency: market.currency,
    net: decimalNumber(total, digits),
  });
  const first = product(lines[0]!.category, lines[0]!.item);
  const placed = { at, sku: first.sku, category: first.category };
  if (!emitter.emit(KINDS.ecommerceOrder, at, account.id, account.id, payload, person, () => accountLabel(account, emailAt(person, at))))
    return placed;
  // The ingestor reads the total as the number the shop sent.
  life.ledger.purchase(at, converter.toReportingMinor(decimalNumber(total, digits), market.currency), lineValues(lines, life, world));
  if (!r.chance(world.behaviour.returns)) return placed;

  const issuedAt = at + r.int(3, 30) * DAY + r.int(0, 86_399) * 1000;
  if (issuedAt >= Math.min(activeUntil(life, world), account.deletedAt)) return placed;
  const line = r.pick(lines);
  // Mostly whole lines; sometimes a partial refund (a damaged item), never more than was bought.
  const amount = r.chance(0.8) ? lineTotal(line) : Math.max(1, Math.floor(lineTotal(line) / 2));
  const refund = shopRefund({
    refundId: `RF-${world.seed}-${next(world, 'refund')}`,
    orderId,
    issuedAt: isoUtc(issuedAt),
    country: market.country,
    accountId: account.id,
    currency: market.currency,
    amount: decimalText(amount, digits),
    reason: r.pick(REFUND_REASONS),
  });
  if (
    emitter.emit(KINDS.ecommerceRefund, issuedAt, account.id, account.id, refund, person, () =>
      accountLabel(account, emailAt(person, issuedAt)),
    )
  ) {
    // A web-shop refund names no lines: it lowers the lifetime value, no category.
    life.ledger.refund(converter.toReportingMinor(decimalText(amount, digits), market.currency), []);
  }
  return placed;
}

/** Loyalty enrolment, soon after the person arrives: the member's details and consents as the programme keeps them. */
export function enrol(life: Life, world: World): Member {
  const { r, noise } = world;
  const { person, market } = life;
  const enrolledAt = life.arrivalAt + r.int(0, 30) * DAY + r.int(0, 86_399) * 1000;
  const member: Member = {
    id: `LC-${world.seed}-${String(next(world, 'member')).padStart(6, '0')}`,
    enrolledAt,
    label: '',
    balance: 0,
    tier: 'Bronze',
  };
  const name = heldName(person, 'native', noise, r);
  const address = heldAddress(addressAt(person, enrolledAt), market, true, noise, r);
  const mobile = person.mobile && !r.chance(noise.missingField) ? heldPhone(market, person.mobile, noise, r) : null;
  const email = r.chance(noise.missingField) ? undefined : emailAt(person, enrolledAt);
  const consents = { emailMarketing: r.chance(0.5), smsMarketing: r.chance(0.3) };
  member.label = `member ${member.id}: ${name.given} ${name.family}${email ? ` <${email}>` : ''}`;
  const payload = loyaltyEnrolled({
    timestamp: enrolledAt,
    memberId: member.id,
    country: market.country,
    tier: member.tier,
    member: {
      firstName: name.given,
      lastName: name.family,
      dateOfBirth: r.chance(noise.missingField) ? undefined : person.birthDate,
      email,
      mobile: mobile?.written,
      address: r.chance(noise.missingField)
        ? undefined
        : {
            line1: address.line1,
            line2: address.line2 ?? undefined,
            city: address.city,
            postalCode: address.postcode,
            country: market.country,
          },
    },
    consents,
  });
  if (world.emitter.emit(KINDS.loyaltyEnrolled, enrolledAt, member.id, member.id, payload, person, () => member.label)) {
    life.ledger.consent('email', consents.emailMarketing, enrolledAt);
    life.ledger.consent('sms', consents.smsMarketing, enrolledAt);
  }
  return member;
}
