import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Insights1732300000002 implements MigrationInterface {
  name = 'Insights1732300000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE purchases (
      event_id text PRIMARY KEY,
      profile_id text NOT NULL,
      amount_minor bigint NOT NULL,
      occurred_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX purchases_profile ON purchases (profile_id)`);
    await q.query(`CREATE TABLE profile_insights (
      profile_id text PRIMARY KEY,
      lifetime_value_minor bigint NOT NULL,
      order_count int NOT NULL,
      first_purchase_at timestamptz,
      last_purchase_at timestamptz,
      updated_at timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE profile_aliases (alias_id text PRIMARY KEY, profile_id text NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['profile_aliases', 'profile_insights', 'purchases']) await q.query(`DROP TABLE ${t}`);
  }
}
