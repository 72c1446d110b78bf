import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { QualityTracker, type Observation } from '@c360/ingestor-domain';
import { Topics, type DataQualityReport } from '@c360/schemas';
import { Publisher } from '@c360/messaging';
import { MetricsRegistry } from '@c360/platform';
import { INGESTOR_CONFIG } from './ingestor.tokens';
import type { IngestorConfig } from './ingestor.config';

/**
 * Counts completeness, validity, freshness and conformance per source and market over windows,
 * publishes a snapshot per window on the quality topic, and raises drift alerts (an event on
 * that topic and a log line) when a source breaks from its trailing baseline.
 */
@Injectable()
export class QualityService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QualityService.name);
  private readonly tracker: QualityTracker;
  private timer?: NodeJS.Timeout;
  private readonly completeness: Gauge<'source' | 'market' | 'field'>;
  private readonly unmapped: Gauge<'source' | 'market'>;
  private readonly alerts: Counter<'source' | 'kind'>;

  constructor(
    @Inject(INGESTOR_CONFIG) private readonly config: IngestorConfig,
    private readonly publisher: Publisher,
    metrics: MetricsRegistry,
  ) {
    this.tracker = new QualityTracker(config.INSTANCE_ID, Date.now());
    this.completeness = new Gauge({
      name: 'c360_ingest_completeness_ratio',
      help: 'Share of accepted events carrying each canonical field, over the last quality window.',
      labelNames: ['source', 'market', 'field'],
      registers: [metrics],
    });
    this.unmapped = new Gauge({
      name: 'c360_ingest_unmapped_fields',
      help: 'Distinct payload paths no mapping rule reads, seen in the last quality window.',
      labelNames: ['source', 'market'],
      registers: [metrics],
    });
    this.alerts = new Counter({
      name: 'c360_ingest_drift_alerts_total',
      help: 'Drift alerts raised, by source and kind.',
      labelNames: ['source', 'kind'],
      registers: [metrics],
    });
  }

  observe(observation: Observation): void {
    this.tracker.observe(observation);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), this.config.QUALITY_WINDOW_SECONDS * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** Ends the window now and publishes its reports. */
  async flush(): Promise<DataQualityReport[]> {
    const reports = this.tracker.closeWindow(Date.now());
    for (const r of reports) {
      if (r.kind === 'SNAPSHOT') {
        for (const [field, share] of Object.entries(r.completeness)) this.completeness.set({ source: r.source, market: r.market, field }, share);
        this.unmapped.set({ source: r.source, market: r.market }, Object.keys(r.unmappedFields).length);
      } else {
        for (const a of r.alerts) {
          this.alerts.inc({ source: r.source, kind: a.kind });
          this.logger.warn(`data quality drift: ${a.message}`);
        }
      }
    }
    try {
      await this.publisher.publish(
        Topics.quality,
        reports.map((r) => ({ key: `${r.source}:${r.market}`, value: r })),
      );
    } catch (error) {
      // Quality reports are observations, not data: a lost window is logged, never fatal.
      this.logger.error(`could not publish ${reports.length} quality reports: ${String(error)}`);
    }
    return reports;
  }
}
