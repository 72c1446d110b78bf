// Segments are CEL expressions over a profile's attributes and insights. They are checked
// against the declared variables when loaded, so a typo fails at boot, not per event.
import { Environment } from '@marcbachmann/cel-js';
import { z } from 'zod';
import type { ProfileInsights } from '@c360/schemas';

export const segmentDefinitionSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  description: z.string().default(''),
  expression: z.string().min(1),
});
export type SegmentDefinition = z.infer<typeof segmentDefinitionSchema>;

/** The variables a segment expression can use, with their CEL types. */
export const SEGMENT_VARIABLES = {
  ltv: 'double',
  orderCount: 'int',
  currency: 'string',
  daysSinceLastPurchase: 'double',
} as const;

export type SegmentContext = { ltv: number; orderCount: bigint; currency: string; daysSinceLastPurchase: number };

const DAY_MS = 86_400_000;

/** The evaluation context of a profile: money in major units of the reporting currency. */
export function contextFromInsights(insights: ProfileInsights, minorDigits: number, now: number): SegmentContext {
  return {
    ltv: insights.lifetimeValueMinor / 10 ** minorDigits,
    orderCount: BigInt(insights.orderCount),
    currency: insights.reportingCurrency,
    daysSinceLastPurchase: insights.lastPurchaseAt === null ? Number.POSITIVE_INFINITY : (now - insights.lastPurchaseAt) / DAY_MS,
  };
}

type Program = (context: SegmentContext) => unknown;

export class CompiledSegment {
  /** The variables the expression mentions, for the reason of a transition. */
  private readonly used: readonly (keyof SegmentContext)[];

  constructor(
    readonly definition: SegmentDefinition,
    private readonly program: Program,
  ) {
    this.used = (Object.keys(SEGMENT_VARIABLES) as (keyof SegmentContext)[]).filter((k) => new RegExp(`\\b${k}\\b`).test(definition.expression));
  }

  /** Whether the profile is a member; an evaluation error counts as not a member. */
  evaluate(context: SegmentContext): boolean {
    try {
      return this.program(context) === true;
    } catch {
      return false;
    }
  }

  /** A human-readable reason: the expression and the values it saw. */
  explain(context: SegmentContext, member: boolean): string {
    const used = this.used.map((k) => `${k}=${String(context[k])}`).join(', ');
    return `${member ? '' : 'not '}(${this.definition.expression}) with ${used}`;
  }
}

/**
 * Parses and type-checks the expression once: the program it returns evaluates without either
 * (Environment.evaluate would parse and check on every call).
 */
export function compileSegment(definition: SegmentDefinition): CompiledSegment {
  const env = new Environment();
  for (const [name, type] of Object.entries(SEGMENT_VARIABLES)) env.registerVariable(name, type);
  let program: ReturnType<Environment['parse']>;
  try {
    program = env.parse(definition.expression);
  } catch (error) {
    throw new Error(`segment ${definition.id}: ${(error as Error).message}`);
  }
  const checked = program.check();
  if (!checked.valid) throw new Error(`segment ${definition.id}: ${checked.error?.message ?? 'invalid expression'}`);
  if (String(checked.type) !== 'bool') throw new Error(`segment ${definition.id}: expression is ${String(checked.type)}, not bool`);
  return new CompiledSegment(definition, (context) => program(context));
}

export interface MembershipTransition {
  readonly segmentId: string;
  readonly change: 'ENTERED' | 'EXITED';
  readonly reason: string;
}

/** The transitions for one profile, given its membership before and its new context. */
export function transitions(
  segments: readonly CompiledSegment[],
  before: ReadonlySet<string>,
  context: SegmentContext,
): MembershipTransition[] {
  const out: MembershipTransition[] = [];
  for (const segment of segments) {
    const member = segment.evaluate(context);
    const was = before.has(segment.definition.id);
    if (member !== was) out.push({ segmentId: segment.definition.id, change: member ? 'ENTERED' : 'EXITED', reason: segment.explain(context, member) });
  }
  return out;
}
