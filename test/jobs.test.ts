/**
 * The job queue on this backend (pg-boss 12.38 pinned, verified on Node 20): a job runs, and a
 * job enqueued in a transaction exists only if the transaction commits. (What the scheduled jobs
 * do is tested through their services: renewals and expiries in test/inmail.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { JobQueue } from '../src/jobs/queue.ts';
import { freshDatabase, type TestDatabase } from './support/db.ts';

let database: TestDatabase;
let queue: JobQueue;
const done: string[] = [];
const waiters = new Map<string, () => void>();

before(async () => {
  database = await freshDatabase('empty');
  queue = new JobQueue(database, { work: true, databaseUrl: database.url, concurrency: 2 });
  queue.register<{ tag: string }>('test.echo', async (data) => {
    done.push(data.tag);
    waiters.get(data.tag)?.();
  });
  await queue.start();
});
after(async () => {
  await queue.stop(2000);
  await database.close();
});

function completion(tag: string, timeoutMs = 20_000): Promise<void> {
  if (done.includes(tag)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`job ${tag} did not run within ${timeoutMs} ms`)),
      timeoutMs,
    );
    waiters.set(tag, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

test('a job sent to the queue runs', async () => {
  await queue.send('test.echo', { tag: 'plain' });
  await completion('plain');
  assert.ok(done.includes('plain'));
});

test('a job enqueued in a transaction exists only if the transaction commits', async () => {
  await assert.rejects(
    database.db.transaction().execute(async (trx) => {
      await queue.enqueue(trx, 'test.echo', { tag: 'rolled-back' });
      throw new Error('roll back');
    }),
    /roll back/,
  );
  await database.db.transaction().execute(async (trx) => {
    await sql`SELECT 1`.execute(trx);
    await queue.enqueue(trx, 'test.echo', { tag: 'committed' });
  });
  await completion('committed');
  const rows = await queue.boss.findJobs('test.echo', { data: { tag: 'rolled-back' } });
  assert.equal(rows.length, 0, 'the rolled-back job was never created');
  assert.ok(!done.includes('rolled-back'));
});
