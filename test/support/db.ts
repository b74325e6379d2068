/**
 * A fresh database per test file, cloned from the templates test/support/prepare.ts built:
 * PGlite in memory from a dumped data directory, or a new PostgreSQL database from a template.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.ts';

export type Template = 'empty' | 'demo';

export interface TestDatabase extends Database {
  /** PostgreSQL URL of this database (undefined on PGlite). */
  url: string | undefined;
}

function need(name: string): string {
  const v = process.env[name];
  if (!v)
    throw new Error(
      `${name} is not set: run the tests with \`npm test\` (scripts/test.js prepares the templates)`,
    );
  return v;
}

export async function freshDatabase(
  template: Template = 'empty',
  opts: { poolSize?: number } = {},
): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const file = need(`INMAIL_TEST_TEMPLATE_${template.toUpperCase()}`);
    const blob = new Blob([readFileSync(file)]);
    const database = await openDatabase({ memory: true, loadDataDir: blob });
    return Object.assign(database, { url: undefined });
  }
  const tpl = need(`INMAIL_TEST_PG_TEMPLATE_${template.toUpperCase()}`);
  const name = `inmail_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${tpl}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: opts.poolSize ?? 8 });
  const close = database.close.bind(database);
  return Object.assign(database, {
    url: u.toString(),
    async close() {
      await close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  });
}
