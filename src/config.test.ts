import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.demo, true);
  assert.equal(c.demoPassword, 'demo-password');
  assert.match(c.dataDir, /data$/);
  assert.ok(Object.isFrozen(c));
});

test('values are parsed and empty strings count as unset', () => {
  const c = loadConfig({
    PORT: '8080',
    INMAIL_DEMO: '0',
    DATABASE_URL: 'postgres://u:p@h:5432/db',
    SMTP_URL: '',
  });
  assert.equal(c.port, 8080);
  assert.equal(c.demo, false);
  assert.equal(c.databaseUrl, 'postgres://u:p@h:5432/db');
  assert.equal(c.smtpUrl, undefined);
});

test('bad values name every variable at fault', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', INMAIL_DEMO: 'perhaps' }),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.deepEqual(err.problems.map((p) => p.variable).sort(), ['DATABASE_URL', 'INMAIL_DEMO', 'PORT']);
      assert.match(err.message, /PORT/);
      return true;
    },
  );
});
