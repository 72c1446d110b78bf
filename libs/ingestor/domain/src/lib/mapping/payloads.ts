// The event payloads: one section per event type (purchase, purchaseReturn, engagement, ...),
// compiled from a kind's rules and built per payload. Money is converted here, once the
// currency is known: amounts to minor units, and to the reporting currency by the rate table.
import type {
  CanonicalEvent,
  Engagement,
  EngagementKind,
  LoyaltyChange,
  LoyaltyChangeKind,
  NpsResponse,
  OrderLine,
  Purchase,
  PurchaseReturn,
  RegisterUpdate,
  RegisterUpdateKind,
  SalesChannel,
  ServiceCase,
  ServiceCaseStatus,
} from '@c360/schemas';
import { toMinorUnits } from '@c360/money';
import { absoluteDecimal, minorUnitsToDecimal, multiplyDecimal } from '../normalise';
import type { KindSpec, LineSpec } from './mapping-file';
import {
  compileEntry,
  compileOptional,
  compileRule,
  entryItems,
  read,
  Rejection,
  type CompiledEntry,
  type CompiledRule,
  type Reads,
  type Run,
} from './rules';
import {
  AMOUNT,
  CATEGORY,
  CURRENCY,
  DATE,
  ENGAGEMENT_KIND,
  INTEGER,
  LOWER_TEXT,
  LOYALTY_CHANGE_KIND,
  NPS_SCORE,
  REGISTER_UPDATE_KIND,
  SALES_CHANNEL,
  SERVICE_CASE_STATUS,
  TEXT,
  type Amount,
} from './value-types';

type Rule<T> = CompiledRule<T>;
type Opt<T> = CompiledRule<T> | null;

/** What money conversion needs from the ingestor. */
export interface MoneyContext {
  readonly reportingCurrency: string;
  /** Units of reporting currency per unit of each currency. */
  readonly rates: Readonly<Record<string, number>>;
}

interface LineRules {
  readonly sku: Rule<string>;
  readonly category: Opt<string>;
  readonly quantity: Opt<number>;
  /** Exactly one of the two is set: the line total, or the price of one unit. */
  readonly netAmountMinor: Opt<Amount>;
  readonly unitNetAmount: Opt<Amount>;
}

export type CompiledPayload =
  | {
      readonly eventType: 'PURCHASE';
      readonly orderId: Rule<string>;
      readonly channel: Opt<SalesChannel>;
      readonly storeId: Opt<string>;
      readonly terminalId: Opt<string>;
      readonly currency: Rule<string>;
      readonly netAmountMinor: Rule<Amount>;
      readonly lines: readonly CompiledEntry<LineRules>[];
    }
  | {
      readonly eventType: 'RETURN';
      readonly returnId: Rule<string>;
      readonly orderId: Opt<string>;
      readonly channel: Opt<SalesChannel>;
      readonly storeId: Opt<string>;
      readonly currency: Rule<string>;
      readonly refundAmountMinor: Rule<Amount>;
      readonly reason: Opt<string>;
      readonly lines: readonly CompiledEntry<LineRules>[];
    }
  | {
      readonly eventType: 'ENGAGEMENT';
      readonly kind: Rule<EngagementKind>;
      readonly campaignId: Opt<string>;
      readonly url: Opt<string>;
      readonly sku: Opt<string>;
      readonly category: Opt<string>;
    }
  | {
      readonly eventType: 'SERVICE_CASE';
      readonly caseId: Rule<string>;
      readonly status: Rule<ServiceCaseStatus>;
      readonly topic: Opt<string>;
      readonly contactChannel: Opt<string>;
    }
  | {
      readonly eventType: 'NPS_RESPONSE';
      readonly surveyId: Rule<string>;
      readonly score: Rule<number>;
      readonly caseId: Opt<string>;
      readonly comment: Opt<string>;
    }
  | {
      readonly eventType: 'LOYALTY_CHANGE';
      readonly kind: Rule<LoyaltyChangeKind>;
      readonly programme: Rule<string>;
      readonly tier: Opt<string>;
      readonly pointsDelta: Opt<number>;
      readonly pointsBalance: Opt<number>;
    }
  | {
      readonly eventType: 'REGISTER_UPDATE';
      readonly kind: Rule<RegisterUpdateKind>;
      readonly register: Rule<string>;
      readonly effectiveDate: Opt<number>;
    }
  | { readonly eventType: 'CONSENT_CHANGE' | 'RECORD_UPDATE' | 'RECORD_DELETE' | 'OTHER' };

function compileLines(section: string, specs: readonly LineSpec[] | undefined, reads: Reads): CompiledEntry<LineRules>[] {
  return (specs ?? []).map((l) =>
    compileEntry(l.each, (base) => ({
      sku: compileRule(l.sku, TEXT, `${section}.lines.sku`, reads, base, true),
      category: compileOptional(l.category, CATEGORY, `${section}.lines.category`, reads, base),
      quantity: compileOptional(l.quantity, INTEGER, `${section}.lines.quantity`, reads, base),
      netAmountMinor: compileOptional(l.netAmountMinor, AMOUNT, `${section}.lines.netAmountMinor`, reads, base, true),
      unitNetAmount: compileOptional(l.unitNetAmount, AMOUNT, `${section}.lines.netAmountMinor`, reads, base, true),
    })),
  );
}

/** Compiles the payload section of a kind. */
export function compilePayload(kind: KindSpec, reads: Reads): CompiledPayload {
  switch (kind.eventType) {
    case 'PURCHASE': {
      const s = kind.purchase;
      return {
        eventType: 'PURCHASE',
        orderId: compileRule(s.orderId, TEXT, 'purchase.orderId', reads, [], true),
        channel: compileOptional(s.channel, SALES_CHANNEL, 'purchase.channel', reads),
        storeId: compileOptional(s.storeId, TEXT, 'purchase.storeId', reads),
        terminalId: compileOptional(s.terminalId, TEXT, 'purchase.terminalId', reads),
        currency: compileRule(s.currency, CURRENCY, 'purchase.currency', reads, [], true),
        netAmountMinor: compileRule(s.netAmountMinor, AMOUNT, 'purchase.netAmountMinor', reads, [], true),
        lines: compileLines('purchase', s.lines, reads),
      };
    }
    case 'RETURN': {
      const s = kind.purchaseReturn;
      return {
        eventType: 'RETURN',
        returnId: compileRule(s.returnId, TEXT, 'purchaseReturn.returnId', reads, [], true),
        orderId: compileOptional(s.orderId, TEXT, 'purchaseReturn.orderId', reads),
        channel: compileOptional(s.channel, SALES_CHANNEL, 'purchaseReturn.channel', reads),
        storeId: compileOptional(s.storeId, TEXT, 'purchaseReturn.storeId', reads),
        currency: compileRule(s.currency, CURRENCY, 'purchaseReturn.currency', reads, [], true),
        refundAmountMinor: compileRule(s.refundAmountMinor, AMOUNT, 'purchaseReturn.refundAmountMinor', reads, [], true),
        reason: compileOptional(s.reason, TEXT, 'purchaseReturn.reason', reads),
        lines: compileLines('purchaseReturn', s.lines, reads),
      };
    }
    case 'ENGAGEMENT': {
      const s = kind.engagement;
      return {
        eventType: 'ENGAGEMENT',
        kind: compileRule(s.kind, ENGAGEMENT_KIND, 'engagement.kind', reads, [], true),
        campaignId: compileOptional(s.campaignId, TEXT, 'engagement.campaignId', reads),
        url: compileOptional(s.url, TEXT, 'engagement.url', reads),
        sku: compileOptional(s.sku, TEXT, 'engagement.sku', reads),
        category: compileOptional(s.category, CATEGORY, 'engagement.category', reads),
      };
    }
    case 'SERVICE_CASE': {
      const s = kind.serviceCase;
      return {
        eventType: 'SERVICE_CASE',
        caseId: compileRule(s.caseId, TEXT, 'serviceCase.caseId', reads, [], true),
        status: compileRule(s.status, SERVICE_CASE_STATUS, 'serviceCase.status', reads, [], true),
        topic: compileOptional(s.topic, LOWER_TEXT, 'serviceCase.topic', reads),
        contactChannel: compileOptional(s.contactChannel, LOWER_TEXT, 'serviceCase.contactChannel', reads),
      };
    }
    case 'NPS_RESPONSE': {
      const s = kind.npsResponse;
      return {
        eventType: 'NPS_RESPONSE',
        surveyId: compileRule(s.surveyId, TEXT, 'npsResponse.surveyId', reads, [], true),
        score: compileRule(s.score, NPS_SCORE, 'npsResponse.score', reads, [], true),
        caseId: compileOptional(s.caseId, TEXT, 'npsResponse.caseId', reads),
        comment: compileOptional(s.comment, TEXT, 'npsResponse.comment', reads),
      };
    }
    case 'LOYALTY_CHANGE': {
      const s = kind.loyaltyChange;
      return {
        eventType: 'LOYALTY_CHANGE',
        kind: compileRule(s.kind, LOYALTY_CHANGE_KIND, 'loyaltyChange.kind', reads, [], true),
        programme: compileRule(s.programme, TEXT, 'loyaltyChange.programme', reads, [], true),
        tier: compileOptional(s.tier, LOWER_TEXT, 'loyaltyChange.tier', reads),
        pointsDelta: compileOptional(s.pointsDelta, INTEGER, 'loyaltyChange.pointsDelta', reads),
        pointsBalance: compileOptional(s.pointsBalance, INTEGER, 'loyaltyChange.pointsBalance', reads),
      };
    }
    case 'REGISTER_UPDATE': {
      const s = kind.registerUpdate;
      return {
        eventType: 'REGISTER_UPDATE',
        kind: compileRule(s.kind, REGISTER_UPDATE_KIND, 'registerUpdate.kind', reads, [], true),
        register: compileRule(s.register, TEXT, 'registerUpdate.register', reads, [], true),
        effectiveDate: compileOptional(s.effectiveDate, DATE, 'registerUpdate.effectiveDate', reads),
      };
    }
    case 'CONSENT_CHANGE':
    case 'RECORD_UPDATE':
    case 'RECORD_DELETE':
    case 'OTHER':
      return { eventType: kind.eventType };
  }
}

type PayloadFields = Pick<
  CanonicalEvent,
  'purchase' | 'purchaseReturn' | 'engagement' | 'serviceCase' | 'npsResponse' | 'loyaltyChange' | 'registerUpdate'
>;

const NO_PAYLOAD: PayloadFields = {
  purchase: null,
  purchaseReturn: null,
  engagement: null,
  serviceCase: null,
  npsResponse: null,
  loyaltyChange: null,
  registerUpdate: null,
};

/** Builds the payload fields of the event: all null but the one of its type. */
export function buildPayload(rules: CompiledPayload, payload: unknown, run: Run, money: MoneyContext): PayloadFields {
  switch (rules.eventType) {
    case 'PURCHASE': {
      const orderId = read(rules.orderId, payload, run)!;
      const converter = new Converter(read(rules.currency, payload, run)!, money, false, rules.currency);
      const total = converter.convert(read(rules.netAmountMinor, payload, run)!, rules.netAmountMinor);
      const purchase: Purchase = {
        orderId,
        channel: read(rules.channel, payload, run) ?? 'OTHER',
        storeId: read(rules.storeId, payload, run) ?? null,
        terminalId: read(rules.terminalId, payload, run) ?? null,
        currency: converter.currency,
        netAmountMinor: total.minor,
        reportingCurrency: money.reportingCurrency,
        reportingAmountMinor: total.reporting,
        lines: buildLines(rules.lines, payload, run, converter),
      };
      return { ...NO_PAYLOAD, purchase };
    }
    case 'RETURN': {
      const returnId = read(rules.returnId, payload, run)!;
      // A refund is stored positive, whatever sign the till gives it.
      const converter = new Converter(read(rules.currency, payload, run)!, money, true, rules.currency);
      const total = converter.convert(read(rules.refundAmountMinor, payload, run)!, rules.refundAmountMinor);
      const purchaseReturn: PurchaseReturn = {
        returnId,
        orderId: read(rules.orderId, payload, run) ?? null,
        channel: read(rules.channel, payload, run) ?? 'OTHER',
        storeId: read(rules.storeId, payload, run) ?? null,
        currency: converter.currency,
        refundAmountMinor: total.minor,
        reportingCurrency: money.reportingCurrency,
        reportingAmountMinor: total.reporting,
        reason: read(rules.reason, payload, run) ?? null,
        lines: buildLines(rules.lines, payload, run, converter),
      };
      return { ...NO_PAYLOAD, purchaseReturn };
    }
    case 'ENGAGEMENT': {
      const engagement: Engagement = {
        kind: read(rules.kind, payload, run)!,
        campaignId: read(rules.campaignId, payload, run) ?? null,
        url: read(rules.url, payload, run) ?? null,
        sku: read(rules.sku, payload, run) ?? null,
        category: read(rules.category, payload, run) ?? null,
      };
      return { ...NO_PAYLOAD, engagement };
    }
    case 'SERVICE_CASE': {
      const serviceCase: ServiceCase = {
        caseId: read(rules.caseId, payload, run)!,
        status: read(rules.status, payload, run)!,
        topic: read(rules.topic, payload, run) ?? null,
        contactChannel: read(rules.contactChannel, payload, run) ?? null,
      };
      return { ...NO_PAYLOAD, serviceCase };
    }
    case 'NPS_RESPONSE': {
      const npsResponse: NpsResponse = {
        surveyId: read(rules.surveyId, payload, run)!,
        score: read(rules.score, payload, run)!,
        caseId: read(rules.caseId, payload, run) ?? null,
        comment: read(rules.comment, payload, run) ?? null,
      };
      return { ...NO_PAYLOAD, npsResponse };
    }
    case 'LOYALTY_CHANGE': {
      const loyaltyChange: LoyaltyChange = {
        kind: read(rules.kind, payload, run)!,
        programme: read(rules.programme, payload, run)!,
        tier: read(rules.tier, payload, run) ?? null,
        pointsDelta: read(rules.pointsDelta, payload, run) ?? null,
        pointsBalance: read(rules.pointsBalance, payload, run) ?? null,
      };
      return { ...NO_PAYLOAD, loyaltyChange };
    }
    case 'REGISTER_UPDATE': {
      const registerUpdate: RegisterUpdate = {
        kind: read(rules.kind, payload, run)!,
        register: read(rules.register, payload, run)!,
        effectiveDate: read(rules.effectiveDate, payload, run) ?? null,
      };
      return { ...NO_PAYLOAD, registerUpdate };
    }
    case 'CONSENT_CHANGE':
    case 'RECORD_UPDATE':
    case 'RECORD_DELETE':
    case 'OTHER':
      return NO_PAYLOAD;
  }
}

/** Converts the amounts of one order or return: minor units of its currency, and of the reporting currency. */
class Converter {
  private readonly rate: number;

  constructor(
    readonly currency: string,
    private readonly money: MoneyContext,
    /** Store amounts positive (returns and refunds). */
    readonly positive: boolean,
    currencyRule: Rule<string>,
  ) {
    const rate = Object.prototype.hasOwnProperty.call(money.rates, currency) ? money.rates[currency] : undefined;
    if (rate === undefined || !Number.isFinite(rate)) {
      throw new Rejection(
        'unknown-currency-rate',
        `no rate from ${currency} to ${money.reportingCurrency} in the rate table`,
        rulePath(currencyRule),
      );
    }
    this.rate = rate;
  }

  private decimal(amount: Amount): string {
    return 'decimal' in amount ? amount.decimal : minorUnitsToDecimal(amount.minor, this.currency);
  }

  /** Converts an amount, or a unit price times a quantity. */
  convert(
    amount: Amount | { readonly unit: Amount; readonly quantity: number },
    rule: Rule<Amount>,
    at = '',
  ): { minor: number; reporting: number } {
    let decimal = 'unit' in amount ? multiplyDecimal(this.decimal(amount.unit), amount.quantity) : this.decimal(amount);
    if (this.positive) decimal = absoluteDecimal(decimal);
    try {
      return {
        minor: toMinorUnits(decimal, this.currency),
        reporting: toMinorUnits((Number(decimal) * this.rate).toFixed(6), this.money.reportingCurrency),
      };
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      const where = rulePath(rule, at);
      throw new Rejection('invalid-field', `${where} (${rule.target}): amount out of range`, where);
    }
  }
}

function rulePath<T>(rule: Rule<T>, at = ''): string | undefined {
  const path = rule.from[0]?.text;
  if (path === undefined) return undefined;
  return at === '' ? path : `${at}.${path}`;
}

function buildLines(entries: readonly CompiledEntry<LineRules>[], payload: unknown, run: Run, converter: Converter): OrderLine[] {
  const lines: OrderLine[] = [];
  for (const entry of entries) {
    const { sku: skuRule, netAmountMinor, unitNetAmount } = entry.rules;
    const amountRule = (netAmountMinor ?? unitNetAmount)!; // the file validator asks for exactly one
    for (const { base, at } of entryItems(entry.each, payload, run)) {
      const sku = read(skuRule, base, run, at)!;
      const sent = read(entry.rules.quantity, base, run, at);
      const quantity = sent === undefined ? 1 : converter.positive ? Math.abs(sent) : sent;
      const amount = read(amountRule, base, run, at)!;
      const converted = converter.convert(netAmountMinor !== null ? amount : { unit: amount, quantity }, amountRule, at);
      lines.push({
        sku,
        category: read(entry.rules.category, base, run, at) ?? null,
        quantity,
        netAmountMinor: converted.minor,
        reportingAmountMinor: converted.reporting,
      });
    }
  }
  return lines;
}
