/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in tests are checked by assertions */
/**
 * Campaigns and sequences on a controllable clock: the scheduler is run by hand (as its job would)
 * between moves of the clock. Nothing sleeps.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from './support/app.ts';
import { as, memberId, type Client } from './support/client.ts';
import { OPEN_WINDOW } from './support/constants.ts';

let t: TestApp;
let r1: Client;
let r2: Client;
let admin: Client;

const OPEN = OPEN_WINDOW;
const DAY = 86_400_000;

before(async () => {
  t = await createTestApp({ env: { INMAIL_SESSION_TTL_HOURS: '2000' } });
  r1 = await as(t.app, 'recruiter1@demo.test');
  r2 = await as(t.app, 'recruiter2@demo.test');
  admin = await as(t.app, 'admin@demo.test');
});
after(async () => {
  await t.close();
});

/** Logs in again after the clock jumped by months (sessions expire). */
async function relogin() {
  r1 = await as(t.app, 'recruiter1@demo.test');
  r2 = await as(t.app, 'recruiter2@demo.test');
  admin = await as(t.app, 'admin@demo.test');
}

async function setZone(n: number, zone: string) {
  await sql`UPDATE members SET time_zone = ${zone} WHERE id = ${memberId(n)}`.execute(t.database.db);
}

async function create(c: Client, body: Record<string, unknown>) {
  const r = await c.post('/v1/campaigns', {
    name: 'Test campaign',
    objective: 'fill_role',
    steps: [
      {
        kind: 'inmail',
        delayBusinessDays: 3,
        subject: 'Hello {{candidate.firstName}}',
        body: 'Hi {{candidate.firstName}}, a role for you?',
      },
    ],
    window: OPEN,
    ...body,
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

async function run(id: string) {
  return t.services.campaignRunner.run(id);
}

async function campaign(c: Client, id: string) {
  return (await c.get(`/v1/campaigns/${id}`)).body;
}

async function recipient(c: Client, id: string, n: number) {
  const all = (await c.get(`/v1/campaigns/${id}/recipients?limit=500`)).body.items as { memberId: string }[];
  return all.find((x) => x.memberId === memberId(n)) as Record<string, any>;
}

async function seat(c: Client) {
  return (await c.get('/v1/me')).body.seat as { id: string; balance: number; reserved: number };
}

describe('budget, reserve and the ledger', () => {
  test('the budget is reserved at start, never exceeded, and the rest released on completion', async () => {
    const s0 = await seat(r1);
    const c = await create(r1, {
      audience: { kind: 'members', memberIds: [1, 2, 3, 4, 5, 6].map(memberId) },
      budget: 4,
    });
    assert.equal(c.status, 'draft');
    const started = (await r1.post(`/v1/campaigns/${c.id}/start`)).body;
    assert.equal(started.status, 'running');
    assert.equal(started.audienceCount, 6);
    assert.equal(started.progress.creditsReserved, 4);
    const s1 = await seat(r1);
    assert.equal(s1.balance, s0.balance - 4);
    assert.equal(s1.reserved, s0.reserved + 4);

    await run(c.id);
    const after = await campaign(r1, c.id);
    assert.equal(after.progress.creditsSpent, 4, 'never more than the budget');
    assert.equal(after.progress.skippedByReason.budget_exhausted, 2);
    const s2 = await seat(r1);
    assert.equal(s2.balance, s0.balance - 4, 'spent from the reservation, not the balance');
    assert.equal(s2.reserved, s0.reserved);

    // after the last step's delay without answers the campaign completes
    t.clock.advance(7 * DAY);
    await relogin();
    await run(c.id);
    const done = await campaign(r1, c.id);
    assert.equal(done.status, 'completed');
    assert.equal(done.progress.doneByOutcome.no_response, 4);
    const check = await t.services.credits.verify(s0.id);
    assert.deepEqual(check.stored, check.sums);
  });

  test('a reserve stays on the seat: the seed example (budget 30, keep 20 of 50)', async () => {
    const s0 = await seat(r2);
    await admin.post(`/v1/seats/${s0.id}/adjustments`, {
      amount: 50 - s0.balance,
      reason: 'test: 50 credits',
    });
    const c = await create(r2, {
      audience: { kind: 'members', memberIds: [7, 8].map(memberId) },
      budget: 30,
      reserve: 20,
    });
    const started = (await r2.post(`/v1/campaigns/${c.id}/start`)).body;
    assert.equal(started.progress.creditsReserved, 30, '50 - 20 kept = 30 available');
    assert.equal((await seat(r2)).balance, 20);
    const cancelled = (await r2.post(`/v1/campaigns/${c.id}/cancel`)).body;
    assert.equal(cancelled.status, 'cancelled');
    assert.equal((await seat(r2)).balance, 50, 'cancel releases the whole reservation');

    const c2 = await create(r2, {
      audience: { kind: 'members', memberIds: [9].map(memberId) },
      budget: 30,
      reserve: 50,
    });
    const refused = await r2.post(`/v1/campaigns/${c2.id}/start`);
    assert.equal(refused.status, 402);
    assert.equal(refused.body.code, 'insufficient_credits');
    assert.equal((await campaign(r2, c2.id)).status, 'draft', 'nothing changed');
  });

  test('a scheduled campaign that cannot start at its time stays scheduled, says why, and starts once it can', async () => {
    const s0 = await seat(r2);
    const startAt = new Date(t.clock.now().getTime() + DAY);
    const c = await create(r2, {
      audience: { kind: 'members', memberIds: [19, 20].map(memberId) },
      budget: 2,
      reserve: s0.balance + 5, // keeps more than the seat holds: nothing to reserve
      startAt: startAt.toISOString(),
    });
    assert.equal((await r2.post(`/v1/campaigns/${c.id}/start`)).body.status, 'scheduled');

    t.clock.set(new Date(startAt.getTime() + 60_000));
    await relogin();
    assert.deepEqual(await t.services.campaigns.startDue(), []);
    const waiting = await campaign(r2, c.id);
    assert.equal(waiting.status, 'scheduled', 'no move outside the status machine');
    assert.match(waiting.pausedReason, /credits/);
    assert.equal((await r2.get(`/v1/campaigns/${c.id}/recipients`)).body.items.length, 0, 'nothing enrolled');
    assert.equal((await seat(r2)).reserved, s0.reserved, 'nothing reserved');
    const failures = () =>
      sql<{ n: number }>`
      SELECT count(*)::int AS n FROM events WHERE campaign_id = ${c.id} AND type = 'campaign.start_failed'`
        .execute(t.database.db)
        .then((x) => x.rows[0]!.n);
    assert.equal(await failures(), 1);

    // Credits arrive; the sweeper tries again 15 minutes later (not before) and starts it.
    await admin.post(`/v1/seats/${s0.id}/adjustments`, { amount: 10, reason: 'test: top-up' });
    t.clock.set(new Date(startAt.getTime() + 5 * 60_000));
    assert.deepEqual(await t.services.campaigns.startDue(), [], 'not retried within 15 minutes');
    t.clock.set(new Date(startAt.getTime() + 17 * 60_000));
    await relogin();
    assert.deepEqual(await t.services.campaigns.startDue(), [c.id]);
    const running = await campaign(r2, c.id);
    assert.equal(running.status, 'running');
    assert.equal(running.pausedReason, null);
    assert.equal(running.progress.creditsReserved, 2);
    assert.equal((await r2.get(`/v1/campaigns/${c.id}/recipients`)).body.items.length, 2);
    assert.equal(await failures(), 1, 'one event for one reason');
    assert.equal((await r2.post(`/v1/campaigns/${c.id}/cancel`)).body.status, 'cancelled');
  });

  test('only the allowed status moves', async () => {
    const c = await create(r2, { audience: { kind: 'members', memberIds: [10].map(memberId) } });
    const bad = await r2.post(`/v1/campaigns/${c.id}/pause`);
    assert.equal(bad.status, 409);
    assert.equal(bad.body.code, 'invalid_transition');
    assert.equal((await r2.post(`/v1/campaigns/${c.id}/cancel`)).body.status, 'cancelled');
    assert.equal((await r2.post(`/v1/campaigns/${c.id}/resume`)).status, 409);
  });
});

describe('send windows', () => {
  test('each recipient is sent to in their own morning, Tuesday to Thursday, across DST', async () => {
    const zones: [number, string][] = [
      [11, 'America/New_York'],
      [12, 'Europe/Berlin'],
      [13, 'Asia/Tokyo'],
      [14, 'Australia/Sydney'],
      [15, 'Asia/Kolkata'],
    ];
    for (const [n, z] of zones) await setZone(n, z);
    // Friday 6 March 2026: the next window is Tuesday 10 March, after the US switched to EDT on the 8th.
    t.clock.set('2026-03-06T12:00:00Z');
    await relogin();
    const c = await create(r1, {
      audience: { kind: 'members', memberIds: zones.map(([n]) => memberId(n)) },
      window: { ...OPEN, days: [2, 3, 4], startHour: 8, endHour: 11 },
    });
    const dry = (await r1.post(`/v1/campaigns/${c.id}/dry-run`, {})).body;
    assert.equal(dry.total, 5, JSON.stringify(dry));
    assert.equal(dry.nextCursor, null);
    // Page by page: the same plan, every recipient once, the whole audience's total on each page.
    const paged: { memberId: string; plannedAt: string }[] = [];
    for (let after: string | null = null, pages = 0; ; pages++) {
      assert.ok(pages < 5, 'runaway paging');
      const page = (await r1.post(`/v1/campaigns/${c.id}/dry-run`, { limit: 2, ...(after ? { after } : {}) }))
        .body as {
        total: number;
        nextCursor: string | null;
        items: { memberId: string; plannedAt: string }[];
      };
      assert.equal(page.total, 5);
      paged.push(...page.items);
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    assert.deepEqual(
      paged.map((i) => [i.memberId, i.plannedAt]),
      dry.items.map((i: { memberId: string; plannedAt: string }) => [i.memberId, i.plannedAt]),
    );
    for (const item of dry.items) {
      const parts = new Intl.DateTimeFormat('en-GB', {
        timeZone: item.timeZone,
        weekday: 'short',
        hour: '2-digit',
        hour12: false,
      }).formatToParts(new Date(item.plannedAt));
      const weekday = parts.find((p) => p.type === 'weekday')!.value;
      const hour = Number(parts.find((p) => p.type === 'hour')!.value);
      assert.ok(['Tue', 'Wed', 'Thu'].includes(weekday), `${item.timeZone}: ${weekday}`);
      assert.ok(hour >= 8 && hour < 11, `${item.timeZone}: ${hour}h local`);
    }
    const ny = dry.items.find((i: { timeZone: string }) => i.timeZone === 'America/New_York');
    const nyHour = new Date(ny.plannedAt).getUTCHours();
    assert.ok(nyHour >= 12 && nyHour < 15, 'New York is on EDT (UTC-4) by then');

    await r1.post(`/v1/campaigns/${c.id}/start`);
    await run(c.id);
    assert.equal(
      (await campaign(r1, c.id)).progress.sentByStep['0'],
      undefined,
      'nothing is sent on a Friday',
    );
    // Walk the clock through the planned times: each recipient is sent to at theirs, in their morning.
    const times = dry.items
      .map((i: { plannedAt: string }) => new Date(i.plannedAt).getTime())
      .sort((a: number, b: number) => a - b);
    for (const at of times) {
      t.clock.set(new Date(at + 60_000));
      await run(c.id);
    }
    const rows = (await r1.get(`/v1/campaigns/${c.id}/recipients?limit=50`)).body.items as {
      timeZone: string;
      lastSentAt: string;
      step: number;
    }[];
    assert.equal(rows.filter((x) => x.step === 0).length, 5);
    for (const x of rows) {
      const parts = new Intl.DateTimeFormat('en-GB', {
        timeZone: x.timeZone,
        weekday: 'short',
        hour: '2-digit',
        hour12: false,
      }).formatToParts(new Date(x.lastSentAt));
      assert.ok(
        ['Tue', 'Wed', 'Thu'].includes(parts.find((p) => p.type === 'weekday')!.value),
        `${x.timeZone} sent on a good day`,
      );
      const hour = Number(parts.find((p) => p.type === 'hour')!.value);
      assert.ok(hour >= 8 && hour < 11, `${x.timeZone} sent at ${hour}h local`);
    }
    await r1.post(`/v1/campaigns/${c.id}/cancel`);
  });

  test('holidays keep the window shut', async () => {
    await setZone(16, 'Europe/London');
    t.clock.set('2026-03-10T09:00:00Z');
    await relogin(); // Tuesday, 09:00 in London
    const c = await create(r2, {
      audience: { kind: 'members', memberIds: [memberId(16)] },
      window: { ...OPEN, holidays: ['2026-03-10'] },
    });
    await r2.post(`/v1/campaigns/${c.id}/start`);
    await run(c.id);
    const rec = await recipient(r2, c.id, 16);
    assert.equal(rec.step, -1);
    assert.equal(new Date(rec.nextActionAt).toISOString().slice(0, 10), '2026-03-11');
    await r2.post(`/v1/campaigns/${c.id}/cancel`);
  });
});

describe('sequences', () => {
  test('business-day delays between steps, and stop on reply', async () => {
    await setZone(17, 'Europe/London');
    await setZone(18, 'Europe/London');
    t.clock.set('2026-03-12T10:00:00Z');
    await relogin(); // Thursday
    const c = await create(r1, {
      audience: { kind: 'members', memberIds: [17, 18].map(memberId) },
      steps: [
        {
          kind: 'inmail',
          delayBusinessDays: 2,
          subject: 'Hello',
          body: 'A role for you, {{candidate.firstName}}?',
        },
        { kind: 'follow_up', delayBusinessDays: 3, body: 'Just bumping this, {{candidate.firstName}}.' },
      ],
    });
    await r1.post(`/v1/campaigns/${c.id}/start`);
    await run(c.id);
    const r17 = await recipient(r1, c.id, 17);
    assert.equal(r17.step, 0);
    // Thursday + 2 business days = Monday (the weekend does not count)
    assert.equal(new Date(r17.nextActionAt).toISOString().slice(0, 10), '2026-03-16');

    // member 17 replies before the follow-up; member 18 stays silent
    const m17 = await as(t.app, 'member17@demo.test');
    const inbox = (await m17.get('/v1/inbox')).body.items[0];
    await m17.post(`/v1/inmails/${inbox.inmail.id}/replies`, { body: 'Sounds interesting!' });

    t.clock.set('2026-03-16T10:00:00Z');

    await relogin();
    await run(c.id);
    assert.equal((await recipient(r1, c.id, 17)).outcome, 'interested');
    assert.equal((await recipient(r1, c.id, 18)).step, 1, 'the silent one got the follow-up');
    const thread17 = (await m17.get(`/v1/threads/${inbox.id}`)).body;
    assert.equal(thread17.messages.length, 2, 'no follow-up after the reply');
    const m18 = await as(t.app, 'member18@demo.test');
    const thread18 = (await m18.get('/v1/inbox')).body.items[0];
    const msgs = (await m18.get(`/v1/threads/${thread18.id}`)).body.messages;
    assert.equal(msgs[1].body, `Just bumping this, ${msgs[0].body.split(', ')[1]!.replace('?', '')}.`);

    // after the last step's delay: no response
    t.clock.set('2026-03-20T10:00:00Z');
    await relogin();
    await run(c.id);
    assert.equal((await recipient(r1, c.id, 18)).outcome, 'no_response');
    assert.equal((await campaign(r1, c.id)).status, 'completed');
  });

  test('a free message to members who are not connections is passed over, and so is its follow-up', async () => {
    // Members 41 and 42 are connected to no recruiter: the message is not sent, and the follow-up
    // has no thread to go in. Both steps are passed over and the campaign completes (it used to
    // pick the follow-up again batch after batch, sending nothing, until the run's time was up).
    t.clock.set('2026-04-07T10:00:00Z'); // a Tuesday
    await relogin();
    const c = await create(r1, {
      audience: { kind: 'members', memberIds: [41, 42].map(memberId) },
      steps: [
        {
          kind: 'message',
          delayBusinessDays: 1,
          subject: 'A quick question',
          body: 'Hi {{candidate.firstName}}, a quick question?',
        },
        { kind: 'follow_up', delayBusinessDays: 1, body: 'Bumping this, {{candidate.firstName}}.' },
      ],
    });
    await r1.post(`/v1/campaigns/${c.id}/start`);
    assert.equal((await t.services.campaignRunner.run(c.id, 2_000)).sent, 0);
    for (const n of [41, 42]) assert.equal((await recipient(r1, c.id, n)).step, 0, 'the message passed over');
    t.clock.set('2026-04-08T11:00:00Z');
    await relogin();
    assert.equal((await t.services.campaignRunner.run(c.id, 2_000)).sent, 0);
    for (const n of [41, 42])
      assert.equal((await recipient(r1, c.id, n)).step, 1, 'the follow-up passed over');
    t.clock.set('2026-04-09T12:00:00Z');
    await relogin();
    await t.services.campaignRunner.run(c.id, 2_000);
    for (const n of [41, 42]) assert.equal((await recipient(r1, c.id, n)).outcome, 'no_response');
    assert.equal((await campaign(r1, c.id)).status, 'completed');
  });

  test('declined with "contact me later": snoozed until then, then out with that outcome', async () => {
    await setZone(19, 'UTC');
    t.clock.set('2026-03-24T10:00:00Z');
    await relogin();
    const c = await create(r1, {
      audience: { kind: 'members', memberIds: [memberId(19)] },
      steps: [
        { kind: 'inmail', delayBusinessDays: 2, subject: 'Hello', body: 'A role?' },
        { kind: 'follow_up', delayBusinessDays: 2, body: 'Bump' },
      ],
    });
    await r1.post(`/v1/campaigns/${c.id}/start`);
    await run(c.id);
    const m = await as(t.app, 'member19@demo.test');
    const th = (await m.get('/v1/inbox')).body.items[0];
    await m.post(`/v1/inmails/${th.inmail.id}/decline`, { reason: 'contact_later', contactLaterMonths: 2 });
    t.clock.set('2026-03-30T10:00:00Z');
    await relogin();
    await run(c.id);
    const snoozed = await recipient(r1, c.id, 19);
    assert.equal(snoozed.status, 'snoozed');
    assert.ok(new Date(snoozed.nextActionAt) > new Date('2026-05-20T00:00:00Z'));
    t.clock.set(new Date(new Date(snoozed.nextActionAt).getTime() + 1000));
    await relogin();
    await run(c.id);
    const out = await recipient(r1, c.id, 19);
    assert.equal(out.status, 'done');
    assert.equal(out.outcome, 'contact_later');
  });
});

describe('collision control', () => {
  test('other campaign, teammate ownership and caps skip with a reason; an admin can override', async () => {
    t.clock.set('2026-06-02T10:00:00Z');
    await relogin();
    // member 21 was InMailed by teammate recruiter2 two weeks ago
    t.clock.set('2026-05-19T10:00:00Z');
    await relogin();
    const direct = await r2.post('/v1/inmails', { recipientId: memberId(21), subject: 'Hi', body: 'Hello?' });
    assert.equal(direct.status, 201);
    t.clock.set('2026-06-02T10:00:00Z');
    await relogin();
    // member 22 is in another running campaign of the organization
    const other = await create(r2, {
      audience: { kind: 'members', memberIds: [memberId(22)] },
      window: { ...OPEN, days: [6] },
    });
    await r2.post(`/v1/campaigns/${other.id}/start`);

    const c = await create(r1, { audience: { kind: 'members', memberIds: [21, 22, 23].map(memberId) } });
    await r1.post(`/v1/campaigns/${c.id}/start`);
    await run(c.id);
    const view = await campaign(r1, c.id);
    assert.equal(view.progress.skippedByReason.teammate_contacted, 1);
    assert.equal(view.progress.skippedByReason.other_campaign, 1);
    assert.equal(view.progress.sentByStep['0'], 1);
    assert.equal((await recipient(r1, c.id, 22)).skipReason, 'other_campaign');

    const denied = await r1.post(`/v1/campaigns/${c.id}/recipients/${memberId(22)}/override`);
    assert.equal(denied.status, 403);
    const ok = await admin.post(`/v1/campaigns/${c.id}/recipients/${memberId(22)}/override`);
    assert.equal(ok.status, 200);
    await run(c.id);
    assert.equal((await recipient(r1, c.id, 22)).step, 0, 'sent after the override');
    await r2.post(`/v1/campaigns/${other.id}/cancel`);
  });
});

describe('personalization queue', () => {
  test('nothing generic is sent: recipients wait for text that references their own profile', async () => {
    t.clock.set('2026-06-09T10:00:00Z');
    await relogin();
    const c = await create(r1, {
      audience: { kind: 'members', memberIds: [24, 25].map(memberId) },
      steps: [
        {
          kind: 'inmail',
          delayBusinessDays: 3,
          subject: 'Hello',
          body: 'Hi {{candidate.firstName}}, {{personalization}} Open to a chat?',
        },
      ],
    });
    await r1.post(`/v1/campaigns/${c.id}/start`);
    await run(c.id);
    const view = await campaign(r1, c.id);
    assert.equal(view.progress.needsPersonalization, 2);
    assert.equal(view.progress.sentByStep['0'], undefined);

    const next = (await r1.get(`/v1/campaigns/${c.id}/personalization-queue/next`)).body;
    assert.equal(next.waiting, 2);
    assert.ok(next.candidate.suggestions.length > 0);
    const mid = next.candidate.memberId as string;
    const generic = await r1.put(`/v1/campaigns/${c.id}/recipients/${mid}/personalization`, {
      text: 'I was really impressed by your great background.',
    });
    assert.equal(generic.status, 422);
    assert.equal(generic.body.code, 'personalization_failed');
    assert.ok(generic.body.suggestions.length > 0);

    const s = next.candidate.suggestions[0].value as string;
    const good = await r1.put(`/v1/campaigns/${c.id}/recipients/${mid}/personalization`, {
      text: `Your work with ${s} caught my attention.`,
    });
    assert.equal(good.status, 200, JSON.stringify(good.body));
    await run(c.id);
    const after = await campaign(r1, c.id);
    assert.equal(after.progress.sentByStep['0'], 1);
    assert.equal(after.progress.needsPersonalization, 1, 'the other still waits');
  });
});

describe('pause and resume', () => {
  test('a paused campaign sends nothing until resumed', async () => {
    t.clock.set('2026-06-16T10:00:00Z');
    await relogin();
    const c = await create(r2, { audience: { kind: 'members', memberIds: [26, 27].map(memberId) } });
    await r2.post(`/v1/campaigns/${c.id}/start`);
    const paused = (await r2.post(`/v1/campaigns/${c.id}/pause`)).body;
    assert.equal(paused.status, 'paused');
    await run(c.id);
    assert.equal((await campaign(r2, c.id)).progress.sentByStep['0'], undefined);
    await r2.post(`/v1/campaigns/${c.id}/resume`);
    await run(c.id);
    assert.equal((await campaign(r2, c.id)).progress.sentByStep['0'], 2);
  });

  test('a daily cap spreads sends over days', async () => {
    t.clock.set('2026-06-23T10:00:00Z');
    await relogin();
    const c = await create(r2, {
      audience: { kind: 'members', memberIds: [28, 29, 30].map(memberId) },
      dailyCap: 1,
    });
    await r2.post(`/v1/campaigns/${c.id}/start`);
    await run(c.id);
    const v1 = await campaign(r2, c.id);
    assert.ok((v1.progress.sentByStep['0'] ?? 0) <= 1);
    t.clock.set('2026-06-26T10:00:00Z');
    await relogin();
    await run(c.id);
    assert.ok((await campaign(r2, c.id)).progress.sentByStep['0'] >= 1);
  });
});

describe('tenancy and validation', () => {
  test("another organization's campaign answers 404; bad steps are refused with the field", async () => {
    const c = await create(r1, { audience: { kind: 'members', memberIds: [memberId(31)] } });
    const nw = await as(t.app, 'recruiter@northwind.test');
    assert.equal((await nw.get(`/v1/campaigns/${c.id}`)).status, 404);
    assert.equal((await nw.post(`/v1/campaigns/${c.id}/start`)).status, 404);
    const bad = await r1.post('/v1/campaigns', {
      name: 'bad',
      objective: 'fill_role',
      audience: { kind: 'members', memberIds: [memberId(32)] },
      steps: [{ kind: 'follow_up', delayBusinessDays: 1, body: 'Hi {{candidate.nickname}}' }],
    });
    assert.equal(bad.status, 422);
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    assert.ok(fields.includes('steps.0.kind'));
    assert.ok(fields.includes('steps.0.body'));
  });
});

describe('templates, template sets and tracked links', () => {
  test('a step from a template records its version; a set picks per seniority; links are tracked', async () => {
    t.clock.set('2026-07-07T10:00:00Z');
    await relogin();
    const tpl = await r1.post('/v1/templates', {
      name: 'Senior outreach',
      subject: 'A senior role, {{candidate.firstName}}',
      body: 'Hi {{candidate.firstName}}, details: https://jobs.example.com/senior. Interested?',
      visibility: 'shared',
    });
    assert.equal(tpl.status, 201, JSON.stringify(tpl.body));
    const junior = await r1.post('/v1/templates', {
      name: 'Junior outreach',
      subject: 'A first role, {{candidate.firstName}}',
      body: 'Hi {{candidate.firstName}}, a junior role. Interested?',
      visibility: 'shared',
    });
    const set = await r1.post('/v1/template-sets', {
      name: 'By seniority',
      templates: { associate: junior.body.id, 'senior-associate': tpl.body.id, 'partner-track': tpl.body.id },
      defaultTemplateId: junior.body.id,
    });
    assert.equal(set.status, 201, JSON.stringify(set.body));

    const c1 = await create(r1, {
      audience: { kind: 'members', memberIds: [memberId(33)] },
      steps: [{ kind: 'inmail', delayBusinessDays: 3, templateId: tpl.body.id }],
    });
    assert.equal(c1.steps[0].templateVersion, 1);
    assert.match(c1.steps[0].body, /jobs\.example\.com/);
    await r1.post(`/v1/campaigns/${c1.id}/start`);
    await run(c1.id);
    const m33 = await as(t.app, 'member33@demo.test');
    const th = (await m33.get('/v1/inbox')).body.items[0];
    const view = (await m33.get(`/v1/inmails/${th.inmail.id}`)).body;
    assert.equal(view.templateId, tpl.body.id);
    assert.equal(view.templateVersion, 1);
    assert.match(view.body, /\/r\/[A-Za-z0-9_-]{22}/, 'the link the recipient sees is tracked');
    assert.doesNotMatch(view.body, /jobs\.example\.com/);

    const seniorities = await sql<{ id: string; seniority: string }>`
      SELECT id, seniority FROM members WHERE id = ANY(${[34, 35, 36, 37, 38, 39].map(memberId)}::uuid[])`.execute(
      t.database.db,
    );
    const c2 = await create(r1, {
      audience: { kind: 'members', memberIds: seniorities.rows.map((x) => x.id) },
      steps: [{ kind: 'inmail', delayBusinessDays: 3, templateSetId: set.body.id }],
    });
    await r1.post(`/v1/campaigns/${c2.id}/start`);
    await run(c2.id);
    const sent = await sql<{ recipient_member_id: string; template_id: string; subject: string }>`
      SELECT recipient_member_id, template_id, subject FROM inmails WHERE campaign_id = ${c2.id}`.execute(
      t.database.db,
    );
    assert.ok(sent.rows.length > 0);
    const seniorityOf = new Map(seniorities.rows.map((x) => [x.id, x.seniority]));
    const juniorLevels = new Set(['intern', 'entry', 'associate']);
    for (const row of sent.rows) {
      const isJunior = juniorLevels.has(seniorityOf.get(row.recipient_member_id)!);
      assert.equal(
        row.template_id,
        isJunior ? junior.body.id : tpl.body.id,
        `seniority ${seniorityOf.get(row.recipient_member_id)}`,
      );
      assert.match(row.subject, isJunior ? /A first role/ : /A senior role/);
    }
  });
});

describe('audiences', () => {
  test('a saved search is run at start and its matches frozen', async () => {
    t.clock.set('2026-07-14T10:00:00Z');
    await relogin();
    const saved = await r2.post('/v1/saved-searches', {
      name: 'Everyone open to work',
      query: '',
      filters: { openToWork: true },
    });
    assert.equal(saved.status, 201, JSON.stringify(saved.body));
    const c = await create(r2, { audience: { kind: 'saved_search', savedSearchId: saved.body.id } });
    const dry = (await r2.post(`/v1/campaigns/${c.id}/dry-run`, {})).body;
    assert.ok(dry.total > 0, 'the dry run shows the matches');
    const started = (await r2.post(`/v1/campaigns/${c.id}/start`)).body;
    assert.equal(started.status, 'running');
    assert.equal(started.audienceCount, dry.total);
    const other = await r1.post('/v1/campaigns', {
      name: 'x',
      objective: 'fill_role',
      audience: { kind: 'saved_search', savedSearchId: saved.body.id },
      steps: [{ kind: 'inmail', delayBusinessDays: 1, subject: 'Hi', body: 'Hello' }],
    });
    assert.equal(other.status, 404, "another recruiter's saved search is not theirs to use");
    await r2.post(`/v1/campaigns/${c.id}/cancel`);

    // Scheduled for tomorrow, then started now: the search runs now.
    const later = await create(r2, {
      audience: { kind: 'saved_search', savedSearchId: saved.body.id },
      startAt: new Date(t.clock.now().getTime() + DAY).toISOString(),
    });
    assert.equal((await r2.post(`/v1/campaigns/${later.id}/start`)).body.status, 'scheduled');
    const early = await r2.post(`/v1/campaigns/${later.id}/start`);
    assert.equal(early.status, 200, JSON.stringify(early.body));
    assert.equal(early.body.status, 'running');
    assert.equal(early.body.audienceCount, dry.total);
    await r2.post(`/v1/campaigns/${later.id}/cancel`);
  });
});

describe('a recipient whose send cannot be made', () => {
  /**
   * Makes the database refuse any InMail to these members (a trigger raising an error, as a broken
   * row or a constraint added by an operator would); the returned function removes it.
   */
  async function refuseInmailsTo(ns: number[]): Promise<() => Promise<void>> {
    const list = ns.map((n) => `'${memberId(n)}'`).join(', ');
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION test_refuse_inmail() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF NEW.recipient_member_id IN (${list}) THEN RAISE EXCEPTION 'refused for the test'; END IF;
           RETURN NEW;
         END $$;
         CREATE TRIGGER test_refuse_inmail BEFORE INSERT ON inmails
           FOR EACH ROW EXECUTE FUNCTION test_refuse_inmail();`,
      )
      .execute(t.database.db);
    return async () => {
      await sql
        .raw('DROP TRIGGER test_refuse_inmail ON inmails; DROP FUNCTION test_refuse_inmail();')
        .execute(t.database.db);
    };
  }

  test('is marked failed with the error, and the others are sent to', async () => {
    await relogin();
    // Due at the same moment, recipients go in member-id order: the refused one goes last, so a
    // runner that blamed whichever recipient came first would fail a good one.
    const [first, second, last] = [43, 44, 45].sort((a, b) => (memberId(a) < memberId(b) ? -1 : 1)) as [
      number,
      number,
      number,
    ];
    const restore = await refuseInmailsTo([last]);
    try {
      const c = await create(r1, {
        audience: { kind: 'members', memberIds: [43, 44, 45].map(memberId) },
        window: OPEN,
      });
      await r1.post(`/v1/campaigns/${c.id}/start`);
      const { sent } = await t.services.campaignRunner.run(c.id);
      assert.equal(sent, 2);
      const refused = await recipient(r1, c.id, last);
      assert.equal(refused.status, 'failed');
      assert.match(refused.error, /refused for the test/, 'the error is kept');
      for (const n of [first, second])
        assert.ok((await recipient(r1, c.id, n)).lastSentAt, `member ${n} was sent to`);
      const view = await campaign(r1, c.id);
      assert.equal(view.status, 'running');
      assert.equal(view.progress.failed, 1);
      await r1.post(`/v1/campaigns/${c.id}/cancel`);
    } finally {
      await restore();
    }
  });

  test('several failing one after another pause the campaign with the error instead', async () => {
    await relogin();
    const restore = await refuseInmailsTo([46, 47, 48, 49]);
    try {
      const c = await create(r1, {
        audience: { kind: 'members', memberIds: [46, 47, 48, 49].map(memberId) },
        window: OPEN,
      });
      await r1.post(`/v1/campaigns/${c.id}/start`);
      assert.equal((await t.services.campaignRunner.run(c.id)).sent, 0);
      const view = await campaign(r1, c.id);
      assert.equal(view.status, 'paused');
      assert.match(view.pausedReason, /3 recipients in a row could not be sent to/);
      assert.equal(view.progress.failed, 2, 'two marked failed, then the third pauses it');
      const open = (await Promise.all([46, 47, 48, 49].map((n) => recipient(r1, c.id, n)))).filter(
        (x) => x.status === 'pending',
      );
      assert.equal(open.length, 2, 'the rest wait for a resume');
      await r1.post(`/v1/campaigns/${c.id}/cancel`);
    } finally {
      await restore();
    }
  });
});
