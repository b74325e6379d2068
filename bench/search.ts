/**
 * Candidate-search benchmark: `npm run bench:search [-- --members N] [--rounds R] [--reload] [--load-only]`.
 *
 * Generates N deterministic synthetic members (1,000,000 on PostgreSQL when DATABASE_URL is set, in
 * a database `inmail_bench` on that server; 100,000 on PGlite in .tmp/bench/) through the product's
 * bulk insert path (MemberRepository.insertMany, which also writes the search index), a connection
 * graph, an organization with a recruiter and a history of InMails. A loaded database is reused
 * when its fingerprint (member count, migrations, generator and index code) matches; --reload
 * forces a fresh one.
 *
 * Then it runs a fixed mix of 20 recruiter searches (Boolean query + filters; facets always come
 * with a search) through SearchService.search, the whole product path (parsing, the search
 * statement, result cards, highlights, degrees, last contact, history), with 1 and with 8
 * concurrent clients, and the bare `doc @@ tsquery` match of the same query text on the same table
 * (every matching row visited, nothing else: no filters, ranking, facets, paging or cards). It
 * prints p50/p95 of each and their ratio: our overhead over the bare full-text match.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { systemClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { loadMigrations, migrate } from '../src/db/migrate.ts';
import { parseQuery } from '../src/domain/search-query.ts';
import { repositories } from '../src/repositories/index.ts';
import { compileTsquery, searchIndexRow } from '../src/repositories/search-index.ts';
import { seedUuid } from '../src/seed/ids.ts';
import { generateConnections, generateMember } from '../src/seed/profiles.ts';
import { createServices } from '../src/services/index.ts';
import type { CandidateSearchInput, Searcher } from '../src/services/search.service.ts';

const root = new URL('../', import.meta.url).pathname;
const { values: args } = parseArgs({
  options: {
    members: { type: 'string' },
    rounds: { type: 'string', default: '5' },
    reload: { type: 'boolean', default: false },
    'load-only': { type: 'boolean', default: false },
  },
});
const url = process.env.DATABASE_URL;
const members = Number(args.members ?? (url ? 1_000_000 : 100_000));
const rounds = Number(args.rounds);
if (!Number.isSafeInteger(members) || members < 1000) throw new Error('--members must be an integer >= 1000');
if (!Number.isSafeInteger(rounds) || rounds < 1) throw new Error('--rounds must be a positive integer');

const BATCH = 2000;
const RECRUITER_EMAIL = 'recruiter@bench.test';
const DAY = 86_400_000;

// --- the data set ------------------------------------------------------------------------------

/**
 * Identifies a loaded data set: the member count, the migrations, and what the index rows of a
 * sample of members look like (so a change to the generator or to the index format reloads, and a
 * mere reformatting of the code does not). Bump LOAD_VERSION when load() itself changes.
 */
const LOAD_VERSION = 'load-v1';
const fingerprint = (() => {
  const h = createHash('sha256')
    .update(`${LOAD_VERSION}:${members}`)
    .update(
      loadMigrations()
        .map((m) => m.checksum)
        .join(','),
    );
  for (let i = 0; i < 200; i++) {
    const { email: _email, ...profile } = generateMember(i);
    h.update(JSON.stringify(searchIndexRow({ ...profile, id: seedUuid('member', i) })));
  }
  return h.digest('hex').slice(0, 16);
})();

const log = (line: string) => process.stderr.write(`${line}\n`);

async function openBench(): Promise<{ database: Database; fresh: boolean }> {
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const r = await admin.query<{ comment: string | null }>(
        "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = 'inmail_bench'",
      );
      const current = r.rows[0];
      const fresh = args.reload || !current || current.comment !== `ready ${fingerprint}`;
      if (fresh) {
        await admin.query('DROP DATABASE IF EXISTS inmail_bench WITH (FORCE)');
        await admin.query('CREATE DATABASE inmail_bench');
      }
      const u = new URL(url);
      u.pathname = '/inmail_bench';
      return { database: await openDatabase({ databaseUrl: u.toString(), poolSize: 12 }), fresh };
    } finally {
      await admin.end();
    }
  }
  const dir = join(root, '.tmp', 'bench', `pglite-${members}`);
  const marker = join(dir, 'READY');
  const fresh = args.reload || !existsSync(marker) || readFileSync(marker, 'utf8') !== fingerprint;
  if (fresh) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return { database: await openDatabase({ dataDir: dir }), fresh };
}

async function markReady(database: Database): Promise<void> {
  if (url) {
    await sql`COMMENT ON DATABASE inmail_bench IS ${sql.lit(`ready ${fingerprint}`)}`.execute(database.db);
  } else {
    writeFileSync(join(root, '.tmp', 'bench', `pglite-${members}`, 'READY'), fingerprint);
  }
}

async function load(database: Database): Promise<void> {
  await migrate(database.db);
  const repos = repositories(database.db);
  const started = Date.now();
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    for (;;) {
      const from = next;
      next += BATCH;
      if (from >= members) return;
      const rows = [];
      for (let i = from; i < Math.min(members, from + BATCH); i++) {
        const { email: _email, ...profile } = generateMember(i);
        rows.push({ ...profile, id: seedUuid('member', i), accountId: null });
      }
      await repos.members.insertMany(rows);
      done += rows.length;
      if (done % 50_000 < BATCH)
        log(`  members ${done}/${members} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  };
  // Two lanes: one generates and indexes while the other's batch is in the database.
  await Promise.all(database.backend === 'postgres' ? [lane(), lane()] : [lane()]);
  log(`members loaded in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  let pairs: [string, string][] = [];
  let edges = 0;
  for (const [a, b] of generateConnections(members, 42, { avgDegree: 10 })) {
    pairs.push([seedUuid('member', a), seedUuid('member', b)]);
    if (pairs.length === 10_000) {
      await repos.members.connectMany(pairs);
      edges += pairs.length;
      pairs = [];
      if (edges % 1_000_000 === 0) log(`  connections ${edges}`);
    }
  }
  await repos.members.connectMany(pairs);
  log(`connections loaded (${edges + pairs.length}) at ${((Date.now() - started) / 1000).toFixed(0)} s`);

  // The searching recruiter: a user of an organization and a member with 300 connections.
  const org = await repos.organizations.create('Bench Recruiting', 'bench-recruiting');
  const accountId = seedUuid('bench-account', RECRUITER_EMAIL);
  await repos.accounts.insertMany([{ id: accountId, email: RECRUITER_EMAIL }], 'x');
  const userId = await repos.users.create({
    orgId: org.id,
    accountId,
    firstName: 'Bench',
    lastName: 'Recruiter',
    title: 'Recruiter',
    roles: ['recruiter'],
  });
  const me = seedUuid('bench-member', RECRUITER_EMAIL);
  const { email: _e, ...base } = generateMember(members + 7);
  await repos.members.insertMany([{ ...base, id: me, accountId, firstName: 'Bench', lastName: 'Recruiter' }]);
  const mine: [string, string][] = [];
  for (let j = 0; j < 300; j++) mine.push([me, seedUuid('member', (j * 7919 + 13) % members)]);
  await repos.members.connectMany(mine);

  // 5,000 InMails over the last 60 days, 40% of them answered (the trigger counts them).
  const now = systemClock.now().getTime();
  for (let j = 0; j < 5000; j++) {
    const id = seedUuid('bench-inmail', j);
    const sentAt = new Date(now - ((j * 37) % 60) * DAY - 3_600_000);
    await repos.inmails.create({
      id,
      threadId: seedUuid('bench-thread', j),
      orgId: org.id,
      seatId: null,
      senderUserId: userId,
      recipientMemberId: seedUuid('member', (j * 104729 + 11) % members),
      subject: 'A role you might like',
      body: 'Hello, would you be open to a short call?',
      charged: true,
      channel: 'inmail',
      sentAt,
      expiresAt: new Date(sentAt.getTime() + 90 * DAY),
    });
    if (j % 5 < 2) {
      await repos.inmails.setResponse(id, { status: j % 2 ? 'accepted' : 'declined', acceptedAt: sentAt });
    }
  }
  if (database.backend === 'postgres') await sql`VACUUM ANALYZE`.execute(database.db);
  else await sql`ANALYZE`.execute(database.db);
  log(`data set ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

// --- the queries -------------------------------------------------------------------------------

/** A fixed mix of recruiter searches, as a sourcer would type them. */
const MIX: CandidateSearchInput[] = [
  {
    query: 'title:("portfolio manager" OR "quantitative researcher") AND skill:python',
    filters: { locations: { countries: ['US', 'GB'] } },
  },
  { query: '"machine learning" AND (pytorch OR tensorflow)', filters: { seniorities: ['senior', 'lead'] } },
  { query: 'title:"site reliability engineer" AND kubernetes', filters: { notContactedInDays: 30 } },
  {
    query: 'skill:bloomberg AND skill:factset AND python',
    filters: { graduationYear: { min: 2010, max: 2018 } },
  },
  {
    query: 'title:(recruiter OR "talent acquisition") NOT agency',
    filters: { locations: { cities: ['London'] } },
  },
  {
    query: '"registered nurse" AND ("critical care" OR icu)',
    filters: { locations: { countries: ['US'] }, openToWork: true },
  },
  { query: 'title:counsel AND (privacy OR gdpr)', filters: { languages: { any: ['German', 'French'] } } },
  { query: 'title:"product manager" AND payments', filters: { yearsOfExperience: { min: 5, max: 12 } } },
  { query: 'react AND typescript NOT title:intern', filters: { openToWork: true } },
  {
    query: 'company:(google OR meta OR amazon) AND title:"software engineer"',
    filters: { seniorities: ['senior', 'lead'] },
  },
  {
    query: 'title:"account executive" AND (saas OR "enterprise sales")',
    filters: { locations: { countries: ['US'] }, notContactedInDays: 60 },
  },
  {
    query: '"investment banking" AND title:(associate OR "vice president")',
    filters: { locations: { cities: ['New York', 'London'] } },
  },
  {
    query: 'title:backend* AND (go OR java) AND kubernetes',
    filters: { locations: { countries: ['DE', 'NL', 'PL'] } },
  },
  { query: 'title:designer AND figma', filters: { networkDegrees: [2, 3] } },
  {
    query: 'ifrs AND title:(controller OR "financial analyst")',
    filters: { industries: ['Banking', 'Accounting'] },
  },
  {
    query: '"security engineer" OR (siem AND splunk)',
    filters: { seniorities: ['senior', 'lead', 'manager'] },
  },
  { query: 'python AND sql', filters: { locations: { countries: ['DE'] }, hasRespondedToInmail: false } },
  {
    query: 'skill:"financial modeling" AND title:analyst',
    filters: { graduationYear: { min: 2015, max: 2022 }, locations: { countries: ['GB'] } },
  },
  { query: 'marketing AND (seo OR growth)', sort: { by: 'yearsOfExperience' } },
  { query: 'title:nurse* AND pediatric*', filters: { locations: { cities: ['Toronto', 'Sydney'] } } },
];

// --- measuring ---------------------------------------------------------------------------------

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

interface Run {
  samples: number[];
  perQuery: number[][];
  wallMs: number;
}

async function runClients(clients: number, op: (q: number) => Promise<unknown>): Promise<Run> {
  const perQuery: number[][] = MIX.map(() => []);
  const samples: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let round = 0; round < rounds; round++) {
        for (let k = 0; k < MIX.length; k++) {
          const q = (k + c * 3) % MIX.length; // clients start at different queries
          const t0 = performance.now();
          await op(q);
          const ms = performance.now() - t0;
          samples.push(ms);
          perQuery[q]!.push(ms);
        }
      }
    }),
  );
  samples.sort((a, b) => a - b);
  for (const s of perQuery) s.sort((a, b) => a - b);
  return { samples, perQuery, wallMs: performance.now() - started };
}

const fmt = (ms: number): string => ms.toFixed(1).padStart(7);

async function main(): Promise<void> {
  const { database, fresh } = await openBench();
  try {
    if (fresh) {
      log(`loading ${members} members into ${database.backend === 'postgres' ? 'PostgreSQL' : 'PGlite'} ...`);
      await load(database);
      await markReady(database);
    } else {
      log(`reusing the loaded data set (${members} members)`);
    }
    if (args['load-only']) return;

    const config = loadConfig({ INMAIL_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
    const services = createServices({ database, config, clock: systemClock, queue: null });
    const user = await services.store.repos.users.findByAccount(seedUuid('bench-account', RECRUITER_EMAIL));
    if (!user) throw new Error('the bench recruiter is missing; run with --reload');
    const searcher: Searcher = { orgId: user.org_id, userId: user.id, memberId: user.member_id };
    const bare = MIX.map((m) => compileTsquery(parseQuery(m.query ?? '')));
    const search = (q: number) => services.search.search(searcher, MIX[q]!);
    const bareMatch = (q: number) =>
      services.store.tx(async (r) => {
        await r.search.tuneForSearch();
        return r.search.bareMatchCount(bare[q]!);
      });

    // Warm-up round (caches, plans), and the sizes of each query.
    const sizes: { total: string; bare: number }[] = [];
    for (let q = 0; q < MIX.length; q++) {
      const res = await search(q);
      sizes.push({ total: `${res.total.exact ? '' : '>='}${res.total.count}`, bare: await bareMatch(q) });
    }
    const one = await runClients(1, search);
    const eight = await runClients(8, search);
    const base = await runClients(1, bareMatch);

    const pg15 =
      database.backend === 'postgres'
        ? (await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(database.db))
            .rows[0]!.v
        : 'PGlite (PostgreSQL 18, WASM)';
    const settings =
      database.backend === 'postgres'
        ? (
            await sql<{
              s: string;
            }>`SELECT current_setting('shared_buffers') || ' shared_buffers' AS s`.execute(database.db)
          ).rows[0]!.s
        : '';
    console.log(
      `\nCandidate search benchmark, ${new Date().toISOString().slice(0, 10)}: ${members.toLocaleString('en')} members, ` +
        `${pg15}${settings ? ` (${settings})` : ''}, node ${process.version}, ${cpus().length} cores, ` +
        `${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${rounds} rounds of ${MIX.length} queries\n`,
    );
    console.log(' #  hits(viewable)  bare hits   search p50   bare p50   ratio   query');
    MIX.forEach((m, q) => {
      const s = percentile(one.perQuery[q]!, 50);
      const b = percentile(base.perQuery[q]!, 50);
      console.log(
        `${String(q + 1).padStart(2)}  ${sizes[q]!.total.padStart(14)} ${String(sizes[q]!.bare).padStart(10)}  ${fmt(s)} ms ${fmt(b)} ms ${(s / b).toFixed(2).padStart(6)}   ${m.query}`,
      );
    });
    const p = (r: Run, x: number) => percentile(r.samples, x);
    const qps = (r: Run) => (r.samples.length / r.wallMs) * 1000;
    console.log('');
    console.log(
      `search, 1 client:   p50 ${fmt(p(one, 50))} ms   p95 ${fmt(p(one, 95))} ms   ${qps(one).toFixed(1)} q/s`,
    );
    console.log(
      `search, 8 clients:  p50 ${fmt(p(eight, 50))} ms   p95 ${fmt(p(eight, 95))} ms   ${qps(eight).toFixed(1)} q/s`,
    );
    console.log(
      `bare @@, 1 client:  p50 ${fmt(p(base, 50))} ms   p95 ${fmt(p(base, 95))} ms   ${qps(base).toFixed(1)} q/s`,
    );
    console.log(
      `ratio search/bare:  p50 ${(p(one, 50) / p(base, 50)).toFixed(2)}x   p95 ${(p(one, 95) / p(base, 95)).toFixed(2)}x` +
        `   throughput 8 vs 1 client: ${(qps(eight) / qps(one)).toFixed(2)}x`,
    );
  } finally {
    await database.close();
  }
}

await main();
