/**
 * An error that reports bad input, an expected outcome rather than a bug: it carries no stack
 * trace, whose capture would cost more than mapping a payload.
 */
export class InputError extends Error {
  constructor(message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

/**
 * A source value that cannot become its canonical field. The message is the reason a dead letter
 * or a dropped-field entry carries, so it names the problem and never echoes personal data.
 */
export class InvalidValue extends InputError {
  override readonly name = 'InvalidValue';
}

/** What a value is, for messages: 'a number', 'an object', ... */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}
