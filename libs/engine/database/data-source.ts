import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import type { AppConfig } from '@engine/config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded';

export interface DatabaseHandle {
  dataSource: DataSource;
  embedded: EmbeddedDatabase | null;
  mode: 'embedded' | 'postgres';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /** In-memory embedded database (tests) instead of one under the data dir. */
  inMemory?: boolean;
  /** With inMemory: start from this embedded data directory (tests restore a migrated, seeded one). */
  initialData?: Blob;
}

/** Opens the configured database (real PostgreSQL, or the embedded one) and applies pending migrations. */
export async function openDatabase(config: AppConfig, options: DatabaseOptions): Promise<DatabaseHandle> {
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedDatabase(options.inMemory ? null : config.dataDir, { initialData: options.initialData });
  const url = config.databaseUrl ?? embedded!.url;
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // The embedded database is a single backend: one connection, or transactions interleave. On PostgreSQL
    // each running job holds at most one connection: JOB_CONCURRENCY of them leave at least 6 to requests.
    poolSize: embedded ? 1 : Math.max(10, config.jobConcurrency + 6),
    // Its one connection is a queue: a burst of parallel requests (50 acknowledgements, issue 12 item 7)
    // waits its turn rather than failing after 5 s, as PostgreSQL's pool of 10 would not make it wait.
    extra: {
      connectionTimeoutMillis: embedded ? 60_000 : 5000,
      query_timeout: 30000,
      application_name: 'joint-meeting',
    },
    logging: false,
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
  } catch (err) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw err;
  }
  return {
    dataSource,
    embedded,
    mode: embedded ? 'embedded' : 'postgres',
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
