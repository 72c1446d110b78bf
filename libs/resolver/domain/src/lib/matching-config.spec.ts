import { describe, expect, it } from 'vitest';
import { checkMatchingConfig, parseMatchingConfig, MatchingConfigError, maxRecordsPerValue, sharedValueLimit } from './matching-config';
import { defaultConfigFile } from '../testing/fixtures';

type Json = Record<string, unknown>;
const clone = (): Json => JSON.parse(JSON.stringify(defaultConfigFile())) as Json;
const problemsOf = (content: unknown) => checkMatchingConfig(content).problems;
const ruleAt = (file: Json, name: string) => (file['rules'] as Json[]).findIndex((r) => r['name'] === name);

describe('matching configuration', () => {
  it('accepts the default file and compiles it', () => {
    const config = parseMatchingConfig(defaultConfigFile());
    expect([...config.identifierRank.keys()]).toEqual([
      'LOYALTY_ID',
      'ECOMMERCE_ACCOUNT',
      'WHOLESALE_BUYER_ID',
      'SERVICE_CONTACT_ID',
      'SUBSCRIBER_KEY',
      'EMAIL',
      'PHONE',
      'COOKIE_ID',
      'DEVICE_ID',
    ]);
    expect(config.issuerScoped.has('LOYALTY_ID')).toBe(true);
    expect(config.rules.map((r) => r.name)).toContain('name-dob-postcode');
    expect(config.blockedValues.get('EMAIL')?.has('test@test.com')).toBe(true);
    expect(sharedValueLimit(config, 'PHONE')).toBe(1);
    expect(sharedValueLimit(config, 'LOYALTY_ID')).toBe(Number.POSITIVE_INFINITY);
    expect(maxRecordsPerValue(config, 'DEVICE_ID')).toBe(50);
    expect(maxRecordsPerValue(config, 'LOYALTY_ID')).toBe(500);
  });

  it('fills a name condition from the defaults of its test unless it says otherwise', () => {
    const file = clone();
    (file['rules'] as Json[])[0]!['all'] = [
      { kind: 'identifier', type: 'LOYALTY_ID' },
      { kind: 'given-name', test: 'similar' },
      { kind: 'family-name', test: 'similar', methods: ['exact'], threshold: 1 },
    ];
    const rule = parseMatchingConfig(file).rules[0]!;
    expect(rule.names[0]!.name).toEqual({ methods: ['exact', 'nickname', 'jaro-winkler', 'edit-distance'], threshold: 0.9 });
    expect(rule.names[1]!.name).toEqual({ methods: ['exact'], threshold: 1 });
  });

  it('names the path of every problem', () => {
    const file = clone();
    const rules = file['rules'] as Json[];
    const [fuzzy, email, mobile] = [ruleAt(file, 'name-dob-postcode'), ruleAt(file, 'same-email'), ruleAt(file, 'same-mobile')];
    (rules[fuzzy]!['all'] as Json[])[0]!['threshold'] = 1.5;
    (rules[email]!['all'] as Json[])[0]!['type'] = 'OTHER';
    ((file['protection'] as Json)['blockedPatterns'] as Json)['PHONE'] = ['(unclosed'];
    rules[mobile]!['name'] = 'same-email';
    expect(problemsOf(file)).toEqual(
      expect.arrayContaining([
        { path: `rules[${fuzzy}].all[0].threshold`, message: expect.stringContaining('less than or equal to 1') },
        { path: 'protection.blockedPatterns.PHONE[0]', message: expect.stringContaining('not a regular expression') },
      ]),
    );
    // Refinements run once the shape is valid; fix the shape and they report too.
    (rules[fuzzy]!['all'] as Json[])[0]!['threshold'] = 0.9;
    ((file['protection'] as Json)['blockedPatterns'] as Json)['PHONE'] = [];
    expect(problemsOf(file)).toEqual([
      { path: `rules[${email}].all[0].type`, message: 'OTHER is not in "identifiers"' },
      { path: `rules[${mobile}].name`, message: "rule name 'same-email' is used twice" },
    ]);
  });

  it('refuses a rule too weak to tell persons apart', () => {
    const file = clone();
    const rules = file['rules'] as Json[];
    rules.push({ name: 'postcode-only', all: [{ kind: 'postcode' }, { kind: 'given-name', test: 'compatible' }] });
    expect(problemsOf(file)).toEqual([
      { path: `rules[${rules.length - 1}].all`, message: expect.stringContaining('at least 3 conditions') },
    ]);
  });

  it('counts a dwelling as much as a name and an address: a household rule may rest on it alone', () => {
    const file = clone();
    const households = (file['households'] as Json)['rules'] as Json[];
    households.push({ name: 'dwelling-only', all: [{ kind: 'dwelling' }] });
    households.push({ name: 'address-only', all: [{ kind: 'address' }, { kind: 'name-present', on: 'both' }] });
    expect(problemsOf(file)).toEqual([
      { path: `households.rules[${households.length - 1}].all`, message: expect.stringContaining('at least 2 conditions') },
    ]);
  });

  it('checks the patterns of household values', () => {
    const file = clone();
    ((file['protection'] as Json)['householdValues'] as Json[]).push({ type: 'EMAIL', patterns: ['(unclosed'] });
    expect(problemsOf(file)[0]).toMatchObject({ message: expect.stringContaining('not a regular expression') });
  });

  it('refuses unknown fields and kinds', () => {
    const file = clone();
    file['rulez'] = [];
    ((file['rules'] as Json[])[0]!['all'] as Json[]).push({ kind: 'shoe-size' });
    const paths = problemsOf(file).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['(file)', 'rules[0].all[4].kind']));
  });

  it('throws one error listing the problems', () => {
    expect(() => parseMatchingConfig({ version: 2 })).toThrow(MatchingConfigError);
  });

  it('changes the evidence fingerprint when protection changes, not when a rule does', () => {
    const base = parseMatchingConfig(clone()).evidenceFingerprint;
    const ruleChanged = clone();
    (ruleChanged['rules'] as Json[])[0]!['score'] = 0.5;
    expect(parseMatchingConfig(ruleChanged).evidenceFingerprint).toBe(base);
    const listChanged = clone();
    (((listChanged['protection'] as Json)['blockedValues'] as Json)['PHONE'] as string[]).push('+493055500001');
    expect(parseMatchingConfig(listChanged).evidenceFingerprint).not.toBe(base);
  });
});
