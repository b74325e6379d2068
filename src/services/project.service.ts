/**
 * Projects (roles or search mandates) and their candidates' pipeline: add candidates, move them
 * by hand, owners and notes, the board. InMail events move candidates on their own (sent ->
 * contacted; accepted or replied -> replied): the analytics consumer does it (see
 * AnalyticsIngestService), and reads of the board consume what is new first.
 */
import type { Clock } from '../clock.ts';
import { notFound } from '../domain/errors.ts';
import { initialStage, STAGES, type ProjectStatus, type Stage } from '../domain/pipeline.ts';
import type { Repos, Store } from '../repositories/index.ts';
import type { CandidateRow, ProjectRow } from '../repositories/project.repository.ts';
import type { AnalyticsIngestService } from './analytics-ingest.service.ts';

export interface ProjectView {
  id: string;
  name: string;
  description: string;
  status: ProjectStatus;
  owner: { userId: string; name: string } | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  candidates: number;
}

export interface CandidateView {
  id: string;
  projectId: string;
  projectName: string;
  memberId: string;
  name: string;
  headline: string;
  currentTitle: string;
  currentCompany: string;
  seniority: string;
  stage: Stage;
  owner: { userId: string; name: string } | null;
  addedAt: Date;
  stageChangedAt: Date;
  notes: number;
}

/** How far back the organization's outreach sets a new candidate's first stage. */
const HISTORY_DAYS = 90;
const DAY = 86_400_000;

function projectView(p: ProjectRow): ProjectView {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    status: p.status,
    owner: p.owner_user_id ? { userId: p.owner_user_id, name: p.owner_name ?? '' } : null,
    createdBy: p.created_by,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    candidates: p.candidates,
  };
}

function candidateView(c: CandidateRow): CandidateView {
  return {
    id: c.id,
    projectId: c.project_id,
    projectName: c.project_name,
    memberId: c.member_id,
    name: `${c.first_name} ${c.last_name}`,
    headline: c.headline,
    currentTitle: c.current_title,
    currentCompany: c.current_company,
    seniority: c.seniority,
    stage: c.stage,
    owner: c.owner_user_id ? { userId: c.owner_user_id, name: c.owner_name ?? '' } : null,
    addedAt: c.added_at,
    stageChangedAt: c.stage_changed_at,
    notes: c.notes,
  };
}

export class ProjectService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly ingest: AnalyticsIngestService,
  ) {}

  private async checkUser(r: Repos, orgId: string, userId: string | null | undefined): Promise<void> {
    if (userId && !(await r.users.get(orgId, userId))) throw notFound('user');
  }

  async create(
    orgId: string,
    actorUserId: string,
    input: { name: string; description?: string | undefined; ownerUserId?: string | null | undefined },
  ): Promise<ProjectView> {
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      await this.checkUser(r, orgId, input.ownerUserId);
      const id = await r.projects.create({
        orgId,
        name: input.name,
        description: input.description ?? '',
        ownerUserId: input.ownerUserId ?? actorUserId,
        createdBy: actorUserId,
        at: now,
      });
      await r.events.append({
        type: 'project.created',
        occurredAt: now,
        orgId,
        actorUserId,
        data: { projectId: id, name: input.name },
      });
      return projectView((await r.projects.get(orgId, id))!);
    });
  }

  async get(orgId: string, id: string): Promise<ProjectView> {
    const p = await this.store.repos.projects.get(orgId, id);
    if (!p) throw notFound('project');
    return projectView(p);
  }

  async list(
    orgId: string,
    status: ProjectStatus | null,
    after: { at: Date; id: string } | null,
    limit: number,
  ) {
    const rows = await this.store.repos.projects.page(orgId, status, after, limit + 1);
    const items = rows.slice(0, limit).map(projectView);
    const last = items[items.length - 1];
    return { items, next: rows.length > limit && last ? { at: last.createdAt, id: last.id } : null };
  }

  async update(
    orgId: string,
    actorUserId: string,
    id: string,
    patch: {
      name?: string | undefined;
      description?: string | undefined;
      status?: ProjectStatus | undefined;
      ownerUserId?: string | null | undefined;
    },
  ): Promise<ProjectView> {
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      if (!(await r.projects.lock(orgId, id))) throw notFound('project');
      await this.checkUser(r, orgId, patch.ownerUserId);
      await r.projects.update(orgId, id, patch, now);
      await r.events.append({
        type: 'project.updated',
        occurredAt: now,
        orgId,
        actorUserId,
        data: { projectId: id, ...patch },
      });
      return projectView((await r.projects.get(orgId, id))!);
    });
  }

  async remove(orgId: string, actorUserId: string, id: string): Promise<void> {
    const now = this.clock.now();
    await this.store.tx(async (r) => {
      if (!(await r.projects.delete(orgId, id))) throw notFound('project');
      await r.events.append({
        type: 'project.deleted',
        occurredAt: now,
        orgId,
        actorUserId,
        data: { projectId: id },
      });
    });
  }

  /**
   * Adds members as candidates. A new candidate starts where the organization's outreach of the
   * last 90 days left them (contacted, or replied if they accepted or replied), unless a stage is
   * given; members already in the project are left as they are.
   */
  async addCandidates(
    orgId: string,
    actorUserId: string,
    projectId: string,
    input: { memberIds: string[]; stage?: Stage | undefined; ownerUserId?: string | null | undefined },
  ): Promise<{ added: number; alreadyInProject: number; items: CandidateView[] }> {
    await this.ingest.catchUp(20);
    const now = this.clock.now();
    const memberIds = [...new Set(input.memberIds)];
    return this.store.tx(async (r) => {
      if (!(await r.projects.lock(orgId, projectId))) throw notFound('project');
      await this.checkUser(r, orgId, input.ownerUserId);
      const existing = new Set(await r.projects.existingMembers(memberIds));
      const unknown = memberIds.filter((m) => !existing.has(m));
      if (unknown.length > 0) throw notFound(`member ${unknown[0]}`);
      const history = new Map(
        (
          await r.projects.outreachHistory(orgId, memberIds, new Date(now.getTime() - HISTORY_DAYS * DAY))
        ).map((h) => [h.member_id, h]),
      );
      const entries = memberIds.map((memberId) => ({
        memberId,
        stage:
          input.stage ??
          initialStage({
            contacted: history.has(memberId),
            replied: history.get(memberId)?.replied ?? false,
          }),
      }));
      const ids = await r.projects.addCandidates({
        orgId,
        projectId,
        entries,
        ownerUserId: input.ownerUserId ?? null,
        addedBy: actorUserId,
        at: now,
      });
      if (ids.length > 0) {
        await r.events.append({
          type: 'project.candidates_added',
          occurredAt: now,
          orgId,
          actorUserId,
          data: { projectId, count: ids.length },
        });
      }
      const items: CandidateView[] = [];
      for (const id of ids) items.push(candidateView((await r.projects.getCandidate(orgId, id))!));
      return { added: ids.length, alreadyInProject: memberIds.length - ids.length, items };
    });
  }

  async candidates(
    orgId: string,
    projectId: string,
    stage: Stage | null,
    after: { at: Date; id: string } | null,
    limit: number,
  ) {
    await this.ingest.catchUp(20);
    if (!(await this.store.repos.projects.get(orgId, projectId))) throw notFound('project');
    const rows = await this.store.repos.projects.candidates(orgId, projectId, stage, after, limit + 1);
    const items = rows.slice(0, limit).map(candidateView);
    const last = items[items.length - 1];
    return { items, next: rows.length > limit && last ? { at: last.stageChangedAt, id: last.id } : null };
  }

  /** The board: every stage with its count and its most recently moved candidates. */
  async board(orgId: string, projectId: string, perStage: number) {
    const fresh = await this.ingest.catchUp(20);
    const r = this.store.repos;
    const project = await r.projects.get(orgId, projectId);
    if (!project) throw notFound('project');
    const counts = new Map((await r.projects.stageCounts(projectId)).map((c) => [c.stage, c.n]));
    const rows = (await r.projects.board(orgId, projectId, perStage)).map(candidateView);
    const contacted = STAGES.filter((s) => s !== 'uncontacted').reduce((n, s) => n + (counts.get(s) ?? 0), 0);
    const screened = (['screening', 'interview', 'offer', 'hired'] as const).reduce(
      (n, s) => n + (counts.get(s) ?? 0),
      0,
    );
    return {
      project: projectView(project),
      columns: STAGES.map((stage) => {
        const candidates = rows.filter((c) => c.stage === stage);
        const count = counts.get(stage) ?? 0;
        const last = candidates[candidates.length - 1];
        // Where `candidates(stage, after)` continues the column, when it has more.
        const next = count > candidates.length && last ? { at: last.stageChangedAt, id: last.id } : null;
        return { stage, count, candidates, next };
      }),
      summary: { total: project.candidates, contacted, screened },
      current: fresh.current,
    };
  }

  async candidate(orgId: string, id: string) {
    await this.ingest.catchUp(20);
    const r = this.store.repos;
    const c = await r.projects.getCandidate(orgId, id);
    if (!c) throw notFound('candidate');
    const [history, notes] = await Promise.all([r.projects.history(id), r.projects.notes(id)]);
    return {
      ...candidateView(c),
      history: history.map((h) => ({
        from: h.from_stage,
        to: h.to_stage,
        at: h.at,
        source: h.source,
        actorUserId: h.actor_user_id,
        eventId: h.event_id,
      })),
      noteItems: notes.map((n) => ({
        id: n.id,
        authorUserId: n.author_user_id,
        authorName: n.author_name,
        body: n.body,
        createdAt: n.created_at,
      })),
    };
  }

  /** Moves a candidate by hand and/or changes their owner. */
  async updateCandidate(
    orgId: string,
    actorUserId: string,
    id: string,
    patch: { stage?: Stage | undefined; ownerUserId?: string | null | undefined },
  ) {
    const now = this.clock.now();
    await this.store.tx(async (r) => {
      const c = await r.projects.lockCandidate(orgId, id);
      if (!c) throw notFound('candidate');
      await this.checkUser(r, orgId, patch.ownerUserId);
      if (patch.ownerUserId !== undefined) await r.projects.setOwner(id, patch.ownerUserId);
      if (patch.stage && patch.stage !== c.stage) {
        await r.projects.setStage(id, {
          from: c.stage,
          to: patch.stage,
          at: now,
          actorUserId,
          source: 'manual',
        });
        const p = await r.projects.getCandidate(orgId, id);
        await r.events.append({
          type: 'project.stage_changed',
          occurredAt: now,
          orgId,
          actorUserId,
          recipientMemberId: c.member_id,
          data: {
            projectId: p!.project_id,
            candidateId: id,
            from: c.stage,
            to: patch.stage,
            source: 'manual',
          },
        });
      }
    });
    return this.candidate(orgId, id);
  }

  async removeCandidate(orgId: string, actorUserId: string, id: string): Promise<void> {
    const now = this.clock.now();
    await this.store.tx(async (r) => {
      const c = await r.projects.getCandidate(orgId, id);
      if (!c || !(await r.projects.removeCandidate(orgId, id))) throw notFound('candidate');
      await r.events.append({
        type: 'project.candidate_removed',
        occurredAt: now,
        orgId,
        actorUserId,
        recipientMemberId: c.member_id,
        data: { projectId: c.project_id, candidateId: id },
      });
    });
  }

  async addNote(orgId: string, actorUserId: string, id: string, body: string) {
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      const c = await r.projects.lockCandidate(orgId, id);
      if (!c) throw notFound('candidate');
      const noteId = await r.projects.addNote({
        candidateId: id,
        orgId,
        authorUserId: actorUserId,
        body,
        at: now,
      });
      const note = (await r.projects.notes(id)).find((n) => n.id === noteId)!;
      return {
        id: note.id,
        authorUserId: note.author_user_id,
        authorName: note.author_name,
        body: note.body,
        createdAt: note.created_at,
      };
    });
  }
}
