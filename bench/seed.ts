/**
 * bench:seed — `inmail seed --members N` (default 100,000) on an empty, migrated database, beside
 * loading the very rows it wrote the way pg_restore does, in the same run on the same server:
 *
 * - raw COPY of those rows (members, accounts, search rows, connections, vocabulary) into bare
 *   copies of the tables (no index, no constraint);
 * - the same COPY, then the same indexes built and the same constraints added, in two jobs like
 *   `pg_restore -j 2` (the search table in one, the rest in the other; foreign keys last).
 *
 * The baseline is given everything ready-made (the search documents as text, the graph as pairs),
 * so it is the floor of writing this data on this server: what remains between the seed and it is
 * generating the profiles, their index rows and their graph, and keeping indexes up to date row by
 * row instead of building them once.
 *
 *   DATABASE_URL=postgres://... npm run bench:seed [-- --members 100000] [--keep]
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { dropDatabase, machine, requirePostgres, scratchDatabase, serverVersion } from './support.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    keep: { type: 'boolean', default: false },
  },
});
const N = Number(values.members);
if (!Number.isInteger(N) || N < 1) {
  console.error('bench:seed: --members must be a positive integer');
  process.exit(2);
}
const url = requirePostgres('bench:seed');
const NAME = 'inmail_bench_seed';
const dbUrl = await scratchDatabase(url, NAME);
const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'bin/inmail.js');
const env = { ...process.env, DATABASE_URL: dbUrl, INMAIL_DEMO: '0', LOG_LEVEL: 'silent' };

/** Busy CPU-seconds of the whole machine so far (Linux), or null elsewhere. */
function machineBusy(): number | null {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    const busy = f[0]! + f[1]! + f[2]! + f[5]! + f[6]! + f[7]!;
    return busy / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

console.log(`bench:seed on ${machine()}, PostgreSQL ${await serverVersion(url)}`);
execFileSync(process.execPath, [cli, 'migrate'], { env, stdio: 'ignore' });

// --- the seed, as a user runs it ----------------------------------------------------------------
const busy0 = machineBusy();
const t0 = performance.now();
const output = await new Promise<string>((resolve, reject) => {
  const child = spawn(process.execPath, [cli, 'seed', '--members', String(N)], {
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.on('error', reject);
  child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`inmail seed exited ${code}`))));
});
const seedSecs = (performance.now() - t0) / 1000;
const busy1 = machineBusy();
const phases = /\((?:[^;]*); (members and search index [\d.]+ s, connections [\d.]+ s)\)/.exec(output)?.[1];

// --- the baseline: the same rows, loaded the way pg_restore loads a dump ---------------------------
const TABLES = ['accounts', 'members', 'member_search', 'connections', 'search_vocabulary'] as const;
const JOBS: (typeof TABLES)[number][][] = [
  ['member_search'],
  ['accounts', 'members', 'connections', 'search_vocabulary'],
];
const dir = mkdtempSync(join(tmpdir(), 'inmail-bench-seed-'));
const client = new pg.Client({ connectionString: dbUrl });
await client.connect();
const rows: Record<string, number> = {};
const indexes: Record<string, string[]> = {};
for (const table of TABLES) {
  rows[table] = Number((await client.query(`SELECT count(*) AS n FROM public.${table}`)).rows[0].n);
  // Index definitions name the table `public.<table>`; the copies live in schema `baseline`.
  indexes[table] = (
    await client.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1`,
      [table],
    )
  ).rows.map((r) => r.indexdef.replace(` ON public.${table} `, ` ON baseline.${table} `));
  execFileSync('psql', [dbUrl, '-q', '-c', `\\copy public.${table} TO '${join(dir, table)}'`]);
}
// Check and foreign-key constraints among these tables, printed with names relative to the schema.
await client.query(`SET search_path = public`);
const tableList = TABLES.map((t) => `'${t}'`).join(', ');
const constraints = (
  await client.query<{ table: string; name: string; def: string }>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c
     WHERE c.contype IN ('c', 'f') AND c.conrelid::regclass::text IN (${tableList})
       AND (c.contype = 'c' OR c.confrelid::regclass::text IN (${tableList}))
     ORDER BY c.contype, c.conname`,
  )
).rows;
await client.query(`CREATE SCHEMA baseline`);
for (const table of TABLES)
  await client.query(
    `CREATE TABLE baseline.${table} (LIKE public.${table} INCLUDING DEFAULTS INCLUDING STORAGE)`,
  );
await client.end();

const psql = (sqlText: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn('psql', [dbUrl, '-q', '-v', 'ON_ERROR_STOP=1', '-c', sqlText], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`psql exited ${code}: ${sqlText}`)),
    );
  });
const copyIn = (table: string) => psql(`\\copy baseline.${table} FROM '${join(dir, table)}'`);

const c0 = performance.now();
await Promise.all(
  JOBS.map(async (job) => {
    for (const table of job) await copyIn(table);
  }),
);
const copySecs = (performance.now() - c0) / 1000;
const i0 = performance.now();
await Promise.all(
  JOBS.map(async (job) => {
    for (const table of job) for (const def of indexes[table]!) await psql(def);
  }),
);
const indexSecs = (performance.now() - i0) / 1000;
const k0 = performance.now();
for (const c of constraints)
  await psql(`SET search_path = baseline; ALTER TABLE ${c.table} ADD CONSTRAINT ${c.name} ${c.def}`);
const constraintSecs = (performance.now() - k0) / 1000;
rmSync(dir, { recursive: true, force: true });
if (!values.keep) await dropDatabase(url, NAME);

const restoreSecs = copySecs + indexSecs + constraintSecs;
const fmt = (n: number) => n.toLocaleString('en-US');
console.log('');
console.log(
  `seed:            ${seedSecs.toFixed(1)} s for ${fmt(N)} members (${Math.round(N / seedSecs)} members/s${phases ? `; ${phases}` : ''})`,
);
if (busy0 !== null && busy1 !== null)
  console.log(`machine CPU:     ${(busy1 - busy0).toFixed(0)} busy CPU-seconds during the seed`);
console.log(
  `raw COPY:        ${copySecs.toFixed(1)} s for the same rows, unindexed (${TABLES.map((t) => `${fmt(rows[t]!)} ${t}`).join(', ')})`,
);
console.log(
  `+ indexes:       ${indexSecs.toFixed(1)} s (${Object.values(indexes).flat().length} indexes, two jobs); + constraints ${constraintSecs.toFixed(1)} s (${constraints.length})`,
);
console.log(`pg_restore way:  ${restoreSecs.toFixed(1)} s in all`);
console.log(`ratio:           ${(seedSecs / restoreSecs).toFixed(2)}x the pg_restore way (lower is better)`);
