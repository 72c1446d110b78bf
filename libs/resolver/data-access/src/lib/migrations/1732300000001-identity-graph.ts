import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityGraph1732300000001 implements MigrationInterface {
  name = 'IdentityGraph1732300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE profiles (
      profile_id text PRIMARY KEY,
      seq bigserial UNIQUE,
      merged_into text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE source_records (
      source text NOT NULL,
      source_record_id text NOT NULL,
      profile_id text NOT NULL,
      first_seen_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (source, source_record_id))`);
    await q.query(`CREATE INDEX source_records_profile ON source_records (profile_id)`);
    await q.query(`CREATE TABLE identifiers (
      type text NOT NULL,
      value text NOT NULL,
      source text NOT NULL,
      source_record_id text NOT NULL,
      PRIMARY KEY (type, value, source, source_record_id))`);
    await q.query(`CREATE INDEX identifiers_record ON identifiers (source, source_record_id)`);
    await q.query(`CREATE TABLE profile_aliases (alias_id text PRIMARY KEY, profile_id text NOT NULL)`);
    await q.query(`CREATE INDEX profile_aliases_profile ON profile_aliases (profile_id)`);
    await q.query(`CREATE TABLE links (
      id bigserial PRIMARY KEY,
      profile_id text NOT NULL,
      source text NOT NULL,
      source_record_id text NOT NULL,
      rule text NOT NULL,
      matched_values text[] NOT NULL,
      score real NOT NULL,
      event_id text,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX links_profile ON links (profile_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['links', 'profile_aliases', 'identifiers', 'source_records', 'profiles']) await q.query(`DROP TABLE ${t}`);
  }
}
