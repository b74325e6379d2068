import type { Backend } from '../db/database.ts';
import { pendingMigrations } from '../db/migrate.ts';
import type { Store } from '../repositories/index.ts';

export interface Readiness {
  status: 'ok' | 'unavailable';
  database: 'ok' | 'unreachable';
  backend: Backend;
  pendingMigrations: string[];
}

export class HealthService {
  constructor(
    private readonly store: Store,
    private readonly backend: Backend,
  ) {}

  /** Ready when the database answers and has every migration this code knows. */
  async readiness(): Promise<Readiness> {
    try {
      await this.store.repos.health.ping();
      const pending = (await pendingMigrations(this.store.db)).map(
        (m) => `${String(m.version).padStart(4, '0')}_${m.name}`,
      );
      return {
        status: pending.length ? 'unavailable' : 'ok',
        database: 'ok',
        backend: this.backend,
        pendingMigrations: pending,
      };
    } catch {
      return { status: 'unavailable', database: 'unreachable', backend: this.backend, pendingMigrations: [] };
    }
  }
}
