import type { Clock } from '../clock.ts';
import type { Store } from '../repositories/index.ts';
import { NEAR_DUPLICATE_DAYS } from './compose.service.ts';

/** Days a search stays in a user's search history. */
export const SEARCH_HISTORY_DAYS = 90;

/** Periodic clean-up that keeps tables from growing without bound. */
export class MaintenanceService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async housekeeping(): Promise<{
    sessionsDeleted: number;
    idempotencyKeysDeleted: number;
    searchHistoryDeleted: number;
    signaturesDeleted: number;
  }> {
    const dayAgo = new Date(this.clock.now().getTime() - 86_400_000);
    const sessionsDeleted = await this.store.repos.sessions.deleteEndedBefore(dayAgo);
    // Retries come within minutes; a day of replay protection is plenty.
    const idempotencyKeysDeleted = await this.store.repos.idempotency.deleteBefore(dayAgo);
    // Search history is kept 90 days (LinkedIn Recruiter's retention).
    const searchHistoryDeleted = await this.store.repos.searchHistory.deleteBefore(
      new Date(this.clock.now().getTime() - SEARCH_HISTORY_DAYS * 86_400_000),
    );
    // Near-duplicate checks look at a seat's last NEAR_DUPLICATE_DAYS of bodies; keep a margin.
    const signaturesDeleted = await this.store.repos.signatures.deleteBefore(
      new Date(this.clock.now().getTime() - 4 * NEAR_DUPLICATE_DAYS * 86_400_000),
    );
    return { sessionsDeleted, idempotencyKeysDeleted, searchHistoryDeleted, signaturesDeleted };
  }
}
