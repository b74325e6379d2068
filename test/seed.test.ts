/**
 * `inmail seed --members N` (DemoService.addSynthetic): members numbered after the existing ones,
 * written in batches two at a time, every one searchable and connected, with progress (members,
 * then connections) that only goes up and ends at N.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from './support/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.close();
});

test('adds N members after the existing ones, each searchable and connected; progress ends at N', async () => {
  const repos = t.services.store.repos;
  const before = await repos.members.maxDemoIndex();
  const ticks: { done: number; total: number; phase: string }[] = [];
  const n = 2_345; // three batches of at most 1,000, two in flight
  const r = await t.services.demo.addSynthetic(n, 'seed-password', (done, total, phase) =>
    ticks.push({ done, total, phase }),
  );
  assert.deepEqual(r, { from: before + 1, to: before + n });
  const members = ticks.filter((k) => k.phase === 'members').map((k) => k.done);
  const connections = ticks.filter((k) => k.phase === 'connections').map((k) => k.done);
  assert.deepEqual(
    ticks.map((k) => k.phase),
    [...members.map(() => 'members'), ...connections.map(() => 'connections')],
    'the members first, then their connections',
  );
  assert.ok(ticks.every((k) => k.total === n));
  for (const [phase, progress] of Object.entries({ members, connections })) {
    assert.equal(progress.at(-1), n, `${phase} end at N`);
    assert.deepEqual(
      progress,
      [...progress].sort((a, b) => a - b),
      `${phase} progress only goes up`,
    );
  }
  // 2,345 members have some 23,000 pairs: five batches of 5,000, reported as they are written.
  assert.ok(connections.length >= 5, `connections progress reported per batch (${connections.length})`);
  assert.ok(connections[0]! > 0 && connections[0]! < n, `first report part-way (${connections[0]})`);

  const counts = await sql<{ accounts: number; indexed: number; connected: number }>`
    SELECT count(*)::int AS accounts,
           count(s.member_id)::int AS indexed,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM connections c
                                          WHERE c.member_a = m.id OR c.member_b = m.id))::int AS connected
    FROM accounts a
    JOIN members m ON m.account_id = a.id
    LEFT JOIN member_search s ON s.member_id = m.id
    WHERE a.email ~ '^member[0-9]+@demo\\.test$'
      AND substring(a.email FROM '^member([0-9]+)@')::int > ${before}`.execute(t.services.store.db);
  const c = counts.rows[0]!;
  assert.equal(c.accounts, n, 'every number from before+1 to before+N exists once');
  assert.equal(c.indexed, n, 'every new member is in the search index');
  assert.ok(c.connected > n * 0.9, `most new members have connections (${c.connected} of ${n})`);
  assert.equal(await repos.members.maxDemoIndex(), before + n);

  // The new members can log in with the given password.
  const login = await t.app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { email: `member${before + n}@demo.test`, password: 'seed-password' },
  });
  assert.equal(login.statusCode, 200, login.body);
});

test('search rows keep their small columns in the row: only the document goes to TOAST', async () => {
  // Facets and filters read graduation years, companies and the trigram keys of every hit; out of
  // line, each read would cost TOAST lookups (migration 0011).
  const db = t.services.store.db;
  const toast = await sql<{ name: string }>`
    SELECT reltoastrelid::regclass::text AS name FROM pg_class WHERE oid = 'member_search'::regclass`.execute(
    db,
  );
  const values = await sql<{ n: number }>`
    SELECT count(DISTINCT chunk_id)::int AS n FROM ${sql.raw(toast.rows[0]!.name)}`.execute(db);
  const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM member_search`.execute(db);
  assert.ok(rows.rows[0]!.n > 2_000, 'the test above filled the index');
  assert.ok(
    values.rows[0]!.n <= rows.rows[0]!.n,
    `${values.rows[0]!.n} values out of line for ${rows.rows[0]!.n} rows: more than one per row`,
  );
});

test('an InMail counter update stays on its page (room left by fillfactor), so no index is touched', async () => {
  // What the trigger on `inmails` runs for every InMail sent or answered (migration 0012).
  const db = t.services.store.db;
  const block = (ctid: string): number => Number(/^\((\d+),/.exec(ctid)![1]);
  const first = await sql<{ member_id: string; ctid: string }>`
    SELECT member_id, ctid::text AS ctid FROM member_search
    WHERE ctid >= '(0,0)'::tid AND ctid < '(1,0)'::tid LIMIT 1`.execute(db);
  const row = first.rows[0]!;
  assert.equal(block(row.ctid), 0, 'a member on the first, long-filled page');
  const updated = await sql<{ ctid: string }>`
    UPDATE member_search SET inmails_received = inmails_received + 1
    WHERE member_id = ${row.member_id} RETURNING ctid::text AS ctid`.execute(db);
  assert.equal(block(updated.rows[0]!.ctid), 0, 'the new version is on the same page');
});
