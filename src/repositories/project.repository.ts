import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { ProjectStatus, Stage } from '../domain/pipeline.ts';

export interface ProjectRow {
  id: string;
  org_id: string;
  name: string;
  description: string;
  status: ProjectStatus;
  owner_user_id: string | null;
  owner_name: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  candidates: number;
}

export interface CandidateRow {
  id: string;
  project_id: string;
  project_name: string;
  org_id: string;
  member_id: string;
  stage: Stage;
  owner_user_id: string | null;
  owner_name: string | null;
  added_by: string | null;
  added_at: Date;
  stage_changed_at: Date;
  first_name: string;
  last_name: string;
  headline: string;
  current_title: string;
  current_company: string;
  seniority: string;
  notes: number;
}

export interface StageHistoryRow {
  id: number;
  from_stage: Stage | null;
  to_stage: Stage;
  at: Date;
  source: 'added' | 'manual' | 'auto';
  actor_user_id: string | null;
  event_id: number | null;
}

export interface NoteRow {
  id: string;
  author_user_id: string;
  author_name: string;
  body: string;
  created_at: Date;
}

const PROJECT = sql`
  SELECT p.id, p.org_id, p.name, p.description, p.status, p.owner_user_id,
         CASE WHEN o.id IS NULL THEN NULL ELSE o.first_name || ' ' || o.last_name END AS owner_name,
         p.created_by, p.created_at, p.updated_at,
         (SELECT count(*)::int FROM project_candidates c WHERE c.project_id = p.id) AS candidates
  FROM projects p
  LEFT JOIN users o ON o.id = p.owner_user_id`;

const CANDIDATE = sql`
  SELECT c.id, c.project_id, p.name AS project_name, c.org_id, c.member_id, c.stage, c.owner_user_id,
         CASE WHEN o.id IS NULL THEN NULL ELSE o.first_name || ' ' || o.last_name END AS owner_name,
         c.added_by, c.added_at, c.stage_changed_at, m.first_name, m.last_name, m.headline, m.current_title,
         m.current_company, m.seniority,
         (SELECT count(*)::int FROM project_notes n WHERE n.candidate_id = c.id) AS notes
  FROM project_candidates c
  JOIN projects p ON p.id = c.project_id
  JOIN members m ON m.id = c.member_id
  LEFT JOIN users o ON o.id = c.owner_user_id`;

export class ProjectRepository {
  constructor(private readonly db: Executor) {}

  async create(p: {
    orgId: string;
    name: string;
    description: string;
    ownerUserId: string | null;
    createdBy: string;
    at: Date;
  }): Promise<string> {
    const r = await sql<{ id: string }>`
      INSERT INTO projects (org_id, name, description, owner_user_id, created_by, created_at, updated_at)
      VALUES (${p.orgId}, ${p.name}, ${p.description}, ${p.ownerUserId}, ${p.createdBy}, ${p.at}, ${p.at})
      RETURNING id`.execute(this.db);
    return r.rows[0]!.id;
  }

  async get(orgId: string, id: string): Promise<ProjectRow | undefined> {
    const r = await sql<ProjectRow>`${PROJECT} WHERE p.org_id = ${orgId} AND p.id = ${id}`.execute(this.db);
    return r.rows[0];
  }

  async lock(orgId: string, id: string): Promise<boolean> {
    const r = await sql`SELECT 1 FROM projects WHERE org_id = ${orgId} AND id = ${id} FOR UPDATE`.execute(
      this.db,
    );
    return r.rows.length > 0;
  }

  /** An organization's projects, newest first, after a (created_at, id) cursor. */
  async page(
    orgId: string,
    status: ProjectStatus | null,
    after: { at: Date; id: string } | null,
    limit: number,
  ): Promise<ProjectRow[]> {
    const r = await sql<ProjectRow>`
      ${PROJECT}
      WHERE p.org_id = ${orgId} AND (${status}::text IS NULL OR p.status = ${status})
        AND (${after?.at ?? null}::timestamptz IS NULL OR (p.created_at, p.id) < (${after?.at ?? null}, ${after?.id ?? null}::uuid))
      ORDER BY p.created_at DESC, p.id DESC LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  async update(
    orgId: string,
    id: string,
    patch: { name?: string; description?: string; status?: ProjectStatus; ownerUserId?: string | null },
    at: Date,
  ): Promise<void> {
    await sql`
      UPDATE projects SET
        name = coalesce(${patch.name ?? null}, name),
        description = coalesce(${patch.description ?? null}, description),
        status = coalesce(${patch.status ?? null}, status),
        owner_user_id = CASE WHEN ${patch.ownerUserId !== undefined} THEN ${patch.ownerUserId ?? null}::uuid
                             ELSE owner_user_id END,
        updated_at = ${at}
      WHERE org_id = ${orgId} AND id = ${id}`.execute(this.db);
  }

  async delete(orgId: string, id: string): Promise<boolean> {
    const r = await sql`DELETE FROM projects WHERE org_id = ${orgId} AND id = ${id}`.execute(this.db);
    return Number(r.numAffectedRows ?? 0) > 0;
  }

  async stageCounts(projectId: string): Promise<{ stage: Stage; n: number }[]> {
    const r = await sql<{ stage: Stage; n: number }>`
      SELECT stage, count(*)::int AS n FROM project_candidates WHERE project_id = ${projectId} GROUP BY stage`.execute(
      this.db,
    );
    return r.rows;
  }

  /**
   * What the organization already did with these members in the last `days` days, from the send
   * facts of the analytics: contacted (any send), replied (a send accepted or replied to).
   */
  async outreachHistory(
    orgId: string,
    memberIds: string[],
    since: Date,
  ): Promise<{ member_id: string; contacted: boolean; replied: boolean }[]> {
    const r = await sql<{ member_id: string; contacted: boolean; replied: boolean }>`
      SELECT member_id, true AS contacted,
             bool_or(accepted_at IS NOT NULL OR replied_at IS NOT NULL) AS replied
      FROM analytics_sends
      WHERE org_id = ${orgId} AND member_id = ANY (${memberIds}::uuid[]) AND sent_at >= ${since}
      GROUP BY member_id`.execute(this.db);
    return r.rows;
  }

  /** Which of these ids are members of the network. */
  async existingMembers(ids: string[]): Promise<string[]> {
    const r = await sql<{ id: string }>`SELECT id FROM members WHERE id = ANY (${ids}::uuid[])`.execute(
      this.db,
    );
    return r.rows.map((x) => x.id);
  }

  /**
   * Adds candidates (members already in the project are left as they are) with an 'added' entry
   * in their stage history; returns the ids of the new entries.
   */
  async addCandidates(a: {
    orgId: string;
    projectId: string;
    entries: { memberId: string; stage: Stage }[];
    ownerUserId: string | null;
    addedBy: string;
    at: Date;
  }): Promise<string[]> {
    if (a.entries.length === 0) return [];
    const r = await sql<{ id: string }>`
      WITH x AS (
        SELECT * FROM unnest(${a.entries.map((e) => e.memberId)}::uuid[], ${a.entries.map((e) => e.stage)}::text[])
          AS x(member_id, stage)
      ), ins AS (
        INSERT INTO project_candidates (project_id, org_id, member_id, stage, owner_user_id, added_by, added_at,
                                        stage_changed_at)
        SELECT ${a.projectId}, ${a.orgId}, member_id, stage, ${a.ownerUserId}, ${a.addedBy}, ${a.at}, ${a.at} FROM x
        ON CONFLICT (project_id, member_id) DO NOTHING
        RETURNING id, stage
      ), h AS (
        INSERT INTO project_stage_history (candidate_id, org_id, from_stage, to_stage, at, source, actor_user_id)
        SELECT id, ${a.orgId}, NULL, stage, ${a.at}, 'added', ${a.addedBy} FROM ins
      )
      SELECT id FROM ins`.execute(this.db);
    return r.rows.map((x) => x.id);
  }

  /** A project's candidates, optionally of one stage, most recently moved first. */
  async candidates(
    orgId: string,
    projectId: string,
    stage: Stage | null,
    after: { at: Date; id: string } | null,
    limit: number,
  ): Promise<CandidateRow[]> {
    const r = await sql<CandidateRow>`
      ${CANDIDATE}
      WHERE c.org_id = ${orgId} AND c.project_id = ${projectId} AND (${stage}::text IS NULL OR c.stage = ${stage})
        AND (${after?.at ?? null}::timestamptz IS NULL
             OR (c.stage_changed_at, c.id) < (${after?.at ?? null}, ${after?.id ?? null}::uuid))
      ORDER BY c.stage_changed_at DESC, c.id DESC LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  /** The board: up to `perStage` candidates of every stage, most recently moved first. */
  async board(orgId: string, projectId: string, perStage: number): Promise<CandidateRow[]> {
    const r = await sql<CandidateRow>`
      SELECT * FROM (
        SELECT x.*, row_number() OVER (PARTITION BY x.stage ORDER BY x.stage_changed_at DESC, x.id DESC) AS rn
        FROM (${CANDIDATE} WHERE c.org_id = ${orgId} AND c.project_id = ${projectId}) x
      ) y WHERE rn <= ${perStage}
      ORDER BY stage_changed_at DESC, id DESC`.execute(this.db);
    return r.rows;
  }

  async getCandidate(orgId: string, id: string): Promise<CandidateRow | undefined> {
    const r = await sql<CandidateRow>`${CANDIDATE} WHERE c.org_id = ${orgId} AND c.id = ${id}`.execute(
      this.db,
    );
    return r.rows[0];
  }

  async lockCandidate(
    orgId: string,
    id: string,
  ): Promise<{ id: string; stage: Stage; member_id: string } | undefined> {
    const r = await sql<{ id: string; stage: Stage; member_id: string }>`
      SELECT id, stage, member_id FROM project_candidates WHERE org_id = ${orgId} AND id = ${id} FOR UPDATE`.execute(
      this.db,
    );
    return r.rows[0];
  }

  async setStage(
    id: string,
    move: { from: Stage; to: Stage; at: Date; actorUserId: string | null; source: 'manual' | 'auto' },
  ): Promise<void> {
    await sql`
      WITH u AS (UPDATE project_candidates SET stage = ${move.to}, stage_changed_at = ${move.at} WHERE id = ${id})
      INSERT INTO project_stage_history (candidate_id, org_id, from_stage, to_stage, at, source, actor_user_id)
      SELECT id, org_id, ${move.from}, ${move.to}, ${move.at}, ${move.source}, ${move.actorUserId}::uuid
      FROM project_candidates WHERE id = ${id}`.execute(this.db);
  }

  async setOwner(id: string, ownerUserId: string | null): Promise<void> {
    await sql`UPDATE project_candidates SET owner_user_id = ${ownerUserId} WHERE id = ${id}`.execute(this.db);
  }

  async removeCandidate(orgId: string, id: string): Promise<boolean> {
    const r = await sql`DELETE FROM project_candidates WHERE org_id = ${orgId} AND id = ${id}`.execute(
      this.db,
    );
    return Number(r.numAffectedRows ?? 0) > 0;
  }

  async history(candidateId: string): Promise<StageHistoryRow[]> {
    const r = await sql<StageHistoryRow>`
      SELECT id, from_stage, to_stage, at, source, actor_user_id, event_id FROM project_stage_history
      WHERE candidate_id = ${candidateId} ORDER BY id`.execute(this.db);
    return r.rows;
  }

  async addNote(n: {
    candidateId: string;
    orgId: string;
    authorUserId: string;
    body: string;
    at: Date;
  }): Promise<string> {
    const r = await sql<{ id: string }>`
      INSERT INTO project_notes (candidate_id, org_id, author_user_id, body, created_at)
      VALUES (${n.candidateId}, ${n.orgId}, ${n.authorUserId}, ${n.body}, ${n.at}) RETURNING id`.execute(
      this.db,
    );
    return r.rows[0]!.id;
  }

  async notes(candidateId: string): Promise<NoteRow[]> {
    const r = await sql<NoteRow>`
      SELECT n.id, n.author_user_id, u.first_name || ' ' || u.last_name AS author_name, n.body, n.created_at
      FROM project_notes n JOIN users u ON u.id = n.author_user_id
      WHERE n.candidate_id = ${candidateId} ORDER BY n.created_at DESC, n.id DESC`.execute(this.db);
    return r.rows;
  }

  /**
   * Automatic moves of one kind (domain/pipeline.ts autoMove): every entry of these members in the
   * organizations' projects that is in one of the `from` stages goes to `to`, with a history entry
   * naming the event and a `project.stage_changed` event, in one statement. The move is dated at
   * the event (never before the entry's last change). The old stage comes from a self-join, which
   * sees the rows as they were before the update.
   */
  async autoMove(
    from: Stage[],
    to: Stage,
    moves: { orgId: string; memberId: string; at: Date; eventId: number | null }[],
  ): Promise<number> {
    if (moves.length === 0) return 0;
    const r = await sql<{ n: number }>`
      WITH m AS (
        SELECT DISTINCT ON (org_id, member_id) * FROM unnest(${moves.map((x) => x.orgId)}::uuid[],
          ${moves.map((x) => x.memberId)}::uuid[], ${moves.map((x) => x.at)}::timestamptz[],
          ${moves.map((x) => x.eventId)}::bigint[]) AS m(org_id, member_id, at, event_id)
        ORDER BY org_id, member_id, at
      ), moved AS (
        UPDATE project_candidates pc
        SET stage = ${to}, stage_changed_at = greatest(m.at, old.stage_changed_at)
        FROM m, project_candidates old
        WHERE pc.org_id = m.org_id AND pc.member_id = m.member_id AND pc.stage = ANY (${from}::text[])
          AND old.id = pc.id
        RETURNING pc.id, pc.org_id, pc.project_id, pc.member_id, pc.stage_changed_at AS at, old.stage AS old_stage,
                  m.event_id
      ), h AS (
        INSERT INTO project_stage_history (candidate_id, org_id, from_stage, to_stage, at, source, event_id)
        SELECT id, org_id, old_stage, ${to}, at, 'auto', event_id FROM moved
      ), ev AS (
        INSERT INTO events (type, occurred_at, org_id, recipient_member_id, data)
        SELECT 'project.stage_changed', at, org_id, member_id,
               jsonb_build_object('projectId', project_id, 'candidateId', id, 'from', old_stage, 'to', ${to}::text,
                                  'source', 'auto', 'causeEventId', event_id)
        FROM moved
      )
      SELECT count(*)::int AS n FROM moved`.execute(this.db);
    return r.rows[0]?.n ?? 0;
  }
}
