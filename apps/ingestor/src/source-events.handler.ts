import { Injectable, Logger } from '@nestjs/common';
import { Headers, Topics, type CanonicalEvent, type NativeTopic } from '@c360/schemas';
import { Consume, Publisher, RejectedInputError, type HandlerResult, type InboundMessage, type Outgoing, type Rejection } from '@c360/messaging';
import { mapNative } from '@c360/ingestor-domain';
import { MappingRegistry } from './mapping-registry.service';

/**
 * Maps native source payloads to canonical events. Stateless: a redelivered payload maps to the
 * same event id, which the services downstream treat as a duplicate.
 */
@Injectable()
export class SourceEventsHandler {
  private readonly logger = new Logger(SourceEventsHandler.name);

  constructor(
    private readonly registry: MappingRegistry,
    private readonly publisher: Publisher,
  ) {}

  @Consume(Topics.sourceEcommerceOrders)
  ecommerceOrders(messages: InboundMessage<Buffer>[]): Promise<HandlerResult> {
    return this.ingest(Topics.sourceEcommerceOrders, messages);
  }

  @Consume(Topics.sourcePosReceipts)
  posReceipts(messages: InboundMessage<Buffer>[]): Promise<HandlerResult> {
    return this.ingest(Topics.sourcePosReceipts, messages);
  }

  private async ingest(topic: NativeTopic, messages: InboundMessage<Buffer>[]): Promise<HandlerResult> {
    const mapping = this.registry.get(topic.source);
    if (!mapping) throw new Error(`no mapping for source ${topic.source}`); // checked at boot
    const ctx = this.registry.context(Date.now());
    const out: Outgoing<CanonicalEvent>[] = [];
    const rejected: Rejection[] = [];
    for (const message of messages) {
      const result = mapNative(mapping, message.value, ctx);
      if (!result.ok) {
        rejected.push({ message, error: new RejectedInputError(result.reasonCode, result.message, result.field, topic.source) });
        continue;
      }
      if (result.droppedFields.length > 0) this.logger.warn(`dropped invalid optional fields ${result.droppedFields.join(', ')}`, { source: topic.source });
      const event = result.event;
      out.push({
        key: `${event.source}:${event.sourceRecordId}`,
        value: event,
        headers: { [Headers.eventId]: event.eventId, [Headers.ingestedAt]: String(event.ingestedAt) },
      });
    }
    await this.publisher.publish(Topics.canonicalEvents, out);
    return { rejected };
  }
}
