/**
 * The InMail lifecycle through the HTTP API: sending, credits, refunds under both policies,
 * answers, conversations, member controls, frequency caps, expiry, renewals, tenancy.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from './support/app.ts';
import { as, memberId, type Client } from './support/client.ts';

let t: TestApp;
let r1: Client; // recruiter1, Demo Agency, corporate seat
let r2: Client; // recruiter2, Demo Agency, professional seat
let r3: Client; // recruiter3, Demo Agency, lite seat with 30 credits
let nw: Client; // recruiter@northwind.test
let admin: Client;

const DAY = 86_400_000;

/** Logs everyone in again: sessions expire when the test clock jumps by months. */
async function relogin() {
  r1 = await as(t.app, 'recruiter1@demo.test');
  r2 = await as(t.app, 'recruiter2@demo.test');
  r3 = await as(t.app, 'recruiter3@demo.test');
  nw = await as(t.app, 'recruiter@northwind.test');
  admin = await as(t.app, 'admin@demo.test');
}

before(async () => {
  t = await createTestApp();
  r1 = await as(t.app, 'recruiter1@demo.test');
  r2 = await as(t.app, 'recruiter2@demo.test');
  r3 = await as(t.app, 'recruiter3@demo.test');
  nw = await as(t.app, 'recruiter@northwind.test');
  admin = await as(t.app, 'admin@demo.test');
});
after(async () => {
  await t.close();
});

async function member(n: number) {
  return as(t.app, `member${n}@demo.test`);
}

async function seatOf(c: Client) {
  const me = await c.get('/v1/me');
  return me.body.seat as { id: string; balance: number; pendingRefunds: number; reserved: number };
}

function send(c: Client, n: number, extra: Record<string, unknown> = {}, key?: string) {
  return c.post(
    '/v1/inmails',
    {
      recipientId: memberId(n),
      subject: 'A role for you',
      body: 'Hello! Would you be open to a short call?',
      ...extra,
    },
    key ? { 'idempotency-key': key } : {},
  );
}

async function ledgerKinds(c: Client, seatId: string) {
  const l = await c.get(`/v1/seats/${seatId}/ledger?limit=200`);
  return l.body.items as { kind: string; amount: number; inmailId: string | null }[];
}

describe('sending', () => {
  test('the demo seats are as documented', async () => {
    const s3 = await seatOf(r3);
    assert.equal(s3.balance, 30, 'recruiter3 holds a lite seat with its 30 credits unspent');
    const me1 = (await r1.get('/v1/me')).body;
    assert.equal(me1.seat.licenseType.key, 'corporate');
    assert.equal((await r2.get('/v1/me')).body.seat.licenseType.key, 'professional');
    assert.equal((await nw.get('/v1/me')).body.seat.licenseType.key, 'professional');
    const hist = await r1.get('/v1/sent?limit=100');
    assert.ok(hist.body.items.length > 10, 'recruiter1 has demo history');
    for (const th of hist.body.items) {
      const n = Number(/member(\d+)/.exec(th.recipient.name)?.[1] ?? 0);
      assert.ok(n === 0 || n > 50);
    }
  });

  test('an InMail costs one credit, reaches the inbox with a notification, and records the first open once', async () => {
    const before = await seatOf(r3);
    const res = await send(r3, 1);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.charged, true);
    assert.equal(res.body.free, false);
    assert.equal(res.body.creditsRemaining, before.balance - 1);
    const after = await seatOf(r3);
    assert.equal(after.balance, before.balance - 1);
    assert.equal(after.pendingRefunds, before.pendingRefunds + 1);
    const spend = (await ledgerKinds(r3, after.id)).find((e) => e.inmailId === res.body.id);
    assert.deepEqual([spend?.kind, spend?.amount], ['spend', -1]);

    const m1 = await member(1);
    const notes = await m1.get('/v1/notifications');
    assert.ok(notes.body.unread >= 1);
    assert.equal(notes.body.items[0].kind, 'inmail.received');
    const inbox = await m1.get('/v1/inbox');
    assert.equal(inbox.body.items[0].id, res.body.threadId);
    assert.equal(inbox.body.items[0].unread, 1);
    assert.equal(inbox.body.items[0].sender.organization, 'Demo Agency');

    const open1 = await m1.get(`/v1/inmails/${res.body.id}`);
    t.clock.advance(60_000);
    const open2 = await m1.get(`/v1/inmails/${res.body.id}`);
    assert.ok(open1.body.openedAt);
    assert.equal(open2.body.openedAt, open1.body.openedAt, 'the first open is kept');
    const opened = await t.services.store.repos.events.forInmail(res.body.id);
    assert.equal(opened.filter((e) => e.type === 'inmail.opened').length, 1);
    assert.deepEqual(
      opened.map((e) => e.type),
      ['inmail.sent', 'inmail.delivered', 'inmail.opened'],
    );
  });

  test('to a 1st-degree connection it is a free message', async () => {
    const page = await r1.get('/v1/members?limit=100');
    const friend = page.body.items.find((m: { degree: number }) => m.degree === 1);
    assert.ok(friend, 'recruiter1 has connections in the demo');
    const before = await seatOf(r1);
    const res = await r1.post('/v1/inmails', { recipientId: friend.id, subject: 'Hi', body: 'Catching up?' });
    assert.equal(res.status, 201);
    assert.equal(res.body.free, true);
    assert.equal(res.body.charged, false);
    assert.equal(res.body.channel, 'message');
    assert.equal((await seatOf(r1)).balance, before.balance);
  });

  test('no credits left: 402 insufficient_credits and nothing written', async () => {
    const s = await seatOf(r2);
    const adj = await admin.post(`/v1/seats/${s.id}/adjustments`, {
      amount: -s.balance,
      reason: 'test: empty the seat',
    });
    assert.equal(adj.status, 201);
    const entriesBefore = (await ledgerKinds(r2, s.id)).length;
    const sentBefore = (await r2.get('/v1/sent?limit=100')).body.items.length;
    const res = await send(r2, 2);
    assert.equal(res.status, 402);
    assert.equal(res.body.code, 'insufficient_credits');
    assert.equal((await ledgerKinds(r2, s.id)).length, entriesBefore);
    assert.equal((await r2.get('/v1/sent?limit=100')).body.items.length, sentBefore);
    const inbox = await (await member(2)).get('/v1/inbox');
    assert.equal(inbox.body.items.length, 0);
    await admin.post(`/v1/seats/${s.id}/adjustments`, { amount: s.balance, reason: 'test: restore' });
  });

  test('an adjustment cannot take a seat below zero', async () => {
    const s = await seatOf(r2);
    const res = await admin.post(`/v1/seats/${s.id}/adjustments`, {
      amount: -(s.balance + 1),
      reason: 'too much',
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.code, 'balance_would_be_negative');
  });

  test('subject and body limits are enforced with the field named', async () => {
    const long = await send(r3, 3, { subject: 'x'.repeat(201) });
    assert.equal(long.status, 400);
    assert.equal(long.body.errors[0].field, 'body.subject');
    const body = await send(r3, 3, { body: 'y'.repeat(2001) });
    assert.equal(body.status, 400);
    assert.equal(body.body.errors[0].field, 'body.body');
    const empty = await send(r3, 3, { body: '   ' });
    assert.equal(empty.status, 400);
  });

  test('a recipient who blocked the sender or the organization, turned InMail off or snoozed: refused, nothing spent', async () => {
    const m = await member(4);
    const r1Me = (await r1.get('/v1/me')).body;
    const block = await m.post('/v1/blocks', { userId: r1Me.user.id });
    assert.equal(block.status, 201);
    const before = await seatOf(r1);
    const blocked = await send(r1, 4);
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.code, 'blocked_by_recipient');
    assert.equal((await seatOf(r1)).balance, before.balance);
    await m.del(`/v1/blocks/${block.body.id}`);

    const orgBlock = await m.post('/v1/blocks', { organizationId: r1Me.organization.id });
    assert.equal((await send(r2, 4)).body.code, 'blocked_by_recipient', 'the whole organization is blocked');
    await m.del(`/v1/blocks/${orgBlock.body.id}`);

    await m.patch('/v1/preferences', { inmailEnabled: false });
    const off = await send(r1, 4);
    assert.equal(off.status, 422);
    assert.equal(off.body.code, 'recipient_inmail_off');

    const until = new Date(t.clock.now().getTime() + 30 * DAY).toISOString();
    await m.patch('/v1/preferences', { inmailEnabled: true, contactLaterUntil: until });
    const snoozed = await send(r1, 4);
    assert.equal(snoozed.status, 422);
    assert.equal(snoozed.body.code, 'recipient_snoozed');
    assert.equal(snoozed.body.until, until.replace('Z', '.000Z').replace('.000.000Z', '.000Z'));
    assert.equal((await seatOf(r1)).balance, before.balance);

    await m.patch('/v1/preferences', { contactLaterUntil: null });
    assert.equal((await send(r1, 4)).status, 201);
  });
});

describe('answers and refunds', () => {
  test('accept refunds the credit (response within 90 days) exactly once; the conversation opens', async () => {
    const before = await seatOf(r3);
    const res = await send(r3, 5);
    const m = await member(5);
    const acc = await m.post(`/v1/inmails/${res.body.id}/accept`);
    assert.equal(acc.status, 200);
    assert.equal(acc.body.status, 'accepted');
    assert.ok(acc.body.refundedAt);
    assert.equal((await seatOf(r3)).balance, before.balance, 'spent then refunded');
    const again = await m.post(`/v1/inmails/${res.body.id}/accept`);
    assert.equal(again.status, 200, 'accepting twice is harmless');
    const decline = await m.post(`/v1/inmails/${res.body.id}/decline`, { reason: 'not_a_fit' });
    assert.equal(decline.status, 409);
    assert.equal(decline.body.code, 'already_responded');
    const refunds = (await ledgerKinds(r3, before.id)).filter(
      (e) => e.inmailId === res.body.id && e.kind === 'refund',
    );
    assert.equal(refunds.length, 1);

    // The events of the answer and of the refund: who, for which organization, seat and recipient.
    const seatId = before.id;
    const orgId = (await r3.get('/v1/me')).body.organization.id;
    const rows = await t.services.store.repos.events.forInmail(res.body.id);
    assert.deepEqual(
      rows.map((e) => e.type),
      ['inmail.sent', 'inmail.delivered', 'inmail.accepted', 'inmail.refunded'],
    );
    for (const e of rows.slice(2)) {
      assert.deepEqual(
        [e.org_id, e.seat_id, e.recipient_member_id, e.actor_member_id, e.thread_id],
        [orgId, seatId, memberId(5), memberId(5), res.body.threadId],
        `${e.type} names the organization, seat, recipient and the member who answered`,
      );
      assert.ok(e.occurred_at instanceof Date);
    }

    // both sides now write freely
    const fromRecruiter = await r3.post(`/v1/threads/${res.body.threadId}/messages`, {
      body: 'Great, when suits you?',
    });
    assert.equal(fromRecruiter.status, 201);
    const fromMember = await m.post(`/v1/threads/${res.body.threadId}/messages`, { body: 'Tomorrow at 10.' });
    assert.equal(fromMember.status, 201);
    const thread = await r3.get(`/v1/threads/${res.body.threadId}`);
    assert.deepEqual(
      thread.body.messages.map((x: { author: string }) => x.author),
      ['sender', 'sender', 'recipient'],
    );
    const notes = await r3.get('/v1/notifications');
    assert.ok(notes.body.items.some((n: { kind: string }) => n.kind === 'inmail.accepted'));
  });

  test('the sender cannot write before the candidate answers', async () => {
    const res = await send(r3, 6);
    const early = await r3.post(`/v1/threads/${res.body.threadId}/messages`, { body: 'Following up!' });
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'awaiting_response');
  });

  test('a reply answers a pending InMail, refunds it, and a declined one is closed', async () => {
    const res = await send(r3, 7);
    const m = await member(7);
    const rep = await m.post(`/v1/inmails/${res.body.id}/replies`, {
      body: 'Tell me more <script>alert(1)</script>',
    });
    assert.equal(rep.status, 200);
    assert.equal(rep.body.status, 'replied');
    assert.ok(rep.body.refundedAt);
    const th = await r3.get(`/v1/threads/${res.body.threadId}`);
    assert.equal(
      th.body.messages[1].body,
      'Tell me more <script>alert(1)</script>',
      'stored as text, unchanged',
    );

    const res2 = await send(r3, 8);
    const m8 = await member(8);
    const dec = await m8.post(`/v1/inmails/${res2.body.id}/decline`, {
      reason: 'contact_later',
      contactLaterMonths: 3,
    });
    assert.equal(dec.status, 200);
    assert.equal(dec.body.declineReason, 'contact_later');
    assert.ok(new Date(dec.body.contactLaterUntil).getTime() > t.clock.now().getTime() + 80 * DAY);
    const late = await m8.post(`/v1/inmails/${res2.body.id}/replies`, { body: 'Actually...' });
    assert.equal(late.status, 409);
    assert.equal(late.body.code, 'conversation_closed');
    const bad = await m8.post(`/v1/inmails/${res2.body.id}/decline`, { reason: 'contact_later' });
    assert.equal(bad.status, 400, 'contact_later needs a number of months');
  });

  test('on-decline policy: only a decline refunds', async () => {
    const pol = await admin.patch('/v1/org/policies', { refundPolicy: 'on-decline' });
    assert.equal(pol.body.refundPolicy, 'on-decline');
    try {
      const s0 = await seatOf(r3);
      const a = await send(r3, 9);
      await (await member(9)).post(`/v1/inmails/${a.body.id}/accept`);
      assert.equal((await seatOf(r3)).balance, s0.balance - 1, 'accepting does not refund under on-decline');
      const d = await send(r3, 10);
      await (await member(10)).post(`/v1/inmails/${d.body.id}/decline`, { reason: 'not_looking' });
      assert.equal((await seatOf(r3)).balance, s0.balance - 1, 'declining refunds');
    } finally {
      await admin.patch('/v1/org/policies', { refundPolicy: 'response-within-90-days' });
    }
  });

  test('refunds can go to the organization pool, and the pool can top up a seat', async () => {
    await admin.patch('/v1/org/policies', { refundTarget: 'pool' });
    try {
      const s0 = await seatOf(r3);
      const poolBefore = (await admin.get('/v1/org/pool')).body.balance;
      const a = await send(r3, 11);
      await (await member(11)).post(`/v1/inmails/${a.body.id}/accept`);
      assert.equal((await seatOf(r3)).balance, s0.balance - 1);
      assert.equal((await admin.get('/v1/org/pool')).body.balance, poolBefore + 1);
      const moved = await admin.post(`/v1/seats/${s0.id}/transfers`, { amount: 1 });
      assert.equal(moved.status, 201);
      assert.equal(moved.body.balance, s0.balance);
      const tooMuch = await admin.post(`/v1/seats/${s0.id}/transfers`, { amount: 1000 });
      assert.equal(tooMuch.status, 402);
    } finally {
      await admin.patch('/v1/org/policies', { refundTarget: 'seat' });
    }
  });

  test('a pending InMail expires after 90 days, counts as no response and is not refunded', async () => {
    const s0 = await seatOf(r3);
    const res = await send(r3, 12);
    t.clock.advance(91 * DAY);
    await relogin();
    const expired = await t.services.inmails.expireDue();
    assert.ok(expired >= 1);
    const m = await member(12);
    const view = await m.get(`/v1/inmails/${res.body.id}`);
    assert.equal(view.body.status, 'expired');
    const acc = await m.post(`/v1/inmails/${res.body.id}/accept`);
    assert.equal(acc.status, 409);
    await t.services.credits.renewDue();
    const after = await seatOf(r3);
    const refund = (await ledgerKinds(r3, s0.id)).find(
      (e) => e.inmailId === res.body.id && e.kind === 'refund',
    );
    assert.equal(refund, undefined);
    assert.ok(after.balance >= 0);
  });
});

describe('caps and limits', () => {
  test('one organization may InMail a candidate once in 14 days, naming when it frees', async () => {
    assert.equal((await send(r1, 13)).status, 201);
    const second = await send(r2, 13);
    assert.equal(second.status, 429);
    assert.equal(second.body.code, 'frequency_cap');
    assert.equal(second.body.cap, 'organization');
    assert.ok(Number(second.headers['retry-after']) > 13 * 86_400);
    // another organization may
    assert.equal((await send(nw, 13)).status, 201);
  });

  test('a candidate receives at most 3 InMails in 30 days across the network (two organizations)', async () => {
    assert.equal((await send(r1, 14)).status, 201);
    assert.equal((await send(nw, 14)).status, 201);
    t.clock.advance(15 * DAY);
    await relogin();
    assert.equal((await send(r2, 14)).status, 201, 'the org cap has freed after 14 days');
    const fourth = await send(nw, 14);
    assert.equal(fourth.status, 429);
    assert.equal(fourth.body.cap, 'network');
    assert.equal(fourth.body.limit, 3);
    const frees = new Date(fourth.body.freesAt).getTime();
    t.clock.set(new Date(frees + 1000));
    await relogin();
    assert.equal((await send(nw, 14)).status, 201, 'free again once the oldest ages out');
  });

  test("a seat's monthly limit is enforced", async () => {
    const s = await seatOf(r2);
    const set = await admin.patch(`/v1/seats/${s.id}`, { monthlyLimit: 0 });
    assert.equal(set.status, 200);
    const res = await send(r2, 15);
    assert.equal(res.status, 422);
    assert.equal(res.body.code, 'monthly_limit_reached');
    await admin.patch(`/v1/seats/${s.id}`, { monthlyLimit: null });
  });
});

describe('idempotency', () => {
  test('ten retries with one key, some concurrent, give one InMail and one debit', async () => {
    const s0 = await seatOf(r3);
    const key = 'retry-test-key-0001';
    const first = await send(r3, 16, {}, key);
    const rest = await Promise.all(Array.from({ length: 5 }, () => send(r3, 16, {}, key)));
    for (let i = 0; i < 4; i++) rest.push(await send(r3, 16, {}, key));
    for (const r of rest) {
      assert.equal(r.status, 201);
      assert.equal(r.body.id, first.body.id);
    }
    assert.equal((await seatOf(r3)).balance, s0.balance - 1);
    const spends = (await ledgerKinds(r3, s0.id)).filter((e) => e.inmailId === first.body.id);
    assert.equal(spends.length, 1);
    const reused = await send(r3, 17, {}, key);
    assert.equal(reused.status, 422);
    assert.equal(reused.body.code, 'idempotency_key_reused');
  });
});

describe('renewals', () => {
  test('renewal on the anniversary catches up months and expires the excess over the cap', async () => {
    const s0 = await seatOf(r3);
    const seat = await t.services.credits.getSeat((await r3.get('/v1/me')).body.organization.id, s0.id);
    t.clock.set(new Date(seat.renewsAt.getTime() + 5 * 31 * DAY));
    await relogin();
    const res = await t.services.credits.renewDue();
    assert.ok(res.renewals >= 5);
    const after = await seatOf(r3);
    assert.equal(after.balance + after.reserved, 120, 'a lite seat holds at most 4 x 30');
    const entries = await ledgerKinds(r3, s0.id);
    assert.ok(entries.filter((e) => e.kind === 'expire').length >= 1);
    const check = await t.services.credits.verify(s0.id);
    assert.deepEqual(check.stored, check.sums, 'the stored balance equals the sum of the ledger');
    assert.equal((await t.services.credits.renewDue()).renewals, 0, 'renewing again grants nothing');
  });
});

describe('tenancy', () => {
  test("another organization's seat, InMail, thread and ledger answer 404", async () => {
    const mine = await send(r1, 18);
    assert.equal(mine.status, 201);
    const seat = await seatOf(r1);
    for (const url of [
      `/v1/seats/${seat.id}`,
      `/v1/seats/${seat.id}/ledger`,
      `/v1/inmails/${mine.body.id}`,
      `/v1/threads/${mine.body.threadId}`,
    ]) {
      const r = await nw.get(url);
      assert.equal(r.status, 404, url);
      assert.equal(r.body.code, 'not_found');
    }
    const write = await nw.post(`/v1/threads/${mine.body.threadId}/messages`, { body: 'hi' });
    assert.equal(write.status, 404);
    const other = await member(19);
    assert.equal((await other.get(`/v1/inmails/${mine.body.id}`)).status, 404, 'another member sees nothing');
  });
});

describe('connection requests', () => {
  test('note limit, accept makes messages free, withdraw has a cooldown', async () => {
    const a = await member(20);
    const b = await member(21);
    const long = await a.post('/v1/connection-requests', { memberId: memberId(21), note: 'n'.repeat(301) });
    assert.equal(long.status, 400);
    const req = await a.post('/v1/connection-requests', {
      memberId: memberId(21),
      note: 'We met at the conference',
    });
    assert.equal(req.status, 201);
    const dup = await a.post('/v1/connection-requests', { memberId: memberId(21) });
    assert.equal(dup.status, 409);
    const incoming = await b.get('/v1/connection-requests?direction=incoming');
    assert.equal(incoming.body.items[0].note, 'We met at the conference');
    assert.equal(
      (await a.post(`/v1/connection-requests/${req.body.id}/accept`)).status,
      403,
      'only the invitee answers',
    );
    const acc = await b.post(`/v1/connection-requests/${req.body.id}/accept`);
    assert.equal(acc.body.status, 'accepted');
    assert.ok(
      (await a.get('/v1/notifications')).body.items.some(
        (n: { kind: string }) => n.kind === 'connection.accepted',
      ),
    );
    assert.equal(
      (await a.post('/v1/connection-requests', { memberId: memberId(21) })).body.code,
      'already_connected',
    );

    const w = await a.post('/v1/connection-requests', { memberId: memberId(22) });
    assert.equal((await a.post(`/v1/connection-requests/${w.body.id}/withdraw`)).body.status, 'withdrawn');
    const again = await a.post('/v1/connection-requests', { memberId: memberId(22) });
    assert.equal(again.status, 429);
    assert.equal(again.body.code, 'invitation_cooldown');
    t.clock.advance(22 * DAY);
    const a2 = await member(20);
    assert.equal((await a2.post('/v1/connection-requests', { memberId: memberId(22) })).status, 201);
    const c2 = await member(22);
    const ig = (await c2.get('/v1/connection-requests')).body.items[0];
    assert.equal((await c2.post(`/v1/connection-requests/${ig.id}/ignore`)).body.status, 'ignored');
  });
});

describe('notifications', () => {
  test('mark one and all read', async () => {
    const m = await member(1);
    const list = await m.get('/v1/notifications');
    assert.ok(list.body.items.length > 0);
    const one = await m.post(`/v1/notifications/${list.body.items[0].id}/read`);
    assert.ok(one.body.readAt);
    await m.post('/v1/notifications/read-all');
    assert.equal((await m.get('/v1/notifications')).body.unread, 0);
    const foreign = await (await member(2)).post(`/v1/notifications/${list.body.items[0].id}/read`);
    assert.equal(foreign.status, 404);
  });
});

describe('spam reports and privacy', () => {
  test('the recipient reports a thread once (one event); nobody else can report it', async () => {
    await relogin(); // the clock has moved on by months
    const sent = await send(r2, 31);
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const threadId = sent.body.threadId as string;
    const reportedEvents = async () =>
      (
        await sql<{ actor_member_id: string; org_id: string }>`
          SELECT actor_member_id, org_id FROM events WHERE type = 'inmail.reported' AND thread_id = ${threadId}`.execute(
          t.database.db,
        )
      ).rows;

    const other = await member(32);
    assert.equal((await other.post(`/v1/threads/${threadId}/report`, {})).status, 404, 'not their thread');
    assert.equal((await reportedEvents()).length, 0);

    const m31 = await member(31);
    const first = await m31.post(`/v1/threads/${threadId}/report`, {
      note: 'Not interested in cold pitches',
    });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(first.body, { reported: true });
    const again = await m31.post(`/v1/threads/${threadId}/report`);
    assert.equal(again.status, 200);
    const events = await reportedEvents();
    assert.equal(events.length, 1, 'a second report of the same thread adds nothing');
    assert.equal(events[0]!.actor_member_id, memberId(31));
    assert.equal(events[0]!.org_id, (await r2.get('/v1/me')).body.organization.id);
  });

  test("recruiters never see a member's email address", async () => {
    await relogin();
    const profile = await r1.get(`/v1/members/${memberId(33)}`);
    assert.equal(profile.status, 200);
    const sent = await send(r1, 33);
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const thread = await r1.get(`/v1/threads/${sent.body.threadId}`);
    assert.equal(thread.status, 200);
    for (const body of [profile.body, sent.body, thread.body]) {
      assert.ok(!JSON.stringify(body).includes('member33@demo.test'), JSON.stringify(body).slice(0, 200));
    }
  });
});
