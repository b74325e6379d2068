/**
 * Analytics and the pipeline through the API: the seed's worked example (30 personalized InMails,
 * 12 responses, 6 screening calls: 40% response rate, 20% InMail -> screen conversion), a response
 * rate rising from 14% to 31% over six months as a line in the trend report, credits, the A/B
 * test, the heatmap in the recipient's local time, exports, and automatic pipeline moves.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from './support/app.ts';
import { as, memberId, type Client } from './support/client.ts';
import type { Sender } from '../src/services/inmail.service.ts';

let t: TestApp;
let admin: Client;

const DAY = 86_400_000;
const HOUR = 3_600_000;

before(async () => {
  t = await createTestApp();
  admin = await as(t.app, 'admin@demo.test');
});
after(async () => {
  await t.close();
});

/** A new recruiter of Demo Agency without a member profile (so every send is a paid InMail). */
async function newRecruiter(
  email: string,
  licenseType: string,
): Promise<{ client: Client; userId: string; seatId: string }> {
  const u = await admin.post('/v1/users', {
    email,
    firstName: 'Quinn',
    lastName: email.split('@')[0]!,
    title: 'Recruiter',
    roles: ['recruiter'],
    password: 'demo-password',
  });
  assert.equal(u.status, 201, JSON.stringify(u.body));
  const seat = await admin.post('/v1/seats', { userId: u.body.id, licenseType });
  assert.equal(seat.status, 201, JSON.stringify(seat.body));
  return { client: await as(t.app, email), userId: u.body.id, seatId: seat.body.id };
}

describe("the seed's worked example", () => {
  let r: { client: Client; userId: string; seatId: string };
  const inmails: string[] = [];
  let projectId: string;
  const candidates = new Map<string, string>(); // memberId -> candidate entry id

  before(async () => {
    // The seed's recruiter: 50 credits a month.
    const lt = await admin.post('/v1/license-types', {
      key: 'quant50',
      name: 'Quant desk',
      monthlyAllotment: 50,
    });
    assert.equal(lt.status, 201, JSON.stringify(lt.body));
    r = await newRecruiter('quant@demo.test', 'quant50');
  });

  test('a project holds the 30 candidates, uncontacted', async () => {
    const p = await r.client.post('/v1/projects', {
      name: 'Quantitative analyst',
      description: 'Bloomberg, FactSet, Python',
    });
    assert.equal(p.status, 201, JSON.stringify(p.body));
    projectId = p.body.id;
    const ids = Array.from({ length: 30 }, (_, i) => memberId(i + 1));
    const add = await r.client.post(`/v1/projects/${projectId}/candidates`, { memberIds: ids });
    assert.equal(add.status, 201, JSON.stringify(add.body));
    assert.equal(add.body.added, 30);
    for (const c of add.body.items) {
      assert.equal(c.stage, 'uncontacted');
      candidates.set(c.memberId, c.id);
    }
    const again = await r.client.post(`/v1/projects/${projectId}/candidates`, { memberIds: ids.slice(0, 2) });
    assert.deepEqual([again.body.added, again.body.alreadyInProject], [0, 2]);
  });

  test('30 personalized InMails move every candidate to contacted', async () => {
    for (let i = 1; i <= 30; i++) {
      const m = (await r.client.get(`/v1/members/${memberId(i)}`)).body;
      const res = await r.client.post('/v1/inmails', {
        recipientId: memberId(i),
        subject: `Your ${m.currentTitle ?? 'quant'} work`,
        body: `Hi ${m.firstName}, your Python and Bloomberg work at ${m.currentCompany ?? 'your firm'} stood out. Open to a 20-minute call?`,
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.channel, 'inmail');
      inmails.push(res.body.id);
      t.clock.advance(10 * 60_000);
    }
    const board = await r.client.get(`/v1/projects/${projectId}/board`);
    assert.equal(board.status, 200, JSON.stringify(board.body));
    const count = (s: string) => board.body.columns.find((c: { stage: string }) => c.stage === s).count;
    assert.equal(count('contacted'), 30);
    assert.equal(count('uncontacted'), 0);
    assert.equal(board.body.current, true);
  });

  test('12 responses within 7 days; accepted and replied candidates move to replied', async () => {
    t.clock.advance(DAY);
    for (let i = 1; i <= 12; i++) {
      const m = await as(t.app, `member${i}@demo.test`);
      const id = inmails[i - 1]!;
      const res =
        i <= 6
          ? await m.post(`/v1/inmails/${id}/accept`)
          : i <= 9
            ? await m.post(`/v1/inmails/${id}/replies`, { body: 'Happy to talk, what is the team like?' })
            : await m.post(`/v1/inmails/${id}/decline`, { reason: 'not_looking' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      t.clock.advance(2 * HOUR);
    }
    const board = await r.client.get(`/v1/projects/${projectId}/board`);
    const count = (s: string) => board.body.columns.find((c: { stage: string }) => c.stage === s).count;
    assert.equal(count('replied'), 9, 'accepted (6) and replied (3); a decline does not move');
    assert.equal(count('contacted'), 21);
    const detail = await r.client.get(`/v1/project-candidates/${candidates.get(memberId(1))}`);
    assert.deepEqual(
      detail.body.history.map((h: { to: string; source: string }) => `${h.source}:${h.to}`),
      ['added:uncontacted', 'auto:contacted', 'auto:replied'],
    );
    assert.ok(detail.body.history[1].eventId > 0, 'the automatic move names its event');
  });

  test('6 candidates moved to screening by hand, with a note', async () => {
    t.clock.advance(2 * DAY);
    for (let i = 1; i <= 6; i++) {
      const res = await r.client.patch(`/v1/project-candidates/${candidates.get(memberId(i))}`, {
        stage: 'screening',
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.stage, 'screening');
    }
    const note = await r.client.post(`/v1/project-candidates/${candidates.get(memberId(1))}/notes`, {
      body: 'Screening call booked for Thursday.',
    });
    assert.equal(note.status, 201);
    const detail = await r.client.get(`/v1/project-candidates/${candidates.get(memberId(1))}`);
    assert.equal(detail.body.noteItems[0].body, 'Screening call booked for Thursday.');
    assert.equal(detail.body.history.at(-1).source, 'manual');
    // A late answer does not move a screened candidate back.
    const board = await r.client.get(`/v1/projects/${projectId}/board?perStage=3`);
    const col = board.body.columns.find((c: { stage: string }) => c.stage === 'screening');
    assert.equal(col.count, 6);
    assert.equal(col.candidates.length, 3);
    assert.deepEqual(board.body.summary, { total: 30, contacted: 30, screened: 6 });
    // The column goes on from its cursor, two at a time, to exactly its six, none twice.
    const ids: string[] = col.candidates.map((c: { id: string }) => c.id);
    for (let cursor = col.nextCursor; cursor;) {
      const more = await r.client.get(
        `/v1/projects/${projectId}/candidates?stage=screening&limit=2&cursor=${encodeURIComponent(cursor)}`,
      );
      assert.equal(more.status, 200, JSON.stringify(more.body));
      ids.push(...more.body.items.map((c: { id: string; stage: string }) => c.id));
      cursor = more.body.nextCursor;
    }
    assert.deepEqual([...ids].sort(), [1, 2, 3, 4, 5, 6].map((i) => candidates.get(memberId(i))).sort());
    const complete = board.body.columns.find((c: { stage: string }) => c.stage === 'uncontacted');
    assert.equal(complete.nextCursor, null, 'a column shown whole has no cursor');
  });

  test('the reports show a 40% response rate and 20% InMail -> screen conversion (7-day window)', async () => {
    // One more answer, 10 days after its InMail: outside the 7-day window, inside the 30-day one.
    t.clock.advance(6 * DAY);
    // Logins last 7 days: the test clock has moved on.
    admin = await as(t.app, 'admin@demo.test');
    r.client = await as(t.app, 'quant@demo.test');
    const late = await as(t.app, 'member13@demo.test');
    assert.equal((await late.post(`/v1/inmails/${inmails[12]}/accept`)).status, 200);

    const rep = await r.client.get(`/v1/analytics/outreach?groupBy=recruiter&recruiterId=${r.userId}`);
    assert.equal(rep.status, 200, JSON.stringify(rep.body));
    assert.equal(rep.body.meta.windowDays, 7);
    assert.match(rep.body.meta.window, /within 7 day/);
    assert.equal(rep.body.meta.source, 'rollup');
    assert.equal(rep.body.rows.length, 1);
    const row = rep.body.rows[0];
    assert.equal(row.label, 'Quinn quant');
    assert.deepEqual(
      [
        row.sent,
        row.delivered,
        row.responded,
        row.accepted,
        row.replied,
        row.declined,
        row.noResponse,
        row.screened,
      ],
      [30, 30, 12, 6, 3, 3, 18, 6],
    );
    assert.equal(row.responseRate, 0.4);
    assert.equal(row.screenConversion, 0.2);
    assert.equal(row.acceptanceRate, 0.2);
    assert.ok(row.medianHoursToFirstResponse > 24 && row.medianHoursToFirstResponse <= 48);

    const raw = await r.client.get(
      `/v1/analytics/outreach?groupBy=recruiter&recruiterId=${r.userId}&source=raw`,
    );
    assert.equal(raw.body.meta.source, 'raw');
    assert.deepEqual(raw.body.rows, rep.body.rows, 'the send facts agree with the rollup');

    const w30 = await r.client.get(`/v1/analytics/outreach?recruiterId=${r.userId}&windowDays=30`);
    assert.equal(w30.body.meta.windowDays, 30);
    assert.equal(w30.body.totals.responded, 13);
    assert.equal(w30.body.totals.accepted, 7);

    const bad = await r.client.get('/v1/analytics/outreach?windowDays=5');
    assert.equal(bad.status, 400);
  });

  test('credits: granted, spent, refunded, pending refunds and balance of the seat', async () => {
    const c = await admin.get(`/v1/analytics/credits?groupBy=seat`);
    assert.equal(c.status, 200, JSON.stringify(c.body));
    const seat = c.body.seats.find((s: { seatId: string }) => s.seatId === r.seatId);
    // Refund policy: a response within 90 days refunds (13 answers so far).
    assert.deepEqual(
      [seat.granted, seat.spent, seat.refunded, seat.netUsed, seat.balance, seat.pendingRefunds],
      [50, 30, 13, 17, 33, 17],
    );
    assert.equal(seat.balance, (await admin.get(`/v1/seats/${r.seatId}`)).body.balance);
    assert.equal(seat.pendingRefunds, (await admin.get(`/v1/seats/${r.seatId}`)).body.pendingRefunds);
    assert.ok(seat.pacePerDay > 0);
    // The recruiter sees only their own seat.
    const mine = await r.client.get('/v1/analytics/credits');
    assert.deepEqual(
      mine.body.seats.map((s: { seatId: string }) => s.seatId),
      [r.seatId],
    );
  });

  test('the heatmap counts sends in the recipient’s local time', async () => {
    const h = await r.client.get(`/v1/analytics/heatmap?recruiterId=${r.userId}`);
    assert.equal(h.status, 200);
    assert.equal(h.body.cells.length, 168);
    assert.equal(h.body.meta.source, 'raw');
    const sent = h.body.cells.reduce((n: number, c: { sent: number }) => n + c.sent, 0);
    assert.equal(sent, 30);
    const all = await r.client.get('/v1/analytics/heatmap?channel=inmail');
    assert.equal(all.body.meta.source, 'rollup');
  });

  test('exports: CSV of every report states the window', async () => {
    const csv = await t.app.inject({
      method: 'GET',
      url: `/v1/analytics/outreach?groupBy=recruiter&format=csv`,
      headers: { authorization: `Bearer ${r.client.token}` },
    });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /attachment; filename="outreach-by-recruiter-/);
    const lines = csv.body.trim().split('\n');
    assert.equal(
      lines[0],
      'groupBy,key,label,sent,delivered,opened,clicked,accepted,declined,replied,responded,noResponse,responseRate,acceptanceRate,medianHoursToFirstResponse,screened,screenConversion,windowDays,from,to,source',
    );
    assert.ok(
      lines.some((l) => l.includes(`${r.userId},Quinn quant,30,30,`) && l.includes(',12,18,0.4,0.2,')),
    );
    for (const url of [
      '/v1/analytics/trends?format=csv',
      '/v1/analytics/heatmap?format=csv',
      '/v1/analytics/credits?format=csv',
      `/v1/analytics/ab-test?a=subject:x&b=subject:y&format=csv`,
    ]) {
      const res = await t.app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${admin.token}` },
      });
      assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      assert.ok(res.body.split('\n').length >= 2, url);
    }
    const heat = await t.app.inject({
      method: 'GET',
      url: '/v1/analytics/heatmap?format=csv',
      headers: { authorization: `Bearer ${admin.token}` },
    });
    assert.equal(heat.body.trim().split('\n').length, 169);

    // Credits grouped: one CSV row per group, adding up to the JSON's totals.
    for (const groupBy of ['recruiter', 'team', 'none']) {
      const get = (format: string) =>
        t.app.inject({
          method: 'GET',
          url: `/v1/analytics/credits?groupBy=${groupBy}&format=${format}`,
          headers: { authorization: `Bearer ${admin.token}` },
        });
      const json = (await get('json')).json() as {
        rows: unknown[];
        totals: { spent: number; seats: number };
      };
      const grouped = (await get('csv')).body.trim().split('\n');
      const header = grouped[0]!.split(',');
      assert.deepEqual(header.slice(0, 4), ['groupBy', 'key', 'label', 'seats'], groupBy);
      assert.equal(grouped.length - 1, json.rows.length, `${groupBy}: a row per group`);
      const column = (name: string) =>
        grouped.slice(1).reduce((n, l) => n + Number(l.split(',')[header.indexOf(name)]), 0);
      assert.equal(column('spent'), json.totals.spent, `${groupBy}: spent adds up`);
      assert.equal(column('seats'), json.totals.seats, `${groupBy}: every seat in one group`);
    }
  });
});

describe('trends', () => {
  test('a monthly response rate rising from 14% to 31% over six months shows as a line', async () => {
    admin = await as(t.app, 'admin@demo.test');
    const r = await newRecruiter('legal@demo.test', 'corporate');
    const me = (await r.client.get('/v1/me')).body;
    const sender: Sender = {
      orgId: me.organization.id,
      userId: r.userId,
      roles: ['recruiter'],
      memberId: null,
      firstName: 'Quinn',
      lastName: 'legal',
    };
    const rates = [14, 17, 20, 24, 27, 31];
    t.clock.set('2026-04-06T09:00:00Z');
    const first = '2026-04';
    for (const [month, pct] of rates.entries()) {
      t.clock.set(new Date(Date.UTC(2026, 3 + month, 6, 9)));
      await t.services.credits.renewDue();
      const sent: { id: string; memberId: string }[] = [];
      for (let n = 1; n <= 200 && sent.length < 100; n++) {
        try {
          const res = await t.services.inmails.send(sender, {
            recipientId: memberId(n),
            subject: 'A partner-track role',
            body: `Your work on the ${n} matter stood out; would you talk this week?`,
          });
          if (res.result.channel === 'inmail') sent.push({ id: res.result.id, memberId: memberId(n) });
        } catch {
          // snoozed, InMail off or capped: the next candidate
        }
        t.clock.advance(60_000);
      }
      assert.equal(sent.length, 100, `month ${month}: sent ${sent.length}`);
      t.clock.advance(DAY);
      for (const s of sent.slice(0, pct)) await t.services.inmails.accept(s.memberId, s.id);
      // Answers after the 7-day window do not count in the 7-day rate.
      t.clock.advance(9 * DAY);
      for (const s of sent.slice(pct, pct + 5))
        await t.services.inmails.reply(s.memberId, s.id, 'Late, but yes.');
    }
    t.clock.set('2026-10-20T09:00:00Z');
    admin = await as(t.app, 'admin@demo.test');
    const client = await as(t.app, 'legal@demo.test');
    const tr = await client.get(
      `/v1/analytics/trends?interval=month&recruiterId=${r.userId}&from=2026-04-01&to=2026-10-01`,
    );
    assert.equal(tr.status, 200, JSON.stringify(tr.body));
    assert.equal(tr.body.meta.windowDays, 7);
    assert.equal(tr.body.series.length, 1);
    const points = tr.body.series[0].points;
    assert.deepEqual(
      points.map((p: { period: string }) => p.period),
      ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'],
    );
    assert.equal(points[0].period, first);
    assert.deepEqual(
      points.map((p: { responseRate: number }) => Math.round(p.responseRate * 100)),
      rates,
    );
    for (let i = 1; i < points.length; i++) assert.ok(points[i].responseRate > points[i - 1].responseRate);
    const w30 = await client.get(
      `/v1/analytics/trends?recruiterId=${r.userId}&from=2026-04-01&to=2026-10-01&windowDays=30`,
    );
    assert.deepEqual(
      w30.body.series[0].points.map((p: { responded: number }) => p.responded),
      rates.map((x) => x + 5),
    );
    const monthly = await client.get(
      `/v1/analytics/outreach?groupBy=month&recruiterId=${r.userId}&from=2026-04-01&to=2026-10-01`,
    );
    assert.deepEqual(
      monthly.body.rows.map((x: { key: string; responded: number }) => [x.key, x.responded]),
      rates.map((x, i) => [`2026-0${4 + i}`, x]),
    );
  });
});

describe('A/B test', () => {
  test('two subject lines on response rate; not enough data below the minimum sample', async () => {
    const r1 = await as(t.app, 'recruiter1@demo.test');
    const res = await r1.get(
      `/v1/analytics/ab-test?a=${encodeURIComponent('subject:A partner-track role')}&b=${encodeURIComponent('subject:Nothing like this')}&from=2026-01-01&to=2026-12-31`,
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.a.sent, 600);
    assert.equal(res.body.b.sent, 0);
    assert.equal(res.body.test.status, 'not_enough_data');
    assert.match(res.body.test.reason, /at least 30 sends/);

    const both = await r1.get(
      `/v1/analytics/ab-test?a=${encodeURIComponent('subject:A partner-track role')}&b=${encodeURIComponent('subject:A partner-track role')}&from=2026-01-01&to=2026-12-31&windowDays=30`,
    );
    assert.equal(both.body.test.status, 'ok');
    assert.equal(both.body.test.difference, 0);
    assert.equal(both.body.test.pValue, 1);
    assert.equal(both.body.test.significant, false);
    assert.equal(both.body.meta.windowDays, 30);

    const bad = await r1.get('/v1/analytics/ab-test?a=template:nope&b=subject:x');
    assert.equal(bad.status, 400);
  });
});

describe('access', () => {
  test('a member of the network sees no analytics; projects of another organization are 404', async () => {
    const m = await as(t.app, 'member40@demo.test');
    assert.equal((await m.get('/v1/analytics/outreach')).status, 403);
    const nw = await as(t.app, 'recruiter@northwind.test');
    const own = await nw.post('/v1/projects', { name: 'Northwind role' });
    assert.equal(own.status, 201);
    const demo = await admin.get('/v1/projects');
    assert.ok(demo.body.items.length >= 1);
    assert.ok(!demo.body.items.some((p: { id: string }) => p.id === own.body.id));
    assert.equal((await admin.get(`/v1/projects/${own.body.id}`)).status, 404);
    assert.equal((await admin.get(`/v1/projects/${own.body.id}/board`)).status, 404);
    // Northwind's report does not include Demo Agency's sends.
    const rep = await nw.get('/v1/analytics/outreach?from=2026-01-01&to=2026-12-31');
    assert.ok(rep.body.totals.sent < 100);
  });

  test('team labels group the outreach report', async () => {
    const users = (await admin.get('/v1/users')).body.items;
    const quant = users.find((u: { email: string }) => u.email === 'quant@demo.test');
    const set = await admin.patch(`/v1/users/${quant.id}/team`, { team: 'Financial services' });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    const teams = await admin.get('/v1/analytics/teams');
    assert.deepEqual(teams.body.items, [{ team: 'Financial services', users: 1 }]);
  });
});
