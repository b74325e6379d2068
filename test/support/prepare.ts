/**
 * Runs once before the test files (scripts/test.js): builds migrated database templates, so each
 * test file gets a fresh database in well under a second.
 *
 * - PGlite: two dumped data directories (`empty`: migrated, with the job queue's schema; `demo`:
 *   the same plus a small demo data set), cached under .tmp/ by a hash of the migrations.
 * - PostgreSQL (DATABASE_URL set): two template databases, cloned per test file with
 *   CREATE DATABASE ... TEMPLATE.
 *
 * Prints KEY=value lines that scripts/test.js passes to the test files' environment.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { loadMigrations, migrate } from '../../src/db/migrate.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { createServices } from '../../src/services/index.ts';
import { TEST_DEMO_MEMBERS, TEST_EPOCH, TEST_PASSWORD } from './constants.ts';

const root = new URL('../../', import.meta.url).pathname;
const fingerprint = createHash('sha256')
  .update(
    loadMigrations()
      .map((m) => m.checksum)
      .join(','),
  )
  .update(readFileSync(join(root, 'package-lock.json')))
  .update(readFileSync(join(root, 'src/services/demo.service.ts')))
  .update(
    existsSync(join(root, 'src/seed/profiles.ts')) ? readFileSync(join(root, 'src/seed/profiles.ts')) : '',
  )
  // The demo members' search rows are built by this code: a new index format needs new templates.
  .update(readFileSync(join(root, 'src/repositories/search-index.ts')))
  .update(String(TEST_DEMO_MEMBERS))
  .digest('hex')
  .slice(0, 12);

async function build(database: Database, withDemo: boolean) {
  await migrate(database.db);
  const queue = new JobQueue(database, { work: false, databaseUrl: process.env.DATABASE_URL });
  await queue.start();
  await queue.stop(1000);
  if (withDemo) {
    const config = loadConfig({ INMAIL_DATA_DIR: '/nonexistent' });
    const services = createServices({ database, config, clock: new ManualClock(TEST_EPOCH), queue: null });
    await services.demo.loadIfEmpty({ password: TEST_PASSWORD, members: TEST_DEMO_MEMBERS });
  }
}

async function preparePglite(): Promise<Record<string, string>> {
  const dir = join(root, '.tmp', 'test-templates');
  mkdirSync(dir, { recursive: true });
  const out: Record<string, string> = {};
  for (const kind of ['empty', 'demo'] as const) {
    const file = join(dir, `${kind}-${fingerprint}.tar.gz`);
    if (!existsSync(file)) {
      const database = await openDatabase({ memory: true });
      await build(database, kind === 'demo');
      const dump = await database.pglite!.dumpDataDir('gzip');
      writeFileSync(file + '.part', Buffer.from(await dump.arrayBuffer()));
      await database.close();
      // rename is atomic: a concurrent run never reads half a file
      (await import('node:fs')).renameSync(file + '.part', file);
    }
    out[`INMAIL_TEST_TEMPLATE_${kind.toUpperCase()}`] = file;
  }
  return out;
}

async function preparePostgres(url: string): Promise<Record<string, string>> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const out: Record<string, string> = {};
  try {
    for (const kind of ['empty', 'demo'] as const) {
      const name = `inmail_tpl_${kind}_${fingerprint}`;
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        await admin.query(`DROP DATABASE IF EXISTS ${name}_part`);
        await admin.query(`CREATE DATABASE ${name}_part`);
        const u = new URL(url);
        u.pathname = `/${name}_part`;
        const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 4 });
        try {
          await build(database, kind === 'demo');
          await sql`SELECT 1`.execute(database.db);
        } finally {
          await database.close();
        }
        await admin.query(`ALTER DATABASE ${name}_part RENAME TO ${name}`);
      }
      out[`INMAIL_TEST_PG_TEMPLATE_${kind.toUpperCase()}`] = name;
    }
  } finally {
    await admin.end();
  }
  return out;
}

const vars = process.env.DATABASE_URL
  ? await preparePostgres(process.env.DATABASE_URL)
  : await preparePglite();
for (const [k, v] of Object.entries(vars)) console.log(`${k}=${v}`);
