/**
 * The durable job queue: pg-boss in the same database, woken by LISTEN/NOTIFY (polling stays as a
 * floor). pg-boss 12.38 is pinned: it declares Node >= 22 but was verified on Node 20 here, and a
 * smoke test (test/jobs.test.ts) keeps checking it.
 *
 * On PGlite pg-boss must not get a connection of its own: there is one session, and a statement
 * issued beside an open transaction would run inside it. So pg-boss talks through our pool (one
 * connection, which serializes everything) and listens through PGlite's in-process LISTEN.
 * Jobs enqueued as part of a use case go through that use case's transaction (`enqueue(tx, ...)`),
 * so a job exists if and only if the change that asked for it committed.
 */
import { CompiledQuery } from 'kysely';
import { PgBoss, type Db as IDatabase, type Job, type SendOptions } from 'pg-boss';
import type pg from 'pg';
import type { Database, Executor } from '../db/database.ts';

export interface QueueOptions {
  /** Run workers, cron schedules and maintenance in this process. */
  work: boolean;
  databaseUrl?: string | undefined;
  concurrency?: number;
  onError?: (err: Error) => void;
}

export type JobHandler<T> = (data: T, job: Job<T>) => Promise<void>;

interface Registration {
  name: string;
  handler: JobHandler<never>;
  cron?: string;
  concurrency?: number;
  retryLimit?: number;
}

function flatten(result: pg.QueryResult | pg.QueryResult[]): { rows: unknown[] } {
  return Array.isArray(result) ? { rows: result.flatMap((r) => r.rows ?? []) } : { rows: result.rows };
}

/** pg-boss statements through one of our executors (the pool, or a transaction). */
function executorAdapter(ex: Executor): IDatabase {
  return {
    async executeSql(text, values) {
      const r = await ex.executeQuery(CompiledQuery.raw(text, (values ?? []) as unknown[]));
      return { rows: r.rows as unknown[] };
    },
  };
}

function pgliteAdapter(database: Database): IDatabase {
  const lite = database.pglite!;
  return {
    async executeSql(text, values) {
      return flatten(
        (await database.pool.query(text, values as unknown[] | undefined)) as unknown as pg.QueryResult,
      ) as { rows: never[] };
    },
    async listen(channel, onNotification, onReconnect) {
      const unsubscribe = await lite.listen(channel, onNotification);
      onReconnect();
      return { close: async () => unsubscribe() };
    },
  };
}

export class JobQueue {
  readonly boss: PgBoss;
  private readonly registrations: Registration[] = [];
  private started = false;

  constructor(
    private readonly database: Database,
    private readonly opts: QueueOptions,
  ) {
    const common = {
      useListenNotify: true,
      supervise: opts.work,
      schedule: opts.work,
      migrate: true,
      application_name: 'inmail-jobs',
    } as const;
    this.boss =
      database.backend === 'pglite'
        ? new PgBoss({ ...common, db: pgliteAdapter(database), backend: 'pglite' })
        : new PgBoss({ ...common, connectionString: opts.databaseUrl, max: 4 });
    this.boss.on('error', (err: Error) => opts.onError?.(err));
  }

  /** Declares a job type; call before start(). With `cron`, it also runs on that schedule (UTC). */
  register<T extends object>(
    name: string,
    handler: JobHandler<T>,
    o: { cron?: string; concurrency?: number; retryLimit?: number } = {},
  ): void {
    this.registrations.push({ name, handler: handler as JobHandler<never>, ...o });
  }

  async start(): Promise<void> {
    await this.boss.start();
    for (const r of this.registrations) {
      await this.boss.createQueue(r.name, {
        notify: true,
        retryLimit: r.retryLimit ?? 5,
        retryBackoff: true,
        retryDelay: 5,
      });
    }
    if (this.opts.work) {
      for (const r of this.registrations) {
        await this.boss.work<object>(
          r.name,
          {
            batchSize: 1,
            localConcurrency: r.concurrency ?? this.opts.concurrency ?? 2,
            pollingIntervalSeconds: 2,
            burstWhenBatchFull: true,
          },
          async ([job]) => {
            if (job) await r.handler(job.data as never, job as Job<never>);
          },
        );
        if (r.cron) await this.boss.schedule(r.name, r.cron, {}, { tz: 'UTC' });
      }
    }
    this.started = true;
  }

  /** Enqueues a job outside any transaction. */
  async send(name: string, data: object, options: SendOptions = {}): Promise<string | null> {
    return this.boss.send(name, data, options);
  }

  /** Enqueues a job inside the caller's transaction: it exists only if the transaction commits. */
  async enqueue(tx: Executor, name: string, data: object, options: SendOptions = {}): Promise<string | null> {
    return this.boss.send(name, data, { ...options, db: executorAdapter(tx) });
  }

  /** Stops taking new jobs and waits (up to timeoutMs) for running ones to finish. */
  async stop(timeoutMs: number): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, close: true, timeout: timeoutMs });
  }
}
