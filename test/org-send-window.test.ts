/**
 * The organization's default send window: an admin sets it with the other policies, new campaigns
 * start from it (a campaign's own window still wins, field by field), a bad window is a 400 naming the
 * field, and null restores the product default (Tuesday to Thursday, 08:00-11:00).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from './support/app.ts';
import { as, memberId, type Client } from './support/client.ts';

let t: TestApp;
let admin: Client;
let r1: Client;

before(async () => {
  t = await createTestApp();
  admin = await as(t.app, 'admin@demo.test');
  r1 = await as(t.app, 'recruiter1@demo.test');
});
after(async () => {
  await t.close();
});

const draft = (window?: Record<string, unknown>) =>
  r1.post('/v1/campaigns', {
    name: 'Window test',
    objective: 'fill_role',
    audience: { kind: 'members', memberIds: [memberId(40)] },
    steps: [
      { kind: 'inmail', delayBusinessDays: 3, subject: 'Hi', body: 'Hi {{candidate.firstName}}, a role?' },
    ],
    ...(window ? { window } : {}),
  });

test('the product default until an admin sets one', async () => {
  const p = await admin.get('/v1/org/policies');
  assert.equal(p.status, 200);
  assert.deepEqual(p.body.defaultSendWindow.days, [2, 3, 4]);
  assert.equal(p.body.defaultSendWindow.startHour, 8);
  assert.equal(p.body.defaultSendWindow.endHour, 11);
  const c = await draft();
  assert.equal(c.status, 201, JSON.stringify(c.body));
  assert.deepEqual(c.body.window.days, [2, 3, 4]);
});

test("new campaigns start from the organization's window; their own fields still win", async () => {
  const set = await admin.patch('/v1/org/policies', {
    defaultSendWindow: { days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17, holidays: ['2026-12-25'] },
  });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  assert.deepEqual(set.body.defaultSendWindow.days, [1, 2, 3, 4, 5]);
  assert.equal(set.body.defaultSendWindow.startMinute, 0, 'unset fields keep their value');

  const plain = await draft();
  assert.equal(plain.status, 201, JSON.stringify(plain.body));
  assert.deepEqual(plain.body.window.days, [1, 2, 3, 4, 5]);
  assert.equal(plain.body.window.startHour, 9);
  assert.equal(plain.body.window.endHour, 17);
  assert.deepEqual(plain.body.window.holidays, ['2026-12-25']);

  const own = await draft({ startHour: 10 });
  assert.equal(own.status, 201, JSON.stringify(own.body));
  assert.equal(own.body.window.startHour, 10);
  assert.equal(own.body.window.endHour, 17, 'the rest comes from the organization');

  // Another organization keeps the product default.
  const nw = await as(t.app, 'recruiter@northwind.test');
  const theirs = await nw.get('/v1/org/policies');
  assert.deepEqual(theirs.body.defaultSendWindow.days, [2, 3, 4]);
});

test('a bad window is a 400 naming the field and changes nothing; recruiters may not set it', async () => {
  const before = (await admin.get('/v1/org/policies')).body.defaultSendWindow;
  const bad = await admin.patch('/v1/org/policies', { defaultSendWindow: { startHour: 18, endHour: 9 } });
  assert.equal(bad.status, 400, JSON.stringify(bad.body));
  assert.equal(bad.body.code, 'invalid_send_window');
  assert.ok(
    bad.body.errors.some((e: { field: string }) => e.field.startsWith('defaultSendWindow.')),
    JSON.stringify(bad.body.errors),
  );
  const zone = await admin.patch('/v1/org/policies', { defaultSendWindow: { timeZone: 'Mars/Olympus' } });
  assert.equal(zone.status, 400, JSON.stringify(zone.body));
  assert.deepEqual((await admin.get('/v1/org/policies')).body.defaultSendWindow, before);

  const forbidden = await r1.patch('/v1/org/policies', { defaultSendWindow: { startHour: 7 } });
  assert.equal(forbidden.status, 403);
});

test('null restores the product default', async () => {
  const r = await admin.patch('/v1/org/policies', { defaultSendWindow: null });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.deepEqual(r.body.defaultSendWindow.days, [2, 3, 4]);
  assert.equal(r.body.defaultSendWindow.endHour, 11);
});
