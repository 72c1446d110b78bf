// The native formats: what each source system sends, field for field as the samples in
// apps/ingestor/samples/<source>/<kind>.json. They differ on purpose (POS amounts are decimal text,
// the web shop's are numbers; loyalty times are epoch milliseconds; the register writes names in
// capitals with alpha-3 countries; marketing is PascalCase; the web is Segment-like). Optional
// fields are left out, as the real systems leave them out, when the builder gets undefined
// (JSON.stringify omits undefined members; objects keep one shape, which keeps stringify fast).

type Json = Record<string, unknown>;

// --- POS (till receipts): decimal text amounts, local time with offset ---

export interface PosLine {
  readonly sku: string;
  readonly category: string;
  readonly qty: number;
  /** Line amount as decimal text, negative on a return. */
  readonly amount: string;
}

export interface PosCustomer {
  readonly loyaltyCard?: string;
  readonly phone?: string;
}

export function posReceipt(p: {
  type: 'SALE' | 'RETURN';
  number: string;
  originalNumber?: string;
  closedAt: string;
  terminal: string;
  currency: string;
  total: string;
  reason?: string;
  lines: readonly PosLine[];
  storeId: string;
  country: string;
  customer: PosCustomer | null;
}): Json {
  return {
    receipt: {
      type: p.type,
      number: p.number,
      originalNumber: p.originalNumber,
      closedAt: p.closedAt,
      terminal: p.terminal,
      currency: p.currency,
      total: p.total,
      reason: p.reason,
      lines: p.lines,
    },
    store: { id: p.storeId, country: p.country },
    customer: p.customer && Object.keys(p.customer).length > 0 ? p.customer : undefined,
  };
}

// --- E-commerce (web shop): numbers for amounts, UTC times ---

export interface ShopAddress {
  readonly type: 'shipping' | 'billing';
  readonly street: string;
  readonly city: string;
  readonly zip: string;
  readonly countryCode: string;
}

export function shopAccount(p: {
  updatedAt: string;
  country: string;
  accountId: string;
  email: string;
  firstName?: string;
  lastName?: string;
  birthDate?: string;
  phone?: string;
  addresses: readonly ShopAddress[];
  marketingOptIn: boolean;
}): Json {
  return {
    event: 'account.updated',
    updatedAt: p.updatedAt,
    shop: { country: p.country },
    account: {
      accountId: p.accountId,
      email: p.email,
      firstName: p.firstName,
      lastName: p.lastName,
      birthDate: p.birthDate,
      phone: p.phone,
      addresses: p.addresses,
      marketingOptIn: p.marketingOptIn,
    },
  };
}

export function shopAccountDeleted(p: { updatedAt: string; country: string; accountId: string }): Json {
  return { event: 'account.deleted', updatedAt: p.updatedAt, shop: { country: p.country }, account: { accountId: p.accountId } };
}

export interface ShopItem {
  readonly sku: string;
  readonly category: string;
  readonly quantity: number;
  /** Unit price, net. */
  readonly net: number;
}

export function shopOrder(p: {
  orderId: string;
  placedAt: string;
  country: string;
  accountId: string;
  email: string;
  phone?: string;
  items: readonly ShopItem[];
  currency: string;
  net: number;
}): Json {
  return {
    event: 'order.placed',
    orderId: p.orderId,
    placedAt: p.placedAt,
    shop: { country: p.country },
    customer: { accountId: p.accountId, email: p.email, phone: p.phone },
    items: p.items,
    totals: { currency: p.currency, net: p.net },
  };
}

export function shopRefund(p: {
  refundId: string;
  orderId: string;
  issuedAt: string;
  country: string;
  accountId: string;
  currency: string;
  amount: string;
  reason: string;
}): Json {
  return {
    event: 'refund.issued',
    refundId: p.refundId,
    orderId: p.orderId,
    issuedAt: p.issuedAt,
    shop: { country: p.country },
    customer: { accountId: p.accountId },
    refund: { currency: p.currency, amount: p.amount, reason: p.reason },
  };
}

// --- Marketing automation: PascalCase, local time with offset ---

export function marketingEvent(p: {
  type: 'Open' | 'Click' | 'Subscribe' | 'Unsubscribe';
  date: string;
  subscriberKey: string;
  email: string;
  jobId?: string;
  url?: string;
  firstName?: string;
  lastName?: string;
  locale: string;
}): Json {
  return {
    EventType: p.type,
    EventDate: p.date,
    SubscriberKey: p.subscriberKey,
    EmailAddress: p.email,
    FirstName: p.firstName,
    LastName: p.lastName,
    JobID: p.jobId,
    URL: p.url,
    Locale: p.locale,
  };
}

// --- Service desk: snake_case, one-string requester names ---

export interface Requester {
  readonly id: string;
  readonly name?: string;
  /** JP: the reading in katakana, family name first ('サトウ ハナコ'). */
  readonly name_kana?: string;
  readonly email?: string;
  readonly phone?: string;
}

export function ticketCreated(p: {
  createdAt: string;
  ticketId: number;
  subject: string;
  topic: string;
  via: string;
  requester: Requester;
  locale: string;
}): Json {
  return {
    type: 'ticket.created',
    created_at: p.createdAt,
    ticket: { id: p.ticketId, subject: p.subject, topic: p.topic, via: p.via },
    requester: { ...p.requester },
    locale: p.locale,
  };
}

export function ticketSolved(p: {
  createdAt: string;
  ticketId: number;
  topic: string;
  via: string;
  requester: Requester;
  locale: string;
}): Json {
  return {
    type: 'ticket.solved',
    created_at: p.createdAt,
    ticket: { id: p.ticketId, topic: p.topic, via: p.via },
    requester: { id: p.requester.id, email: p.requester.email },
    locale: p.locale,
  };
}

export function npsResponse(p: {
  createdAt: string;
  responseId: string;
  score: number;
  comment?: string;
  ticketId: number;
  requester: Requester;
  locale: string;
}): Json {
  return {
    type: 'survey.nps',
    created_at: p.createdAt,
    survey: { response_id: p.responseId, score: p.score, comment: p.comment, ticket_id: p.ticketId },
    requester: { id: p.requester.id, email: p.requester.email },
    locale: p.locale,
  };
}

// --- Loyalty programme: epoch milliseconds ---

const PROGRAMME = 'c360-club';

export function loyaltyEnrolled(p: {
  timestamp: number;
  memberId: string;
  country: string;
  tier: string;
  member: {
    firstName: string;
    lastName: string;
    dateOfBirth?: string;
    email?: string;
    mobile?: string;
    address?: { line1: string; line2?: string; city: string; postalCode: string; country: string };
  };
  consents: { emailMarketing: boolean; smsMarketing: boolean };
}): Json {
  return {
    eventType: 'ENROLLED',
    timestamp: p.timestamp,
    memberId: p.memberId,
    programme: PROGRAMME,
    country: p.country,
    tier: p.tier,
    member: p.member,
    consents: p.consents,
  };
}

export function loyaltyPoints(p: {
  timestamp: number;
  memberId: string;
  country: string;
  delta: number;
  balance: number;
  reference: string;
}): Json {
  return {
    eventType: 'POINTS_EARNED',
    timestamp: p.timestamp,
    memberId: p.memberId,
    programme: PROGRAMME,
    country: p.country,
    points: { delta: p.delta, balance: p.balance },
    reference: p.reference,
  };
}

export function loyaltyTier(p: { timestamp: number; memberId: string; country: string; tier: string }): Json {
  return {
    eventType: 'TIER_CHANGED',
    timestamp: p.timestamp,
    memberId: p.memberId,
    programme: PROGRAMME,
    country: p.country,
    tier: p.tier,
  };
}

// --- Wholesale (B2B): decimal text, line totals ---

export interface WholesaleAccount {
  readonly accountNo: string;
  readonly companyName: string;
  readonly vatNo: string;
  readonly country: string;
}

export function wholesaleBuyer(p: {
  sentAt: string;
  account: WholesaleAccount & { address: { street: string; city: string; zip: string; country: string } };
  buyer: { buyerId: string; name: string; email: string; phone?: string; role?: string };
}): Json {
  return { messageType: 'BUYER', sentAt: p.sentAt, account: p.account, buyer: { ...p.buyer } };
}

export function wholesaleOrder(p: {
  sentAt: string;
  account: WholesaleAccount;
  buyerId: string;
  email: string;
  orderNo: string;
  orderDate: string;
  currency: string;
  netTotal: string;
  lines: readonly { article: string; productGroup: string; qty: number; net: string }[];
}): Json {
  return {
    messageType: 'ORDER',
    sentAt: p.sentAt,
    account: p.account,
    buyer: { buyerId: p.buyerId, email: p.email },
    order: { orderNo: p.orderNo, orderDate: p.orderDate, currency: p.currency, netTotal: p.netTotal, lines: p.lines },
  };
}

// --- Web (Segment-like): anonymousId until a login, then userId = the shop's accountId ---

export function webEvent(p: {
  type: 'page' | 'track' | 'identify';
  messageId: string;
  anonymousId: string;
  userId: string | null;
  timestamp: string;
  locale: string;
  url: string;
  deviceId: string | null;
  product?: { sku: string; category: string };
  email?: string;
}): Json {
  const context = { locale: p.locale, page: { url: p.url }, device: { id: p.deviceId } };
  if (p.type === 'identify')
    return {
      type: p.type,
      messageId: p.messageId,
      anonymousId: p.anonymousId,
      userId: p.userId,
      timestamp: p.timestamp,
      context,
      traits: { email: p.email },
    };
  const properties = p.product ? { sku: p.product.sku, category: p.product.category } : {};
  if (p.type === 'track')
    return {
      type: p.type,
      event: 'Product Viewed',
      messageId: p.messageId,
      anonymousId: p.anonymousId,
      userId: p.userId,
      timestamp: p.timestamp,
      context,
      properties,
    };
  return {
    type: p.type,
    messageId: p.messageId,
    anonymousId: p.anonymousId,
    userId: p.userId,
    timestamp: p.timestamp,
    context,
    properties,
  };
}

// --- Registers: capitals, alpha-3 countries, dates ---

export function registerNotice(p: {
  recordId: string;
  notice: 'DECEASED' | 'GONE_AWAY' | 'DO_NOT_CONTACT';
  surname: string;
  forenames: string;
  dob: string | null;
  address: string;
  town: string;
  postcode: string;
  country: string;
  effective: string;
  published: string;
  register: string;
}): Json {
  return {
    RECORD_ID: p.recordId,
    NOTICE: p.notice,
    SURNAME: p.surname,
    FORENAMES: p.forenames,
    DOB: p.dob,
    ADDRESS_1: p.address,
    TOWN: p.town,
    POSTCODE: p.postcode,
    COUNTRY: p.country,
    EFFECTIVE: p.effective,
    PUBLISHED: p.published,
    REGISTER: p.register,
  };
}
