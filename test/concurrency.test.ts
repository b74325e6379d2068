/**
 * Credits and caps under concurrency, on whichever backend the suite runs (PGlite serializes
 * transactions; PostgreSQL runs them truly in parallel on a pool of 8 connections).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from './support/app.ts';
import { as, memberId, type Client } from './support/client.ts';

let t: TestApp;
let admin: Client;
let r3: Client;

before(async () => {
  t = await createTestApp({ poolSize: 8 });
  admin = await as(t.app, 'admin@demo.test');
  r3 = await as(t.app, 'recruiter3@demo.test');
});
after(async () => {
  await t.close();
});

async function seat(c: Client) {
  return (await c.get('/v1/me')).body.seat as { id: string; balance: number };
}

test('B+20 concurrent sends from a seat holding B credits make exactly B InMails and a balance of 0', async () => {
  const B = 15;
  const s = await seat(r3);
  await admin.post(`/v1/seats/${s.id}/adjustments`, {
    amount: B - s.balance,
    reason: 'test: set the balance to B',
  });
  assert.equal((await seat(r3)).balance, B);

  const results = await Promise.all(
    Array.from({ length: B + 20 }, (_, k) =>
      r3.post('/v1/inmails', {
        recipientId: memberId(k + 1),
        subject: 'Concurrent',
        body: 'Hello there, a quick question?',
      }),
    ),
  );
  const ok = results.filter((r) => r.status === 201);
  const refused = results.filter((r) => r.status !== 201);
  assert.equal(ok.length, B, `exactly B sent (got ${ok.length})`);
  assert.ok(refused.every((r) => r.status === 402 && r.body.code === 'insufficient_credits'));
  assert.equal((await seat(r3)).balance, 0);
  const check = await t.services.credits.verify(s.id);
  assert.deepEqual(check.stored, check.sums);
  const spends = (await r3.get(`/v1/seats/${s.id}/ledger?limit=200`)).body.items.filter(
    (e: { kind: string }) => e.kind === 'spend',
  );
  assert.equal(spends.length, B);
  assert.equal(new Set(ok.map((r) => r.body.id)).size, B);
});

test('concurrent accept, decline and reply on one InMail refund once', async () => {
  const s = await seat(r3);
  await admin.post(`/v1/seats/${s.id}/adjustments`, { amount: 20, reason: 'test: credits for the race' });
  for (let k = 0; k < 8; k++) {
    const n = 40 + k;
    const sent = await r3.post('/v1/inmails', {
      recipientId: memberId(n),
      subject: 'Race',
      body: 'Would you talk?',
    });
    assert.equal(sent.status, 201);
    const m = await as(t.app, `member${n}@demo.test`);
    const answers = await Promise.all([
      m.post(`/v1/inmails/${sent.body.id}/accept`),
      m.post(`/v1/inmails/${sent.body.id}/decline`, { reason: 'not_a_fit' }),
      m.post(`/v1/inmails/${sent.body.id}/replies`, { body: 'Yes please' }),
      m.post(`/v1/inmails/${sent.body.id}/accept`),
    ]);
    assert.ok(
      answers.every((a) => a.status === 200 || a.status === 409),
      JSON.stringify(answers.map((a) => a.status)),
    );
    assert.equal(await t.services.store.repos.ledger.countFor(sent.body.id, 'refund'), 1);
    assert.equal(await t.services.store.repos.ledger.countFor(sent.body.id, 'spend'), 1);
  }
  const check = await t.services.credits.verify(s.id);
  assert.deepEqual(check.stored, check.sums);
});

test('frequency caps hold when recruiters of two organizations race for one candidate', async () => {
  const senders = [
    r3,
    await as(t.app, 'recruiter1@demo.test'),
    await as(t.app, 'recruiter2@demo.test'),
    await as(t.app, 'recruiter@northwind.test'),
  ];
  const target = memberId(49);
  const results = await Promise.all(
    senders.flatMap((c) =>
      [0, 1].map(() =>
        c.post('/v1/inmails', { recipientId: target, subject: 'Race', body: 'An opening for you?' }),
      ),
    ),
  );
  const ok = results.filter((r) => r.status === 201);
  // at most one per organization within 14 days: one from Demo Agency, one from Northwind
  assert.equal(ok.length, 2, JSON.stringify(results.map((r) => [r.status, r.body.code])));
  assert.ok(
    results.filter((r) => r.status !== 201).every((r) => r.status === 429 && r.body.code === 'frequency_cap'),
  );
});
