import { describe, expect, it } from 'vitest';
import { renderSummary, type PhaseSummary, type Summary } from './summary';

const phase: PhaseSummary = {
  events: 15_000,
  rate: 5_000,
  produceMs: 100_000,
  pipelineMs: 120_000,
  gaveUp: null,
  stillBehind: [],
  queueLimit: 3_000,
  lagTally: [
    { service: 'ingestor', mean: 20, peak: 900 },
    { service: 'resolver', mean: 2_500, peak: 3_000 },
  ],
  timedEvents: 15_000,
};
const prf = { precision: 0.9, recall: 0.4, f1: 0.5538 };

const summary = (over: Partial<Summary> = {}): Summary => ({
  persons: 1_000,
  seed: 7,
  end: '2026-11-23',
  messages: 15_600,
  sources: 8,
  bad: 76,
  duplicates: 76,
  bulk: phase,
  atRest: null,
  truthRecords: 5_000,
  resolverRecords: 5_000,
  profiles: 2_500,
  scores: { records: 5_000, pairwise: prf, bcubed: prf, household: prf, worstFalseMerges: [], worstMissedLinks: [], unknownRecords: 0 },
  linkRules: [
    ['first-record', 2_500],
    ['email', 2_000],
  ],
  households: 0,
  trueHouseholds: 120,
  currency: 'EUR',
  ltvProfiles: [1_000, 20_000],
  ltvPersons: [21_000],
  ltvCheck: { profiles: 2, onePerson: 2, exact: 1, onePersonBuyers: 2, exactBuyers: 1 },
  churnColumns: [],
  churnedPersons: 170,
  segments: [{ id: 'high-value', members: 300, membersAll: 900, entered: 320, exited: 20 }],
  changesArrived: 340,
  latencyBulk: { samples: 2, p50: 12_000, p99: 30_000, max: 31_000 },
  latencyAtRest: null,
  sampleStep: 1,
  deadLetters: [['invalid-json', 76]],
  badByReason: [['invalid-json', 76]],
  topicsAdded: [['src.pos.v1', 5_000]],
  ...over,
});

describe('renderSummary', () => {
  it('names the service that set the pace and what 20,000 persons would take at it', () => {
    const text = renderSummary(summary()).join('\n');
    expect(text).toContain('resolver 2,500 (3,000)');
    expect(text).toContain('the resolver set the pace');
    expect(text).not.toContain('PARTIAL');
    // 15.6 events a person, 125 events/s end to end: 312,000 events in 2,496 s.
    expect(text).toContain('20,000 persons (about 312,000 events) would take about 42 min');
  });

  it('says what is not computed yet instead of showing a figure, and counts the households found', () => {
    const text = renderSummary(summary()).join('\n');
    expect(text).toMatch(/households\s+0 households of several profiles found/);
    expect(text).toMatch(/churn\s+not computed yet \(insights issue\); the ground truth has 170 churners \(17\.0 %\)/);
    expect(text).toContain('links inside profiles by rule: first-record 2,500, email 2,000');
  });

  it('says when the pipeline did not catch up, and by how much', () => {
    const stuck = {
      ...phase,
      pipelineMs: null,
      gaveUp: 'no service committed anything for 90 s while messages waited',
      stillBehind: [{ service: 'resolver', lag: 2_000 }],
    };
    const text = renderSummary(summary({ bulk: stuck })).join('\n');
    expect(text).toContain('NOT caught up (no service committed anything for 90 s while messages waited): resolver 2,000 behind');
    expect(text).toMatch(/^ {2}PARTIAL {6}the pipeline did not catch up/m);
    expect(text).toContain('look at tmp/demo-logs/resolver.log');
    expect(text).not.toContain('would take about');
  });
});
