/**
 * A whole InMail (services + HTTP, no port) on a fresh database and a controllable clock, for
 * service and HTTP tests. Requests go through `app.inject()`.
 */
import type { LightMyRequestResponse } from 'fastify';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { buildHttp, type App } from '../../src/http/app.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { registerJobs } from '../../src/jobs/index.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { TEST_EPOCH, TEST_PASSWORD } from './constants.ts';
import { freshDatabase, type Template, type TestDatabase } from './db.ts';

export interface TestApp {
  app: App;
  services: Services;
  clock: ManualClock;
  database: TestDatabase;
  config: Config;
  queue: JobQueue | null;
  close(): Promise<void>;
}

export interface TestAppOptions {
  template?: Template;
  env?: Record<string, string>;
  /** Start the job queue with workers (off by default: tests call services directly). */
  jobs?: boolean;
  poolSize?: number;
}

export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const database = await freshDatabase(
    opts.template ?? 'demo',
    opts.poolSize ? { poolSize: opts.poolSize } : {},
  );
  const config = loadConfig({ INMAIL_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', ...opts.env });
  const clock = new ManualClock(TEST_EPOCH);
  let queue: JobQueue | null = null;
  if (opts.jobs) queue = new JobQueue(database, { work: true, databaseUrl: database.url, concurrency: 2 });
  const services = createServices({ database, config, clock, queue });
  if (queue) {
    registerJobs(queue, services);
    await queue.start();
  }
  const app = await buildHttp({ config, services, logger: false });
  await app.ready();
  return {
    app,
    services,
    clock,
    database,
    config,
    queue,
    async close() {
      await app.close();
      await queue?.stop(2000);
      await database.close();
    },
  };
}

/** Logs in through the API and returns the bearer token. */
export async function login(app: App, email: string, password = TEST_PASSWORD): Promise<string> {
  const r = await app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password } });
  if (r.statusCode !== 200) throw new Error(`login ${email} failed: ${r.statusCode} ${r.body}`);
  return (r.json() as { token: string }).token;
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

/** Asserts a problem+json response and returns its body. */
export function problemOf(r: LightMyRequestResponse): {
  code: string;
  status: number;
  errors?: { field: string }[];
  [k: string]: unknown;
} {
  if (!String(r.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(
      `expected application/problem+json, got ${r.headers['content-type']} (${r.statusCode}): ${r.body}`,
    );
  }
  return r.json();
}
