/**
 * After the test files: drop test databases that a crashed test file left on the PostgreSQL
 * server (templates stay for the next run).
 */
import pg from 'pg';

const url = process.env.DATABASE_URL;
if (url) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const r = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'inmail\\_t\\_%'",
    );
    for (const { datname } of r.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
