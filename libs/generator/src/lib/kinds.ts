// The kinds of payload each source sends (the sample files' names), with what the emitter needs
// to break one the way real senders do, and how to tell a payload's kind and source record.
import type { KindSpec } from './emitter';

export const KINDS = {
  posSale: { source: 'pos', kind: 'sale', time: ['receipt', 'closedAt'], currency: ['receipt', 'currency'] },
  posReturn: { source: 'pos', kind: 'return', time: ['receipt', 'closedAt'], currency: ['receipt', 'currency'] },
  ecommerceOrder: {
    source: 'ecommerce',
    kind: 'order',
    time: ['placedAt'],
    currency: ['totals', 'currency'],
    unknownKind: { path: ['event'], value: 'cart.abandoned' },
  },
  ecommerceAccount: {
    source: 'ecommerce',
    kind: 'account',
    time: ['updatedAt'],
    unknownKind: { path: ['event'], value: 'cart.abandoned' },
  },
  ecommerceRefund: {
    source: 'ecommerce',
    kind: 'refund',
    time: ['issuedAt'],
    currency: ['refund', 'currency'],
    unknownKind: { path: ['event'], value: 'cart.abandoned' },
  },
  ecommerceAccountDeleted: {
    source: 'ecommerce',
    kind: 'account-deleted',
    time: ['updatedAt'],
    unknownKind: { path: ['event'], value: 'cart.abandoned' },
  },
  marketingOpen: { source: 'marketing', kind: 'open', time: ['EventDate'], unknownKind: { path: ['EventType'], value: 'Forward' } },
  marketingClick: { source: 'marketing', kind: 'click', time: ['EventDate'], unknownKind: { path: ['EventType'], value: 'Forward' } },
  marketingSubscribe: {
    source: 'marketing',
    kind: 'subscribe',
    time: ['EventDate'],
    unknownKind: { path: ['EventType'], value: 'Forward' },
  },
  marketingUnsubscribe: {
    source: 'marketing',
    kind: 'unsubscribe',
    time: ['EventDate'],
    unknownKind: { path: ['EventType'], value: 'Forward' },
  },
  serviceTicketCreated: { source: 'service', kind: 'ticket-created', time: ['created_at'] },
  serviceTicketSolved: { source: 'service', kind: 'ticket-solved', time: ['created_at'] },
  serviceNps: { source: 'service', kind: 'nps', time: ['created_at'] },
  loyaltyEnrolled: { source: 'loyalty', kind: 'enrolled', time: ['timestamp'], epoch: true },
  loyaltyPoints: { source: 'loyalty', kind: 'points', time: ['timestamp'], epoch: true },
  loyaltyTier: { source: 'loyalty', kind: 'tier', time: ['timestamp'], epoch: true },
  wholesaleBuyer: { source: 'wholesale', kind: 'buyer', time: ['sentAt'] },
  wholesaleOrder: { source: 'wholesale', kind: 'order', time: ['order', 'orderDate'], currency: ['order', 'currency'] },
  webPage: { source: 'web', kind: 'page', time: ['timestamp'] },
  webProductViewed: { source: 'web', kind: 'product-viewed', time: ['timestamp'] },
  webLogin: { source: 'web', kind: 'login', time: ['timestamp'] },
  registerDeceased: { source: 'register', kind: 'deceased', time: ['PUBLISHED'] },
  registerGoneAway: { source: 'register', kind: 'gone-away', time: ['PUBLISHED'] },
  registerDoNotContact: { source: 'register', kind: 'do-not-contact', time: ['PUBLISHED'] },
} as const satisfies Record<string, KindSpec>;

type Payload = Record<string, unknown>;
const at = (p: Payload, ...path: string[]): unknown =>
  path.reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Payload)[k] : undefined), p);

/**
 * The source's id of its record of the person, by the rule the ground truth uses: POS the loyalty
 * card if typed, else the receipt number; e-commerce the account id; marketing the subscriber key;
 * service the requester id; loyalty the member id; wholesale the buyer id; web the anonymous id;
 * registers the record id.
 */
export function sourceRecordIdOf(source: string, payload: Payload): string | undefined {
  const id = (() => {
    switch (source) {
      case 'pos':
        return at(payload, 'customer', 'loyaltyCard') ?? at(payload, 'receipt', 'number');
      case 'ecommerce':
        return at(payload, 'account', 'accountId') ?? at(payload, 'customer', 'accountId');
      case 'marketing':
        return at(payload, 'SubscriberKey');
      case 'service':
        return at(payload, 'requester', 'id');
      case 'loyalty':
        return at(payload, 'memberId');
      case 'wholesale':
        return at(payload, 'buyer', 'buyerId');
      case 'web':
        return at(payload, 'anonymousId');
      case 'register':
        return at(payload, 'RECORD_ID');
      default:
        return undefined;
    }
  })();
  return typeof id === 'string' ? id : undefined;
}

/** The sample kind of a payload ('sale', 'order', 'open', ...), as the files in apps/ingestor/samples/<source>/ are named. */
export function kindOf(source: string, payload: Payload): string | undefined {
  const kinds: Record<string, Record<string, string>> = {
    pos: { SALE: 'sale', RETURN: 'return' },
    ecommerce: { 'order.placed': 'order', 'account.updated': 'account', 'refund.issued': 'refund', 'account.deleted': 'account-deleted' },
    marketing: { Open: 'open', Click: 'click', Subscribe: 'subscribe', Unsubscribe: 'unsubscribe' },
    service: { 'ticket.created': 'ticket-created', 'ticket.solved': 'ticket-solved', 'survey.nps': 'nps' },
    loyalty: { ENROLLED: 'enrolled', POINTS_EARNED: 'points', TIER_CHANGED: 'tier' },
    wholesale: { BUYER: 'buyer', ORDER: 'order' },
    web: { page: 'page', track: 'product-viewed', identify: 'login' },
    register: { DECEASED: 'deceased', GONE_AWAY: 'gone-away', DO_NOT_CONTACT: 'do-not-contact' },
  };
  const discriminator: Record<string, string[]> = {
    pos: ['receipt', 'type'],
    ecommerce: ['event'],
    marketing: ['EventType'],
    service: ['type'],
    loyalty: ['eventType'],
    wholesale: ['messageType'],
    web: ['type'],
    register: ['NOTICE'],
  };
  const path = discriminator[source];
  const value = path ? at(payload, ...path) : undefined;
  return typeof value === 'string' ? kinds[source]?.[value] : undefined;
}
