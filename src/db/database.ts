/**
 * The database behind one interface: PGlite embedded in a data directory by default, a PostgreSQL
 * server through `pg` when DATABASE_URL is set. Both speak the same SQL, and both are driven by
 * Kysely's PostgresDialect over a `pg.Pool`: for PGlite the pool has exactly one connection
 * (PGlite's node-postgres adapter), which also serializes transactions, as PGlite has one session.
 *
 * Rule that follows from the single PGlite connection: code inside a transaction must use the
 * transaction's executor for every query. Reaching for the root `db` inside a transaction would
 * wait for the only connection, which the transaction holds.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { acquireDirLock, type DirLock } from './lock.ts';

// int8 (counts, sums) as numbers: every figure we store fits in 2^53. Dates stay 'YYYY-MM-DD'
// strings so a local date never shifts through the process time zone.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

// Queries are written as SQL; the schema type stays open on purpose (see docs/architecture.md).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Schema = any;
export type Db = Kysely<Schema>;
export type Tx = Transaction<Schema>;
/** Anything a query can run on: the root handle or an open transaction. */
export type Executor = Db | Tx;

export type Backend = 'pglite' | 'postgres';

export interface Database {
  readonly backend: Backend;
  readonly db: Db;
  readonly pool: pg.Pool;
  /** The embedded instance, when backend is 'pglite'. */
  readonly pglite: PGlite | undefined;
  /** Where the data lives, for logs: a directory or a URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Data directory for PGlite; the database files go to `<dir>/pgdata`. */
  dataDir?: string | undefined;
  /** In-memory PGlite (tests); with `loadDataDir` it starts from a dumped template. */
  memory?: boolean;
  loadDataDir?: Blob | File;
  poolSize?: number;
  /** Name shown in pg_stat_activity. */
  applicationName?: string;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable)';
  }
}

/**
 * Opens the database. With a data directory, takes the exclusive lock first and throws
 * DataDirLockedError if another process holds it.
 *
 * @example
 * const database = await openDatabase({ dataDir: './data' });
 * await sql`select 1`.execute(database.db);
 * await database.close();
 */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      application_name: opts.applicationName ?? 'inmail',
      // A new server process pays a page fault for every shared buffer it touches for the first
      // time: a search over a million members took 171 ms in a fresh connection and 68 ms in the
      // next (docs/benchmarks.md). Idle connections are kept five minutes, not thirty seconds.
      idleTimeoutMillis: 300_000,
    });
    // An idle client that loses its server must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    return {
      backend: 'postgres',
      db,
      pool,
      pglite: undefined,
      location: redact(opts.databaseUrl),
      async close() {
        await db.destroy();
      },
    };
  }

  let lock: DirLock | undefined;
  let dataPath: string | undefined;
  if (!opts.memory) {
    if (!opts.dataDir)
      throw new Error('openDatabase: a data directory, memory or a DATABASE_URL is required');
    lock = acquireDirLock(opts.dataDir);
    dataPath = join(opts.dataDir, 'pgdata');
    mkdirSync(dataPath, { recursive: true });
  }
  try {
    // Loaded only for the embedded backend: a process on PostgreSQL never holds PGlite's WebAssembly
    // (about 25 MB of resident memory).
    const [{ PGlite }, { pg_trgm }, { unaccent }, { createPgConfig }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('@electric-sql/pglite/contrib/unaccent'),
      import('@electric-sql/pglite/node-postgres'),
    ]);
    const lite = await PGlite.create({
      ...(dataPath ? { dataDir: dataPath } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      extensions: { pg_trgm, unaccent },
    });
    const pool = new pg.Pool({ ...(createPgConfig(lite) as pg.PoolConfig), max: 1 });
    pool.on('error', () => {});
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    return {
      backend: 'pglite',
      db,
      pool,
      pglite: lite,
      location: opts.dataDir ?? 'memory',
      async close() {
        try {
          await db.destroy();
          await lite.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}
