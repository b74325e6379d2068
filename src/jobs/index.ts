/**
 * Every job type of the product and its schedule. Handlers are thin: they call a service.
 */
import { CAMPAIGN_RUN_JOB, CAMPAIGN_SWEEP_JOB } from '../services/campaign.service.ts';
import { EMAIL_JOB } from '../services/notification.service.ts';
import type { Services } from '../services/index.ts';
import type { JobQueue } from './queue.ts';

export const JOBS = {
  housekeeping: 'housekeeping',
  renewCredits: 'credits.renew',
  expireInmails: 'inmails.expire',
  searchAlerts: 'search.alerts',
  searchReindex: 'search.reindex',
  analyticsIngest: 'analytics.ingest',
  email: EMAIL_JOB,
  campaignRun: CAMPAIGN_RUN_JOB,
  campaignSweep: CAMPAIGN_SWEEP_JOB,
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
  // Every minute: the analytics consumer reads new events into the rollups and moves project
  // candidates on InMail events (reports also catch up before answering; this keeps that step empty).
  queue.register(JOBS.analyticsIngest, () => services.analyticsIngest.catchUp().then(() => {}), {
    cron: '* * * * *',
  });
  // Daily at 06:07 UTC: saved-search alerts about members who newly match.
  queue.register(JOBS.searchAlerts, () => services.savedSearches.runAlerts().then(() => {}), {
    cron: '7 6 * * *',
  });
  // After an upgrade that changed the search document's layout: rewrite old rows, 50,000 a run
  // (about half a minute), queuing the next run at once while rows are left. Queued at every start;
  // every 10 minutes it also picks up rows a process of the previous version wrote meanwhile.
  queue.register(
    JOBS.searchReindex,
    async () => {
      const { more } = await services.search.reindexStale(1000, 50);
      if (more) await queue.send(JOBS.searchReindex, {});
    },
    { cron: '*/10 * * * *', concurrency: 1 },
  );
  // A campaign's scheduler: sends what is due (for at most 20 s), then queues its next run for when
  // the next recipient is due. Two runs of one campaign are harmless: they take turns on its lock.
  queue.register<{ campaignId: string }>(
    JOBS.campaignRun,
    async (data) => {
      const { nextRunAt } = await services.campaignRunner.run(data.campaignId);
      if (nextRunAt) {
        await queue.send(JOBS.campaignRun, data, {
          startAfter: nextRunAt,
          singletonKey: `run:${data.campaignId}:${nextRunAt.getTime()}`,
        });
      }
    },
    { concurrency: 2, retryLimit: 10 },
  );
  // Every minute: start scheduled campaigns whose time has come, and make sure every running
  // campaign has a run queued (after a crash or restart, this is what resumes them).
  queue.register(
    JOBS.campaignSweep,
    async () => {
      await services.campaigns.startDue();
      for (const id of await services.campaigns.runningIds()) {
        await queue.send(
          JOBS.campaignRun,
          { campaignId: id },
          { singletonKey: `sweep:${id}`, singletonSeconds: 55 },
        );
      }
    },
    { cron: '* * * * *' },
  );
  queue.register<{ notificationId: string }>(
    JOBS.email,
    async (data) => {
      await services.notifications.sendEmail(data.notificationId);
    },
    { concurrency: 2, retryLimit: 8 },
  );
}
