/**
 * bench:analytics — the dashboard reports over 10 million events on PostgreSQL: p50 and p95 of each
 * report answered from the rollups, beside the same figures from the send facts (source=raw) and
 * computed from the raw events, all in the same run on the same server.
 *
 * The events are generated inside the server (INSERT ... SELECT over generate_series: no network in
 * the way), then read by the real consumer (AnalyticsIngestService) in batches, which builds the
 * send facts and the rollups; its throughput is printed too.
 *
 *   DATABASE_URL=postgres://... npm run bench:analytics [-- --events 10000000 --runs 30 --keep]
 *   DATABASE_URL=postgres://... npm run bench:analytics -- --reuse   (queries only, on a kept database)
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { systemClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { AnalyticsIngestService } from '../src/services/analytics-ingest.service.ts';
import { createServices } from '../src/services/index.ts';
import {
  dropDatabase,
  machine,
  percentile,
  requirePostgres,
  scratchDatabase,
  serverVersion,
} from './support.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '10000000' },
    orgs: { type: 'string', default: '25' },
    runs: { type: 'string', default: '30' },
    'raw-runs': { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});
const EVENTS = Number(values.events);
const ORGS = Number(values.orgs);
const RUNS = Number(values.runs);
const RAW_RUNS = Number(values['raw-runs']);
/** Events per send in the generated mix (sent, delivered, opened, clicked, answer, refund, expiry, screen). */
const EVENTS_PER_SEND = 3.85;
const BIG_ORG_USERS = 60;
const ORG_USERS = 10;
const MEMBERS = 200_000;

const url = requirePostgres('bench:analytics');
const NAME = 'inmail_bench_analytics';
const dbUrl = values.reuse
  ? Object.assign(new URL(url), { pathname: `/${NAME}` }).toString()
  : await scratchDatabase(url, NAME);
const database = await openDatabase({ databaseUrl: dbUrl, poolSize: 4 });
const db = database.db;
const config = loadConfig({ LOG_LEVEL: 'silent', INMAIL_DATA_DIR: '/nonexistent', DATABASE_URL: dbUrl });
const services = createServices({ database, config, clock: systemClock, queue: null, mailer: null });

console.log(
  `bench:analytics on ${machine()}, PostgreSQL ${await serverVersion(url)}, ${new Date().toISOString()}`,
);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

async function load(): Promise<void> {
  await migrate(db);
  const sends = Math.round(EVENTS / EVENTS_PER_SEND);
  console.log(
    `generating ${ORGS} organizations, ${MEMBERS} members, ~${sends} sends (~${EVENTS} events) ...`,
  );
  const [, setupMs] = await timed(async () => {
    await sql`
      INSERT INTO organizations (name, slug)
      SELECT 'Bench ' || g, 'bench-' || lpad(g::text, 3, '0') FROM generate_series(0, ${ORGS - 1}::int) g`.execute(
      db,
    );
    await sql`
      CREATE UNLOGGED TABLE bench_orgs AS
      SELECT (row_number() OVER (ORDER BY slug) - 1)::int AS k, id FROM organizations`.execute(db);
    await sql`
      INSERT INTO accounts (email, password_hash)
      SELECT 'u' || o.k || '-' || g || '@bench.test', 'x'
      FROM bench_orgs o, generate_series(1, CASE WHEN o.k = 0 THEN ${BIG_ORG_USERS}::int ELSE ${ORG_USERS}::int END) g`.execute(
      db,
    );
    await sql`
      INSERT INTO users (org_id, account_id, first_name, last_name, roles, team)
      SELECT o.id, a.id, 'Recruiter', split_part(a.email, '@', 1), ARRAY['recruiter'], 'Team ' || (abs(hashtext(a.email)) % 6)
      FROM accounts a JOIN bench_orgs o ON split_part(a.email, '-', 1) = 'u' || o.k`.execute(db);
    await sql`
      INSERT INTO seats (org_id, user_id, license_type_id, anniversary_day, period_started_at, renews_at, balance, created_at)
      SELECT u.org_id, u.id, lt.id, 1, date_trunc('month', now()), date_trunc('month', now()) + interval '1 month',
             100 + abs(hashtext(u.id::text)) % 400, now() - interval '400 days'
      FROM users u, license_types lt WHERE lt.key = 'corporate' AND lt.org_id IS NULL`.execute(db);
    await sql`
      INSERT INTO members (first_name, last_name, seniority, time_zone)
      SELECT 'M', g::text,
             (ARRAY['intern','entry','associate','senior','lead','director','vp','partner'])[1 + g % 8],
             (ARRAY['UTC','America/New_York','America/Chicago','America/Los_Angeles','Europe/London','Europe/Berlin',
                    'Europe/Paris','Asia/Kolkata','Asia/Singapore','Asia/Tokyo','Australia/Sydney','America/Sao_Paulo'])[1 + (g / 8) % 12]
      FROM generate_series(1, ${MEMBERS}::int) g`.execute(db);
    await sql`
      CREATE UNLOGGED TABLE bench_users AS
      SELECT o.k AS org_k, (row_number() OVER (PARTITION BY o.k ORDER BY u.id) - 1)::int AS idx, u.id AS user_id,
             u.org_id, s.id AS seat_id
      FROM users u JOIN bench_orgs o ON o.id = u.org_id JOIN seats s ON s.user_id = u.id`.execute(db);
    await sql`CREATE INDEX ON bench_users (org_k, idx)`.execute(db);
    await sql`CREATE UNLOGGED TABLE bench_members AS SELECT (row_number() OVER (ORDER BY id) - 1)::int AS idx, id FROM members`.execute(
      db,
    );
    await sql`CREATE INDEX ON bench_members (idx)`.execute(db);
    // One row per send with its random draws; 40% of the sends are the biggest organization's.
    await sql`
      CREATE UNLOGGED TABLE bench_sends AS
      WITH r AS MATERIALIZED (
        SELECT g, random() AS ro, random() AS ro2, random() AS ru, random() AS rm, random() AS rt, random() AS rc,
               random() AS rcamp, random() AS rtpl, random() AS r_open, random() AS r_open_lat, random() AS r_ans,
               random() AS r_kind, random() AS r_lat, random() AS r_screen
        FROM generate_series(1, ${sends}::int) g
      ), x AS (
        SELECT r.*, CASE WHEN ro < 0.4 THEN 0 ELSE 1 + floor(ro2 * ${ORGS - 1}::int)::int END AS org_k FROM r
      )
      SELECT gen_random_uuid() AS id, bu.org_id, bu.user_id, x.org_k,
             CASE WHEN rc < 0.12 THEN 'message' ELSE 'inmail' END AS channel,
             CASE WHEN rc < 0.12 THEN NULL ELSE bu.seat_id END AS seat_id,
             bm.id AS member_id,
             now() - rt * interval '365 days' AS sent_at,
             CASE WHEN rcamp < 0.3 THEN md5('c' || x.org_k || '-' || floor(rcamp * 66))::uuid END AS campaign_id,
             CASE WHEN rcamp < 0.3 THEN floor(rcamp * 1000)::int % 4 END AS step,
             CASE WHEN rtpl < 0.7 THEN md5('t' || x.org_k || '-' || floor(rtpl * 43))::uuid END AS template_id,
             CASE WHEN rtpl < 0.7 THEN 1 + floor(rtpl * 1000)::int % 3 END AS template_version,
             r_open, r_open_lat, r_ans, r_kind, r_screen,
             now() - rt * interval '365 days' + r_lat * r_lat * interval '20 days' AS answer_at
      FROM x
      JOIN bench_users bu ON bu.org_k = x.org_k
        AND bu.idx = floor(x.ru * CASE WHEN x.org_k = 0 THEN ${BIG_ORG_USERS}::int ELSE ${ORG_USERS}::int END)::int
      JOIN bench_members bm ON bm.idx = floor(x.rm * ${MEMBERS}::int)::int`.execute(db);
  });
  console.log(`  setup ${(setupMs / 1000).toFixed(1)} s`);

  const [, eventsMs] = await timed(async () => {
    // All events in the order they happen, as the consumer meets them in production: sends,
    // then their outcomes days later, moves into screening after an acceptance.
    await sql`
      INSERT INTO events (type, occurred_at, org_id, actor_user_id, actor_member_id, seat_id, recipient_member_id,
                          inmail_id, campaign_id, data)
      SELECT type, at, org_id, actor_user_id, actor_member_id, seat_id, recipient_member_id, inmail_id, campaign_id, data
      FROM (
        SELECT channel || '.sent' AS type, sent_at AS at, org_id, user_id AS actor_user_id, NULL::uuid AS actor_member_id,
               seat_id, member_id AS recipient_member_id, id AS inmail_id, campaign_id,
               jsonb_build_object('templateId', template_id, 'templateVersion', template_version, 'step', step) AS data
        FROM bench_sends
        UNION ALL
        SELECT v.type, v.at, s.org_id, NULL, CASE WHEN v.answer THEN s.member_id END, s.seat_id, s.member_id, s.id,
               s.campaign_id, '{}'::jsonb
        FROM bench_sends s CROSS JOIN LATERAL (VALUES
          (s.channel || '.delivered', s.sent_at + interval '1 second', false),
          (CASE WHEN s.r_open < 0.55 THEN s.channel || '.opened' END, s.sent_at + s.r_open_lat ^ 3 * interval '10 days', false),
          (CASE WHEN s.r_open < 0.10 THEN s.channel || '.clicked' END,
           s.sent_at + s.r_open_lat ^ 3 * interval '10 days' + interval '1 minute', false),
          (CASE WHEN s.r_ans < 0.36 THEN
             CASE WHEN s.channel = 'message' THEN 'message.replied'
                  WHEN s.r_kind < 0.5 THEN 'inmail.accepted'
                  WHEN s.r_kind < 0.78 THEN 'inmail.declined'
                  ELSE 'inmail.replied' END END, s.answer_at, true),
          (CASE WHEN s.r_ans < 0.36 AND s.seat_id IS NOT NULL THEN 'inmail.refunded' END, s.answer_at, false),
          (CASE WHEN s.r_ans >= 0.36 AND s.channel = 'inmail' THEN 'inmail.expired' END, s.sent_at + interval '90 days', false)
        ) v(type, at, answer)
        WHERE v.type IS NOT NULL AND v.at <= now()
        UNION ALL
        SELECT 'project.stage_changed', answer_at + interval '2 days', org_id, NULL, NULL, NULL, member_id, NULL, NULL,
               '{"to": "screening", "from": "replied", "source": "manual"}'::jsonb
        FROM bench_sends
        WHERE r_ans < 0.36 AND channel = 'inmail' AND r_kind < 0.5 AND r_screen < 0.25
          AND answer_at + interval '2 days' <= now()
      ) e
      ORDER BY at`.execute(db);
    await sql`
      INSERT INTO ledger_entries (org_id, seat_id, kind, amount, inmail_id, created_at)
      SELECT org_id, seat_id, 'spend', -1, id, sent_at FROM bench_sends WHERE seat_id IS NOT NULL
      UNION ALL
      SELECT org_id, seat_id, 'refund', 1, id, answer_at FROM bench_sends
      WHERE seat_id IS NOT NULL AND r_ans < 0.36 AND answer_at <= now()
      UNION ALL
      SELECT s.org_id, s.id, 'grant', 150, NULL, date_trunc('month', now()) - m * interval '1 month'
      FROM seats s, generate_series(0, 12) m
      ORDER BY 6`.execute(db);
  });
  const counts = await sql<{ events: number; ledger: number; sends: number }>`
    SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM ledger_entries)::int AS ledger,
           (SELECT count(*) FROM bench_sends)::int AS sends`.execute(db);
  const c = counts.rows[0]!;
  console.log(
    `  ${c.events} events and ${c.ledger} ledger entries for ${c.sends} sends written in ${(eventsMs / 1000).toFixed(1)} s ` +
      `(${Math.round(c.events / (eventsMs / 1000))} events/s, INSERT ... SELECT inside the server)`,
  );
  await database.pool.query('ANALYZE');

  console.log('consuming them (facts, rollups, pipeline moves) ...');
  const ingest = new AnalyticsIngestService(services.store, systemClock, { batchSize: 20_000 });
  const t0 = performance.now();
  let consumed = 0;
  let lastPrint = t0;
  for (;;) {
    const r = await ingest.catchUp(5);
    consumed += r.events;
    if (performance.now() - lastPrint > 30_000) {
      const s = (performance.now() - t0) / 1000;
      console.log(`  ${consumed} events in ${s.toFixed(0)} s (${Math.round(consumed / s)} events/s)`);
      lastPrint = performance.now();
    }
    if (r.current) break;
  }
  const ingestS = (performance.now() - t0) / 1000;
  console.log(
    `  consumed ${consumed} events in ${ingestS.toFixed(1)} s: ${Math.round(consumed / ingestS)} events/s (batches of 20,000)`,
  );
  await database.pool.query('VACUUM ANALYZE');
}

if (!values.reuse) await load();

const sizes = await sql<{ name: string; rows: number; size: string }>`
  SELECT c.relname AS name, c.reltuples::bigint AS rows, pg_size_pretty(pg_total_relation_size(c.oid)) AS size
  FROM pg_class c WHERE c.relname IN ('events', 'ledger_entries', 'analytics_sends',
    'analytics_heatmap', 'analytics_ledger', 'analytics_rollup') ORDER BY c.relname`.execute(db);
console.log('tables: ' + sizes.rows.map((r) => `${r.name} ${r.rows} rows ${r.size}`).join('; '));

// The dashboard: the biggest organization, one year.
const org = (await sql<{ id: string }>`SELECT id FROM organizations WHERE slug = 'bench-000'`.execute(db))
  .rows[0]!.id;
const orgEvents = (
  await sql<{ n: number }>`SELECT count(*)::int AS n FROM events WHERE org_id = ${org}`.execute(db)
).rows[0]!.n;
const today = new Date().toISOString().slice(0, 10);
const day = (n: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const from = day(-365);
const to = day(1);
const templates = (
  await sql<{ key: string }>`
    SELECT key FROM analytics_rollup WHERE org_id = ${org} AND dim = 'template' AND grain = 'm' AND key <> '' GROUP BY key
    ORDER BY sum(sent) DESC LIMIT 2`.execute(db)
).rows.map((r) => r.key);
console.log(
  `dashboard of the biggest organization: ${orgEvents} of the events, ${from} to ${to} (exclusive)`,
);

const a = services.analytics;
const p = { from, to, filters: {} };
type Q = { name: string; run: (source: 'rollup' | 'raw') => Promise<unknown> };
const queries: Q[] = [
  { name: 'outreach totals, 7 days', run: (source) => a.outreach(org, 'none', { ...p, source }) },
  { name: 'outreach by recruiter', run: (source) => a.outreach(org, 'recruiter', { ...p, source }) },
  { name: 'outreach by team', run: (source) => a.outreach(org, 'team', { ...p, source }) },
  {
    name: 'outreach by template+version',
    run: (source) => a.outreach(org, 'templateVersion', { ...p, source }),
  },
  { name: 'outreach by sequence step', run: (source) => a.outreach(org, 'step', { ...p, source }) },
  { name: 'outreach by seniority', run: (source) => a.outreach(org, 'seniority', { ...p, source }) },
  { name: 'outreach by channel', run: (source) => a.outreach(org, 'channel', { ...p, source }) },
  {
    name: 'outreach by week, 30 days',
    run: (source) => a.outreach(org, 'week', { ...p, windowDays: 30, source }),
  },
  {
    name: 'trend by month (6 months)',
    run: (source) => a.trends(org, 'month', 'none', { filters: {}, source }),
  },
  {
    name: 'A/B two templates',
    run: (source) =>
      a.abTest(
        org,
        { kind: 'template', templateId: templates[0]! },
        { kind: 'template', templateId: templates[1]! },
        { ...p, source },
      ),
  },
  { name: 'send-time heatmap', run: (source) => a.heatmap(org, { ...p, source }) },
  { name: 'credits by seat', run: () => a.credits(org, 'seat', { from: day(-30), to }) },
];

async function measure(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push((await timed(fn))[1]);
  return out.sort((x, y) => x - y);
}

/** The same counts computed from the raw events: pivot each send's events, then aggregate. */
async function fromEvents(groupBy: 'none' | 'recruiter' | 'month', windowDays: number) {
  const key =
    groupBy === 'recruiter'
      ? sql`user_id`
      : groupBy === 'month'
        ? sql`to_char(sent_at AT TIME ZONE 'UTC', 'YYYY-MM')`
        : sql`''`;
  const w = sql`make_interval(hours => ${windowDays * 24}::int)`;
  const r = await sql<{
    key: string;
    sent: number;
    opened: number;
    accepted: number;
    declined: number;
    replied: number;
    responded: number;
  }>`
    WITH s AS (
      SELECT inmail_id,
             min(occurred_at) FILTER (WHERE type IN ('inmail.sent', 'message.sent') AND NOT data ? 'author') AS sent_at,
             min(actor_user_id::text) FILTER (WHERE type IN ('inmail.sent', 'message.sent') AND NOT data ? 'author') AS user_id,
             min(occurred_at) FILTER (WHERE type IN ('inmail.opened', 'message.opened')) AS opened_at,
             min(occurred_at) FILTER (WHERE type = 'inmail.accepted') AS accepted_at,
             min(occurred_at) FILTER (WHERE type = 'inmail.declined') AS declined_at,
             min(occurred_at) FILTER (WHERE type IN ('inmail.replied', 'message.replied')
                                         OR (type = 'message.sent' AND data->>'author' = 'recipient')) AS replied_at
      FROM events
      WHERE org_id = ${org} AND inmail_id IS NOT NULL
        AND occurred_at >= ${from}::date AND occurred_at < ${to}::date + interval '91 days'
      GROUP BY inmail_id
    )
    SELECT ${key} AS key, count(*)::int AS sent,
           count(*) FILTER (WHERE opened_at <= sent_at + ${w})::int AS opened,
           count(*) FILTER (WHERE accepted_at <= sent_at + ${w})::int AS accepted,
           count(*) FILTER (WHERE declined_at <= sent_at + ${w})::int AS declined,
           count(*) FILTER (WHERE replied_at <= sent_at + ${w})::int AS replied,
           count(*) FILTER (WHERE least(accepted_at, declined_at, replied_at) <= sent_at + ${w})::int AS responded
    FROM s WHERE sent_at >= ${from}::date AND sent_at < ${to}::date
    GROUP BY 1 ORDER BY 1`.execute(db);
  return r.rows;
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0)).padStart(6);
console.log('');
console.log(`${'report (biggest org, 1 year)'.padEnd(32)} rollup p50    p95 | facts p50    p95`);
const all: number[] = [];
for (const q of queries) {
  const roll = await measure(() => q.run('rollup'), RUNS);
  all.push(...roll);
  const raw = q.name.startsWith('credits')
    ? null
    : await measure(() => q.run('raw'), Math.max(1, Math.min(RUNS, 5)));
  console.log(
    `${q.name.padEnd(32)} ${fmt(percentile(roll, 50))} ${fmt(percentile(roll, 95))} ms | ` +
      (raw ? `${fmt(percentile(raw, 50))} ${fmt(percentile(raw, 95))} ms` : '(ledger rollup only)'),
  );
}
all.sort((x, y) => x - y);
console.log(
  `${'all dashboard queries'.padEnd(32)} ${fmt(percentile(all, 50))} ${fmt(percentile(all, 95))} ms (goal: p95 <= 100 ms)`,
);

console.log('');
console.log('the same aggregates from the raw events (pivot of every send, 7-day window):');
let agree = true;
for (const g of ['none', 'recruiter', 'month'] as const) {
  const times: number[] = [];
  let rows: Awaited<ReturnType<typeof fromEvents>> = [];
  for (let i = 0; i < RAW_RUNS; i++) {
    const [r, ms] = await timed(() => fromEvents(g, 7));
    rows = r;
    times.push(ms);
  }
  times.sort((x, y) => x - y);
  const rep = await a.outreach(org, g === 'none' ? 'none' : g, { ...p, source: 'rollup' });
  const mine = new Map(rep.rows.map((r) => [r.key, r]));
  const same = rows.every((r) => {
    const m = mine.get(r.key);
    return (
      m !== undefined &&
      m.sent === r.sent &&
      m.opened === r.opened &&
      m.accepted === r.accepted &&
      m.declined === r.declined &&
      m.replied === r.replied &&
      m.responded === r.responded
    );
  });
  agree &&= same && rows.length === rep.rows.filter((r) => r.sent > 0).length;
  const roll = await measure(
    () => a.outreach(org, g === 'none' ? 'none' : g, { ...p, source: 'rollup' }),
    RUNS,
  );
  console.log(
    `  by ${g.padEnd(10)} raw events p50 ${fmt(percentile(times, 50))} ms (${RAW_RUNS} runs) | rollup p50 ${fmt(percentile(roll, 50))} ms | ` +
      `${(percentile(times, 50) / percentile(roll, 50)).toFixed(0)}x | counts ${same ? 'equal' : 'DIFFER'}`,
  );
}

await database.close();
if (!values.keep && !values.reuse) await dropDatabase(url, NAME);
if (!agree) {
  console.error('the rollups and the raw events disagree');
  process.exit(1);
}
