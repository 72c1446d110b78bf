// What every service desk sample becomes. The samples are the contract with the sources (and the
// synthetic data generator); each expected canonical event is written out whole.
import { describe, expect, it } from 'vitest';
import { INGESTED_AT, mapSample } from './sample-harness';

describe('service samples', () => {
  it('ticket-created.json: a ticket opened: a SERVICE_CASE of the contact; the Japanese name split family first, the mobile in E.164 (the subject is free text, not mapped)', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('service', 'ticket-created.json');
    expect(event).toEqual({
      eventId: 'service:58231:ticket.created:2026-03-10T11:20:00+09:00',
      eventType: 'SERVICE_CASE',
      source: 'service',
      sourceRecordId: 'C-77120',
      market: 'JP',
      occurredAt: Date.UTC(2026, 2, 10, 2, 20),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: { given: '太郎', family: '山田', full: '山田 太郎', givenKey: 'tailang', familyKey: 'shantian' },
        dateOfBirth: null,
        emails: [{ address: 'taro.yamada@example.jp', use: 'UNKNOWN' }],
        phones: [{ number: '+819012345678', use: 'UNKNOWN', lineType: 'MOBILE' }],
        addresses: [],
        identifiers: [
          { type: 'SERVICE_CONTACT_ID', value: 'C-77120', issuer: 'service' },
          { type: 'EMAIL', value: 'taro.yamada@example.jp', issuer: null },
          { type: 'PHONE', value: '+819012345678', issuer: null },
        ],
        organisation: null,
        consents: [],
        extensions: {},
      },
      purchase: null,
      purchaseReturn: null,
      engagement: null,
      serviceCase: { caseId: '58231', status: 'OPENED', topic: 'delivery', contactChannel: 'email' },
      npsResponse: null,
      loyaltyChange: null,
      registerUpdate: null,
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual(['ticket.subject']);
  });

  it('ticket-created-kana.json: a ticket with the name in kana: kept as the jp.nameKana market extension', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('service', 'ticket-created-kana.json');
    expect(event).toEqual({
      eventId: 'service:58302:ticket.created:2026-03-18T10:05:00+09:00',
      eventType: 'SERVICE_CASE',
      source: 'service',
      sourceRecordId: 'C-77121',
      market: 'JP',
      occurredAt: Date.UTC(2026, 2, 18, 1, 5),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: { given: '花子', family: '佐藤', full: '佐藤 花子', givenKey: 'huazi', familyKey: 'zuoteng' },
        dateOfBirth: null,
        emails: [{ address: 'hanako.sato@example.jp', use: 'UNKNOWN' }],
        phones: [{ number: '+81312345678', use: 'UNKNOWN', lineType: 'FIXED_LINE' }],
        addresses: [],
        identifiers: [
          { type: 'SERVICE_CONTACT_ID', value: 'C-77121', issuer: 'service' },
          { type: 'EMAIL', value: 'hanako.sato@example.jp', issuer: null },
          { type: 'PHONE', value: '+81312345678', issuer: null },
        ],
        organisation: null,
        consents: [],
        extensions: { 'jp.nameKana': 'サトウ ハナコ' },
      },
      purchase: null,
      purchaseReturn: null,
      engagement: null,
      serviceCase: { caseId: '58302', status: 'OPENED', topic: 'returns', contactChannel: 'phone' },
      npsResponse: null,
      loyaltyChange: null,
      registerUpdate: null,
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual(['ticket.subject']);
  });

  it('ticket-solved.json: a ticket solved: the case RESOLVED', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('service', 'ticket-solved.json');
    expect(event).toEqual({
      eventId: 'service:58231:ticket.solved:2026-03-11T15:00:00+09:00',
      eventType: 'SERVICE_CASE',
      source: 'service',
      sourceRecordId: 'C-77120',
      market: 'JP',
      occurredAt: Date.UTC(2026, 2, 11, 6),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: null,
        dateOfBirth: null,
        emails: [{ address: 'taro.yamada@example.jp', use: 'UNKNOWN' }],
        phones: [],
        addresses: [],
        identifiers: [
          { type: 'SERVICE_CONTACT_ID', value: 'C-77120', issuer: 'service' },
          { type: 'EMAIL', value: 'taro.yamada@example.jp', issuer: null },
        ],
        organisation: null,
        consents: [],
        extensions: {},
      },
      purchase: null,
      purchaseReturn: null,
      engagement: null,
      serviceCase: { caseId: '58231', status: 'RESOLVED', topic: 'delivery', contactChannel: 'email' },
      npsResponse: null,
      loyaltyChange: null,
      registerUpdate: null,
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual([]);
  });

  it('nps.json: a survey answer: an NPS_RESPONSE linked to its ticket', () => {
    const { event, droppedFields, unmappedPaths } = mapSample('service', 'nps.json');
    expect(event).toEqual({
      eventId: 'service:NPS-99102',
      eventType: 'NPS_RESPONSE',
      source: 'service',
      sourceRecordId: 'C-77120',
      market: 'JP',
      occurredAt: Date.UTC(2026, 2, 12),
      ingestedAt: INGESTED_AT,
      profileId: null,
      party: {
        name: null,
        dateOfBirth: null,
        emails: [{ address: 'taro.yamada@example.jp', use: 'UNKNOWN' }],
        phones: [],
        addresses: [],
        identifiers: [
          { type: 'SERVICE_CONTACT_ID', value: 'C-77120', issuer: 'service' },
          { type: 'EMAIL', value: 'taro.yamada@example.jp', issuer: null },
        ],
        organisation: null,
        consents: [],
        extensions: {},
      },
      purchase: null,
      purchaseReturn: null,
      engagement: null,
      serviceCase: null,
      npsResponse: { surveyId: 'NPS-99102', score: 9, caseId: '58231', comment: 'Fast help, thanks' },
      loyaltyChange: null,
      registerUpdate: null,
    });
    expect(droppedFields).toEqual([]);
    expect(unmappedPaths).toEqual([]);
  });
});
