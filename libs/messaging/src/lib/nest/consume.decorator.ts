import { SetMetadata } from '@nestjs/common';
import type { TopicSpec } from '@c360/schemas';

export const CONSUME_METADATA = 'c360:consume';

export interface ConsumeOptions {
  /**
   * Deliver tombstones (null values on a compacted topic) to the handler as messages whose value
   * is null; by default they are skipped and counted.
   */
  readonly tombstones?: boolean;
}

export interface ConsumeMetadata extends ConsumeOptions {
  /** The topic handled, or 'native-sources' for every native source topic the service consumes. */
  readonly topic: TopicSpec | 'native-sources';
}

/**
 * Declares a provider method as the batch handler of a topic. The method receives the decoded
 * messages of one partition's batch and may return the ones it rejected as bad input.
 * Checked at startup: a subscribed topic without a handler, or two handlers for one topic,
 * stops the service.
 */
export const Consume = (topic: TopicSpec, options: ConsumeOptions = {}): MethodDecorator =>
  SetMetadata(CONSUME_METADATA, { topic, ...options } satisfies ConsumeMetadata);

/**
 * Declares a provider method as the batch handler of every native source topic the service
 * subscribes to: the ingestor learns its sources from mapping files at boot, so a new source
 * needs a file, not a handler. Each message says its topic.
 */
export const ConsumeNativeSources = (): MethodDecorator =>
  SetMetadata(CONSUME_METADATA, { topic: 'native-sources' } satisfies ConsumeMetadata);
