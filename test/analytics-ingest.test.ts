/**
 * The analytics consumer reads every event exactly once, in commit order: a transaction that
 * commits after a later one is read when it commits (PostgreSQL: two connections); a rolled-back
 * one holds nothing up; consumers racing each other consume nothing twice; a new candidate starts
 * where the organization's outreach left them.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { createTestApp, type TestApp } from './support/app.ts';
import { as, memberId } from './support/client.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ poolSize: 6 });
});
after(async () => {
  await t.close();
});

async function sends(orgId: string): Promise<string[]> {
  const r = await sql<{ send_id: string }>`
    SELECT send_id FROM analytics_sends WHERE org_id = ${orgId} ORDER BY sent_at`.execute(t.database.db);
  return r.rows.map((x) => x.send_id);
}

const insert = (orgId: string, id: string) => sql`
  INSERT INTO events (type, occurred_at, org_id, actor_user_id, recipient_member_id, inmail_id, data)
  VALUES ('inmail.sent', now(), ${orgId}, NULL, NULL, ${id}, '{}')`;

test(
  'a transaction that commits after a later one is consumed when it commits',
  { skip: !process.env.DATABASE_URL && 'PGlite runs one transaction at a time' },
  async () => {
    const orgId = randomUUID();
    await t.services.analyticsIngest.catchUp();
    const slow = new pg.Client({ connectionString: t.database.url });
    await slow.connect();
    try {
      const early = randomUUID();
      const late = randomUUID();
      await slow.query('BEGIN');
      // Takes the lower id, commits last.
      await slow.query(
        `INSERT INTO events (type, occurred_at, org_id, inmail_id, data) VALUES ('inmail.sent', now(), $1, $2, '{}')`,
        [orgId, early],
      );
      await insert(orgId, late).execute(t.database.db);
      const first = await t.services.analyticsIngest.catchUp();
      assert.equal(first.current, true);
      assert.deepEqual(await sends(orgId), [late], 'the committed event only');
      const state = await t.services.analyticsIngest.state();
      assert.equal(state.waiting.length >= 1, true, 'the open transaction is remembered');
      await slow.query('COMMIT');
      await t.services.analyticsIngest.catchUp();
      assert.deepEqual((await sends(orgId)).sort(), [early, late].sort(), 'read once it committed');

      // A rolled-back transaction leaves nothing behind and blocks nothing.
      await slow.query('BEGIN');
      await slow.query(
        `INSERT INTO events (type, occurred_at, org_id, inmail_id, data) VALUES ('inmail.sent', now(), $1, $2, '{}')`,
        [orgId, randomUUID()],
      );
      const third = randomUUID();
      await insert(orgId, third).execute(t.database.db);
      await t.services.analyticsIngest.catchUp();
      await slow.query('ROLLBACK');
      await t.services.analyticsIngest.catchUp();
      assert.equal((await sends(orgId)).length, 3);
      const after = await t.services.analyticsIngest.catchUp();
      assert.deepEqual([after.events, after.current], [0, true]);
    } finally {
      await slow.end();
    }
  },
);

test('consumers racing each other consume every event once', async () => {
  const orgId = randomUUID();
  const before = (await t.services.analyticsIngest.state()).events_consumed;
  const pending = (
    await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM events e, analytics_consumer c WHERE e.tx >= c.next_xid`.execute(
      t.database.db,
    )
  ).rows[0]!.n;
  for (let i = 0; i < 40; i++) await insert(orgId, randomUUID()).execute(t.database.db);
  await Promise.all([1, 2, 3].map(() => t.services.analyticsIngest.catchUp()));
  const state = await t.services.analyticsIngest.state();
  assert.equal(state.events_consumed - before, pending + 40);
  assert.equal((await sends(orgId)).length, 40);
  const daily = await sql<{ sent: number }>`
    SELECT sum(sent)::int AS sent FROM analytics_rollup WHERE org_id = ${orgId} AND dim = 'all' AND grain = 'd'`.execute(
    t.database.db,
  );
  assert.equal(daily.rows[0]!.sent, 40);
});

test('a candidate added after the outreach starts as contacted or replied', async () => {
  const r1 = await as(t.app, 'recruiter1@demo.test');
  const p = await r1.post('/v1/projects', { name: 'Late list' });
  const sent = await r1.post('/v1/inmails', {
    recipientId: memberId(45),
    subject: 'Hi',
    body: 'A role for you?',
  });
  assert.equal(sent.status, 201);
  const sent2 = await r1.post('/v1/inmails', {
    recipientId: memberId(46),
    subject: 'Hi',
    body: 'A role for you?',
  });
  const m46 = await as(t.app, 'member46@demo.test');
  assert.equal((await m46.post(`/v1/inmails/${sent2.body.id}/accept`)).status, 200);
  const add = await r1.post(`/v1/projects/${p.body.id}/candidates`, {
    memberIds: [memberId(45), memberId(46), memberId(47)],
  });
  assert.equal(add.status, 201);
  const stage = Object.fromEntries(
    add.body.items.map((c: { memberId: string; stage: string }) => [c.memberId, c.stage]),
  );
  assert.deepEqual(stage, {
    [memberId(45)]: 'contacted',
    [memberId(46)]: 'replied',
    [memberId(47)]: 'uncontacted',
  });
  // The demo's own history (written before any consumer ran) is in the reports too.
  const admin = await as(t.app, 'admin@demo.test');
  const orgId = (await admin.get('/v1/me')).body.organization.id;
  const rep = await admin.get('/v1/analytics/outreach?from=2025-01-01&to=2027-01-01&windowDays=90');
  const expected = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM events
    WHERE org_id = ${orgId} AND type IN ('inmail.sent', 'message.sent') AND NOT data ? 'author'`.execute(
    t.database.db,
  );
  assert.ok(expected.rows[0]!.n > 50);
  assert.equal(rep.body.totals.sent, expected.rows[0]!.n);
});
