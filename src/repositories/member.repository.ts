import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { MemberProfile } from '../domain/profile.ts';
import { currentPosition } from '../domain/profile.ts';
import { SearchRepository } from './search.repository.ts';

export type NewMember = Omit<MemberProfile, 'id'> & { id: string; accountId: string | null };

export interface MemberRow {
  id: string;
  account_id: string | null;
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
  inmail_enabled: boolean;
  contact_later_until: Date | null;
  email_notifications: boolean;
  created_at: Date;
  updated_at: Date;
}

/** What the send path needs to know about a recipient, in one query. */
export interface ContactCheckRow {
  id: string;
  account_id: string | null;
  first_name: string;
  inmail_enabled: boolean;
  contact_later_until: Date | null;
  blocked_user: boolean;
  blocked_org: boolean;
  connected: boolean;
}

export class MemberRepository {
  constructor(private readonly db: Executor) {}

  async idByAccount(accountId: string): Promise<string | undefined> {
    const r = await sql<{ id: string }>`SELECT id FROM members WHERE account_id = ${accountId}`.execute(
      this.db,
    );
    return r.rows[0]?.id;
  }

  async count(): Promise<number> {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM members`.execute(this.db);
    return r.rows[0]!.n;
  }

  /**
   * Inserts many members in one statement: each column travels as one array parameter and
   * unnest() turns them back into rows. Far faster than row-by-row inserts, and it works the same
   * on PGlite and PostgreSQL (COPY would need a different path on each). Nested values (positions,
   * education, arrays of skills) travel as JSON text per row.
   */
  async insertMany(rows: NewMember[]): Promise<void> {
    if (rows.length === 0) return;
    const col = <T>(f: (m: NewMember) => T) => rows.map(f);
    const cur = rows.map((m) => currentPosition(m));
    await sql`
      INSERT INTO members (id, account_id, first_name, last_name, headline, summary, industry, seniority,
        city, region, country, time_zone, current_title, current_company, positions, education, projects,
        publications, skills, platforms, languages, open_to_work, years_experience)
      SELECT u.id, u.account_id, u.first_name, u.last_name, u.headline, u.summary, u.industry, u.seniority,
        u.city, u.region, u.country, u.time_zone, u.current_title, u.current_company,
        u.positions::jsonb, u.education::jsonb, u.projects::jsonb,
        ARRAY(SELECT jsonb_array_elements_text(u.publications::jsonb)),
        ARRAY(SELECT jsonb_array_elements_text(u.skills::jsonb)),
        ARRAY(SELECT jsonb_array_elements_text(u.platforms::jsonb)),
        ARRAY(SELECT jsonb_array_elements_text(u.languages::jsonb)),
        u.open_to_work, u.years_experience
      FROM unnest(
        ${col((m) => m.id)}::uuid[], ${col((m) => m.accountId)}::uuid[], ${col((m) => m.firstName)}::text[],
        ${col((m) => m.lastName)}::text[], ${col((m) => m.headline)}::text[], ${col((m) => m.summary)}::text[],
        ${col((m) => m.industry)}::text[], ${col((m) => m.seniority)}::text[], ${col((m) => m.location.city)}::text[],
        ${col((m) => m.location.region)}::text[], ${col((m) => m.location.country)}::text[],
        ${col((m) => m.location.timeZone)}::text[], ${cur.map((p) => p?.title ?? '')}::text[],
        ${cur.map((p) => p?.company ?? '')}::text[], ${col((m) => JSON.stringify(m.positions))}::text[],
        ${col((m) => JSON.stringify(m.education))}::text[], ${col((m) => JSON.stringify(m.projects))}::text[],
        ${col((m) => JSON.stringify(m.publications))}::text[], ${col((m) => JSON.stringify(m.skills))}::text[],
        ${col((m) => JSON.stringify(m.platforms))}::text[], ${col((m) => JSON.stringify(m.languages))}::text[],
        ${col((m) => m.openToWork)}::boolean[], ${col((m) => m.yearsOfExperience)}::int[]
      ) AS u(id, account_id, first_name, last_name, headline, summary, industry, seniority, city, region,
        country, time_zone, current_title, current_company, positions, education, projects, publications,
        skills, platforms, languages, open_to_work, years_experience)`.execute(this.db);
    // Every new member is searchable at once (same executor, so the same transaction if any).
    await new SearchRepository(this.db).indexProfiles(rows);
  }

  /**
   * For the rest of the transaction, lets the search index's GIN pending list grow to 64 MB before it
   * is merged into the index, and gives that merge 64 MB of `work_mem` to collect entries in (with
   * the default 4 MB it writes them into the index in many small runs): bulk loads then merge in
   * large sorted runs. 100,000 search documents into an empty index: 23.5 s with 4 MB, 18.5 s with
   * 64 MB (docs/benchmarks.md).
   */
  async bulkLoadMode(): Promise<void> {
    await sql`SELECT set_config('gin_pending_list_limit', '64MB', true), set_config('work_mem', '64MB', true)`.execute(
      this.db,
    );
  }

  /** The member row, locked for the rest of the transaction (a profile edit reads, then writes). */
  async getForUpdate(id: string): Promise<MemberRow | undefined> {
    const r = await sql<MemberRow>`SELECT * FROM members WHERE id = ${id} FOR UPDATE`.execute(this.db);
    return r.rows[0];
  }

  /**
   * Replaces a member's profile (everything but the id, account and settings) and reindexes it for
   * search in the same statement sequence; run it inside a transaction.
   */
  async updateProfile(profile: MemberProfile, at: Date): Promise<MemberRow | undefined> {
    const cur = currentPosition(profile);
    const r = await sql<MemberRow>`
      UPDATE members SET first_name = ${profile.firstName}, last_name = ${profile.lastName},
        headline = ${profile.headline}, summary = ${profile.summary}, industry = ${profile.industry},
        seniority = ${profile.seniority}, city = ${profile.location.city}, region = ${profile.location.region},
        country = ${profile.location.country}, time_zone = ${profile.location.timeZone},
        current_title = ${cur?.title ?? ''}, current_company = ${cur?.company ?? ''},
        positions = ${JSON.stringify(profile.positions)}::jsonb, education = ${JSON.stringify(profile.education)}::jsonb,
        projects = ${JSON.stringify(profile.projects)}::jsonb, publications = ${profile.publications}::text[],
        skills = ${profile.skills}::text[], platforms = ${profile.platforms}::text[],
        languages = ${profile.languages}::text[], open_to_work = ${profile.openToWork},
        years_experience = ${profile.yearsOfExperience}, updated_at = ${at}
      WHERE id = ${profile.id} RETURNING *`.execute(this.db);
    if (r.rows[0]) await new SearchRepository(this.db).indexProfiles([profile]);
    return r.rows[0];
  }

  /**
   * Inserts connections (pairs of member ids in any order); existing ones are kept. Rows go in key
   * order: the index pages are visited in order, and concurrent writers take row locks in the same
   * order.
   */
  async connectMany(pairs: [string, string][]): Promise<void> {
    if (pairs.length === 0) return;
    const a = pairs.map(([x, y]) => (x < y ? x : y));
    const b = pairs.map(([x, y]) => (x < y ? y : x));
    await sql`
      INSERT INTO connections (member_a, member_b)
      SELECT * FROM unnest(${a}::uuid[], ${b}::uuid[]) AS p(a, b) ORDER BY a, b
      ON CONFLICT DO NOTHING`.execute(this.db);
  }

  /** The highest N among demo addresses memberN@demo.test, so `seed` continues the numbering. */
  async maxDemoIndex(): Promise<number> {
    const r = await sql<{ n: number | null }>`
      SELECT max(substring(a.email FROM '^member([0-9]+)@demo\\.test$')::int) AS n
      FROM accounts a WHERE a.email LIKE 'member%@demo.test'`.execute(this.db);
    return r.rows[0]?.n ?? 0;
  }

  async get(id: string): Promise<MemberRow | undefined> {
    const r = await sql<MemberRow>`SELECT * FROM members WHERE id = ${id}`.execute(this.db);
    return r.rows[0];
  }

  async contactCheck(
    recipientId: string,
    sender: { memberId: string | null; userId: string; orgId: string },
  ): Promise<ContactCheckRow | undefined> {
    const r = await sql<ContactCheckRow>`
      SELECT m.id, m.account_id, m.first_name, m.inmail_enabled, m.contact_later_until,
        EXISTS (SELECT 1 FROM member_blocks b WHERE b.member_id = m.id AND b.blocked_user_id = ${sender.userId}) AS blocked_user,
        EXISTS (SELECT 1 FROM member_blocks b WHERE b.member_id = m.id AND b.blocked_org_id = ${sender.orgId}) AS blocked_org,
        (${sender.memberId}::uuid IS NOT NULL AND EXISTS (
          SELECT 1 FROM connections c
          WHERE (c.member_a = least(m.id, ${sender.memberId}::uuid) AND c.member_b = greatest(m.id, ${sender.memberId}::uuid))
        )) AS connected
      FROM members m WHERE m.id = ${recipientId}`.execute(this.db);
    return r.rows[0];
  }

  /**
   * Network degree of each target relative to the viewer: 1 (connected), 2 (a connection in
   * common), 3 (further, or no viewer). Computed from the viewer's first-degree set, which is
   * small, so it stays cheap for a page of results.
   */
  async degrees(viewerMemberId: string | null, targetIds: string[]): Promise<Map<string, 1 | 2 | 3>> {
    const out = new Map<string, 1 | 2 | 3>();
    for (const id of targetIds) out.set(id, 3);
    if (!viewerMemberId || targetIds.length === 0) return out;
    const r = await sql<{ id: string; degree: number }>`
      WITH first AS (
        SELECT member_b AS id FROM connections WHERE member_a = ${viewerMemberId}
        UNION SELECT member_a FROM connections WHERE member_b = ${viewerMemberId}
      ), targets AS (SELECT unnest(${targetIds}::uuid[]) AS id)
      SELECT t.id,
        CASE WHEN t.id IN (SELECT id FROM first) THEN 1
             WHEN EXISTS (SELECT 1 FROM connections c JOIN first f ON f.id = c.member_a WHERE c.member_b = t.id)
               OR EXISTS (SELECT 1 FROM connections c JOIN first f ON f.id = c.member_b WHERE c.member_a = t.id)
             THEN 2 ELSE 3 END AS degree
      FROM targets t`.execute(this.db);
    for (const row of r.rows) if (row.id !== viewerMemberId) out.set(row.id, row.degree as 1 | 2 | 3);
    return out;
  }

  /** Members for a recruiter's list, by name then id (keyset). */
  async page(after: { name: string; id: string } | null, limit: number): Promise<MemberRow[]> {
    const r = await sql<MemberRow>`
      SELECT * FROM members
      WHERE (${after?.name ?? null}::text IS NULL
             OR (lower(last_name || ' ' || first_name), id) > (${after?.name ?? null}::text, ${after?.id ?? null}::uuid))
      ORDER BY lower(last_name || ' ' || first_name), id LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  async updateSettings(
    id: string,
    s: { inmailEnabled?: boolean; contactLaterUntil?: Date | null; emailNotifications?: boolean },
  ): Promise<MemberRow | undefined> {
    const r = await sql<MemberRow>`
      UPDATE members SET
        inmail_enabled = coalesce(${s.inmailEnabled ?? null}::boolean, inmail_enabled),
        contact_later_until = CASE WHEN ${s.contactLaterUntil !== undefined} THEN ${s.contactLaterUntil ?? null}::timestamptz ELSE contact_later_until END,
        email_notifications = coalesce(${s.emailNotifications ?? null}::boolean, email_notifications)
      WHERE id = ${id} RETURNING *`.execute(this.db);
    return r.rows[0];
  }

  /** Serializes sends to one recipient for the rest of the transaction (frequency caps). */
  async lockContact(recipientId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${'contact:' + recipientId}, 0))`.execute(
      this.db,
    );
  }

  async accountId(id: string): Promise<string | null | undefined> {
    const r = await sql<{
      account_id: string | null;
    }>`SELECT account_id FROM members WHERE id = ${id}`.execute(this.db);
    return r.rows[0]?.account_id;
  }

  async areConnected(a: string, b: string): Promise<boolean> {
    const r = await sql<{ ok: boolean }>`
      SELECT EXISTS (SELECT 1 FROM connections WHERE member_a = least(${a}::uuid, ${b}::uuid)
                     AND member_b = greatest(${a}::uuid, ${b}::uuid)) AS ok`.execute(this.db);
    return r.rows[0]!.ok;
  }
}
