/**
 * Every job type of the product and its schedule. Handlers are thin: they call a service.
 */
import type { Services } from '../services/index.ts';
import type { JobQueue } from './queue.ts';

export const JOBS = {
  housekeeping: 'housekeeping',
} as const;

export function registerJobs(queue: JobQueue, services: Services): void {
  // Daily at 03:17 UTC: drop sessions that ended more than a day ago.
  queue.register(
    JOBS.housekeeping,
    async () => {
      await services.maintenance.housekeeping();
    },
    { cron: '17 3 * * *' },
  );
}
