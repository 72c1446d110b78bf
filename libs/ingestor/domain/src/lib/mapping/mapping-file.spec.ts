import { describe, expect, it } from 'vitest';
import { checkMappingFile } from './mapping-file';
import { InvalidMapping, parseSourceMapping } from './source-mapping';

// A small valid mapping; each test breaks one thing.
const valid = {
  source: 'kiosk',
  description: 'Self-service kiosks in stores.',
  defaultMarket: 'GB',
  record: { eventId: { from: 'id' }, sourceRecordId: { from: 'card' }, occurredAt: { from: 'at' } },
  kinds: [
    {
      name: 'sale',
      when: { path: 'type', equals: 'sale' },
      eventType: 'PURCHASE',
      purchase: { orderId: { from: 'id' }, channel: 'STORE', currency: { from: 'currency' }, netAmountMinor: { from: 'total' } },
    },
    { name: 'visit', eventType: 'OTHER' },
  ],
};
type Kinds = typeof valid.kinds;
const withKinds = (kinds: unknown[]) => ({ ...valid, kinds });
const withSale = (purchase: Record<string, unknown>) =>
  withKinds([{ ...valid.kinds[0], purchase: { ...valid.kinds[0]!.purchase, ...purchase } }, valid.kinds[1]]);
const problems = (content: unknown) => checkMappingFile(content).problems;

describe('mapping file validation', () => {
  it('accepts a valid file and applies the defaults', () => {
    const mapping = parseSourceMapping(valid, 'apps/ingestor/mappings/kiosk.json');
    expect(mapping).toMatchObject({ source: 'kiosk', defaultMarket: 'GB', maxPayloadBytes: 65_536 });
    expect(mapping.kinds.map((k) => [k.name, k.eventType])).toEqual([
      ['sale', 'PURCHASE'],
      ['visit', 'OTHER'],
    ]);
  });

  it('rejects an unknown transform, naming the transforms there are', () => {
    expect(problems(withSale({ currency: { from: 'currency', transform: 'money' } }))).toEqual([
      {
        path: 'kinds[0].purchase.currency.transform',
        message: expect.stringMatching(/^unknown transform 'money'; the transforms are string, lowerCase,/) as string,
      },
    ]);
  });

  it('rejects a transform that cannot fill the field', () => {
    expect(problems(withSale({ orderId: { from: 'id', transform: 'email' } }))).toEqual([
      {
        path: 'kinds[0].purchase.orderId.transform',
        message: "transform 'email' cannot fill a text field; use string or lowerCase or upperCase",
      },
    ]);
  });

  it('rejects a market extension that is not namespaced, has no country, or names a canonical field', () => {
    const party = {
      extensions: {
        nameKana: { from: 'k' },
        'xx.kana': { from: 'k' },
        'jp.email': { from: 'e' },
        'de.postcode': { from: 'p' },
        'gb.dateOfBirth': { from: 'd' },
        'jp.nameKana': { from: 'k' },
      },
    };
    expect(problems({ ...valid, party })).toEqual([
      {
        path: 'party.extensions.nameKana',
        message: "extension 'nameKana' must be namespaced '<market in lower case>.<name>', e.g. 'jp.nameKana'",
      },
      { path: 'party.extensions["xx.kana"]', message: "extension 'xx.kana': 'xx' is not an ISO 3166 country" },
      { path: 'party.extensions["jp.email"]', message: expect.stringContaining("extension 'jp.email' names a canonical field") as string },
      { path: 'party.extensions["de.postcode"]', message: expect.stringContaining('names a canonical field') as string },
      { path: 'party.extensions["gb.dateOfBirth"]', message: expect.stringContaining('names a canonical field') as string },
    ]);
  });

  it('rejects a kind without "when" that is not the last one, and two kinds of one name', () => {
    const [sale, visit] = valid.kinds as [Kinds[0], Kinds[1]];
    expect(problems(withKinds([visit, { ...sale, name: 'visit' }]))).toEqual([
      { path: 'kinds[0].when', message: 'only the last kind may go without "when": the kinds after it could never match' },
      { path: 'kinds[1].name', message: "two kinds are named 'visit'" },
    ]);
  });

  it('rejects a condition with two tests', () => {
    expect(problems(withKinds([{ ...valid.kinds[0], when: { path: 'type', equals: 'sale', present: true } }]))).toEqual([
      { path: 'kinds[0].when[0]', message: 'a condition needs exactly one of "equals", "in" or "present"' },
    ]);
  });

  it('rejects enum constants and value-map results that are not symbols of the field', () => {
    expect(problems(withSale({ channel: 'SHOP' }))).toEqual([
      { path: 'kinds[0].purchase.channel.const', message: "'SHOP' is not one of ONLINE, STORE, WHOLESALE, OTHER" },
    ]);
    expect(problems(withSale({ channel: { from: 'where', map: { web: 'ONLINE', till: 'TILL' } } }))).toEqual([
      { path: 'kinds[0].purchase.channel.map.till', message: "'TILL' is not one of ONLINE, STORE, WHOLESALE, OTHER" },
    ]);
  });

  it('rejects a bare string where a text field needs a rule, so a path is never taken for a constant', () => {
    expect(problems(withSale({ orderId: 'id' }))).toEqual([
      {
        path: 'kinds[0].purchase.orderId',
        message: 'expected a rule: { "from": "payload.path" }, { "join": ["a", "b"] } or { "const": value }',
      },
    ]);
  });

  it('rejects making optional a field the canonical model cannot do without', () => {
    expect(problems(withSale({ currency: { from: 'currency', required: false } }))).toEqual([
      { path: 'kinds[0].purchase.currency.required', message: 'the canonical model cannot do without this field: it is always required' },
    ]);
  });

  it('rejects a rule with two sources, a misspelt key and a path with an empty segment', () => {
    expect(
      problems(withSale({ orderId: { from: 'id', const: 'x' }, storeId: { form: 'store' }, terminalId: { from: 'till..id' } })),
    ).toEqual([
      { path: 'kinds[0].purchase.orderId', message: 'a rule needs exactly one of "from", "join" or "const"' },
      { path: 'kinds[0].purchase.storeId', message: "Unrecognized key(s) in object: 'form'" },
      { path: 'kinds[0].purchase.storeId', message: 'a rule needs exactly one of "from", "join" or "const"' },
      { path: 'kinds[0].purchase.terminalId.from', message: expect.stringMatching(/^not a payload path/) as string },
    ]);
  });

  it('rejects a kind without the rules of its event type, or with the rules of another', () => {
    expect(problems(withKinds([{ name: 'view', eventType: 'PURCHASE', engagement: { kind: 'PAGE_VIEW' } }]))).toEqual([
      { path: 'kinds[0].purchase', message: 'Required' },
      { path: 'kinds[0]', message: "Unrecognized key(s) in object: 'engagement'" },
    ]);
  });

  it('rejects an order line with both a line total and a unit price', () => {
    const lines = [{ each: 'items[]', sku: { from: 'sku' }, netAmountMinor: { from: 'total' }, unitNetAmount: { from: 'price' } }];
    expect(problems(withSale({ lines }))).toEqual([
      {
        path: 'kinds[0].purchase.lines[0]',
        message: 'a line needs exactly one of "netAmountMinor" (the line total) or "unitNetAmount" (the price of one unit)',
      },
    ]);
  });

  it('rejects a kind that has no rule for a record field, here or in the common record', () => {
    expect(problems({ ...valid, record: { eventId: { from: 'id' }, sourceRecordId: { from: 'card' } } })).toEqual([
      { path: 'kinds[0].record.occurredAt', message: 'occurredAt needs a rule, here or in the common "record"' },
      { path: 'kinds[1].record.occurredAt', message: 'occurredAt needs a rule, here or in the common "record"' },
    ]);
  });

  it('lists every problem of the file at once, each with its path', () => {
    expect(problems({ source: 'Kiosk', description: '', defaultMarket: 'UK', kinds: [] }).map((p) => p.path)).toEqual([
      'source',
      'description',
      'defaultMarket',
      'kinds',
    ]);
  });

  it('throws InvalidMapping naming the file and listing its problems', () => {
    expect(() => parseSourceMapping({ ...valid, defaultMarket: 'uk' }, 'mappings/kiosk.json')).toThrow(
      new InvalidMapping('mappings/kiosk.json', [
        { path: 'defaultMarket', message: 'not an ISO 3166-1 alpha-2 country code (upper case)' },
      ]),
    );
    expect(() => parseSourceMapping({ ...valid, defaultMarket: 'uk' }, 'mappings/kiosk.json')).toThrow(
      'invalid mapping mappings/kiosk.json:\n  defaultMarket: not an ISO 3166-1 alpha-2 country code (upper case)',
    );
  });

  it('rejects a file not named after its source', () => {
    expect(() => parseSourceMapping(valid, 'mappings/pos.json')).toThrow("source: the file of source 'kiosk' must be named kiosk.json");
  });
});
