/**
 * Composition root: config -> database -> migrations -> services -> jobs + HTTP. Each CLI mode
 * runs a part of it: `start` everything in one process (the embedded default), `serve` only the
 * API, `worker` only the jobs, so several processes can share one PostgreSQL.
 */
import { fileURLToPath } from 'node:url';
import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { buildHttp, type App } from './http/app.ts';
import { JOBS, registerJobs } from './jobs/index.ts';
import { JobQueue } from './jobs/queue.ts';
import { createServices, type Services } from './services/index.ts';

export type Mode = 'start' | 'serve' | 'worker';

export interface Running {
  database: Database;
  services: Services;
  http: App | null;
  queue: JobQueue | null;
  url: string | null;
  /** Graceful stop: no new requests, in-flight ones and running jobs finish, database closed. */
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  mode: Mode;
  clock?: Clock;
  /** Logger options for Fastify/pino; false silences it. */
  logger?: boolean | Record<string, unknown>;
  /** Called with progress lines ("migrated ...", "loading demo data ..."). */
  log?: (line: string) => void;
}

export const WEB_ROOT = fileURLToPath(new URL('../web/dist/', import.meta.url));

export async function startInMail(opts: StartOptions): Promise<Running> {
  const { config, mode } = opts;
  const log = opts.log ?? (() => {});
  const clock = opts.clock ?? systemClock;

  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.poolSize,
    applicationName: `inmail-${mode}`,
  });
  let queue: JobQueue | null = null;
  let http: App | null = null;
  try {
    const applied = await migrate(database.db);
    if (applied.length) log(`applied migrations: ${applied.join(', ')}`);

    queue = new JobQueue(database, {
      work: mode !== 'serve',
      databaseUrl: config.databaseUrl,
      concurrency: config.workerConcurrency,
      onError: (err) => log(`job queue error: ${err.message}`),
    });
    const services = createServices({ database, config, clock, queue });
    registerJobs(queue, services);
    // Members that predate the search index (or were marked for rebuild) become searchable.
    const reindexed = await services.search.reindexDirty();
    if (reindexed) log(`search index built for ${reindexed} members`);

    if (mode === 'start' && config.demo) {
      const loaded = await services.demo.loadIfEmpty({
        password: config.demoPassword,
        members: config.demoMembers,
        progress: log,
      });
      if (loaded) log(`demo data loaded: ${loaded.members} members, ${loaded.organizations} organizations`);
    }

    await queue.start();

    let url: string | null = null;
    if (mode !== 'worker') {
      http = await buildHttp({
        config,
        services,
        ...(opts.logger !== undefined ? { logger: opts.logger } : {}),
        webRoot: WEB_ROOT,
      });
      const address = await http.listen({ port: config.port, host: config.host });
      const port = new URL(address).port;
      url = `http://localhost:${port}`;
    }

    // Resume campaigns at once after a restart instead of waiting for the minute's sweep, and
    // rewrite search documents of an older layout (after an upgrade; nothing to do otherwise).
    if (mode !== 'serve') {
      await queue.send(JOBS.campaignSweep, {});
      await queue.send(JOBS.searchReindex, {});
    }

    let stopping: Promise<void> | null = null;
    const stop = () =>
      (stopping ??= (async () => {
        // Order matters: stop taking requests (in-flight ones finish), then let running jobs
        // finish, then close the database, which releases the data directory lock.
        if (http) await http.close();
        if (queue) await queue.stop(config.shutdownTimeoutMs);
        await database.close();
      })());
    return { database, services, http, queue, url, stop };
  } catch (err) {
    await http?.close().catch(() => {});
    await queue?.stop(1000).catch(() => {});
    await database.close().catch(() => {});
    throw err;
  }
}
