// pgArray's literals read back by a real Postgres as the values they were made from, the awkward
// ones included (quotes, backslashes, control characters, braces, the word NULL).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Client } from 'pg';
import { pgArray } from './pg-array';

describe('pgArray (Postgres)', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: inject('stack').DATABASE_URL });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
  });

  const roundTrip = async (values: readonly string[]) =>
    (await client.query<{ v: string[] }>('SELECT $1::text[] AS v', [pgArray(values)])).rows[0]!.v;

  it('reads back plain ids, and an empty array', async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `pos:r-${i}`);
    expect(await roundTrip(ids)).toEqual(ids);
    expect(await roundTrip([])).toEqual([]);
  });

  it('reads back values that need quoting or escaping, in the fast form and the fallback', async () => {
    const awkward = [
      'say "hi"',
      'back\\slash',
      'ends with \\',
      '{braces},comma',
      'NULL',
      '',
      ' spaced ',
      'Müller Straße 3',
      '東京都',
      '😀',
    ];
    expect(await roundTrip(awkward)).toEqual(awkward);
    const control = [...awkward, 'line\nbreak', 'tab\there', 'nul-less \u0001 control', 'literal \\n, not a newline'];
    expect(await roundTrip(control)).toEqual(control);
  });

  it('keeps null elements null, and the string NULL a string', async () => {
    const { rows } = await client.query<{ v: (string | null)[] }>('SELECT $1::text[] AS v', [pgArray(['h_1', null, 'NULL'])]);
    expect(rows[0]!.v).toEqual(['h_1', null, 'NULL']);
    const escaped = await client.query<{ v: (string | null)[] }>('SELECT $1::text[] AS v', [pgArray(['a\nb', null])]);
    expect(escaped.rows[0]!.v).toEqual(['a\nb', null]);
  });

  it('makes integer arrays', async () => {
    const { rows } = await client.query<{ v: number[] }>('SELECT $1::int[] AS v', [pgArray([0, 7, -3, 2_000_000])]);
    expect(rows[0]!.v).toEqual([0, 7, -3, 2_000_000]);
  });

  it('passes unnest two arrays of the same length, as the batch statements use them', async () => {
    const keys = ['EMAIL:a@b.c', 'PHONE:+4930"1', 'x\\y'];
    const ids = ['crm:1', 'web:2', 'pos:3'];
    const { rows } = await client.query<{ k: string; r: string }>('SELECT * FROM unnest($1::text[], $2::text[]) AS t(k, r)', [
      pgArray(keys),
      pgArray(ids),
    ]);
    expect(rows).toEqual(keys.map((k, i) => ({ k, r: ids[i] })));
  });
});
