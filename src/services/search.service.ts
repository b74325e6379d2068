/**
 * Candidate search: compiles a Boolean query and filters into one parameterized search, runs it,
 * and turns the page into result cards with highlights, network degree, the organization's last
 * contact and the "likely to respond" breakdown. Saved-search alerts and candidate lists reuse
 * `compile`, so every way of searching means the same thing.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { DomainError, invalid } from '../domain/errors.ts';
import type { Seniority } from '../domain/profile.ts';
import { currentPosition } from '../domain/profile.ts';
import {
  FIELD_VALUE_SEPARATOR,
  QuerySyntaxError,
  SEARCH_FIELDS,
  formatQuery,
  normalizeText,
  parseQuery,
  profileSearchDocument,
  queryTerms,
  type QueryNode,
  type ScopedField,
  type TermNode,
} from '../domain/search-query.ts';
import {
  MAX_PAGE_SIZE,
  VIEWABLE_RESULTS,
  likelyToRespond,
  type ResponseBoost,
} from '../domain/search-ranking.ts';
import type { Repos, Store } from '../repositories/index.ts';
import { profileFromRow } from '../repositories/member-profile.ts';
import {
  DOC_FORMAT,
  FACT,
  MAX_INDEXED_YEARS,
  NOTHING,
  allFacts,
  andQueries,
  anyFact,
  compileTsquery,
  openToWorkFact,
  rankTsquery,
} from '../repositories/search-index.ts';
import type {
  CandidateHits,
  CandidateQuery,
  CandidateRow,
  Degree,
  SearchCursor,
  SearchSort,
} from '../repositories/search.repository.ts';

/** How often a process looks again for search documents of an older layout (see docFormat). */
const FORMAT_CHECK_MS = 60_000;

/** Filters of a candidate search; every one present must hold (lists inside one mean "any of"). */
export interface SearchFilters {
  /** Boolean text over the current title only: `"portfolio manager" OR quant*`. */
  currentTitle?: string;
  skills?: { all?: string[]; any?: string[] };
  companies?: { names: string[]; when?: 'current' | 'past' | 'either' };
  industries?: string[];
  locations?: { countries?: string[]; regions?: string[]; cities?: string[] };
  graduationYear?: { min?: number; max?: number };
  yearsOfExperience?: { min?: number; max?: number };
  seniorities?: Seniority[];
  openToWork?: boolean;
  networkDegrees?: Degree[];
  languages?: { all?: string[]; any?: string[] };
  /** Leave out members my organization contacted (InMail or message) in the last N days. */
  notContactedInDays?: number;
  /** true: members who accepted, declined or replied to an InMail before; false: who never did. */
  hasRespondedToInmail?: boolean;
  /**
   * true: leave out members still to be contacted by an active campaign of my organization (a
   * recipient pending, waiting for personalization or snoozed, in a scheduled, running or paused
   * campaign: what the campaign runner's collision check calls "in another active campaign").
   */
  notInActiveCampaign?: boolean;
}

export interface SearchSortInput {
  by?: SearchSort;
  /** Add the visible "likely to respond" boost to relevance (default true). */
  likelyToRespondBoost?: boolean;
}

export interface CandidateSearchInput {
  query?: string;
  filters?: SearchFilters;
  sort?: SearchSortInput;
  cursor?: string;
  limit?: number;
}

export interface Searcher {
  orgId: string;
  userId: string;
  /** The searcher's own member profile (network degrees are relative to it). */
  memberId: string | null;
}

export type HighlightField =
  | 'name'
  | 'headline'
  | 'title'
  | 'company'
  | 'skill'
  | 'school'
  | 'location'
  | 'industry'
  | 'language'
  | 'summary'
  | 'other';

/** A part of the profile that matched: the value shown and the query terms (as typed) it matched. */
export interface Highlight {
  field: HighlightField;
  value: string;
  terms: string[];
}

export interface CandidateResult {
  id: string;
  firstName: string;
  lastName: string;
  headline: string;
  currentTitle: string;
  currentCompany: string;
  location: { city: string; region: string; country: string };
  seniority: string;
  yearsOfExperience: number;
  openToWork: boolean;
  degree: Degree;
  highlights: Highlight[];
  lastContactedByMyOrgAt: Date | null;
  /** Relevance plus boost (null when sorted by recency, which ignores them). */
  score: number | null;
  likelyToRespond: ResponseBoost;
}

export interface CandidateSearchResult {
  items: CandidateResult[];
  /** Matches, exactly when at most VIEWABLE_RESULTS, else `{count: 1000, exact: false}` (at least). */
  total: { count: number; exact: boolean };
  /** Counts over the viewable result set (all matches, or the 1,000 best when there are more). */
  facets: CandidateHits['facets'];
  nextCursor: string | null;
  /** How the query was understood (canonical form), or null without a query. */
  query: string | null;
}

/** A search ready to run, and what highlighting needs. */
export interface CompiledSearch {
  plan: CandidateQuery;
  ast: QueryNode | null;
  /** Positive terms to highlight; current-title terms carry field `title`. */
  terms: TermNode[];
  currentTitleTerms: TermNode[];
  /** Identifies query + filters + sort: a cursor only works for the search that made it. */
  fingerprint: string;
}

const DAY = 86_400_000;

function parseField(text: string, field: string): QueryNode {
  try {
    return parseQuery(text);
  } catch (err) {
    if (err instanceof QuerySyntaxError && field !== 'query') {
      throw new DomainError('invalid', err.code, `${field}: ${err.message}`, {
        fields: [{ field, message: err.hint, code: err.code }],
        extra: { position: err.position, hint: err.hint, field },
      });
    }
    throw err;
  }
}

function range(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let v = lo; v <= hi; v++) out.push(v);
  return out;
}

function positiveTerms(ast: QueryNode | null): TermNode[] {
  if (!ast) return [];
  const terms = queryTerms(ast);
  return SEARCH_FIELDS.flatMap((f) => terms[f]);
}

interface Cursor extends SearchCursor {
  /** Results already shown before this page. */
  n: number;
  f: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(text: string, fingerprint: string): Cursor {
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid('invalid_cursor', 'The cursor is not one this API returned', [
      { field: 'cursor', message: 'malformed' },
    ]);
  }
  const ok =
    typeof c === 'object' &&
    c !== null &&
    Number.isSafeInteger((c as Cursor).k) &&
    typeof (c as Cursor).id === 'string' &&
    /^[0-9a-f-]{36}$/i.test((c as Cursor).id) &&
    Number.isSafeInteger((c as Cursor).n) &&
    (c as Cursor).n >= 0 &&
    typeof (c as Cursor).f === 'string';
  if (!ok) {
    throw invalid('invalid_cursor', 'The cursor is not one this API returned', [
      { field: 'cursor', message: 'malformed' },
    ]);
  }
  if ((c as Cursor).f !== fingerprint) {
    throw invalid('cursor_mismatch', 'This cursor belongs to a different query, filters or sort', [
      { field: 'cursor', message: 'belongs to another search' },
    ]);
  }
  return c as Cursor;
}

// --- highlights ----------------------------------------------------------------------------------

/** Same rule as matchesProfile: tokens consecutive, the last one a prefix when `prefix`. */
function containsTerm(words: readonly string[], wanted: readonly string[], prefix: boolean): boolean {
  const last = wanted.length - 1;
  for (let start = 0; start + wanted.length <= words.length; start++) {
    let ok = true;
    for (let k = 0; k <= last && ok; k++) {
      const word = words[start + k] ?? '';
      const want = wanted[k] ?? '';
      ok = k === last && prefix ? word.startsWith(want) : word === want;
    }
    if (ok) return true;
  }
  return false;
}

const ANY_FIELDS: readonly HighlightField[] = [
  'name',
  'headline',
  'title',
  'company',
  'skill',
  'school',
  'location',
  'industry',
  'language',
  'summary',
];

function highlightsFor(
  row: CandidateRow,
  terms: readonly TermNode[],
  currentTitleTerms: readonly TermNode[],
) {
  const profile = profileFromRow(row);
  const doc = profileSearchDocument(profile);
  const memo = new Map<string, string[]>();
  const tokens = (text: string): string[] => {
    let t = memo.get(text);
    if (!t) memo.set(text, (t = normalizeText(text)));
    return t;
  };
  const lines = (field: ScopedField): string[] =>
    doc[field].split(FIELD_VALUE_SEPARATOR).filter((v) => v !== '');
  const valuesOf = (field: HighlightField): string[] => {
    switch (field) {
      case 'name':
        return [`${profile.firstName} ${profile.lastName}`];
      case 'headline':
        return profile.headline ? [profile.headline] : [];
      case 'summary':
        return profile.summary.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim() !== '');
      case 'other':
        return [];
      default:
        return [...new Set(lines(field))];
    }
  };
  const found = new Map<string, Highlight>();
  const mark = (field: HighlightField, value: string, term: TermNode): void => {
    const key = `${field}\u0000${value}`;
    let h = found.get(key);
    if (!h) found.set(key, (h = { field, value, terms: [] }));
    if (!h.terms.includes(term.raw)) h.terms.push(term.raw);
  };
  const check = (
    term: TermNode,
    fields: readonly HighlightField[],
    values?: (f: HighlightField) => string[],
  ) => {
    const wanted = term.value.split(' ');
    let hit = false;
    for (const field of fields) {
      for (const value of (values ?? valuesOf)(field)) {
        if (containsTerm(tokens(value), wanted, term.prefix)) {
          mark(field, value, term);
          hit = true;
        }
      }
    }
    return hit;
  };
  for (const term of terms) {
    if (term.field === 'any') {
      if (
        !check(term, ANY_FIELDS) &&
        doc.any
          .split(FIELD_VALUE_SEPARATOR)
          .some((v) => containsTerm(tokens(v), term.value.split(' '), term.prefix))
      ) {
        mark('other', '', term);
      }
    } else {
      check(term, [term.field]);
    }
  }
  const current = currentPosition(profile)?.title;
  for (const term of currentTitleTerms) check(term, ['title'], () => (current ? [current] : []));
  return [...found.values()];
}

// --- the service -------------------------------------------------------------------------------

export class SearchService {
  /**
   * The document layout queries may rely on: 1 (what every row answers) until no row of an older
   * layout than DOC_FORMAT is left. Checked at most once a minute (one probe of a partial index),
   * so a row written by a process of the previous version during a rolling upgrade is found again
   * within a minute.
   */
  private docFormat = { value: 1, checkedAt: -Infinity };

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Refreshes the document layout `compile` relies on (see docFormat); call before compiling. */
  async refreshDocFormat(): Promise<number> {
    const now = this.clock.now().getTime();
    if (now - this.docFormat.checkedAt >= FORMAT_CHECK_MS || now < this.docFormat.checkedAt) {
      const stale = await this.store.repos.search.hasStaleFormat();
      this.docFormat = { value: stale ? 1 : DOC_FORMAT, checkedAt: now };
    }
    return this.docFormat.value;
  }

  /**
   * Turns a query, filters and sort into a runnable search for a searcher. Throws a 400 DomainError
   * (QuerySyntaxError for the query) with the position and a hint when something does not parse.
   */
  compile(
    searcher: Searcher,
    input: {
      query?: string | undefined;
      filters?: SearchFilters | undefined;
      sort?: SearchSortInput | undefined;
    },
    now: Date,
  ): CompiledSearch {
    const text = input.query ?? '';
    const ast = text.trim() === '' ? null : parseField(text, 'query');
    const f = input.filters ?? {};
    const titleAst =
      f.currentTitle !== undefined && f.currentTitle.trim() !== ''
        ? parseField(f.currentTitle, 'filters.currentTitle')
        : null;

    // A range is an OR of the indexed values it covers (years of experience are indexed up to
    // MAX_INDEXED_YEARS, so "at least 60" also finds 75). No bound: no filter.
    const years = (
      r: { min?: number; max?: number },
      lo: number,
      hi: number,
      what: string,
    ): number[] | null => {
      if (r.min === undefined && r.max === undefined) return null;
      const min = Math.max(lo, r.min ?? lo);
      const max = Math.min(hi, r.max ?? hi);
      if ((r.min ?? lo) > (r.max ?? hi)) {
        throw invalid('invalid_range', `${what}: min is greater than max`, [
          { field: `filters.${what}`, message: 'min is greater than max' },
        ]);
      }
      return min > max ? [] : range(min, max);
    };
    const companyFacts = ((c) => {
      if (!c) return null;
      const current = anyFact(FACT.currentCompany, c.names);
      const past = anyFact(FACT.pastCompany, c.names);
      if (c.when === 'current') return current;
      if (c.when === 'past') return past;
      return current && past ? `(${current} | ${past})` : null;
    })(f.companies);
    const graduation = f.graduationYear ? years(f.graduationYear, 1900, 2100, 'graduationYear') : null;
    const experience = f.yearsOfExperience
      ? years(f.yearsOfExperience, 0, MAX_INDEXED_YEARS, 'yearsOfExperience')
      : null;
    const indexed = andQueries([
      ast ? compileTsquery(ast, undefined, this.docFormat.value) : null,
      titleAst ? compileTsquery(titleAst, 'currentTitle', this.docFormat.value) : null,
      f.skills?.all ? allFacts(FACT.skill, f.skills.all) : null,
      f.skills?.any ? anyFact(FACT.skill, f.skills.any) : null,
      companyFacts,
      f.industries ? anyFact(FACT.industry, f.industries) : null,
      f.locations?.countries ? anyFact(FACT.country, f.locations.countries) : null,
      f.locations?.regions ? anyFact(FACT.region, f.locations.regions) : null,
      f.locations?.cities ? anyFact(FACT.city, f.locations.cities) : null,
      f.seniorities ? anyFact(FACT.seniority, f.seniorities) : null,
      f.openToWork !== undefined ? openToWorkFact(f.openToWork) : null,
      f.languages?.all ? allFacts(FACT.language, f.languages.all) : null,
      f.languages?.any ? anyFact(FACT.language, f.languages.any) : null,
    ]);
    // A range is an OR of many common values: in the index it means merging many long posting
    // lists (measured: 60 ms for nine graduation years at a million members). When something else
    // already narrows the search through the index, the range is checked on each hit's row instead;
    // alone, it goes through the index (an index behind every filter).
    const rangesInIndex = indexed === null;
    const match = rangesInIndex
      ? andQueries([
          graduation ? (anyFact(FACT.graduationYear, graduation) ?? NOTHING) : null,
          experience ? (anyFact(FACT.years, experience) ?? NOTHING) : null,
        ])
      : indexed;
    const terms = positiveTerms(ast);
    const currentTitleTerms = positiveTerms(titleAst);
    const sort: SearchSort = input.sort?.by ?? 'relevance';
    const boost = input.sort?.likelyToRespondBoost ?? true;
    const plan: CandidateQuery = {
      orgId: searcher.orgId,
      viewerMemberId: searcher.memberId,
      match,
      rank: rankTsquery([...terms, ...currentTitleTerms]),
      boost,
      sort,
      degrees: f.networkDegrees ? [...new Set(f.networkDegrees)].sort() : null,
      notContactedSince:
        f.notContactedInDays !== undefined ? new Date(now.getTime() - f.notContactedInDays * DAY) : null,
      respondedBefore: f.hasRespondedToInmail ?? null,
      notInActiveCampaign: f.notInActiveCampaign === true,
      graduationYears: rangesInIndex ? null : graduation,
      yearsOfExperience:
        rangesInIndex || !experience ? null : { min: experience[0] ?? 1, max: experience.at(-1) ?? 0 },
    };
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([ast ? formatQuery(ast) : null, f, sort, boost]))
      .digest('base64url')
      .slice(0, 16);
    return { plan, ast, terms, currentTitleTerms, fingerprint };
  }

  /** POST /v1/search/candidates: one page of results with total, facets and the next cursor. */
  async search(searcher: Searcher, input: CandidateSearchInput): Promise<CandidateSearchResult> {
    const now = this.clock.now();
    await this.refreshDocFormat();
    const compiled = this.compile(searcher, input, now);
    const limit = Math.min(input.limit ?? 25, MAX_PAGE_SIZE);
    const cursor = input.cursor ? decodeCursor(input.cursor, compiled.fingerprint) : null;
    const shown = cursor?.n ?? 0;
    const pageSize = Math.max(0, Math.min(limit, VIEWABLE_RESULTS - shown));

    const hits = await this.store.tx(async (r) => {
      await r.search.tuneForSearch();
      return r.search.candidates(compiled.plan, cursor, pageSize);
    });
    const total = {
      count: Math.min(hits.matched, VIEWABLE_RESULTS),
      exact: hits.matched <= VIEWABLE_RESULTS,
    };
    const ids = hits.page.map((p) => p.id);
    const { repos } = this.store;
    const [rows, degrees] = await Promise.all([
      repos.search.candidateRows(searcher.orgId, ids),
      repos.search.degrees(searcher.memberId, ids),
      cursor
        ? Promise.resolve()
        : repos.searchHistory.record({
            orgId: searcher.orgId,
            userId: searcher.userId,
            query: input.query ?? '',
            filters: input.filters ?? {},
            total: total.count,
            totalExact: total.exact,
            at: now,
          }),
    ]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const items: CandidateResult[] = [];
    for (const { id, k } of hits.page) {
      const row = byId.get(id);
      if (!row) continue; // deleted between the two statements
      const boost = likelyToRespond(
        row.open_to_work,
        row.inmails_received,
        row.inmails_answered,
        compiled.plan.boost,
      );
      items.push({
        id,
        firstName: row.first_name,
        lastName: row.last_name,
        headline: row.headline,
        currentTitle: row.current_title,
        currentCompany: row.current_company,
        location: { city: row.city, region: row.region, country: row.country },
        seniority: row.seniority,
        yearsOfExperience: row.years_experience,
        openToWork: row.open_to_work,
        degree: degrees.get(id) ?? 3,
        highlights: highlightsFor(row, compiled.terms, compiled.currentTitleTerms),
        lastContactedByMyOrgAt: row.last_contacted_at,
        score:
          compiled.plan.sort === 'recentlyUpdated'
            ? null
            : (compiled.plan.sort === 'yearsOfExperience' ? k % 10_000_000_000 : k) / 1_000_000,
        likelyToRespond: boost,
      });
    }
    const last = hits.page[hits.page.length - 1];
    const seen = shown + hits.page.length;
    const more = last !== undefined && seen < Math.min(hits.matched, VIEWABLE_RESULTS);
    return {
      items,
      total,
      facets: hits.facets,
      nextCursor: more ? encodeCursor({ k: last.k, id: last.id, n: seen, f: compiled.fingerprint }) : null,
      query: compiled.ast ? formatQuery(compiled.ast) : null,
    };
  }

  /** Ids of the best `limit` matches (adding a whole search to a candidate list). */
  async matchingIds(
    searcher: Searcher,
    input: { query?: string; filters?: SearchFilters; sort?: SearchSortInput },
    limit: number,
  ): Promise<string[]> {
    await this.refreshDocFormat();
    const compiled = this.compile(searcher, input, this.clock.now());
    return this.store.tx(async (r) => {
      await r.search.tuneForSearch();
      return r.search.candidateIds(compiled.plan, limit);
    });
  }

  /** The searcher's own searches, newest first (kept 90 days). */
  async history(searcher: Searcher, cursor: { at: Date; id: number } | null, limit: number) {
    const rows = await this.store.repos.searchHistory.page(
      searcher.orgId,
      searcher.userId,
      cursor,
      limit + 1,
    );
    const items = rows.slice(0, limit).map((h) => ({
      id: h.id,
      query: h.query,
      filters: h.filters,
      total: { count: h.total, exact: h.total_exact },
      searchedAt: h.searched_at,
    }));
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? { at: last.searchedAt, id: last.id } : null };
  }

  /** Typeahead with fuzzy matching: titles, companies and skills of profiles, or member names. */
  async suggestions(field: 'title' | 'company' | 'skill' | 'name', text: string, limit: number) {
    const key = normalizeText(text).join(' ');
    if (key === '') return { items: [] };
    const { search } = this.store.repos;
    if (field === 'name') {
      const rows = await search.suggestNames(key, limit);
      return {
        items: rows.map((r) => ({
          value: `${r.first_name} ${r.last_name}`,
          memberId: r.id,
          currentTitle: r.current_title,
          similarity: Math.round(r.similarity * 1000) / 1000,
        })),
      };
    }
    const rows = await search.suggestTerms(field, key, limit);
    return {
      items: rows.map((r) => ({
        value: r.label,
        memberId: null,
        currentTitle: null,
        similarity: Math.round(r.similarity * 1000) / 1000,
      })),
    };
  }

  /**
   * Builds the search rows still marked dirty (members that existed before the search migration),
   * in batches; returns how many it built. Runs at start-up and before saved-search alerts.
   */
  async reindexDirty(batch = 1000): Promise<number> {
    const { rebuilt } = await this.rebuildInBatches(batch, Infinity, async (r) => {
      const ids = await r.search.dirtyMemberIds(batch);
      await r.search.indexProfiles((await r.search.profiles(ids)).map(profileFromRow));
      return ids.length;
    });
    return rebuilt;
  }

  /**
   * Rewrites, in batches of one transaction each, the search documents of an older layout than
   * DOC_FORMAT (after an upgrade that changed it); returns how many it rewrote. The rows stay
   * searchable meanwhile. Their change numbers stay too: the profiles did not change, so saved-search
   * alerts must not report them. Several processes may run it at once (rows are locked, skipped by
   * the others). At most `maxBatches` batches; `more` tells whether rows may be left. Run by the
   * `search.reindex` job (queued at every start and every 10 minutes).
   */
  async reindexStale(batch = 1000, maxBatches = Infinity): Promise<{ rebuilt: number; more: boolean }> {
    return this.rebuildInBatches(batch, maxBatches, async (r) => {
      await r.search.rebuildMode();
      const ids = await r.search.staleFormatMemberIds(batch);
      await r.search.indexProfiles((await r.search.profiles(ids)).map(profileFromRow), { unchanged: true });
      return ids.length;
    });
  }

  /** Runs `step` (one batch, returning its size) a transaction at a time until a batch comes short. */
  private async rebuildInBatches(
    batch: number,
    maxBatches: number,
    step: (r: Repos) => Promise<number>,
  ): Promise<{ rebuilt: number; more: boolean }> {
    let rebuilt = 0;
    for (let b = 0; b < maxBatches; b++) {
      const n = await this.store.tx(step);
      rebuilt += n;
      if (n < batch) return { rebuilt, more: false };
    }
    return { rebuilt, more: true };
  }
}
