import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The graph's version: every transaction that holds the graph lock adds one to it. A resolver
 * process keeps the graph state its last batch left in memory, and reuses it only when the
 * version it finds under the lock is the one its own last commit wrote: nobody else changed the
 * graph since (docs/architecture.md, "Concurrency").
 */
export class GraphVersion1732300000003 implements MigrationInterface {
  name = 'GraphVersion1732300000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE graph_version (id smallint PRIMARY KEY CHECK (id = 1), version bigint NOT NULL)`);
    await q.query(`INSERT INTO graph_version (id, version) VALUES (1, 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE graph_version`);
  }
}
