import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, createTestApp, login, problemOf, type TestApp } from './support/app.ts';
import { TEST_PASSWORD } from './support/constants.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.close();
});

describe('login', () => {
  test('demo user logs in and gets a token and an HttpOnly SameSite cookie', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'Recruiter1@Demo.test', password: TEST_PASSWORD },
    });
    assert.equal(r.statusCode, 200);
    const body = r.json();
    assert.match(body.token, /^ims_/);
    assert.equal(body.tokenType, 'Bearer');
    const cookie = String(r.headers['set-cookie']);
    assert.match(cookie, /inmail_session=ims_/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);

    const me = await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(body.token) });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().organization.name, 'Demo Agency');
    assert.deepEqual(me.json().user.roles, ['recruiter']);
    assert.ok(me.json().memberId, 'a recruiter is also a member of the network');

    // the cookie works as well as the bearer token
    const viaCookie = await t.app.inject({
      method: 'GET',
      url: '/v1/me',
      cookies: { inmail_session: body.token },
    });
    assert.equal(viaCookie.statusCode, 200);
  });

  test('a member logs in and has a member id but no organization', async () => {
    const token = await login(t.app, 'member7@demo.test');
    const me = (await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(token) })).json();
    assert.equal(me.organization, null);
    assert.equal(me.user, null);
    assert.ok(me.memberId);
    assert.equal(me.account.email, 'member7@demo.test');
  });

  test('wrong password and unknown address answer the same 401', async () => {
    const a = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'recruiter2@demo.test', password: 'wrong-password' },
    });
    const b = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'nobody@demo.test', password: 'wrong-password' },
    });
    assert.equal(a.statusCode, 401);
    assert.equal(b.statusCode, 401);
    assert.equal(problemOf(a).code, 'invalid_credentials');
    assert.equal(problemOf(b).code, 'invalid_credentials');
  });

  test('failed logins are throttled per address, then free again after the lock', async () => {
    const email = 'recruiter3@demo.test';
    const max = t.config.loginMaxFailures;
    for (let i = 0; i < max - 1; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email, password: 'nope-nope' },
      });
      assert.equal(r.statusCode, 401);
    }
    const locking = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password: 'nope-nope' },
    });
    assert.equal(locking.statusCode, 429);
    assert.equal(problemOf(locking).code, 'too_many_login_attempts');
    assert.ok(Number(locking.headers['retry-after']) > 0);

    // even the right password is refused while locked
    const right = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    assert.equal(right.statusCode, 429);

    // another address is not affected
    await login(t.app, 'recruiter1@demo.test');

    t.clock.advance(t.config.loginLockMinutes * 60_000 + 1000);
    await login(t.app, email);
  });

  test('concurrent failures are all counted', async () => {
    const email = 'member9@demo.test';
    const rs = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password: 'bad-password' } }),
      ),
    );
    assert.ok(rs.filter((r) => r.statusCode === 429).length >= 12 - t.config.loginMaxFailures);
  });
});

describe('sessions', () => {
  test('logout revokes the token', async () => {
    const token = await login(t.app, 'recruiter2@demo.test');
    const out = await t.app.inject({ method: 'POST', url: '/v1/auth/logout', headers: bearer(token) });
    assert.equal(out.statusCode, 204);
    const me = await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(token) });
    assert.equal(me.statusCode, 401);
    assert.equal(problemOf(me).code, 'invalid_token');
  });

  test('a session expires after its time to live', async () => {
    const token = await login(t.app, 'member11@demo.test');
    t.clock.advance(t.config.sessionTtlHours * 3_600_000 - 60_000);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(token) })).statusCode,
      200,
    );
    t.clock.advance(120_000);
    const r = await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(token) });
    assert.equal(r.statusCode, 401);
    assert.equal(problemOf(r).code, 'invalid_token');
  });

  test('no credentials, a garbage token and a malformed header are 401', async () => {
    for (const headers of [{}, bearer('ims_garbage'), { authorization: 'Basic abc' }]) {
      const r = await t.app.inject({ method: 'GET', url: '/v1/me', headers });
      assert.equal(r.statusCode, 401);
      problemOf(r);
    }
  });

  test('a cookie-authenticated write from another origin is refused', async () => {
    const token = await login(t.app, 'member12@demo.test');
    const r = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      cookies: { inmail_session: token },
      headers: { origin: 'https://evil.example', host: 'localhost:3000' },
    });
    assert.equal(r.statusCode, 403);
    assert.equal(problemOf(r).code, 'csrf_rejected');
  });
});

describe('API keys', () => {
  test('shown once, stored hashed, scoped, revocable', async () => {
    const admin = await login(t.app, 'admin@demo.test');
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: bearer(admin),
      payload: { name: 'ATS sync', scopes: ['members:read'] },
    });
    assert.equal(created.statusCode, 201);
    const key = created.json().key as string;
    assert.match(key, /^imk_/);

    const list = await t.app.inject({ method: 'GET', url: '/v1/api-keys', headers: bearer(admin) });
    const listed = list.json().items.find((k: { id: string }) => k.id === created.json().id);
    assert.ok(listed);
    assert.equal(listed.key, undefined, 'the key is never shown again');
    assert.ok(key.startsWith(listed.prefix));

    const me = await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(key) });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().via, 'api_key');
    assert.deepEqual(me.json().scopes, ['members:read']);

    // a key cannot manage keys
    const denied = await t.app.inject({ method: 'GET', url: '/v1/api-keys', headers: bearer(key) });
    assert.equal(denied.statusCode, 403);

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/v1/api-keys/${created.json().id}`,
      headers: bearer(admin),
    });
    assert.equal(revoked.statusCode, 200);
    assert.ok(revoked.json().revokedAt);
    const after = await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(key) });
    assert.equal(after.statusCode, 401);
  });

  test('an expired key stops working', async () => {
    const admin = await login(t.app, 'admin@demo.test');
    const expiresAt = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: bearer(admin),
      payload: { name: 'short', scopes: ['search:read'], expiresAt },
    });
    assert.equal(created.statusCode, 201);
    const key = created.json().key;
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(key) })).statusCode,
      200,
    );
    t.clock.advance(3_600_001);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(key) })).statusCode,
      401,
    );
  });

  test('only org admins manage keys; unknown scopes are refused', async () => {
    const recruiter = await login(t.app, 'recruiter1@demo.test');
    const r = await t.app.inject({ method: 'GET', url: '/v1/api-keys', headers: bearer(recruiter) });
    assert.equal(r.statusCode, 403);
    assert.equal(problemOf(r).code, 'missing_role');

    const admin = await login(t.app, 'admin@demo.test');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: bearer(admin),
      payload: { name: 'x', scopes: ['everything'] },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(problemOf(bad).errors?.[0]?.field, 'body.scopes.0');
  });
});
