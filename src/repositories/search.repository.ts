/**
 * The search index and the candidate search itself. Every search is one statement whose shape is
 * fixed (see `candidates`); the user's query and filters reach it only as bind parameters: the
 * Boolean query and the index-backed filters as one tsquery text built by search-index.ts, the rest
 * as plain values.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { MemberProfile } from '../domain/profile.ts';
import {
  FACET_SIZE,
  RANK_WEIGHTS,
  RELEVANCE_SCALE,
  OPEN_TO_WORK_BOOST,
  RESPONSE_RATE_BOOST,
  VIEWABLE_RESULTS,
} from '../domain/search-ranking.ts';
import type { ProfileColumns } from './member-profile.ts';
import { DOC_FORMAT, searchIndexRows, valueKey, type SearchIndexRow } from './search-index.ts';

export type SearchSort = 'relevance' | 'yearsOfExperience' | 'recentlyUpdated';
export type Degree = 1 | 2 | 3;

/** A compiled candidate search: what `candidates` and the alert job run. */
export interface CandidateQuery {
  orgId: string;
  /** The searcher as a member of the network (network degrees are relative to them). */
  viewerMemberId: string | null;
  /** tsquery text over member_search.doc: the Boolean query AND the index-backed filters. */
  match: string | null;
  /** tsquery text over member_search.rank_doc: the positive terms. */
  rank: string | null;
  boost: boolean;
  sort: SearchSort;
  degrees: readonly Degree[] | null;
  /** Leave out members my organization contacted after this instant. */
  notContactedSince: Date | null;
  /** true: only members who answered an InMail before; false: only those who never did. */
  respondedBefore: boolean | null;
  /** Leave out members still to be contacted by an active campaign of my organization. */
  notInActiveCampaign?: boolean;
  /** Checked on each hit's row (when the index already narrows the search): any of these years. */
  graduationYears?: readonly number[] | null;
  /** Checked on each hit's row: inclusive range (min > max matches nothing). */
  yearsOfExperience?: { min: number; max: number } | null;
}

/** Where the next page starts: the sort key and id of the last result shown. */
export interface SearchCursor {
  k: number;
  id: string;
}

export interface FacetCount<T = string> {
  value: T;
  count: number;
}

export interface CandidateHits {
  /** Matches among the first VIEWABLE_RESULTS + 1: more than VIEWABLE_RESULTS means "at least". */
  matched: number;
  page: { id: string; k: number }[];
  facets: {
    skills: FacetCount[];
    companies: FacetCount[];
    locations: FacetCount<{ city: string; region: string; country: string }>[];
    seniorities: FacetCount[];
    graduationYears: FacetCount<number>[];
  };
}

export interface CandidateRow {
  id: string;
  first_name: string;
  last_name: string;
  headline: string;
  summary: string;
  industry: string;
  seniority: string;
  city: string;
  region: string;
  country: string;
  time_zone: string;
  current_title: string;
  current_company: string;
  positions: unknown[];
  education: unknown[];
  projects: unknown[];
  publications: string[];
  skills: string[];
  platforms: string[];
  languages: string[];
  open_to_work: boolean;
  years_experience: number;
  inmails_received: number;
  inmails_answered: number;
  last_contacted_at: Date | null;
}

export interface SuggestionRow {
  label: string;
  similarity: number;
}

export class SearchRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Writes (or rewrites) the search rows of these profiles, and adds their titles, companies and
   * skills to the suggestion vocabulary. Each column travels as one array parameter (as in
   * MemberRepository.insertMany). The InMail counters are left alone: a trigger keeps them.
   * A rewrite takes a new change number (saved-search alerts look at changed members) unless
   * `unchanged` says the profile is the same and only the document's layout is new.
   */
  async indexProfiles(profiles: readonly MemberProfile[], opts: { unchanged?: boolean } = {}): Promise<void> {
    if (profiles.length === 0) return;
    const rows = searchIndexRows(profiles);
    const col = <T>(f: (r: SearchIndexRow) => T) => rows.map(f);
    await sql`
      INSERT INTO member_search AS s (member_id, doc, rank_doc, skills, current_company, city, region, country,
        seniority, graduation_years, years_experience, open_to_work, name_key, title_key, company_key, doc_format)
      SELECT u.member_id, u.doc::tsvector, u.rank_doc::tsvector,
        ARRAY(SELECT jsonb_array_elements_text(u.skills::jsonb)), u.current_company, u.city, u.region, u.country,
        u.seniority, ARRAY(SELECT jsonb_array_elements_text(u.graduation_years::jsonb)::smallint),
        u.years_experience, u.open_to_work, u.name_key, u.title_key, u.company_key, ${DOC_FORMAT}::smallint
      FROM unnest(${col((r) => r.memberId)}::uuid[], ${col((r) => r.doc)}::text[], ${col((r) => r.rankDoc)}::text[],
        ${col((r) => JSON.stringify(r.skills))}::text[], ${col((r) => r.currentCompany)}::text[],
        ${col((r) => r.city)}::text[], ${col((r) => r.region)}::text[], ${col((r) => r.country)}::text[],
        ${col((r) => r.seniority)}::text[], ${col((r) => JSON.stringify(r.graduationYears))}::text[],
        ${col((r) => r.yearsExperience)}::smallint[], ${col((r) => r.openToWork)}::boolean[],
        ${col((r) => r.nameKey)}::text[], ${col((r) => r.titleKey)}::text[], ${col((r) => r.companyKey)}::text[]
      ) AS u(member_id, doc, rank_doc, skills, current_company, city, region, country, seniority,
        graduation_years, years_experience, open_to_work, name_key, title_key, company_key)
      ON CONFLICT (member_id) DO UPDATE SET
        doc = excluded.doc, rank_doc = excluded.rank_doc, skills = excluded.skills,
        current_company = excluded.current_company, city = excluded.city, region = excluded.region,
        country = excluded.country, seniority = excluded.seniority, graduation_years = excluded.graduation_years,
        years_experience = excluded.years_experience, open_to_work = excluded.open_to_work,
        name_key = excluded.name_key, title_key = excluded.title_key, company_key = excluded.company_key,
        doc_format = excluded.doc_format,
        change_seq = ${opts.unchanged ? sql`s.change_seq` : sql`nextval('member_search_change_seq')`},
        dirty = false`.execute(this.db);

    const vocabulary = new Map<string, [string, string, string]>();
    const word = (kind: string, label: string): void => {
      const key = valueKey(label);
      if (key !== '' && key.length <= 200) vocabulary.set(`${kind}\u0000${key}`, [kind, key, label.trim()]);
    };
    for (const p of profiles) {
      for (const pos of p.positions) {
        word('title', pos.title);
        word('company', pos.company);
      }
      for (const s of [...p.skills, ...p.platforms]) word('skill', s);
    }
    // Sorted, so concurrent writers take the unique-index locks in the same order.
    const words = [...vocabulary.values()].sort((a, b) =>
      a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1,
    );
    if (words.length === 0) return;
    await sql`
      INSERT INTO search_vocabulary (kind, key, label)
      SELECT * FROM unnest(${words.map((w) => w[0])}::text[], ${words.map((w) => w[1])}::text[],
        ${words.map((w) => w[2])}::text[])
      ON CONFLICT DO NOTHING`.execute(this.db);
  }

  /** The profile columns of members, for (re)indexing. */
  async profiles(ids: readonly string[]): Promise<ProfileColumns[]> {
    if (ids.length === 0) return [];
    const r = await sql<ProfileColumns>`
      SELECT id, first_name, last_name, headline, summary, industry, seniority, city, region, country, time_zone,
        positions, education, projects, publications, skills, platforms, languages, open_to_work, years_experience
      FROM members WHERE id = ANY(${ids}::uuid[])`.execute(this.db);
    return r.rows;
  }

  /** Members whose search row still has to be built (after the migration backfill), oldest first. */
  async dirtyMemberIds(limit: number): Promise<string[]> {
    const r = await sql<{ member_id: string }>`
      SELECT member_id FROM member_search WHERE dirty ORDER BY member_id LIMIT ${limit}`.execute(this.db);
    return r.rows.map((x) => x.member_id);
  }

  /**
   * Members whose search document has an older layout than DOC_FORMAT, in key order, locked; rows
   * another process is rebuilding are skipped, so several processes share the work.
   */
  async staleFormatMemberIds(limit: number): Promise<string[]> {
    const r = await sql<{ member_id: string }>`
      SELECT member_id FROM member_search WHERE doc_format < ${sql.lit(DOC_FORMAT)}
      ORDER BY member_id LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(this.db);
    return r.rows.map((x) => x.member_id);
  }

  /**
   * For the rest of the transaction, a rebuild of many documents: the GIN pending list may grow to
   * 16 MB before it is merged, with 64 MB of `work_mem` for the merge (few large merges instead of
   * many small ones), while every concurrent search, which reads the whole pending list, reads at
   * most 16 MB of it.
   */
  async rebuildMode(): Promise<void> {
    await sql`SELECT set_config('gin_pending_list_limit', '16MB', true), set_config('work_mem', '64MB', true)`.execute(
      this.db,
    );
  }

  /**
   * Whether some search document has an older layout than DOC_FORMAT (answered by a partial index:
   * one probe). Queries then compile for format 1, which every layout answers correctly.
   */
  async hasStaleFormat(): Promise<boolean> {
    const r = await sql<{ stale: boolean }>`
      SELECT EXISTS (SELECT 1 FROM member_search WHERE doc_format < ${sql.lit(DOC_FORMAT)}) AS stale`.execute(
      this.db,
    );
    return r.rows[0]?.stale ?? false;
  }

  /** Highest change number so far (0 on an empty index): where a new saved search starts watching. */
  async changeWatermark(): Promise<number> {
    const r = await sql<{ w: number | null }>`SELECT max(change_seq) AS w FROM member_search`.execute(
      this.db,
    );
    return r.rows[0]?.w ?? 0;
  }

  /**
   * Session settings for one search transaction: no JIT (compiling costs more than a search takes),
   * room for the top-N sort and facets in memory, and one core per search, so concurrent searches
   * scale instead of fighting over parallel workers.
   */
  async tuneForSearch(): Promise<void> {
    await sql`SELECT set_config('jit', 'off', true), set_config('work_mem', '32MB', true),
      set_config('max_parallel_workers_per_gather', '0', true)`.execute(this.db);
  }

  private sortKey(q: CandidateQuery): RawBuilder<unknown> {
    if (q.sort === 'recentlyUpdated') return sql`s.change_seq`;
    const relevance = q.rank
      ? sql`ts_rank(${`{${RANK_WEIGHTS.join(',')}}`}::float4[], s.rank_doc, ${q.rank}::tsquery)::float8 * ${RELEVANCE_SCALE}::float8`
      : sql`0::float8`;
    const boost = q.boost
      ? sql` + (CASE WHEN s.open_to_work THEN ${OPEN_TO_WORK_BOOST}::float8 ELSE 0 END
             + ${RESPONSE_RATE_BOOST}::float8 * s.inmails_answered / (s.inmails_received + 2))`
      : sql``;
    const micros = sql`round((${relevance}${boost}) * 1000000)::bigint`;
    return q.sort === 'yearsOfExperience'
      ? sql`(s.years_experience::bigint * 10000000000 + ${micros})`
      : micros;
  }

  /** CTEs of the searcher's 1st and 2nd degree, present only when the degree filter is used. */
  private networkCtes(q: CandidateQuery): RawBuilder<unknown> {
    if (!q.degrees) return sql``;
    const me = q.viewerMemberId;
    return sql`
      net_first AS MATERIALIZED (
        SELECT member_b AS id FROM connections WHERE member_a = ${me}::uuid
        UNION SELECT member_a FROM connections WHERE member_b = ${me}::uuid
      ),
      net_second AS MATERIALIZED (
        SELECT c.member_b AS id FROM connections c JOIN net_first f ON f.id = c.member_a
        UNION SELECT c.member_a FROM connections c JOIN net_first f ON f.id = c.member_b
        EXCEPT SELECT id FROM net_first
        EXCEPT SELECT ${me}::uuid
      ),`;
  }

  private conditions(q: CandidateQuery): RawBuilder<unknown> {
    const c: RawBuilder<unknown>[] = [sql`NOT s.dirty`];
    if (q.match !== null) c.push(sql`s.doc @@ ${q.match}::tsquery`);
    if (q.respondedBefore === true) c.push(sql`s.inmails_answered > 0`);
    if (q.respondedBefore === false) c.push(sql`s.inmails_answered = 0`);
    if (q.graduationYears) c.push(sql`s.graduation_years && ${q.graduationYears}::smallint[]`);
    if (q.yearsOfExperience) {
      c.push(sql`s.years_experience BETWEEN ${q.yearsOfExperience.min} AND ${q.yearsOfExperience.max}`);
    }
    if (q.notContactedSince) {
      // Contacted: anything my organization wrote to them, InMails, follow-ups and replies alike
      // (every one is a sender's message in one of our threads). Uncorrelated, so PostgreSQL hashes
      // the (small) set once instead of probing per hit.
      c.push(sql`s.member_id NOT IN (
        SELECT t.recipient_member_id FROM threads t
        WHERE t.org_id = ${q.orgId} AND t.last_message_at > ${q.notContactedSince}
          AND EXISTS (SELECT 1 FROM messages g WHERE g.thread_id = t.id AND g.author = 'sender'
                        AND g.created_at > ${q.notContactedSince}))`);
    }
    if (q.notInActiveCampaign) {
      // The campaign runner's "in another active campaign" (CampaignRepository's collision check),
      // through the partial index on campaign_recipients (org_id, member_id) of those statuses.
      c.push(sql`s.member_id NOT IN (
        SELECT o.member_id FROM campaign_recipients o JOIN campaigns k ON k.id = o.campaign_id
        WHERE o.org_id = ${q.orgId} AND o.status IN ('pending', 'needs_personalization', 'snoozed')
          AND k.status IN ('scheduled', 'running', 'paused'))`);
    }
    if (q.degrees) {
      const alternatives = q.degrees.map((d) =>
        d === 1
          ? sql`s.member_id IN (SELECT id FROM net_first)`
          : d === 2
            ? sql`s.member_id IN (SELECT id FROM net_second)`
            : sql`(s.member_id NOT IN (SELECT id FROM net_first) AND s.member_id NOT IN (SELECT id FROM net_second))`,
      );
      c.push(alternatives.length ? sql`(${sql.join(alternatives, sql` OR `)})` : sql`false`);
    }
    return sql.join(c, sql` AND `);
  }

  /**
   * One page of a candidate search, the count of matches (up to VIEWABLE_RESULTS + 1) and the
   * facets, in one statement.
   *
   * Shape: the GIN index finds the members matching the tsquery (query and index-backed filters in
   * one bitmap); the other filters and the sort key are computed per hit; a top-N sort keeps the
   * VIEWABLE_RESULTS + 1 best (bounded memory whatever the number of hits, and the "+1" tells
   * "exactly 1,000" from "more"), carrying the facet columns along: the page and the facets read
   * only that small set, and no row is fetched twice (a join back by primary key measured ~50%
   * slower on a cold cache, as it re-reads 1,000 scattered pages).
   */
  async candidates(q: CandidateQuery, cursor: SearchCursor | null, limit: number): Promise<CandidateHits> {
    const after = cursor
      ? sql`(t.k < ${cursor.k}::bigint OR (t.k = ${cursor.k}::bigint AND t.member_id > ${cursor.id}::uuid))`
      : sql`true`;
    const r = await sql<{
      matched: number;
      page: [string, number][];
      skills: [string, number][];
      companies: [string, number][];
      locations: [string, string, string, number][];
      seniorities: [string, number][];
      graduation_years: [number, number][];
    }>`
      WITH ${this.networkCtes(q)}
      top AS MATERIALIZED (
        SELECT s.member_id, ${this.sortKey(q)} AS k, s.skills, s.current_company, s.city, s.region, s.country,
          s.seniority, s.graduation_years
        FROM member_search s
        WHERE ${this.conditions(q)}
        ORDER BY k DESC, s.member_id
        LIMIT ${VIEWABLE_RESULTS + 1}
      ),
      viewable AS MATERIALIZED (
        SELECT * FROM top ORDER BY k DESC, member_id LIMIT ${VIEWABLE_RESULTS}
      )
      SELECT
        (SELECT count(*) FROM top)::int AS matched,
        (SELECT coalesce(json_agg(json_build_array(p.member_id, p.k) ORDER BY p.k DESC, p.member_id), '[]')
          FROM (SELECT t.member_id, t.k FROM top t WHERE ${after} ORDER BY t.k DESC, t.member_id LIMIT ${limit}) p
        ) AS page,
        (SELECT coalesce(json_agg(json_build_array(f.v, f.n) ORDER BY f.n DESC, f.v), '[]') FROM (
          SELECT v, count(*)::int AS n FROM viewable, unnest(viewable.skills) v
          GROUP BY v ORDER BY n DESC, v LIMIT ${FACET_SIZE}) f
        ) AS skills,
        (SELECT coalesce(json_agg(json_build_array(f.v, f.n) ORDER BY f.n DESC, f.v), '[]') FROM (
          SELECT current_company AS v, count(*)::int AS n FROM viewable WHERE current_company <> ''
          GROUP BY v ORDER BY n DESC, v LIMIT ${FACET_SIZE}) f
        ) AS companies,
        (SELECT coalesce(json_agg(json_build_array(f.city, f.region, f.country, f.n)
            ORDER BY f.n DESC, f.country, f.region, f.city), '[]') FROM (
          SELECT city, region, country, count(*)::int AS n FROM viewable WHERE city <> '' OR country <> ''
          GROUP BY city, region, country ORDER BY n DESC, country, region, city LIMIT ${FACET_SIZE}) f
        ) AS locations,
        (SELECT coalesce(json_agg(json_build_array(f.v, f.n) ORDER BY f.n DESC, f.v), '[]') FROM (
          SELECT seniority AS v, count(*)::int AS n FROM viewable GROUP BY v ORDER BY n DESC, v) f
        ) AS seniorities,
        (SELECT coalesce(json_agg(json_build_array(f.v, f.n) ORDER BY f.v DESC), '[]') FROM (
          SELECT v::int AS v, count(*)::int AS n FROM viewable, unnest(viewable.graduation_years) v
          GROUP BY v ORDER BY n DESC, v DESC LIMIT ${FACET_SIZE * 2}) f
        ) AS graduation_years`.execute(this.db);
    const row = r.rows[0]!;
    return {
      matched: row.matched,
      page: row.page.map(([id, k]) => ({ id, k })),
      facets: {
        skills: row.skills.map(([value, count]) => ({ value, count })),
        companies: row.companies.map(([value, count]) => ({ value, count })),
        locations: row.locations.map(([city, region, country, count]) => ({
          value: { city, region, country },
          count,
        })),
        seniorities: row.seniorities.map(([value, count]) => ({ value, count })),
        graduationYears: row.graduation_years.map(([value, count]) => ({ value, count })),
      },
    };
  }

  /** Ids of all matches, best first, up to `limit` (adding a whole search to a list). */
  async candidateIds(q: CandidateQuery, limit: number): Promise<string[]> {
    const r = await sql<{ member_id: string }>`
      WITH ${this.networkCtes(q)} top AS (
        SELECT s.member_id, ${this.sortKey(q)} AS k FROM member_search s WHERE ${this.conditions(q)}
        ORDER BY k DESC, s.member_id LIMIT ${limit}
      )
      SELECT member_id FROM top ORDER BY k DESC, member_id`.execute(this.db);
    return r.rows.map((x) => x.member_id);
  }

  /**
   * Members matching a saved search whose profile was created or changed after `after` (up to
   * `upTo`, inclusive) and that this saved search has not reported yet, best first.
   */
  async newMatches(
    q: CandidateQuery,
    savedSearchId: string,
    after: number,
    upTo: number,
    limit: number,
  ): Promise<string[]> {
    const r = await sql<{ member_id: string }>`
      WITH ${this.networkCtes(q)} top AS (
        SELECT s.member_id, ${this.sortKey(q)} AS k FROM member_search s
        WHERE s.change_seq > ${after}::bigint AND s.change_seq <= ${upTo}::bigint AND ${this.conditions(q)}
          AND NOT EXISTS (SELECT 1 FROM saved_search_alerted a
                          WHERE a.saved_search_id = ${savedSearchId} AND a.member_id = s.member_id)
        ORDER BY k DESC, s.member_id LIMIT ${limit}
      )
      SELECT member_id FROM top ORDER BY k DESC, member_id`.execute(this.db);
    return r.rows.map((x) => x.member_id);
  }

  async markAlerted(savedSearchId: string, memberIds: readonly string[], at: Date): Promise<void> {
    if (memberIds.length === 0) return;
    await sql`
      INSERT INTO saved_search_alerted (saved_search_id, member_id, alerted_at)
      SELECT ${savedSearchId}, m, ${at} FROM unnest(${memberIds}::uuid[]) m
      ON CONFLICT DO NOTHING`.execute(this.db);
  }

  /**
   * The bare full-text match, for the benchmark's baseline: every member whose document matches,
   * counted by reading its id (so, like a real search, it visits each hit's row).
   */
  async bareMatchCount(tsquery: string): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT count(member_id)::int AS n FROM member_search WHERE doc @@ ${tsquery}::tsquery`.execute(this.db);
    return r.rows[0]!.n;
  }

  /** What a result card shows, plus what highlighting and the boost breakdown need, for a page. */
  async candidateRows(orgId: string, ids: readonly string[]): Promise<CandidateRow[]> {
    if (ids.length === 0) return [];
    const r = await sql<CandidateRow>`
      SELECT m.id, m.first_name, m.last_name, m.headline, m.summary, m.industry, m.seniority, m.city, m.region,
        m.country, m.time_zone, m.current_title, m.current_company, m.positions, m.education, m.projects,
        m.publications, m.skills, m.platforms, m.languages, m.open_to_work, m.years_experience,
        coalesce(s.inmails_received, 0) AS inmails_received, coalesce(s.inmails_answered, 0) AS inmails_answered,
        (SELECT max(g.created_at) FROM threads t JOIN messages g ON g.thread_id = t.id
          WHERE t.org_id = ${orgId} AND t.recipient_member_id = m.id AND g.author = 'sender') AS last_contacted_at
      FROM members m LEFT JOIN member_search s ON s.member_id = m.id
      WHERE m.id = ANY(${ids}::uuid[])`.execute(this.db);
    return r.rows;
  }

  /**
   * Network degree of a page of results relative to the viewer, as MemberRepository.degrees
   * defines it (1 connected, 2 a connection in common, 3 otherwise or no viewer), but shaped for a
   * few targets: it reads the targets' own connections (a few dozen rows) and checks them against
   * the viewer's first degree, instead of expanding the viewer's whole second degree (about
   * 30 times faster for a viewer with 300 connections).
   */
  async degrees(viewerMemberId: string | null, targetIds: readonly string[]): Promise<Map<string, Degree>> {
    const out = new Map<string, Degree>(targetIds.map((id) => [id, 3]));
    if (!viewerMemberId || targetIds.length === 0) return out;
    const r = await sql<{ id: string; degree: Degree }>`
      WITH first AS MATERIALIZED (
        SELECT member_b AS id FROM connections WHERE member_a = ${viewerMemberId}
        UNION SELECT member_a FROM connections WHERE member_b = ${viewerMemberId}
      ), near AS MATERIALIZED (
        SELECT member_b AS target, member_a AS via FROM connections WHERE member_b = ANY(${targetIds}::uuid[])
        UNION ALL
        SELECT member_a, member_b FROM connections WHERE member_a = ANY(${targetIds}::uuid[])
      )
      SELECT t.id,
        CASE WHEN t.id IN (SELECT id FROM first) THEN 1
             WHEN EXISTS (SELECT 1 FROM near n JOIN first f ON f.id = n.via WHERE n.target = t.id) THEN 2
             ELSE 3 END AS degree
      FROM unnest(${targetIds}::uuid[]) AS t(id)`.execute(this.db);
    for (const row of r.rows) if (row.id !== viewerMemberId) out.set(row.id, row.degree);
    return out;
  }

  /** Fuzzy suggestions among the titles, companies or skills of profiles (trigram word similarity). */
  async suggestTerms(
    kind: 'title' | 'company' | 'skill',
    text: string,
    limit: number,
  ): Promise<SuggestionRow[]> {
    const r = await sql<SuggestionRow>`
      SELECT label, word_similarity(${text}, key)::float8 AS similarity
      FROM search_vocabulary
      WHERE kind = ${kind} AND ${text} <% key
      ORDER BY similarity DESC, length(key), key
      LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  /** Fuzzy name matching: members whose name is similar to the text. */
  async suggestNames(
    text: string,
    limit: number,
  ): Promise<
    { id: string; first_name: string; last_name: string; current_title: string; similarity: number }[]
  > {
    const r = await sql<{
      id: string;
      first_name: string;
      last_name: string;
      current_title: string;
      similarity: number;
    }>`
      SELECT m.id, m.first_name, m.last_name, m.current_title, similarity(s.name_key, ${text})::float8 AS similarity
      FROM member_search s JOIN members m ON m.id = s.member_id
      WHERE s.name_key % ${text}
      ORDER BY similarity DESC, s.name_key, m.id
      LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }
}
