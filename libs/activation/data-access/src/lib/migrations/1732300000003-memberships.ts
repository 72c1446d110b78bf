import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Memberships1732300000003 implements MigrationInterface {
  name = 'Memberships1732300000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE segment_memberships (
      profile_id text NOT NULL,
      segment_id text NOT NULL,
      entered_at timestamptz NOT NULL,
      trigger_event_id text,
      PRIMARY KEY (profile_id, segment_id))`);
    await q.query(`CREATE INDEX segment_memberships_segment ON segment_memberships (segment_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE segment_memberships`);
  }
}
