/**
 * The weekly invitation cap (INMAIL_CONNECTION_WEEKLY_CAP, off by default): a member's invitations
 * in the last 7 days are counted, the next one over the cap is a 429 with the limit, and the cap
 * frees as the week rolls on. On a controllable clock; nothing sleeps.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from './support/app.ts';
import { as, memberId } from './support/client.ts';

const DAY = 86_400_000;
let t: TestApp;

before(async () => {
  t = await createTestApp({ env: { INMAIL_CONNECTION_WEEKLY_CAP: '2', INMAIL_SESSION_TTL_HOURS: '2000' } });
});
after(async () => {
  await t.close();
});

test('at most N invitations a week: the next is a 429 naming the limit, and the cap frees after 7 days', async () => {
  const a = await as(t.app, 'member40@demo.test');
  const invite = (n: number) => a.post('/v1/connection-requests', { memberId: memberId(n) });
  assert.equal((await invite(41)).status, 201);
  t.clock.advance(2 * DAY);
  assert.equal((await invite(42)).status, 201);
  const over = await invite(43);
  assert.equal(over.status, 429, JSON.stringify(over.body));
  assert.equal(over.body.code, 'invitation_weekly_cap');
  assert.equal(over.body.limit, 2);
  assert.ok(Number(over.headers['retry-after']) > 0, 'says when to try again');

  // Another member has a cap of their own.
  const b = await as(t.app, 'member44@demo.test');
  assert.equal((await b.post('/v1/connection-requests', { memberId: memberId(43) })).status, 201);

  // A week after the first invitation, one place frees up; the second is still in the window.
  t.clock.advance(5 * DAY + 60_000);
  assert.equal((await invite(43)).status, 201);
  assert.equal((await invite(45)).status, 429);
});
