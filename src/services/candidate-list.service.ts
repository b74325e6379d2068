/**
 * Candidate lists: named sets of members an organization builds from search results (one result,
 * a page, or every match up to a limit). Shared by the organization's users; campaigns target them.
 */
import type { Clock } from '../clock.ts';
import { conflict, notFound, unprocessable } from '../domain/errors.ts';
import type { CandidateListRow, ListMemberRow } from '../repositories/candidate-list.repository.ts';
import type { Store } from '../repositories/index.ts';
import type { SearchFilters, SearchService, SearchSortInput, Searcher } from './search.service.ts';

/** Most members one list can hold. */
export const MAX_LIST_SIZE = 10_000;
/** Most matches one "add all matches" call adds (the viewable limit of a search). */
export const MAX_ADD_FROM_SEARCH = 1000;

export interface CandidateListView {
  id: string;
  name: string;
  description: string;
  size: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

function view(l: CandidateListRow): CandidateListView {
  return {
    id: l.id,
    name: l.name,
    description: l.description,
    size: l.size,
    createdBy: l.created_by,
    createdAt: l.created_at,
    updatedAt: l.updated_at,
  };
}

function memberView(m: ListMemberRow) {
  return {
    id: m.member_id,
    firstName: m.first_name,
    lastName: m.last_name,
    headline: m.headline,
    currentTitle: m.current_title,
    currentCompany: m.current_company,
    location: { city: m.city, region: m.region, country: m.country },
    openToWork: m.open_to_work,
    addedAt: m.added_at,
    addedBy: m.added_by,
  };
}

export interface AddResult {
  /** Members newly put on the list. */
  added: number;
  /** Members that were on it already. */
  alreadyOnList: number;
  /** Ids that are no member of the network (skipped). */
  unknown: number;
  size: number;
}

export class CandidateListService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly search: SearchService,
  ) {}

  async create(searcher: Searcher, l: { name: string; description?: string }): Promise<CandidateListView> {
    const row = await this.store.repos.candidateLists.create({
      orgId: searcher.orgId,
      userId: searcher.userId,
      name: l.name,
      description: l.description ?? '',
      at: this.clock.now(),
    });
    if (!row) throw conflict('list_name_taken', `Your organization already has a list named "${l.name}"`);
    return view(row);
  }

  async list(searcher: Searcher): Promise<{ items: CandidateListView[] }> {
    return { items: (await this.store.repos.candidateLists.list(searcher.orgId)).map(view) };
  }

  /** A list with one page of its members, most recently added first. */
  async get(searcher: Searcher, id: string, cursor: { at: Date; id: string } | null, limit: number) {
    const { repos } = this.store;
    const list = await repos.candidateLists.get(searcher.orgId, id);
    if (!list) throw notFound('candidate list');
    const rows = await repos.candidateLists.members(id, cursor, limit + 1);
    const members = rows.slice(0, limit).map(memberView);
    const last = members[members.length - 1];
    return {
      ...view(list),
      members: {
        items: members,
        nextCursor: rows.length > limit && last ? { at: last.addedAt, id: last.id } : null,
      },
    };
  }

  async update(
    searcher: Searcher,
    id: string,
    patch: { name?: string; description?: string },
  ): Promise<CandidateListView> {
    const row = await this.store.repos.candidateLists.update(searcher.orgId, id, {
      ...patch,
      at: this.clock.now(),
    });
    if (row === 'conflict')
      throw conflict('list_name_taken', `Your organization already has a list named "${patch.name}"`);
    if (!row) throw notFound('candidate list');
    return view(row);
  }

  async delete(searcher: Searcher, id: string): Promise<void> {
    if (!(await this.store.repos.candidateLists.delete(searcher.orgId, id))) throw notFound('candidate list');
  }

  /** Adds members by id (one result, or a page of results). */
  async addMembers(searcher: Searcher, id: string, memberIds: readonly string[]): Promise<AddResult> {
    return this.store.tx(async (r) => {
      if (!(await r.candidateLists.lock(searcher.orgId, id))) throw notFound('candidate list');
      const res = await r.candidateLists.addMembers(id, memberIds, searcher.userId, this.clock.now());
      const size = await r.candidateLists.size(id);
      if (size > MAX_LIST_SIZE) {
        throw unprocessable(
          'list_full',
          `A list holds at most ${MAX_LIST_SIZE} members; this would make ${size}`,
          {
            maxSize: MAX_LIST_SIZE,
          },
        );
      }
      return {
        added: res.added,
        alreadyOnList: res.known - res.added,
        unknown: res.requested - res.known,
        size,
      };
    });
  }

  /** Adds the best `limit` matches of a search (at most MAX_ADD_FROM_SEARCH). */
  async addFromSearch(
    searcher: Searcher,
    id: string,
    s: { query?: string; filters?: SearchFilters; sort?: SearchSortInput; limit: number },
  ): Promise<AddResult & { matched: number }> {
    if (!(await this.store.repos.candidateLists.get(searcher.orgId, id))) throw notFound('candidate list');
    const ids = await this.search.matchingIds(searcher, s, Math.min(s.limit, MAX_ADD_FROM_SEARCH));
    return { ...(await this.addMembers(searcher, id, ids)), matched: ids.length };
  }

  async removeMembers(
    searcher: Searcher,
    id: string,
    memberIds: readonly string[],
  ): Promise<{ removed: number; size: number }> {
    return this.store.tx(async (r) => {
      if (!(await r.candidateLists.lock(searcher.orgId, id))) throw notFound('candidate list');
      const removed = await r.candidateLists.removeMembers(id, memberIds, this.clock.now());
      return { removed, size: await r.candidateLists.size(id) };
    });
  }
}
