import { timingSafeEqual } from 'node:crypto';
import {
  BadRequestException,
  Controller,
  Headers as RequestHeaders,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Req,
  UnauthorizedException,
} from '@nestjs/common';
import { Publisher } from '@c360/messaging';
import { Topics, type CanonicalEvent, type DeadLetter } from '@c360/schemas';
import type { Outgoing } from '@c360/messaging';
import { IngestionService } from './ingestion.service';
import { INGESTOR_CONFIG } from './ingestor.tokens';
import type { IngestorConfig } from './ingestor.config';
import { MappingRegistry } from './mapping-registry.service';

export interface CollectResponse {
  readonly accepted: number;
  readonly rejected: number;
  /** One entry per rejected payload; index is its position in the request (0 for a single object). */
  readonly rejections: readonly { index: number; reasonCode: string; reason: string; field: string | null }[];
}

/**
 * HTTP collect for systems that cannot produce to Kafka: one payload (a JSON object) or a batch
 * (a JSON array) per request, authenticated with the source's API key, mapped by the same path as
 * the source's topic. Accepted events are on the canonical topic and rejected payloads on the
 * dead-letter topic before the 202 is sent.
 */
@Controller('v1/sources')
export class CollectController {
  constructor(
    @Inject(INGESTOR_CONFIG) private readonly config: IngestorConfig,
    private readonly registry: MappingRegistry,
    private readonly ingestion: IngestionService,
    private readonly publisher: Publisher,
  ) {}

  @Post(':source/events')
  @HttpCode(202)
  async collect(
    @Param('source') source: string,
    @RequestHeaders('authorization') authorization: string | undefined,
    @RequestHeaders('x-api-key') apiKey: string | undefined,
    @Req() request: { body?: unknown },
  ): Promise<CollectResponse> {
    const mapping = this.registry.get(source);
    if (!mapping) throw new NotFoundException({ reasonCode: 'unknown-source', message: `no source named '${source}'` });
    this.authenticate(source, apiKey ?? authorization?.replace(/^Bearer\s+/i, ''));

    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    let payloads: Buffer[];
    try {
      const parsed: unknown = JSON.parse(body.toString('utf8'));
      payloads = Array.isArray(parsed) ? parsed.map((item) => Buffer.from(JSON.stringify(item))) : [body];
    } catch (error) {
      await this.deadLetter(source, [{ bytes: body, reasonCode: 'invalid-json', reason: `request body is not JSON: ${(error as Error).message}` }]);
      throw new BadRequestException({ reasonCode: 'invalid-json', message: `request body is not JSON: ${(error as Error).message}` });
    }

    const outcomes = this.ingestion.ingest(mapping, payloads);
    const accepted: Outgoing<CanonicalEvent>[] = [];
    const rejections: CollectResponse['rejections'][number][] = [];
    const letters: { bytes: Buffer; reasonCode: string; reason: string; field?: string }[] = [];
    outcomes.forEach((o, index) => {
      if (o.ok) return accepted.push(o.message);
      rejections.push({ index, reasonCode: o.reasonCode, reason: o.reason, field: o.field ?? null });
      letters.push({ bytes: payloads[index]!, reasonCode: o.reasonCode, reason: o.reason, field: o.field });
    });
    await this.publisher.publish(Topics.canonicalEvents, accepted);
    await this.deadLetter(source, letters);
    return { accepted: accepted.length, rejected: rejections.length, rejections };
  }

  private authenticate(source: string, presented: string | undefined): void {
    const expected = this.config.SOURCE_API_KEYS.get(source);
    const ok = expected !== undefined && presented !== undefined && presented.length === expected.length && timingSafeEqual(Buffer.from(presented), Buffer.from(expected));
    if (!ok) throw new UnauthorizedException({ reasonCode: 'unauthorized', message: `a valid API key for source '${source}' is required (X-API-Key or Authorization: Bearer)` });
  }

  private async deadLetter(source: string, letters: readonly { bytes: Buffer; reasonCode: string; reason: string; field?: string }[]): Promise<void> {
    const failedAt = Date.now();
    const values: Outgoing<DeadLetter>[] = letters.map((l) => ({
      key: null,
      value: {
        service: 'ingestor',
        consumerGroup: 'http-collect',
        sourceTopic: `http:/v1/sources/${source}/events`,
        sourcePartition: -1,
        sourceOffset: -1,
        reasonCode: l.reasonCode,
        reason: l.reason,
        field: l.field ?? null,
        source,
        originalKey: null,
        originalValue: l.bytes,
        originalHeaders: {},
        failedAt,
      },
    }));
    await this.publisher.publish(Topics.deadLetterIngestor, values);
  }
}
