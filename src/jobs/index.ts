/**
 * Every job type of the product and its schedule. Handlers are thin: they call a service.
 */
import { EMAIL_JOB } from '../services/notification.service.ts';
import type { Services } from '../services/index.ts';
import type { JobQueue } from './queue.ts';

export const JOBS = {
  housekeeping: 'housekeeping',
  renewCredits: 'credits.renew',
  expireInmails: 'inmails.expire',
  email: EMAIL_JOB,
} as const;

export function registerJobs(queue: JobQueue, services: Services): void {
  // Daily at 03:17 UTC: drop ended sessions and old idempotency keys.
  queue.register(JOBS.housekeeping, () => services.maintenance.housekeeping().then(() => {}), {
    cron: '17 3 * * *',
  });
  // Every 10 minutes: renew seats whose anniversary passed (catching up months if we were down).
  queue.register(JOBS.renewCredits, () => services.credits.renewDue().then(() => {}), {
    cron: '*/10 * * * *',
  });
  // Every 10 minutes: pending InMails past their expiry count as no response.
  queue.register(JOBS.expireInmails, () => services.inmails.expireDue().then(() => {}), {
    cron: '*/10 * * * *',
  });
  queue.register<{ notificationId: string }>(
    JOBS.email,
    async (data) => {
      await services.notifications.sendEmail(data.notificationId);
    },
    { concurrency: 2, retryLimit: 8 },
  );
}
