/**
 * The services of the product, built once over one database and one clock.
 */
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { Store } from '../repositories/index.ts';
import { AuthService } from './auth.service.ts';
import { DemoService } from './demo.service.ts';
import { DirectoryService } from './directory.service.ts';
import { HealthService } from './health.service.ts';
import { MaintenanceService } from './maintenance.service.ts';

export interface ServiceDeps {
  database: Database;
  config: Config;
  clock: Clock;
  queue: JobQueue | null;
}

export function createServices(deps: ServiceDeps) {
  const store = new Store(deps.database.db);
  return {
    store,
    clock: deps.clock,
    queue: deps.queue,
    auth: new AuthService(store, deps.clock, deps.config),
    directory: new DirectoryService(store),
    health: new HealthService(store, deps.database.backend),
    demo: new DemoService(store, deps.clock),
    maintenance: new MaintenanceService(store, deps.clock),
  };
}
export type Services = ReturnType<typeof createServices>;
