/**
 * bench:campaign — a campaign to N recipients (default 10,000) with the send window open, from
 * start to all sent: InMails per second and the process's peak RSS during the run, beside the
 * same server's raw COPY rows per second measured in the same run.
 *
 *   DATABASE_URL=postgres://... npm run bench:campaign [-- --recipients 100000]
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  },
});
const N = Number(values.recipients);
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
await database.pool.query('ANALYZE');

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

// Peak RSS during the run, sampled every 50 ms (the setup above does not count).
global.gc?.();
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
console.log(`running the campaign to ${N} recipients (batches of ${values.batch}) ...`);
const t0 = performance.now();
await services.campaigns.start(actor, c.id);
let sent = 0;
for (;;) {
  const r = await services.campaignRunner.run(c.id, 60_000);
  sent += r.sent;
  const open = await store.repos.campaigns.claimDue(c.id, new Date(Date.now() + 1000), 1);
  if (r.nextRunAt === null || open.length === 0) break;
}
const elapsed = (performance.now() - t0) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
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
console.log(`peak RSS:        ${(peak / 2 ** 20).toFixed(0)} MB during the run`);
console.log(`raw COPY:        ${copyRate.toFixed(0)} rows/s (same server, same run)`);
console.log(
  `ratio:           ${(rate / copyRate).toFixed(3)} of raw COPY rows/s (an InMail writes ~9 rows and indexes)`,
);
console.log(
  `status:          ${view.status}; credits spent ${view.progress.creditsSpent}; ledger ${verify.stored.balance === verify.sums.balance ? 'consistent' : 'INCONSISTENT'}`,
);
if (sent !== N || verify.stored.balance !== verify.sums.balance) process.exit(1);
