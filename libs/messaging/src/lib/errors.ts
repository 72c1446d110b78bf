/**
 * Input that can never be processed: the message goes to the dead-letter topic with this reason,
 * and the rest of the batch goes on.
 */
export class RejectedInputError extends Error {
  constructor(
    readonly reasonCode: string,
    message: string,
    readonly field?: string,
    readonly source?: string,
  ) {
    super(message);
    this.name = 'RejectedInputError';
  }
}

/** A failure worth retrying (an unreachable dependency, a serialisation conflict). */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
  }
}

const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '40001', // Postgres serialization_failure
  '40P01', // Postgres deadlock_detected
  '55P03', // Postgres lock_not_available
  '53300', // Postgres too_many_connections
  '57P01', // Postgres admin_shutdown
  '57P03', // Postgres cannot_connect_now
]);

/** Whether an error is an infrastructure hiccup (retry) rather than a problem with the input. */
export function isTransient(error: unknown): boolean {
  if (error instanceof TransientError) return true;
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: unknown; retriable?: unknown; cause?: unknown; status?: unknown };
  if (typeof e.code === 'string' && (TRANSIENT_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  if (e.retriable === true) return true;
  if (typeof e.status === 'number' && e.status >= 500) return true;
  // The registry client reports network failures as HTTP errors with the socket's message.
  if (/Connection terminated|timeout exceeded when trying to connect|ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up/i.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== error && isTransient(e.cause);
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
