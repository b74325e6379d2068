/**
 * Plain SQL migrations: `src/db/migrations/NNNN_name.sql`, applied in order, each in its own
 * transaction, recorded in `schema_migrations` with a checksum. A migration that was edited after
 * it was applied stops the start (the checksum differs): write a new migration instead.
 *
 * On PostgreSQL several processes may start at once; an advisory lock makes them take turns, and
 * the second finds the work done.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

/** Arbitrary but fixed key for pg_advisory_lock: "inmail" in ASCII. */
const LOCK_KEY = 0x696e6d61696c;

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  return files.map((file) => {
    const text = readFileSync(dir + file, 'utf8');
    return {
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: text,
      checksum: createHash('sha256').update(text).digest('hex'),
    };
  });
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

async function ensureTable(db: Db) {
  await sql`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

/**
 * Applies the migrations that are not applied yet and returns their names.
 *
 * @example
 * const applied = await migrate(database.db); // ['0001_foundation', ...] on a new database
 */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${LOCK_KEY})`.execute(conn);
    try {
      await ensureTable(conn as Db);
      const applied = new Map(
        (await sql<AppliedRow>`SELECT version, name, checksum FROM schema_migrations`.execute(conn)).rows.map(
          (r) => [r.version, r],
        ),
      );
      const done: string[] = [];
      for (const m of migrations) {
        const prior = applied.get(m.version);
        if (prior) {
          if (prior.checksum !== m.checksum) {
            throw new MigrationError(
              `Migration ${m.version} (${m.name}) was changed after it was applied; add a new migration instead.`,
            );
          }
          continue;
        }
        await conn.transaction().execute(async (trx) => {
          await sql.raw(m.sql).execute(trx);
          await sql`INSERT INTO schema_migrations (version, name, checksum) VALUES (${m.version}, ${m.name}, ${m.checksum})`.execute(
            trx,
          );
        });
        done.push(`${String(m.version).padStart(4, '0')}_${m.name}`);
      }
      return done;
    } finally {
      await sql`SELECT pg_advisory_unlock(${LOCK_KEY})`.execute(conn);
    }
  });
}

/** Migrations in the code that the database has not applied (empty when it is up to date). */
export async function pendingMigrations(db: Db, migrations = loadMigrations()): Promise<Migration[]> {
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('schema_migrations')::text AS t`.execute(
    db,
  );
  if (!exists.rows[0]?.t) return migrations;
  const rows = await sql<{ version: number }>`SELECT version FROM schema_migrations`.execute(db);
  const have = new Set(rows.rows.map((r) => r.version));
  return migrations.filter((m) => !have.has(m.version));
}
