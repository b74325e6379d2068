/**
 * Shared pieces of the benchmarks: a scratch database on the server DATABASE_URL points to, the
 * pgbench baseline measured in the same run, percentiles, and a description of the machine.
 * Benchmarks print their figure beside a baseline from the same run on the same machine, because
 * these machines are shared and noisy: the ratio is the figure that means something.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import pg from 'pg';

export function requirePostgres(what: string): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      `${what} runs on PostgreSQL: set DATABASE_URL=postgres://... (a server you may create databases on)`,
    );
    process.exit(2);
  }
  return url;
}

/** Drops and creates a database next to the one in `url`; returns its URL. */
export async function scratchDatabase(url: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

function pgbenchBinary(): string {
  if (process.env.PGBENCH) return process.env.PGBENCH;
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(`${base}/${v}/bin/pgbench`)) return `${base}/${v}/bin/pgbench`;
  }
  return 'pgbench';
}

/**
 * pgbench's built-in TPC-B-like transaction (or `select-only`, `simple-update`) on a scratch
 * database of the same server: the ceiling our own transactions are compared with.
 */
export async function pgbenchTps(
  url: string,
  opts: { clients: number; seconds: number; scale?: number; builtin?: string },
): Promise<number> {
  const name = 'inmail_bench_pgbench';
  const dbUrl = await scratchDatabase(url, name);
  try {
    const bin = pgbenchBinary();
    execFileSync(bin, ['-i', '-q', '-s', String(opts.scale ?? 10), dbUrl], { stdio: 'ignore' });
    const r = spawnSync(
      bin,
      [
        '-c',
        String(opts.clients),
        '-j',
        String(Math.min(opts.clients, 2)),
        '-T',
        String(opts.seconds),
        '-b',
        opts.builtin ?? 'tpcb-like',
        dbUrl,
      ],
      { encoding: 'utf8' },
    );
    const m =
      /tps = ([\d.]+) \((?:without initial connection time|excluding connections establishing)\)/.exec(
        r.stdout,
      );
    if (!m) throw new Error(`could not read pgbench output:\n${r.stdout}\n${r.stderr}`);
    return Number(m[1]);
  } finally {
    await dropDatabase(url, name);
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export async function serverVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  } finally {
    await c.end();
  }
}

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} cores (${cpu.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}
