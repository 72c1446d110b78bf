// Everything but buying: email subscriptions and campaign opens and clicks (decaying for
// churners), web sessions (anonymous cookies that may log in later), service cases with NPS
// afterwards, and register notices (deceased, moved away, do-not-contact).
import { CATEGORIES, SKUS_PER_CATEGORY, product } from './catalogue';
import { marketingEvent, npsResponse, registerNotice, ticketCreated, ticketSolved, webEvent, type Requester } from './formats';
import { KINDS } from './kinds';
import { activeUntil, addressAt, emailAt, engagementAt, localTimeOn, next, type Life, type World } from './life';
import type { Market } from './markets';
import { asciiFold, katakana, plainRomaji } from './names';
import { emailCaseAndSpaces, emailTypo } from './noise';
import type { Account } from './retail';
import { DAY, HOUR, MINUTE, atLocalTime, isoDate, isoLocal, isoUtc, isoUtcMillis, toSecond } from './time';
import { LANDLINE_ON_FORMS, fullName, givenPhone, heldAddress, heldName, heldPhone, type HeldName } from './views';

// --- Marketing ---

interface Campaign {
  readonly at: number;
  readonly jobId: string;
  readonly category: number;
}

const THEMES = ['newsletter', 'new-in', 'weekend-offers', 'style-edit', 'member-news', 'seasonal-sale'];
const calendars = new WeakMap<World, Map<string, readonly Campaign[]>>();

/** A campaign every two weeks per market, sent at eight in the morning local time. */
function campaigns(world: World, market: Market): readonly Campaign[] {
  let byMarket = calendars.get(world);
  if (!byMarket) calendars.set(world, (byMarket = new Map<string, readonly Campaign[]>()));
  let list = byMarket.get(market.country);
  if (!list) {
    const out: Campaign[] = [];
    for (let day = world.start + DAY, i = 0; day < world.end; day += 14 * DAY, i++) {
      const at = atLocalTime(Math.floor(day / DAY) * DAY, 8 * 60, market.timeZone);
      out.push({ at, jobId: `${THEMES[i % THEMES.length]}-${isoDate(day)}`, category: i % CATEGORIES.length });
    }
    byMarket.set(market.country, (list = out));
  }
  return list;
}

interface Subscription {
  readonly key: string;
  readonly email: string;
  readonly name: HeldName | null;
  readonly from: number;
  /** When the person stops reading this address (a new one, or death). */
  readonly until: number;
}

/** Subscriptions (a second one after an email change), campaign opens and clicks while engaged, unsubscribes. */
export function marketing(life: Life, world: World): void {
  const { r, noise, behaviour } = world;
  const { person, market } = life;
  const end = activeUntil(life, world);
  const from = life.arrivalAt + r.int(0, 20) * DAY + r.int(0, 86_399) * 1000;
  const work = person.workEmail !== null && r.chance(0.2);
  const subscriptions: Subscription[] = [];
  // A newsletter form takes what people type: sometimes junk, sometimes capitals.
  const written = (email: string) =>
    r.chance(noise.junk) ? 'test@test.com' : r.chance(noise.emailCaseAndSpaces) ? emailCaseAndSpaces(email, r).trim() : email;
  const name = () => (r.chance(0.7) && !r.chance(noise.missingField) ? heldName(person, 'latin', noise, r) : null);
  const changes = !work && person.newEmail !== null && person.emailChangedAt > from && person.emailChangedAt < end;
  subscriptions.push({
    key: `SK-${world.seed}-${next(world, 'subscriber')}`,
    email: written(work ? person.workEmail : emailAt(person, from)),
    name: name(),
    from,
    until: changes ? person.emailChangedAt : end,
  });
  if (changes && r.chance(0.8)) {
    const again = person.emailChangedAt + r.int(0, 14) * DAY;
    subscriptions.push({
      key: `SK-${world.seed}-${next(world, 'subscriber')}`,
      email: written(person.newEmail),
      name: name(),
      from: again,
      until: end,
    });
  }
  for (const s of subscriptions) {
    if (s.from >= s.until) continue;
    const label = () => `subscriber ${s.key}: ${s.email}${s.name ? ` (${s.name.given} ${s.name.family})` : ''}`;
    const send = (type: 'Open' | 'Click' | 'Subscribe' | 'Unsubscribe', at: number, jobId?: string, url?: string) => {
      const payload = marketingEvent({
        type,
        date: isoLocal(at, market.timeZone),
        subscriberKey: s.key,
        email: s.email,
        jobId,
        url,
        firstName: type === 'Subscribe' ? s.name?.given : undefined,
        lastName: type === 'Subscribe' ? s.name?.family : undefined,
        locale: market.locale,
      });
      const spec = {
        Open: KINDS.marketingOpen,
        Click: KINDS.marketingClick,
        Subscribe: KINDS.marketingSubscribe,
        Unsubscribe: KINDS.marketingUnsubscribe,
      }[type];
      return world.emitter.emit(spec, at, s.key, s.key, payload, person, label);
    };
    if (send('Subscribe', s.from)) life.ledger.consent('email', true, s.from);
    let unsubscribeAt = r.chance(behaviour.consentChange)
      ? toSecond(s.from + 7 * DAY + r.next() * (s.until - s.from))
      : Number.POSITIVE_INFINITY;
    if (life.doNotContactAt >= s.from && life.doNotContactAt < s.until)
      unsubscribeAt = Math.min(unsubscribeAt, life.doNotContactAt + r.int(1, 7) * DAY);
    const stop = Math.min(s.until, unsubscribeAt);
    let lastJob: string | undefined;
    for (const c of campaigns(world, market)) {
      if (c.at < s.from) continue;
      if (c.at >= stop) break;
      lastJob = c.jobId;
      if (!r.chance(engagementAt(life, c.at))) continue;
      const openAt = toSecond(c.at + Math.min(72 * HOUR, r.exponential(6 * HOUR)));
      if (send('Open', openAt, c.jobId)) life.ledger.engaged(openAt);
      if (r.chance(0.35)) {
        const clickAt = openAt + r.int(5, 1200) * 1000;
        const slug = CATEGORIES[r.chance(0.5) ? c.category : r.weighted(life.affinity)]!.path.toLowerCase();
        if (send('Click', clickAt, c.jobId, `https://${market.shopHost}/c/${slug}?utm_campaign=${c.jobId}`)) life.ledger.engaged(clickAt);
      }
    }
    if (unsubscribeAt < s.until && send('Unsubscribe', unsubscribeAt, lastJob)) life.ledger.consent('email', false, unsubscribeAt);
  }
}

// --- Web ---

export interface Cookie {
  readonly anonymousId: string;
  readonly hex: string;
  /** Set for app installs, which the login event carries. */
  readonly deviceId: string | null;
  /** Whether this browser ever logs in to the shop account. */
  readonly loginable: boolean;
  loggedIn: boolean;
  seq: number;
  /** Sessions to send, in any order until they are sent in time order. */
  readonly planned: { at: number; viewed: { sku: string; category: string } | null; login: boolean }[];
}

export interface Visitor {
  readonly cookies: readonly Cookie[];
  readonly account: Account | null;
}

/** The person's browsers: one, or two with a second device; a browser logs in only with a shop account. */
export function visitor(life: Life, world: World, account: Account | null): Visitor {
  const { r, noise } = world;
  const count = r.chance(noise.extraDevice) ? 2 : 1;
  const cookies: Cookie[] = [];
  for (let i = 0; i < count; i++) {
    const hex = r.hex(8);
    const app = r.chance(0.3);
    cookies.push({
      anonymousId: `ck-${r.hex(10)}`,
      hex,
      deviceId: app ? `dev-${r.pick(['ios', 'android'])}-${r.hex(4)}` : null,
      loginable: account !== null && !r.chance(noise.webAnonymousOnly),
      loggedIn: false,
      seq: 0,
      planned: [],
    });
  }
  return { cookies, account };
}

/** A browsing session: a page, a product or two, and the login when this browser logs in now. */
function session(
  life: Life,
  world: World,
  v: Visitor,
  cookie: Cookie,
  at: number,
  viewed: { sku: string; category: string } | null,
  login: boolean,
): void {
  const { r } = world;
  const { person, market } = life;
  const account = v.account;
  const label = () =>
    `cookie ${cookie.anonymousId}${cookie.deviceId ? ` (${cookie.deviceId})` : ''}${cookie.loginable ? `, logs in as ${account?.id}` : ', anonymous'}`;
  const send = (spec: (typeof KINDS)['webPage' | 'webProductViewed' | 'webLogin'], t: number, payload: Record<string, unknown>) => {
    if (world.emitter.emit(spec, t, cookie.anonymousId, cookie.anonymousId, payload, person, label)) life.ledger.engaged(t);
  };
  const base = (t: number) => ({
    messageId: `web-${cookie.hex}-${String(cookie.seq++).padStart(4, '0')}`,
    anonymousId: cookie.anonymousId,
    userId: cookie.loggedIn && account ? account.id : null,
    timestamp: isoUtcMillis(t),
    locale: market.locale,
  });
  const landing = viewed?.category ?? CATEGORIES[r.weighted(life.affinity)]!.path;
  let t = at;
  send(
    KINDS.webPage,
    t,
    webEvent({ type: 'page', ...base(t), url: `https://${market.shopHost}/c/${landing.toLowerCase()}`, deviceId: null }),
  );
  if (login && account && !cookie.loggedIn && t >= account.createdAt && t < account.deletedAt) {
    t += r.int(15, 120) * 1000;
    const identify = webEvent({
      type: 'identify',
      ...base(t),
      userId: account.id,
      url: `https://${market.shopHost}/login`,
      deviceId: cookie.deviceId,
      email: emailAt(person, t),
    });
    cookie.loggedIn = true;
    send(KINDS.webLogin, t, identify);
  }
  const views = viewed
    ? [viewed]
    : Array.from({ length: r.int(0, 1) }, () => product(r.weighted(life.affinity), r.int(0, SKUS_PER_CATEGORY - 1)));
  for (const p of views) {
    t += r.int(10, 180) * 1000 + r.int(0, 999);
    send(
      KINDS.webProductViewed,
      t,
      webEvent({ type: 'track', ...base(t), url: `https://${market.shopHost}/p/${p.sku}`, deviceId: null, product: p }),
    );
  }
}

/** Plans sessions over the person's time as a customer (fewer after churn), beside the ones before online orders. */
export function browse(life: Life, world: World, v: Visitor): void {
  const { r } = world;
  const end = activeUntil(life, world);
  for (const cookie of v.cookies) {
    const sessions = r.int(1, 2);
    for (let i = 0; i < sessions; i++) {
      const at = toSecond(life.arrivalAt + r.next() * (end - life.arrivalAt));
      if (!r.chance(Math.max(0.05, engagementAt(life, at) / Math.max(life.engagement, 1e-9)))) continue;
      cookie.planned.push({ at, viewed: null, login: cookie.loginable && r.chance(0.5) });
    }
  }
}

/** Sends the planned sessions in time order: a logging-in browser is anonymous until the session it logs in. */
export function sendSessions(life: Life, world: World, v: Visitor): void {
  for (const cookie of v.cookies) {
    for (const s of cookie.planned.sort((a, b) => a.at - b.at)) session(life, world, v, cookie, s.at, s.viewed, s.login);
    cookie.planned.length = 0;
  }
}

/** Plans the session in which an online order is placed, minutes before it. */
export function sessionBeforeOrder(world: World, v: Visitor, order: { at: number; sku: string; category: string }): void {
  const { r } = world;
  const cookie = v.cookies.length > 1 && r.chance(0.3) ? v.cookies[1]! : v.cookies[0]!;
  cookie.planned.push({
    at: order.at - r.int(5, 40) * MINUTE,
    viewed: { sku: order.sku, category: order.category },
    login: cookie.loginable,
  });
}

// --- Service ---

const TOPICS: readonly (readonly [string, readonly string[]])[] = [
  ['Delivery', ['Where is my parcel?', 'Parcel arrived damaged', 'Delivery to wrong address']],
  ['Returns', ['How do I return an item?', 'Refund not received yet']],
  ['Product quality', ['Zip broke after a week', 'Colour faded after washing', 'Sole came off']],
  ['Payment', ['Charged twice', 'Voucher code not accepted']],
  ['Account', ['Cannot log in', 'Please update my email address']],
  ['Store experience', ['Long queue at the till', 'Helpful staff in store']],
];
const COMMENTS: Readonly<Record<'high' | 'mid' | 'low', readonly string[]>> = {
  high: ['Fast help, thanks', 'Very friendly', 'Solved in one call'],
  mid: ['OK in the end', 'Took a while'],
  low: ['Still waiting', 'Nobody called back', 'Not helpful'],
};

/** One to two cases (often after a purchase), each solved later, and an NPS answer after most. */
export function service(life: Life, world: World, purchases: readonly number[]): void {
  const { r, noise } = world;
  const { person, market } = life;
  const end = activeUntil(life, world);
  const name = heldName(person, 'native', noise, r);
  const useWork = person.workEmail !== null && r.chance(0.3);
  const phoneOnForm = givenPhone(person, LANDLINE_ON_FORMS, r);
  let email = useWork ? person.workEmail : emailAt(person, life.arrivalAt);
  if (r.chance(noise.junk)) email = 'test@test.com';
  else if (r.chance(noise.emailTypo)) email = emailTypo(email, r);
  const requester: Requester = {
    id: `C-${world.seed}-${next(world, 'contact')}`,
    name: fullName(name, market),
    name_kana:
      /[\u4e00-\u9fff]/.test(name.family) && r.chance(0.7) && !r.chance(noise.missingField)
        ? `${katakana(person.familyLatin)} ${katakana(person.givenLatin)}`
        : undefined,
    email: r.chance(noise.emailCaseAndSpaces) ? emailCaseAndSpaces(email, r) : email,
    phone: phoneOnForm && r.chance(0.6) && !r.chance(noise.missingField) ? heldPhone(market, phoneOnForm, noise, r).written : undefined,
  };
  const label = () => `contact ${requester.id}: ${requester.name} <${(requester.email ?? '').trim()}>`;
  const cases = r.chance(0.3) ? 2 : 1;
  for (let i = 0; i < cases; i++) {
    const around =
      purchases.length > 0 && r.chance(0.6) ? r.pick(purchases) + r.int(1, 10) * DAY : life.arrivalAt + r.next() * (end - life.arrivalAt);
    const createdAt = localTimeOn(around, 8, 20, market, r);
    if (createdAt < life.arrivalAt || createdAt >= end) continue;
    const ticketId = 50_000 + next(world, 'ticket');
    const [topic, subjects] = r.pick(TOPICS);
    const via = r.pick(['email', 'phone', 'chat', 'web']);
    const emit = (
      spec: (typeof KINDS)['serviceTicketCreated' | 'serviceTicketSolved' | 'serviceNps'],
      at: number,
      payload: Record<string, unknown>,
    ) => world.emitter.emit(spec, at, requester.id, requester.id, payload, person, label);
    emit(
      KINDS.serviceTicketCreated,
      createdAt,
      ticketCreated({
        createdAt: isoLocal(createdAt, market.timeZone),
        ticketId,
        subject: r.pick(subjects),
        topic,
        via,
        requester,
        locale: market.locale,
      }),
    );
    const solvedAt = createdAt + r.int(1, 120) * HOUR;
    if (solvedAt >= end) continue;
    emit(
      KINDS.serviceTicketSolved,
      solvedAt,
      ticketSolved({ createdAt: isoLocal(solvedAt, market.timeZone), ticketId, topic, via, requester, locale: market.locale }),
    );
    if (!r.chance(0.6)) continue;
    const answeredAt = solvedAt + r.int(2, 72) * HOUR;
    // Detractors score low, and so do persons about to leave.
    const leaving = answeredAt > life.churnAt - 30 * DAY;
    const mood = leaving && r.chance(0.6) ? 'detractor' : life.mood;
    const score = mood === 'promoter' ? r.int(9, 10) : mood === 'passive' ? r.int(7, 8) : r.int(0, 6);
    const comment = r.chance(0.4) ? r.pick(COMMENTS[score >= 9 ? 'high' : score >= 7 ? 'mid' : 'low']) : undefined;
    const payload = npsResponse({
      createdAt: isoLocal(answeredAt, market.timeZone),
      responseId: `NPS-${world.seed}-${next(world, 'nps')}`,
      score,
      comment,
      ticketId,
      requester,
      locale: market.locale,
    });
    if (emit(KINDS.serviceNps, answeredAt, payload)) life.ledger.npsResponse(answeredAt, score);
  }
}

// --- Registers ---

/** Register notices: deceased, moved away (the old address), do-not-contact; names in capitals, Latin letters. */
export function registers(life: Life, world: World): void {
  const { r, noise } = world;
  const { person, market } = life;
  const notices: { kind: 'deceased' | 'movedAway' | 'doNotContact'; effective: number }[] = [];
  if (life.deceasedAt < world.end) notices.push({ kind: 'deceased', effective: life.deceasedAt });
  if (person.newAddress && person.movedAt < world.end && r.chance(world.behaviour.goneAwayNotice))
    notices.push({ kind: 'movedAway', effective: person.movedAt });
  if (life.doNotContactAt < world.end) notices.push({ kind: 'doNotContact', effective: life.doNotContactAt });
  for (const n of notices) {
    const publishedDay =
      Math.floor(n.effective / DAY) * DAY +
      (n.kind === 'deceased' ? r.int(2, 20) : n.kind === 'movedAway' ? r.int(5, 30) : r.int(1, 3)) * DAY;
    const fold = r.chance(noise.transliteration);
    const latin = (s: string) => (fold ? asciiFold(plainRomaji(s)) : plainRomaji(s)).toUpperCase();
    // A moved-away notice names the address the person left.
    const address = heldAddress(n.kind === 'movedAway' ? person.address : addressAt(person, n.effective), market, false, noise, r);
    const prefix = { deceased: 'DR', movedAway: 'GA', doNotContact: 'DNC' }[n.kind];
    const recordId = `${prefix}-${market.country}-${isoDate(publishedDay).slice(0, 4)}-${world.seed}-${String(next(world, `register:${prefix}`)).padStart(6, '0')}`;
    const payload = registerNotice({
      recordId,
      notice: n.kind === 'deceased' ? 'DECEASED' : n.kind === 'movedAway' ? 'GONE_AWAY' : 'DO_NOT_CONTACT',
      surname: latin(person.familyLatin),
      forenames: latin(person.middle ? `${person.givenLatin} ${person.middle}` : person.givenLatin),
      dob: n.kind === 'doNotContact' && r.chance(0.5) ? null : person.birthDate,
      address: address.line1.toUpperCase(),
      town: address.city.toUpperCase(),
      postcode: address.postcode.toUpperCase(),
      country: market.alpha3,
      effective: isoDate(n.effective),
      published: isoUtc(publishedDay),
      register: market.registers[n.kind === 'movedAway' ? 'goneAway' : n.kind],
    });
    const spec =
      n.kind === 'deceased' ? KINDS.registerDeceased : n.kind === 'movedAway' ? KINDS.registerGoneAway : KINDS.registerDoNotContact;
    const label = () =>
      `${payload.NOTICE as string} ${payload.FORENAMES as string} ${payload.SURNAME as string}, ${payload.ADDRESS_1 as string}, ${payload.POSTCODE as string}`;
    if (world.emitter.emit(spec, publishedDay, recordId, recordId, payload, person, label))
      life.ledger.notice(n.kind, isoDate(n.effective));
  }
}
