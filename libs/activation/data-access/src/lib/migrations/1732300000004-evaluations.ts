import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Evaluations1732300000004 implements MigrationInterface {
  name = 'Evaluations1732300000004';

  async up(q: QueryRunner): Promise<void> {
    // The insights each profile was last evaluated on, so an older update arriving late is ignored.
    await q.query(`CREATE TABLE profile_evaluations (profile_id text PRIMARY KEY, insights_updated_at timestamptz NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE profile_evaluations`);
  }
}
