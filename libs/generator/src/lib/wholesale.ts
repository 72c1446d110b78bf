// Wholesale: a buyer record for the person who buys for a company account (with its VAT id),
// then orders every few weeks in large quantities, at about half the retail price.
import { decimalText } from './amounts';
import { product } from './catalogue';
import { wholesaleBuyer, wholesaleOrder } from './formats';
import { KINDS } from './kinds';
import { buyingUntil, localTimeOn, next, type Life, type World } from './life';
import { caseAndSpacing } from './noise';
import { drawLines, lineTotal, lineValues } from './retail';
import { DAY, HOUR, isoLocal, isoUtc } from './time';
import { fullName, heldAddress, heldName, heldPhone } from './views';

/** A wholesale buyer: the buyer record, then orders for the company every few weeks, in large quantities. */
export function wholesale(life: Life, world: World): void {
  const { r, emitter, converter, noise } = world;
  const { person, market, digits } = life;
  const company = person.company!;
  const buyerId = `B-${company.accountNo.slice(2)}-${String(next(world, `buyer:${company.accountNo}`)).padStart(2, '0')}`;
  const name = heldName(person, 'native', noise, r);
  const companyName = r.chance(noise.nameCaseAndSpacing) ? caseAndSpacing(company.name, 'double-space') : company.name;
  const account = {
    accountNo: company.accountNo,
    companyName,
    vatNo: r.chance(0.5) ? company.vat.spaced : company.vat.compact,
    country: market.country,
  };
  const email = person.workEmail!;
  const phone = heldPhone(market, r.chance(0.6) ? company.phone : (person.mobile ?? company.phone), noise, r);
  const address = heldAddress(company.address, market, false, noise, r);
  const label = () => `buyer ${buyerId} of ${company.name}: ${name.given} ${name.family} <${email}>`;
  const sentAt = life.arrivalAt + r.int(1, 48) * HOUR;
  emitter.emit(
    KINDS.wholesaleBuyer,
    sentAt,
    buyerId,
    buyerId,
    wholesaleBuyer({
      sentAt: isoUtc(sentAt),
      account: { ...account, address: { street: address.line1, city: address.city, zip: address.postcode, country: market.country } },
      buyer: {
        buyerId,
        name: fullName(name, market),
        email,
        phone: r.chance(noise.missingField) ? undefined : phone.written,
        role: person.role ?? undefined,
      },
    }),
    person,
    label,
  );
  const until = buyingUntil(life, world);
  for (let t = sentAt + r.exponential(25) * DAY; t < until; t += (7 + r.exponential(21)) * DAY) {
    const orderAt = localTimeOn(t, 8, 18, market, r);
    if (orderAt <= sentAt || orderAt >= until) continue;
    const orderSentAt = orderAt + r.int(1, 12) * HOUR;
    const lines = drawLines(life, world, 5, true);
    const total = lines.reduce((s, l) => s + lineTotal(l), 0);
    const payload = wholesaleOrder({
      sentAt: isoUtc(orderSentAt),
      account: { ...account, vatNo: company.vat.compact },
      buyerId,
      email,
      orderNo: `WO-${world.seed}-${next(world, 'wholesale-order')}`,
      orderDate: isoLocal(orderAt, market.timeZone),
      currency: market.currency,
      netTotal: decimalText(total, digits),
      lines: lines.map((l) => {
        const p = product(l.category, l.item);
        return { article: p.sku, productGroup: p.category, qty: l.qty, net: decimalText(lineTotal(l), digits) };
      }),
    });
    if (emitter.emit(KINDS.wholesaleOrder, orderSentAt, buyerId, buyerId, payload, person, label)) {
      life.ledger.purchase(
        orderAt,
        converter.toReportingMinor(decimalText(total, digits), market.currency),
        lineValues(lines, life, world),
      );
    }
  }
}
