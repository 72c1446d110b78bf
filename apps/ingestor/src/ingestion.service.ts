import { Injectable, Logger } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { mapNative, type SourceMapping } from '@c360/ingestor-domain';
import { Headers, type CanonicalEvent } from '@c360/schemas';
import type { Outgoing } from '@c360/messaging';
import { MetricsRegistry } from '@c360/platform';
import { MappingRegistry } from './mapping-registry.service';
import { QualityService } from './quality.service';

export type IngestOutcome =
  | { readonly ok: true; readonly message: Outgoing<CanonicalEvent> }
  | { readonly ok: false; readonly reasonCode: string; readonly reason: string; readonly field?: string };

/**
 * The one ingestion path, shared by the Kafka source topics, HTTP collect and bulk loading:
 * map each native payload with its source's mapping, count what quality needs, and hand back
 * canonical events keyed by source record, or the reason a payload cannot be used.
 */
@Injectable()
export class IngestionService {
  private readonly logger = new Logger(IngestionService.name);
  private readonly records: Counter<'source' | 'outcome' | 'reason'>;
  private readonly dropped: Counter<'source' | 'field'>;
  private readonly freshness: Histogram<'source'>;

  constructor(
    private readonly registry: MappingRegistry,
    private readonly quality: QualityService,
    metrics: MetricsRegistry,
  ) {
    this.records = new Counter({
      name: 'c360_ingest_records_total',
      help: 'Native payloads by source and outcome (accepted, or rejected with its reason code).',
      labelNames: ['source', 'outcome', 'reason'],
      registers: [metrics],
    });
    this.dropped = new Counter({
      name: 'c360_ingest_invalid_optional_fields_total',
      help: 'Optional values dropped as invalid while the record went on, by source and source path.',
      labelNames: ['source', 'field'],
      registers: [metrics],
    });
    this.freshness = new Histogram({
      name: 'c360_ingest_freshness_seconds',
      help: 'Time from the event at the source to its ingestion.',
      labelNames: ['source'],
      buckets: [0.1, 0.5, 1, 5, 30, 60, 300, 900, 3600, 6 * 3600, 86400, 7 * 86400],
      registers: [metrics],
    });
  }

  ingest(mapping: SourceMapping, payloads: readonly Buffer[]): IngestOutcome[] {
    const ctx = this.registry.context(Date.now());
    return payloads.map((bytes) => {
      const result = mapNative(mapping, bytes, ctx);
      if (!result.ok) {
        this.records.inc({ source: mapping.source, outcome: 'rejected', reason: result.reasonCode });
        this.quality.observe({ ok: false, source: mapping.source, market: '??', reasonCode: result.reasonCode });
        return { ok: false, reasonCode: result.reasonCode, reason: result.message, field: result.field };
      }
      const event = result.event;
      const market = event.market ?? mapping.defaultMarket;
      const freshnessMs = event.ingestedAt - event.occurredAt;
      this.records.inc({ source: mapping.source, outcome: 'accepted', reason: '' });
      this.freshness.observe({ source: mapping.source }, Math.max(0, freshnessMs) / 1000);
      for (const d of result.droppedFields) this.dropped.inc({ source: mapping.source, field: d.path });
      if (result.droppedFields.length > 0) {
        this.logger.warn(`${event.eventId}: dropped invalid optional ${result.droppedFields.map((d) => `${d.path} (${d.reason})`).join(', ')}`);
      }
      this.quality.observe({
        ok: true,
        source: mapping.source,
        market,
        fieldsPresent: result.fieldsPresent,
        droppedPaths: result.droppedFields.map((d) => d.path),
        unmappedPaths: result.unmappedPaths,
        freshnessMs,
      });
      return {
        ok: true,
        message: {
          key: `${event.source}:${event.sourceRecordId}`,
          value: event,
          headers: { [Headers.eventId]: event.eventId, [Headers.ingestedAt]: String(event.ingestedAt) },
        },
      };
    });
  }
}
