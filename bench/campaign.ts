/**
 * bench:campaign — a campaign to N recipients (default 10,000) with the send window open, from
 * start to all sent: InMails per second and the peak RSS of the process that runs it (a fresh
 * process, like a worker, so the setup's memory does not count), beside the same server's raw COPY
 * rows per second measured in the same run.
 *
 *   DATABASE_URL=postgres://... npm run bench:campaign [-- --recipients 100000]
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Clock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import type { NewMember } from '../src/repositories/member.repository.ts';
import { createServices } from '../src/services/index.ts';
import { seedUuid } from '../src/seed/ids.ts';
import { generateMember } from '../src/seed/profiles.ts';
import { dropDatabase, machine, requirePostgres, scratchDatabase, serverVersion } from './support.ts';

const { values } = parseArgs({
  options: {
    recipients: { type: 'string', default: '10000' },
    batch: { type: 'string', default: '250' },
    keep: { type: 'boolean', default: false },
    // internal: the run itself, in its own process (see runChild)
    'run-campaign': { type: 'string' },
    'run-org': { type: 'string' },
    'run-user': { type: 'string' },
    'run-db': { type: 'string' },
  },
});
const N = Number(values.recipients);
if (values['run-campaign']) {
  await runChild();
  process.exit(0);
}
const url = requirePostgres('bench:campaign');
const NAME = 'inmail_bench_campaign';
const dbUrl = await scratchDatabase(url, NAME);
const database = await openDatabase({ databaseUrl: dbUrl, poolSize: 4 });
await migrate(database.db);
const clock: Clock = { now: () => new Date() };
const config = loadConfig({
  LOG_LEVEL: 'silent',
  INMAIL_DATA_DIR: '/nonexistent',
  INMAIL_CAMPAIGN_BATCH: values.batch,
});
const services = createServices({ database, config, clock, queue: null, mailer: null });
const { store } = services;

console.log(`bench:campaign on ${machine()}, PostgreSQL ${await serverVersion(url)}`);
console.log(`loading ${N} members ...`);
for (let i = 0; i < N; i += 2000) {
  const rows: NewMember[] = [];
  const accounts: { id: string; email: string }[] = [];
  for (let k = i; k < Math.min(i + 2000, N); k++) {
    const { email, ...p } = generateMember(k);
    rows.push({ ...p, id: seedUuid('member', k), accountId: seedUuid('account', k) });
    accounts.push({ id: seedUuid('account', k), email });
  }
  await store.tx(async (r) => {
    await r.accounts.insertMany(accounts, 'x');
    await r.members.insertMany(rows);
  });
}
const { orgId, userId, listId } = await store.tx(async (r) => {
  const org = await r.organizations.create('Bench Agency', 'bench-agency');
  const accountId = await r.accounts.create('sender@bench.test', 'x');
  const userId = await r.users.create({
    orgId: org.id,
    accountId,
    firstName: 'Bench',
    lastName: 'Sender',
    title: 'Recruiter',
    roles: ['org_admin', 'recruiter'],
  });
  const seat = await services.credits.createSeatInTx(
    r,
    org.id,
    userId,
    { userId, licenseType: 'corporate' },
    clock.now(),
  );
  const listId = randomUUID();
  // The audience: a candidate list holding every member (set up in SQL: this is the bench's fixture).
  await sql`INSERT INTO candidate_lists (id, org_id, created_by, name, created_at, updated_at)
            VALUES (${listId}, ${org.id}, ${userId}, 'everyone', now(), now())`.execute(r.ex);
  await sql`INSERT INTO candidate_list_members (list_id, member_id, added_by, added_at)
            SELECT ${listId}, id, ${userId}, now() FROM members`.execute(r.ex);
  void seat;
  return { orgId: org.id, userId, listId };
});
const seat = (await store.repos.seats.byUser(orgId, userId))!;
await services.credits.adjust(orgId, userId, seat.id, N * 2, 'bench credits');
// Statistics for what was loaded. Not the tables the run fills: analyzed while empty, their
// statistics would make the foreign-key checks' cached plans scan them (a seq scan per check).
await database.pool.query('ANALYZE members, accounts, member_search, candidate_list_members');

const actor = { orgId, userId, roles: ['org_admin', 'recruiter'] };
const c = await services.campaigns.create(actor, {
  name: 'Bench campaign',
  objective: 'fill_role',
  audience: { kind: 'list', listId },
  steps: [
    {
      kind: 'inmail',
      delayBusinessDays: 3,
      subject: 'A role for you, {{candidate.firstName}}',
      body: 'Hi {{candidate.firstName}}, your work as {{candidate.currentTitle}} at {{candidate.currentCompany}} caught my eye. Open to a short call?',
    },
  ],
  budget: N,
  window: {
    days: [1, 2, 3, 4, 5, 6, 7],
    startHour: 0,
    startMinute: 0,
    endHour: 24,
    endMinute: 0,
    holidays: [],
    timeZone: 'UTC',
  },
});

// The run happens in a fresh process, as in a worker: its peak RSS (the kernel's high-water mark,
// VmHWM) is the figure, untouched by this process's setup (generating and loading the members).
console.log(`running the campaign to ${N} recipients (batches of ${values.batch}) in a worker process ...`);
const child = execFileSync(
  process.execPath,
  [
    ...process.execArgv,
    new URL(import.meta.url).pathname,
    '--run-campaign',
    c.id,
    '--run-org',
    orgId,
    '--run-user',
    userId,
    '--run-db',
    dbUrl,
    '--recipients',
    String(N),
    '--batch',
    String(values.batch),
  ],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
);
const { sent, elapsed, peak } = JSON.parse(child.trim().split('\n').pop()!) as {
  sent: number;
  elapsed: number;
  peak: number;
};
const view = await services.campaigns.get(orgId, c.id);
const verify = await services.credits.verify(seat.id);
await database.close();
if (!values.keep) await dropDatabase(url, NAME);

// Baseline: raw COPY of N rows of similar width into a table on the same server.
const dir = mkdtempSync(join(tmpdir(), 'inmail-copy-'));
const file = join(dir, 'rows.csv');
const lines: string[] = [];
for (let i = 0; i < N; i++)
  lines.push(
    `${randomUUID()},${randomUUID()},A role for you number ${i},Hi there; your work caught my eye. Open to a short call?,2026-01-01 00:00:00+00`,
  );
writeFileSync(file, lines.join('\n') + '\n');
const copyUrl = await scratchDatabase(url, 'inmail_bench_copy');
execFileSync('psql', [
  copyUrl,
  '-q',
  '-c',
  'CREATE TABLE t (a uuid, b uuid, subject text, body text, at timestamptz)',
]);
const c0 = performance.now();
execFileSync('psql', [copyUrl, '-q', '-c', `\\copy t FROM '${file}' WITH (FORMAT csv)`]);
const copyRate = N / ((performance.now() - c0) / 1000);
await dropDatabase(url, 'inmail_bench_copy');
rmSync(dir, { recursive: true, force: true });

const rate = sent / elapsed;
console.log('');
console.log(
  `campaign:        ${rate.toFixed(0)} InMails/s (${sent} of ${N} sent in ${elapsed.toFixed(1)} s, start to all sent)`,
);
console.log(
  `peak RSS:        ${(peak / 2 ** 20).toFixed(0)} MB (the worker process's high-water mark, VmHWM)`,
);
console.log(`raw COPY:        ${copyRate.toFixed(0)} rows/s (same server, same run)`);
console.log(
  `ratio:           ${(rate / copyRate).toFixed(3)} of raw COPY rows/s (an InMail writes ~9 rows and indexes)`,
);
console.log(
  `status:          ${view.status}; credits spent ${view.progress.creditsSpent}; ledger ${verify.stored.balance === verify.sums.balance ? 'consistent' : 'INCONSISTENT'}`,
);
if (sent !== N || verify.stored.balance !== verify.sums.balance) process.exit(1);

/** The campaign run, in this process alone: start, run until all are sent, report on stdout. */
async function runChild(): Promise<void> {
  const db = await openDatabase({ databaseUrl: values['run-db']!, poolSize: 4 });
  const cfg = loadConfig({
    LOG_LEVEL: 'silent',
    INMAIL_DATA_DIR: '/nonexistent',
    INMAIL_CAMPAIGN_BATCH: values.batch,
  });
  const clk: Clock = { now: () => new Date() };
  const s = createServices({ database: db, config: cfg, clock: clk, queue: null, mailer: null });
  const id = values['run-campaign']!;
  const t0 = performance.now();
  await s.campaigns.start(
    { orgId: values['run-org']!, userId: values['run-user']!, roles: ['org_admin', 'recruiter'] },
    id,
  );
  let sent = 0;
  for (;;) {
    const r = await s.campaignRunner.run(id, 60_000);
    sent += r.sent;
    const open = await s.store.repos.campaigns.claimDue(id, new Date(Date.now() + 1000), 1);
    if (r.nextRunAt === null || open.length === 0) break;
  }
  const elapsed = (performance.now() - t0) / 1000;
  await db.close();
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  const peak = hwm ? Number(hwm[1]) * 1024 : process.memoryUsage().rss;
  console.log(JSON.stringify({ sent, elapsed, peak }));
}
