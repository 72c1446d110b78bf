import { Injectable } from '@nestjs/common';
import { Topics, type CanonicalEvent } from '@c360/schemas';
import { Consume, type InboundMessage } from '@c360/messaging';
import { IdentityGraphService } from './identity-graph.service';

/**
 * Puts each canonical event's source record on a profile and re-publishes the event keyed by that
 * profile (its own bytes, profileId replaced). One transaction per batch holds the graph changes and the outputs (outbox), so a crash
 * leaves either all of a batch or none of it; redelivered events change nothing.
 */
@Injectable()
export class CanonicalEventsHandler {
  constructor(private readonly graph: IdentityGraphService) {}

  @Consume(Topics.canonicalEvents)
  async resolve(messages: InboundMessage<CanonicalEvent>[]): Promise<void> {
    // Avro topics hand over no tombstones: every message has its bytes.
    await this.graph.resolve(messages.map((m) => ({ value: m.value, bytes: m.raw.value! })));
  }
}
