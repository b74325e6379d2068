/**
 * Saved searches and their daily alerts. A saved search is personal: only its owner sees it. The
 * alert job looks, for each saved search with alerts on, at the members whose search row changed
 * (new members, edited profiles) since the watermark it saw last, and notifies the owner in-app and
 * with a `search.alert` event about those that match and were never reported by this search.
 */
import type { Clock } from '../clock.ts';
import { notFound } from '../domain/errors.ts';
import type { Store } from '../repositories/index.ts';
import type { SavedSearchRow } from '../repositories/saved-search.repository.ts';
import type { NotificationService } from './notification.service.ts';
import type { SearchFilters, SearchService, Searcher } from './search.service.ts';

/** Members one alert reports at most (the notification says "N+" beyond). */
export const ALERT_MAX_MEMBERS = 100;

export interface SavedSearchView {
  id: string;
  name: string;
  query: string;
  filters: SearchFilters;
  alerts: boolean;
  lastAlertAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

function view(s: SavedSearchRow): SavedSearchView {
  return {
    id: s.id,
    name: s.name,
    query: s.query,
    filters: s.filters as SearchFilters,
    alerts: s.alerts,
    lastAlertAt: s.last_alert_at,
    createdAt: s.created_at,
    updatedAt: s.updated_at,
  };
}

export interface AlertRunSummary {
  searches: number;
  notified: number;
  members: number;
  failed: number;
}

export class SavedSearchService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly search: SearchService,
    private readonly notifications: NotificationService,
  ) {}

  async create(
    searcher: Searcher,
    s: { name: string; query?: string; filters?: SearchFilters; alerts?: boolean },
  ): Promise<SavedSearchView> {
    const now = this.clock.now();
    // Refuse what would not run (a 400 with the position, like a search).
    this.search.compile(searcher, s, now);
    const { repos } = this.store;
    const row = await repos.savedSearches.create({
      orgId: searcher.orgId,
      ownerUserId: searcher.userId,
      name: s.name,
      query: s.query ?? '',
      filters: s.filters ?? {},
      alerts: s.alerts ?? true,
      // Alerts report members that are new or changed from now on.
      watermark: await repos.search.changeWatermark(),
      at: now,
    });
    return view(row);
  }

  async list(searcher: Searcher): Promise<{ items: SavedSearchView[] }> {
    return { items: (await this.store.repos.savedSearches.list(searcher.orgId, searcher.userId)).map(view) };
  }

  async get(searcher: Searcher, id: string): Promise<SavedSearchView> {
    const row = await this.store.repos.savedSearches.get(searcher.orgId, searcher.userId, id);
    if (!row) throw notFound('saved search');
    return view(row);
  }

  async update(
    searcher: Searcher,
    id: string,
    patch: { name?: string; query?: string; filters?: SearchFilters; alerts?: boolean },
  ): Promise<SavedSearchView> {
    const now = this.clock.now();
    const { repos } = this.store;
    const current = await repos.savedSearches.get(searcher.orgId, searcher.userId, id);
    if (!current) throw notFound('saved search');
    const criteriaChanged = patch.query !== undefined || patch.filters !== undefined;
    if (criteriaChanged) {
      this.search.compile(
        searcher,
        { query: patch.query ?? current.query, filters: patch.filters ?? (current.filters as SearchFilters) },
        now,
      );
    }
    const row = await repos.savedSearches.update(searcher.orgId, searcher.userId, id, {
      ...patch,
      // New criteria: alerts start from now, as for a new saved search.
      ...(criteriaChanged ? { watermark: await repos.search.changeWatermark() } : {}),
      at: now,
    });
    if (!row) throw notFound('saved search');
    return view(row);
  }

  async delete(searcher: Searcher, id: string): Promise<void> {
    if (!(await this.store.repos.savedSearches.delete(searcher.orgId, searcher.userId, id))) {
      throw notFound('saved search');
    }
  }

  /**
   * The daily alert job. Each saved search is handled in its own transaction (locked, so two
   * workers never report the same members twice); one that fails is counted and skipped.
   */
  async runAlerts(): Promise<AlertRunSummary> {
    await this.search.reindexDirty();
    await this.search.refreshDocFormat();
    const summary: AlertRunSummary = { searches: 0, notified: 0, members: 0, failed: 0 };
    let after: string | null = null;
    for (;;) {
      const batch = await this.store.repos.savedSearches.alertBatch(after, 100);
      for (const s of batch) {
        summary.searches += 1;
        try {
          const reported = await this.alertOne(s.id, {
            orgId: s.org_id,
            userId: s.owner_user_id,
            memberId: s.owner_member_id,
            accountId: s.owner_account_id,
            disabled: s.owner_disabled,
          });
          if (reported > 0) {
            summary.notified += 1;
            summary.members += reported;
          }
        } catch {
          summary.failed += 1;
        }
      }
      const last = batch[batch.length - 1];
      if (!last || batch.length < 100) return summary;
      after = last.id;
    }
  }

  private async alertOne(
    id: string,
    owner: Searcher & { accountId: string; disabled: boolean },
  ): Promise<number> {
    const now = this.clock.now();
    // Read before searching: a change committed later has a higher number and waits for next time.
    const upTo = await this.store.repos.search.changeWatermark();
    return this.store.tx(async (r, trx) => {
      const s = await r.savedSearches.lockForAlert(id);
      if (!s) return 0;
      if (owner.disabled) {
        await r.savedSearches.advance(s.id, upTo, now);
        return 0;
      }
      const compiled = this.search.compile(
        owner,
        { query: s.query, filters: s.filters as SearchFilters, sort: { by: 'relevance' } },
        now,
      );
      await r.search.tuneForSearch();
      const found = await r.search.newMatches(compiled.plan, s.id, s.watermark, upTo, ALERT_MAX_MEMBERS + 1);
      const ids = found.slice(0, ALERT_MAX_MEMBERS);
      if (ids.length > 0) {
        const count = found.length > ALERT_MAX_MEMBERS ? `${ALERT_MAX_MEMBERS}+` : String(ids.length);
        await r.search.markAlerted(s.id, ids, now);
        await this.notifications.notify(r, trx, {
          accountId: owner.accountId,
          kind: 'search.alert',
          title: `${count} new candidate${ids.length === 1 ? '' : 's'} for "${s.name}"`,
          body: `New or updated profiles now match your saved search "${s.name}".`,
          link: `/search?savedSearch=${s.id}`,
          data: { savedSearchId: s.id, count: ids.length, more: found.length > ids.length, memberIds: ids },
        });
        await r.events.append({
          type: 'search.alert',
          occurredAt: now,
          orgId: s.org_id,
          actorUserId: s.owner_user_id,
          data: {
            savedSearchId: s.id,
            name: s.name,
            count: ids.length,
            more: found.length > ids.length,
            memberIds: ids,
          },
        });
      }
      await r.savedSearches.advance(s.id, upTo, now);
      return ids.length;
    });
  }
}
