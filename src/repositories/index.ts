/**
 * All repositories bound to one executor: the root database handle, or an open transaction, so a
 * service writes every change of one use case through the same transaction.
 */
import type { Db, Executor, Tx } from '../db/database.ts';
import { AccountRepository } from './account.repository.ts';
import { AnalyticsIngestRepository } from './analytics-ingest.repository.ts';
import { AnalyticsRepository } from './analytics.repository.ts';
import { ApiKeyRepository } from './api-key.repository.ts';
import { BlockRepository } from './block.repository.ts';
import { CandidateListRepository } from './candidate-list.repository.ts';
import { CampaignRepository } from './campaign.repository.ts';
import { ConnectionRequestRepository } from './connection-request.repository.ts';
import { EventRepository } from './event.repository.ts';
import { HealthRepository } from './health.repository.ts';
import { IdempotencyRepository } from './idempotency.repository.ts';
import { InmailRepository } from './inmail.repository.ts';
import { LedgerRepository } from './ledger.repository.ts';
import { LicenseTypeRepository } from './license-type.repository.ts';
import { LoginThrottleRepository } from './login-throttle.repository.ts';
import { MemberRepository } from './member.repository.ts';
import { NotificationRepository } from './notification.repository.ts';
import { OrganizationRepository } from './organization.repository.ts';
import { PolicyRepository } from './policy.repository.ts';
import { PoolRepository } from './pool.repository.ts';
import { ProjectRepository } from './project.repository.ts';
import { SavedSearchRepository } from './saved-search.repository.ts';
import { SearchHistoryRepository } from './search-history.repository.ts';
import { SearchRepository } from './search.repository.ts';
// } from './policy.repository.ts';
import { SendRepository } from './send.repository.ts';
import { SendTimeRepository } from './send-time.repository.ts';
import { SeatRepository } from './seat.repository.ts';
import { SessionRepository } from './session.repository.ts';
import { SignatureRepository } from './signature.repository.ts';
import { TemplateRepository } from './template.repository.ts';
import { ThreadRepository } from './thread.repository.ts';
import { TrackedLinkRepository } from './tracked-link.repository.ts';
import { UserRepository } from './user.repository.ts';

export function repositories(ex: Executor) {
  return {
    ex,
    accounts: new AccountRepository(ex),
    analytics: new AnalyticsRepository(ex),
    analyticsIngest: new AnalyticsIngestRepository(ex),
    apiKeys: new ApiKeyRepository(ex),
    blocks: new BlockRepository(ex),
    candidateLists: new CandidateListRepository(ex),
    campaigns: new CampaignRepository(ex),
    connectionRequests: new ConnectionRequestRepository(ex),
    events: new EventRepository(ex),
    health: new HealthRepository(ex),
    idempotency: new IdempotencyRepository(ex),
    inmails: new InmailRepository(ex),
    ledger: new LedgerRepository(ex),
    licenseTypes: new LicenseTypeRepository(ex),
    loginThrottle: new LoginThrottleRepository(ex),
    members: new MemberRepository(ex),
    notifications: new NotificationRepository(ex),
    organizations: new OrganizationRepository(ex),
    policies: new PolicyRepository(ex),
    pools: new PoolRepository(ex),
    projects: new ProjectRepository(ex),
    savedSearches: new SavedSearchRepository(ex),
    search: new SearchRepository(ex),
    searchHistory: new SearchHistoryRepository(ex),
    seats: new SeatRepository(ex),
    sends: new SendRepository(ex),
    sendTimes: new SendTimeRepository(ex),
    sessions: new SessionRepository(ex),
    signatures: new SignatureRepository(ex),
    templates: new TemplateRepository(ex),
    threads: new ThreadRepository(ex),
    trackedLinks: new TrackedLinkRepository(ex),
    users: new UserRepository(ex),
  };
}
export type Repos = ReturnType<typeof repositories>;

/** The database as services see it: repositories outside a transaction, and a way to open one. */
export class Store {
  readonly repos: Repos;
  constructor(readonly db: Db) {
    this.repos = repositories(db);
  }
  /** Runs `fn` in one transaction; everything it writes commits together or not at all. */
  tx<T>(fn: (r: Repos, trx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(repositories(trx), trx));
  }
}
