// Whether two parties are the same JSON value. A record's stored party comes back from Postgres as
// jsonb, whose objects list their keys in jsonb's own order (shorter keys first), while an event's
// party comes from the Avro decoder in schema order, as instances of its record classes: comparing
// their JSON.stringify texts called every cold-loaded record changed by every event about it, and
// node's isDeepStrictEqual (like the deep-equal packages) tells the two apart by their prototypes.

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json | undefined };

/** Equal as JSON: the same keys with equal values whatever their order (undefined as absent), arrays element by element. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  const x = a as { readonly [key: string]: Json | undefined };
  const y = b as { readonly [key: string]: Json | undefined };
  let keys = 0;
  for (const key of Object.keys(x)) {
    if (x[key] === undefined) continue;
    keys++;
    if (!Object.hasOwn(y, key) || !sameJson(x[key], y[key])) return false;
  }
  for (const key of Object.keys(y)) if (y[key] !== undefined) keys--;
  return keys === 0;
}
