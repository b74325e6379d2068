/**
 * The services of the product, built once over one database and one clock.
 */
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { Store } from '../repositories/index.ts';
import { AnalyticsIngestService } from './analytics-ingest.service.ts';
import { AnalyticsService } from './analytics.service.ts';
import { AuthService } from './auth.service.ts';
import { CampaignRunner } from './campaign-runner.ts';
import { CampaignService } from './campaign.service.ts';
import { CandidateListService } from './candidate-list.service.ts';
import { ComposeService } from './compose.service.ts';
import { ConnectionService } from './connection.service.ts';
import { CreditService } from './credit.service.ts';
import { DemoService } from './demo.service.ts';
import { DirectoryService } from './directory.service.ts';
import { HealthService } from './health.service.ts';
import { InboxService } from './inbox.service.ts';
import { InmailService, type InmailRules } from './inmail.service.ts';
import { LinkService } from './link.service.ts';
import { createMailer, type Mailer } from './mail.ts';
import { MaintenanceService } from './maintenance.service.ts';
import { MemberService } from './member.service.ts';
import { NotificationService } from './notification.service.ts';
import { ProfileService } from './profile.service.ts';
import { ProjectService } from './project.service.ts';
import { SavedSearchService } from './saved-search.service.ts';
import { SearchService } from './search.service.ts';
import { SendTimeService } from './send-time.service.ts';
import { TemplateService } from './template.service.ts';

export interface ServiceDeps {
  database: Database;
  config: Config;
  clock: Clock;
  queue: JobQueue | null;
  /** Overrides the SMTP mailer (tests). */
  mailer?: Mailer | null;
}

export function createServices(deps: ServiceDeps) {
  const { config, clock, queue } = deps;
  const store = new Store(deps.database.db);
  const mailer =
    deps.mailer !== undefined
      ? deps.mailer
      : config.smtpUrl
        ? createMailer(config.smtpUrl, config.smtpFrom)
        : null;
  const rules: InmailRules = {
    expiryDays: config.inmailExpiryDays,
    networkCap: config.networkCap,
    networkCapDays: config.networkCapDays,
  };
  const notifications = new NotificationService(store, clock, queue, mailer, config.publicUrl);
  const credits = new CreditService(store, clock);
  // Templates, personalization, quality and tracked links on every send path (docs/templates.md).
  const composer = new ComposeService({
    subjectMax: config.subjectMax,
    bodyMax: config.bodyMax,
    linkBaseUrl: config.publicUrl ?? `http://localhost:${config.port}`,
  });
  const inmails = new InmailService(store, clock, notifications, rules, composer);
  const search = new SearchService(store, clock);
  // The analytics consumer: rollups and automatic pipeline moves from the event stream.
  const analyticsIngest = new AnalyticsIngestService(store, clock);
  const connections = new ConnectionService(store, clock, notifications, {
    noteMax: config.connectionNoteMax,
    weeklyCap: config.connectionWeeklyCap,
    cooldownDays: config.connectionCooldownDays,
  });
  return {
    store,
    clock,
    queue,
    config,
    auth: new AuthService(store, clock, config),
    directory: new DirectoryService(store, credits, clock),
    health: new HealthService(store, deps.database.backend),
    // The demo's history is written without emails: nobody should be mailed about the past.
    demo: new DemoService(
      store,
      clock,
      credits,
      new InmailService(
        store,
        clock,
        new NotificationService(store, clock, null, null, undefined),
        rules,
        composer,
      ),
    ),
    maintenance: new MaintenanceService(store, clock),
    notifications,
    credits,
    inmails,
    inbox: new InboxService(store, clock, notifications),
    connections,
    campaigns: new CampaignService(store, clock, queue, search),
    campaignRunner: new CampaignRunner(store, clock, notifications, connections, composer, rules, {
      batchSize: config.campaignBatchSize,
    }),
    members: new MemberService(store, clock, rules),
    search,
    savedSearches: new SavedSearchService(store, clock, search, notifications),
    candidateLists: new CandidateListService(store, clock, search),
    profiles: new ProfileService(store, clock),
    composer,
    templates: new TemplateService(store, clock, composer),
    links: new LinkService(store, clock),
    sendTimes: new SendTimeService(store, clock),
    analyticsIngest,
    analytics: new AnalyticsService(store, clock, analyticsIngest),
    projects: new ProjectService(store, clock, analyticsIngest),
  };
}
export type Services = ReturnType<typeof createServices>;
