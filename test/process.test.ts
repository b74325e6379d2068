/**
 * The real `inmail start` process on the embedded database: the data directory lock, graceful
 * shutdown on SIGTERM, and data surviving a restart.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const root = new URL('../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'inmail-proc-'));
// The product's own demo (5,000 members): the first start must answer within 60 s.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  INMAIL_DATA_DIR: dataDir,
  PORT: '0',
  LOG_LEVEL: 'warn',
};
delete env.INMAIL_DEMO_MEMBERS;
delete env.DATABASE_URL; // the lock protects the embedded database

const children: ChildProcess[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function run(args: string[]) {
  const child = spawn(process.execPath, [join(root, 'bin/inmail.js'), ...args], { env, cwd: root });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    const check = () => {
      const m = /InMail is running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout.on('data', check);
    void exited.then((code) => reject(new Error(`exited ${code} before listening:\n${out}\n${err}`)));
  });
  url.catch(() => {}); // a process that is meant to fail is awaited through `exited`
  return { child, url, exited, output: () => out + err };
}

async function loginAdmin(url: string): Promise<string> {
  const r = await fetch(`${url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.test', password: 'demo-password' }),
  });
  assert.equal(r.status, 200);
  return ((await r.json()) as { token: string }).token;
}

test(
  'one process per data directory; graceful stop; data survives a restart',
  { timeout: 180_000 },
  async () => {
    const first = run(['start']);
    const url = await first.url;
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    assert.equal((await fetch(`${url}/readyz`)).status, 200);
    const token = await loginAdmin(url);
    const created = await fetch(`${url}/v1/api-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'survives restarts', scopes: ['members:read'] }),
    });
    assert.equal(created.status, 201);

    // A second process on the same directory refuses to start and names the directory and holder.
    const second = run(['start']);
    const code = await second.exited;
    assert.notEqual(code, 0);
    assert.match(second.output(), new RegExp(dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.match(second.output(), new RegExp(`pid ${first.child.pid}`));
    // The first is unharmed.
    assert.equal((await fetch(`${url}/healthz`)).status, 200);

    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);
    assert.match(first.output(), /stopped cleanly/);
    assert.equal(existsSync(join(dataDir, 'inmail.lock')), false, 'the lock is released');

    // Restart on the same directory: the data is intact and the demo is not loaded twice.
    const third = run(['start']);
    const url3 = await third.url;
    const token3 = await loginAdmin(url3);
    const keys = (await (
      await fetch(`${url3}/v1/api-keys`, { headers: { authorization: `Bearer ${token3}` } })
    ).json()) as {
      items: { name: string }[];
    };
    assert.deepEqual(
      keys.items.map((k) => k.name),
      ['survives restarts'],
    );
    third.child.kill('SIGINT');
    assert.equal(await third.exited, 0);

    // The operator's commands on the same directory: every seat, and one seat's ledger checked
    // against its stored balance.
    const seats = run(['seats']);
    assert.equal(await seats.exited, 0, seats.output());
    assert.match(seats.output(), /Demo Agency/);
    assert.match(seats.output(), /Northwind Talent/);
    const seatId = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(seats.output())?.[0];
    assert.ok(seatId, seats.output());
    const ledger = run(['ledger', seatId, '--check', '--limit', '5']);
    assert.equal(await ledger.exited, 0, ledger.output());
    const sums = /balance (\d+), reserved (\d+); sum of entries (\d+) \/ (\d+)/.exec(ledger.output());
    assert.ok(sums, ledger.output());
    assert.deepEqual([sums[1], sums[2]], [sums[3], sums[4]], 'the ledger adds up to the balance');
    const unknown = run(['ledger', '00000000-0000-4000-8000-000000000000']);
    assert.equal(await unknown.exited, 1);
    assert.match(unknown.output(), /no seat/);
    const malformed = run(['ledger', 'not-a-seat']);
    assert.equal(await malformed.exited, 2);
  },
);

test('a stale lock left by a killed process is taken over', { timeout: 180_000 }, async () => {
  const first = run(['start']);
  await first.url;
  first.child.kill('SIGKILL');
  await first.exited;
  assert.equal(existsSync(join(dataDir, 'inmail.lock')), true);
  const again = run(['start']);
  const url = await again.url;
  await loginAdmin(url);
  again.child.kill('SIGTERM');
  assert.equal(await again.exited, 0);
});

test('a bad configuration value stops the start and names the variable', async () => {
  const child = spawn(process.execPath, [join(root, 'bin/inmail.js'), 'start'], {
    env: { ...env, PORT: 'eighty' },
    cwd: root,
  });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise((r) => child.on('exit', r));
  assert.equal(code, 2);
  assert.match(err, /PORT/);
});
