import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The identity graph of the online engine (docs/matching.md, section 12): records with their
 * party, evidence and blocking keys; the indexes derived from them (blocking keys, identifier
 * values, addresses); links between records; value statuses; profiles, aliases, households and
 * steward decisions. It replaces the first graph (profiles of records sharing an identifier), which
 * holds nothing the new one can take over: replay the canonical topic to rebuild (docs/operations.md).
 */
export class OnlineIdentityGraph1732300000002 implements MigrationInterface {
  name = 'OnlineIdentityGraph1732300000002';

  async up(q: QueryRunner): Promise<void> {
    for (const t of ['links', 'profile_aliases', 'identifiers', 'source_records', 'profiles']) await q.query(`DROP TABLE IF EXISTS ${t}`);
    await q.query(`CREATE SEQUENCE record_seq`);
    await q.query(`CREATE SEQUENCE profile_seq`);
    await q.query(`CREATE TABLE records (
      record_id text PRIMARY KEY,
      seq bigint NOT NULL,
      party jsonb,
      observed_at bigint NOT NULL,
      evidence text NOT NULL,
      fingerprint text NOT NULL,
      keys text[] NOT NULL,
      profile_id text,
      deleted boolean NOT NULL DEFAULT false,
      first_seen_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX records_profile ON records (profile_id)`);
    // Search by name and postcode (the profile API) starts from the family name's match key.
    await q.query(`CREATE INDEX records_family_key ON records ((party->'name'->>'familyKey'))`);
    await q.query(`CREATE TABLE record_keys (key text NOT NULL, record_id text NOT NULL, PRIMARY KEY (key, record_id))`);
    await q.query(`CREATE TABLE record_values (value_key text NOT NULL, record_id text NOT NULL, PRIMARY KEY (value_key, record_id))`);
    await q.query(`CREATE TABLE record_addresses (address_key text NOT NULL, record_id text NOT NULL, PRIMARY KEY (address_key, record_id))`);
    await q.query(`CREATE TABLE value_statuses (value_key text PRIMARY KEY, status text NOT NULL, changed_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE links (
      a text NOT NULL,
      b text NOT NULL,
      rule text NOT NULL,
      rank int NOT NULL,
      score real NOT NULL,
      matched_values text[] NOT NULL,
      matched jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (a, b))`);
    await q.query(`CREATE INDEX links_b ON links (b)`);
    await q.query(`CREATE TABLE profiles (
      profile_id text PRIMARY KEY,
      seq bigint NOT NULL DEFAULT nextval('profile_seq'),
      household_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX profiles_household ON profiles (household_id)`);
    await q.query(`CREATE TABLE profile_aliases (alias_id text PRIMARY KEY, profile_id text, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX profile_aliases_profile ON profile_aliases (profile_id)`);
    await q.query(`CREATE TABLE steward_decisions (
      a text NOT NULL,
      b text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('force-link', 'never-link')),
      reason text NOT NULL,
      decided_by text NOT NULL,
      decided_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (a, b),
      CHECK (a < b))`);
    await q.query(`CREATE INDEX steward_decisions_b ON steward_decisions (b)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['steward_decisions', 'profile_aliases', 'profiles', 'links', 'value_statuses', 'record_addresses', 'record_values', 'record_keys', 'records'])
      await q.query(`DROP TABLE ${t}`);
    await q.query(`DROP SEQUENCE profile_seq`);
    await q.query(`DROP SEQUENCE record_seq`);
  }
}
