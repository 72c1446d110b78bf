/**
 * A Postgres array literal ('{"a","b"}', '{1,2}') of `values`, to pass as a `$n::text[]` (or
 * `::int[]`) parameter. node-postgres converts a JS array itself, but one element at a time into a
 * growing string, a few hundred bytes of garbage per element; the resolver sends arrays of tens of
 * thousands of ids per batch, and that conversion was a twentieth of everything it allocated.
 *
 * JSON quotes strings as an array literal does (`"`, `\"`, `\\`), so the literal is JSON's text
 * with braces for brackets, made in one native pass. JSON's other escapes (`\n`, `\u0001`, a lone
 * surrogate) mean something else in an array literal: a value that needs one is quoted here
 * instead, where only `"` and `\` need a backslash. A null element is NULL in both.
 */
export function pgArray(values: readonly (string | number | null)[]): string {
  const json = JSON.stringify(values);
  if (!/\\[^"\\]/.test(json)) return `{${json.slice(1, -1)}}`;
  return `{${values.map((v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `"${v.replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}
