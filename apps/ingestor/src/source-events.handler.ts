import { Injectable } from '@nestjs/common';
import { Topics, type CanonicalEvent } from '@c360/schemas';
import { ConsumeNativeSources, Publisher, RejectedInputError, type HandlerResult, type InboundMessage, type Outgoing, type Rejection } from '@c360/messaging';
import { IngestionService } from './ingestion.service';
import { MappingRegistry } from './mapping-registry.service';

/**
 * Maps the native payloads of every source topic to canonical events. Stateless: a redelivered
 * payload maps to the same event id, which the services downstream treat as a duplicate.
 */
@Injectable()
export class SourceEventsHandler {
  constructor(
    private readonly registry: MappingRegistry,
    private readonly ingestion: IngestionService,
    private readonly publisher: Publisher,
  ) {}

  @ConsumeNativeSources()
  async sourceEvents(messages: InboundMessage<Buffer>[]): Promise<HandlerResult> {
    // A batch is one partition of one topic, so one source.
    const mapping = this.registry.forTopic(messages[0]!.topic);
    if (!mapping) throw new Error(`no mapping for topic ${messages[0]!.topic}`); // subscribed from the mappings, so unreachable
    const outcomes = this.ingestion.ingest(
      mapping,
      messages.map((m) => m.value),
    );
    const out: Outgoing<CanonicalEvent>[] = [];
    const rejected: Rejection[] = [];
    outcomes.forEach((o, i) => {
      if (o.ok) out.push(o.message);
      else rejected.push({ message: messages[i]!, error: new RejectedInputError(o.reasonCode, o.reason, o.field, mapping.source) });
    });
    await this.publisher.publish(Topics.canonicalEvents, out);
    return { rejected };
  }
}
