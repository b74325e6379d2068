import type { Clock } from '../clock.ts';
import type { Store } from '../repositories/index.ts';

/** Periodic clean-up that keeps tables from growing without bound. */
export class MaintenanceService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async housekeeping(): Promise<{ sessionsDeleted: number; idempotencyKeysDeleted: number }> {
    const dayAgo = new Date(this.clock.now().getTime() - 86_400_000);
    const sessionsDeleted = await this.store.repos.sessions.deleteEndedBefore(dayAgo);
    // Retries come within minutes; a day of replay protection is plenty.
    const idempotencyKeysDeleted = await this.store.repos.idempotency.deleteBefore(dayAgo);
    return { sessionsDeleted, idempotencyKeysDeleted };
  }
}
