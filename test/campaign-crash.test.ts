/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in tests are checked by assertions */
/**
 * A campaign survives SIGKILL: the real `inmail start` process is killed in the middle of a
 * campaign run, restarted on the same data, and finishes; every recipient is sent to exactly once
 * and the ledger is consistent. Runs on the embedded database, or on PostgreSQL when DATABASE_URL
 * is set (a scratch database on that server).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { seedUuid } from '../src/seed/ids.ts';
import { OPEN_WINDOW } from './support/constants.ts';

const root = new URL('../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'inmail-crash-'));
const serverUrl = process.env.DATABASE_URL;
const dbName = `inmail_t_crash_${randomBytes(4).toString('hex')}`;
let dbUrl: string | undefined;

const children: ChildProcess[] = [];
after(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  if (serverUrl) {
    const a = new pg.Client({ connectionString: serverUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await a.end();
  }
});

function start() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    INMAIL_DATA_DIR: dataDir,
    INMAIL_DEMO_MEMBERS: '2500',
    PORT: '0',
    LOG_LEVEL: 'warn',
    // one recipient per transaction, so the run lasts long enough to be killed in the middle
    INMAIL_CAMPAIGN_BATCH: '1',
  };
  if (dbUrl) env.DATABASE_URL = dbUrl;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, [join(root, 'bin/inmail.js'), 'start'], { env, cwd: root });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const m = /InMail is running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    void exited.then((code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
  url.catch(() => {});
  return { child, url, exited };
}

async function api(url: string, token: string | null, method: string, path: string, body?: unknown) {
  const r = await fetch(url + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: r.status, body: (await r.json().catch(() => null)) as any };
}

async function login(url: string, email: string) {
  return (await api(url, null, 'POST', '/v1/auth/login', { email, password: 'demo-password' })).body
    .token as string;
}

test(
  'SIGKILL in the middle of a campaign: after a restart every recipient is sent to exactly once',
  { timeout: 300_000 },
  async () => {
    if (serverUrl) {
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`CREATE DATABASE ${dbName}`);
      await a.end();
      const u = new URL(serverUrl);
      u.pathname = `/${dbName}`;
      dbUrl = u.toString();
    }
    const first = start();
    const url = await first.url;
    const admin = await login(url, 'admin@demo.test');
    const rec = await login(url, 'recruiter1@demo.test');
    const me = (await api(url, rec, 'GET', '/v1/me')).body;
    await api(url, admin, 'POST', `/v1/seats/${me.seat.id}/adjustments`, {
      amount: 3000,
      reason: 'crash test credits',
    });

    const audience = Array.from({ length: 2000 }, (_, i) => seedUuid('member', i));
    const created = await api(url, rec, 'POST', '/v1/campaigns', {
      name: 'Crash test',
      objective: 'build_pipeline',
      audience: { kind: 'members', memberIds: audience },
      steps: [
        {
          kind: 'inmail',
          delayBusinessDays: 0,
          subject: 'Hello {{candidate.firstName}}',
          body: 'A role for you?',
        },
      ],
      budget: 2500,
      window: OPEN_WINDOW,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as string;
    assert.equal((await api(url, rec, 'POST', `/v1/campaigns/${id}/start`)).status, 200);

    // Kill it while it sends (one recipient per transaction: 2,000 take many seconds).
    await new Promise((r) => setTimeout(r, 1500)); // a real process on a real clock
    first.child.kill('SIGKILL');
    await first.exited;
    const killed = await openDatabase(dbUrl ? { databaseUrl: dbUrl } : { dataDir });
    const sentAtKill = (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM inmails WHERE campaign_id = ${id}`.execute(
        killed.db,
      )
    ).rows[0]!.n;
    await killed.close();
    assert.ok(sentAtKill > 0 && sentAtKill < 1900, `killed in the middle (${sentAtKill} of 2000 sent)`);

    const second = start();
    const url2 = await second.url;
    const rec2 = await login(url2, 'recruiter1@demo.test');
    let view;
    for (let i = 0; ; i++) {
      view = (await api(url2, rec2, 'GET', `/v1/campaigns/${id}`)).body;
      if (view.status === 'completed') break;
      assert.ok(i < 3000, `the campaign completes after the restart: ${JSON.stringify(view.progress)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(
      (view.progress.sentByStep['0'] ?? 0) > sentAtKill,
      `more were sent after the restart: ${JSON.stringify(view.progress)}, ${sentAtKill} at the kill`,
    );
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0);

    const database = await openDatabase(dbUrl ? { databaseUrl: dbUrl } : { dataDir });
    try {
      const dup = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (
        SELECT recipient_member_id FROM inmails WHERE campaign_id = ${id} GROUP BY 1 HAVING count(*) > 1) d`.execute(
        database.db,
      );
      assert.equal(dup.rows[0]!.n, 0, 'nobody received two');
      const counts = await sql<{ sent: number; inmails: number; open: number }>`
      SELECT (SELECT count(*)::int FROM campaign_recipients WHERE campaign_id = ${id} AND step = 0) AS sent,
             (SELECT count(*)::int FROM inmails WHERE campaign_id = ${id}) AS inmails,
             (SELECT count(*)::int FROM campaign_recipients WHERE campaign_id = ${id}
                AND status IN ('pending', 'needs_personalization', 'snoozed')) AS open`.execute(database.db);
      assert.equal(counts.rows[0]!.inmails, counts.rows[0]!.sent, 'one InMail per recipient sent to');
      assert.equal(counts.rows[0]!.open, 0);
      const ledger = await sql<{ balance: number; reserved: number; sb: number; sr: number }>`
      SELECT s.balance, s.reserved, coalesce(sum(l.amount), 0)::int AS sb, coalesce(sum(l.reserved_delta), 0)::int AS sr
      FROM seats s LEFT JOIN ledger_entries l ON l.seat_id = s.id WHERE s.id = ${me.seat.id}
      GROUP BY s.balance, s.reserved`.execute(database.db);
      const l = ledger.rows[0]!;
      assert.equal(l.balance, l.sb, 'stored balance = sum of the ledger');
      assert.equal(l.reserved, l.sr);
      assert.equal(l.reserved, 0, 'the completed campaign released its reservation');
      const spent = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ledger_entries WHERE campaign_id = ${id} AND kind = 'spend'`.execute(
        database.db,
      );
      const charged = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM inmails WHERE campaign_id = ${id} AND charged`.execute(database.db);
      assert.equal(spent.rows[0]!.n, charged.rows[0]!.n, 'one debit per charged InMail');
    } finally {
      await database.close();
    }
  },
);
