import { Injectable, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSource, type EntitySchema, type MigrationInterface } from 'typeorm';
import { Client } from 'pg';
import { CommitBarriers, Publisher } from '@c360/messaging';
import { HealthRegistry } from '@c360/platform';
import { Outbox } from './outbox';

export interface PersistenceOptions {
  readonly url: string;
  /** The Postgres schema the service owns; it creates and migrates only this one. */
  readonly schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: (Function | EntitySchema)[];
  readonly migrations: (new () => MigrationInterface)[];
  readonly poolSize?: number;
}

const PERSISTENCE_OPTIONS = Symbol('PERSISTENCE_OPTIONS');

/** Creates the schema if needed, then runs pending migrations under an advisory lock so that
 *  several instances starting at once migrate once. */
export async function migrate(dataSource: DataSource, schema: string): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`c360-migrate-${schema}`]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`c360-migrate-${schema}`]).catch(() => undefined);
    await runner.release();
  }
}

async function createSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    // Two instances creating the schema at the same moment: the loser sees a duplicate.
    if ((error as { code?: string }).code !== '23505') throw error;
  } finally {
    await client.end();
  }
}

/**
 * Publishes the outbox before every offset commit, once at startup for leftovers, and every few
 * seconds for rows a flush failed to publish. Flushes take turns (the outbox's advisory lock).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  constructor(
    readonly outbox: Outbox,
    private readonly dataSource: DataSource,
    barriers: CommitBarriers,
    health: HealthRegistry,
  ) {
    barriers.add({ beforeCommit: async () => void (await this.flush()) });
    health.register('postgres', async () => void (await dataSource.query('SELECT 1')));
  }

  async onApplicationBootstrap(): Promise<void> {
    const n = await this.flush();
    if (n > 0) this.logger.log(`published ${n} outbox messages left by an earlier run`);
    this.timer = setInterval(() => {
      this.flush().catch((error: unknown) => this.logger.warn(`periodic outbox flush failed: ${String(error)}`));
    }, 5_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  flush(): Promise<number> {
    return this.outbox.flush(this.dataSource);
  }
}

@Module({})
export class PersistenceModule {
  static forService(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            await createSchema(options.url, options.schema);
            return {
              type: 'postgres' as const,
              url: options.url,
              schema: options.schema,
              entities: options.entities,
              migrations: options.migrations,
              migrationsTableName: 'migrations',
              migrationsRun: false,
              synchronize: false,
              // Raw SQL in repositories names tables without a schema: the search path finds them.
              extra: { max: options.poolSize ?? 10, options: `-c search_path="${options.schema}",public` },
            };
          },
          dataSourceFactory: async (config) => {
            const dataSource = await new DataSource(config!).initialize();
            await migrate(dataSource, options.schema);
            return dataSource;
          },
        }),
      ],
      providers: [
        { provide: PERSISTENCE_OPTIONS, useValue: options },
        { provide: Outbox, inject: [Publisher], useFactory: (p: Publisher) => new Outbox(options.schema, p) },
        {
          provide: OutboxRelay,
          inject: [Outbox, getDataSourceToken(), CommitBarriers, HealthRegistry],
          useFactory: (o: Outbox, d: DataSource, b: CommitBarriers, h: HealthRegistry) => new OutboxRelay(o, d, b, h),
        },
      ],
      exports: [Outbox, OutboxRelay, PERSISTENCE_OPTIONS],
    };
  }
}
