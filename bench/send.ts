/**
 * bench:send — InMails per second through the whole send path (HTTP request with a bearer token
 * and an Idempotency-Key, validation, auth, the send transaction with its debit, thread, message,
 * notification and events) with 4 concurrent senders, beside pgbench's TPC-B-like tps with 4
 * clients measured in the same run on the same PostgreSQL server.
 *
 *   DATABASE_URL=postgres://... npm run bench:send [-- --seconds 15 --members 40000]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Clock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { buildHttp } from '../src/http/app.ts';
import { createServices } from '../src/services/index.ts';
import { hashPassword } from '../src/services/crypto.ts';
import type { NewMember } from '../src/repositories/member.repository.ts';
import { seedUuid } from '../src/seed/ids.ts';
import { generateMember } from '../src/seed/profiles.ts';
import {
  machine,
  pgbenchTps,
  requirePostgres,
  scratchDatabase,
  dropDatabase,
  serverVersion,
} from './support.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    members: { type: 'string', default: '40000' },
    senders: { type: 'string', default: '4' },
    keep: { type: 'boolean', default: false },
  },
});
const SECONDS = Number(values.seconds);
const MEMBERS = Number(values.members);
const SENDERS = Number(values.senders);

const url = requirePostgres('bench:send');
const NAME = 'inmail_bench_send';
const dbUrl = await scratchDatabase(url, NAME);
const database = await openDatabase({ databaseUrl: dbUrl, poolSize: SENDERS * 2 });
await migrate(database.db);

// The system clock: the bench measures real time; caps are avoided by giving each sender its own
// recipients.
const clock: Clock = { now: () => new Date() };
const config = loadConfig({ LOG_LEVEL: 'silent', INMAIL_DATA_DIR: '/nonexistent', DATABASE_URL: dbUrl });
const services = createServices({ database, config, clock, queue: null, mailer: null });
const { store } = services;

console.log(`bench:send on ${machine()}, PostgreSQL ${await serverVersion(url)}`);
console.log(`loading ${MEMBERS} members and ${SENDERS} organizations ...`);
const password = 'bench-password';
const hash = await hashPassword(password);
for (let i = 0; i < MEMBERS; i += 2000) {
  const rows: { email: string; member: NewMember }[] = [];
  for (let k = i; k < Math.min(i + 2000, MEMBERS); k++) {
    const { email, ...p } = generateMember(k);
    rows.push({ email, member: { ...p, id: seedUuid('member', k), accountId: seedUuid('account', k) } });
  }
  await store.tx(async (r) => {
    await r.accounts.insertMany(
      rows.map((x) => ({ id: x.member.accountId!, email: x.email })),
      hash,
    );
    await r.members.insertMany(rows.map((x) => x.member));
  });
}
const senders: { email: string; slice: number }[] = [];
for (let s = 0; s < SENDERS; s++) {
  const email = `sender${s}@bench.test`;
  await store.tx(async (r) => {
    const org = await r.organizations.create(`Bench ${s}`, `bench-${s}`);
    const accountId = await r.accounts.create(email, hash);
    const userId = await r.users.create({
      orgId: org.id,
      accountId,
      firstName: 'Bench',
      lastName: `Sender ${s}`,
      title: '',
      roles: ['recruiter'],
    });
    const seat = await services.credits.createSeatInTx(
      r,
      org.id,
      null,
      { userId, licenseType: 'corporate' },
      clock.now(),
    );
    return seat;
  });
  senders.push({ email, slice: s });
}
for (const s of await store.repos.seats.listAll()) {
  await services.credits.adjust(s.org_id, s.user_id!, s.id, 1_000_000, 'bench credits');
}
// Statistics for what was loaded, not for the tables the run fills: analyzed while empty, they would
// give the foreign-key checks cached plans that scan those tables row by row (docs/benchmarks.md).
await database.pool.query('ANALYZE members, accounts, member_search, users, seats, organizations');

const app = await buildHttp({ config, services, logger: false });
await app.ready();
const tokens: string[] = [];
for (const s of senders) {
  const r = await app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { email: s.email, password },
  });
  tokens.push(r.json().token);
}

const perSender = Math.floor(MEMBERS / SENDERS);
const cursor = senders.map(() => 0);
async function runFor(seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  let errors = 0;
  const counts = await Promise.all(
    senders.map(async (s, k) => {
      let n = 0;
      while (Date.now() < deadline) {
        const idx = s.slice * perSender + (cursor[k]! % perSender);
        cursor[k] = cursor[k]! + 1;
        const r = await app.inject({
          method: 'POST',
          url: '/v1/inmails',
          headers: { authorization: `Bearer ${tokens[k]}`, 'idempotency-key': randomUUID() },
          payload: {
            recipientId: seedUuid('member', idx),
            subject: 'A senior role on a platform team',
            body: 'Hi, I read about your work and would like to tell you about a role. Would you be open to a short call this week?',
          },
        });
        if (r.statusCode === 201) n++;
        else if (errors++ < 5) console.error('send failed', r.statusCode, r.body);
      }
      return n;
    }),
  );
  return { sent: counts.reduce((a, b) => a + b, 0), errors };
}

console.log('warming up (3 s) ...');
await runFor(3);
console.log(`measuring ${SECONDS} s with ${SENDERS} concurrent senders ...`);
const t0 = performance.now();
const { sent, errors } = await runFor(SECONDS);
const elapsed = (performance.now() - t0) / 1000;
const rate = sent / elapsed;
if (cursor.some((c) => c >= perSender))
  console.warn('warning: a sender ran out of fresh recipients; raise --members');

await app.close();
const check = await Promise.all(
  (await store.repos.seats.listAll()).map((s) => services.credits.verify(s.id)),
);
await database.close();
if (!values.keep) await dropDatabase(url, NAME);

console.log(`pgbench TPC-B-like, ${SENDERS} clients, ${SECONDS} s on the same server ...`);
const tps = await pgbenchTps(url, { clients: SENDERS, seconds: SECONDS });

const consistent = check.every((c) => c.stored.balance === c.sums.balance);
console.log('');
console.log(
  `send path:       ${rate.toFixed(0)} InMails/s (${sent} in ${elapsed.toFixed(1)} s, ${SENDERS} concurrent senders, ${errors} errors)`,
);
console.log(`pgbench TPC-B:   ${tps.toFixed(0)} tps (${SENDERS} clients, same server, same run)`);
console.log(`ratio:           ${(rate / tps).toFixed(2)}x pgbench TPC-B (goal >= 1.0x)`);
console.log(
  `ledger check:    stored balances ${consistent ? 'equal' : 'DIFFER FROM'} the sums of the entries`,
);
if (errors > 0 || !consistent) process.exit(1);
