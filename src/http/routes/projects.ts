import { z } from 'zod';
import type { App, RouteContext } from '../app.ts';
import { orgUser } from '../auth.ts';
import { PROJECT_STATUSES, STAGES } from '../../domain/pipeline.ts';
import {
  decodeCursor,
  encodeTimeIdCursor,
  IdParams,
  text,
  TimeIdCursor,
  Timestamp,
  Uuid,
} from '../schemas.ts';

const Person = z.object({ userId: z.string(), name: z.string() });

const Project = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(PROJECT_STATUSES),
  owner: Person.nullable(),
  createdBy: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  candidates: z.number().int(),
});

const Candidate = z.object({
  id: z.string().describe('The candidate entry (one member in one project)'),
  projectId: z.string(),
  projectName: z.string(),
  memberId: z.string(),
  name: z.string(),
  headline: z.string(),
  currentTitle: z.string(),
  currentCompany: z.string(),
  seniority: z.string(),
  stage: z.enum(STAGES),
  owner: Person.nullable(),
  addedAt: Timestamp,
  stageChangedAt: Timestamp,
  notes: z.number().int(),
});

const Note = z.object({
  id: z.string(),
  authorUserId: z.string(),
  authorName: z.string(),
  body: z.string(),
  createdAt: Timestamp,
});

const CandidateDetail = Candidate.extend({
  history: z.array(
    z.object({
      from: z.enum(STAGES).nullable(),
      to: z.enum(STAGES),
      at: Timestamp,
      source: z.enum(['added', 'manual', 'auto']),
      actorUserId: z.string().nullable(),
      eventId: z.number().int().nullable().describe('For automatic moves: the InMail event that caused it'),
    }),
  ),
  noteItems: z.array(Note),
});

const PageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
};

export function projectRoutes(app: App, { services, guard }: RouteContext) {
  const read = guard({ orgUser: true, scope: 'projects:read' });
  const write = guard({ roles: ['org_admin', 'recruiter'], scope: 'projects:write' });

  app.get(
    '/v1/projects',
    {
      schema: {
        tags: ['projects'],
        summary: "The organization's projects (roles or search mandates), newest first",
        querystring: z.object({ status: z.enum(PROJECT_STATUSES).optional(), ...PageQuery }).strict(),
        response: { 200: z.object({ items: z.array(Project), nextCursor: z.string().nullable() }) },
      },
      preHandler: read,
    },
    async (req) => {
      const r = await services.projects.list(
        orgUser(req).orgId,
        req.query.status ?? null,
        decodeCursor(req.query.cursor, TimeIdCursor),
        req.query.limit,
      );
      return { items: r.items, nextCursor: encodeTimeIdCursor(r.next) };
    },
  );

  app.post(
    '/v1/projects',
    {
      schema: {
        tags: ['projects'],
        summary: 'Create a project (the owner defaults to you)',
        body: z
          .object({
            name: text(200),
            description: z.string().trim().max(5000).optional(),
            ownerUserId: Uuid.nullable().optional(),
          })
          .strict(),
        response: { 201: Project },
      },
      preHandler: write,
    },
    async (req, reply) => {
      const u = orgUser(req);
      return reply.code(201).send(await services.projects.create(u.orgId, u.id, req.body));
    },
  );

  app.get(
    '/v1/projects/:id',
    {
      schema: { tags: ['projects'], summary: 'A project', params: IdParams, response: { 200: Project } },
      preHandler: read,
    },
    async (req) => services.projects.get(orgUser(req).orgId, req.params.id),
  );

  app.patch(
    '/v1/projects/:id',
    {
      schema: {
        tags: ['projects'],
        summary: 'Rename a project, change its description, status or owner',
        params: IdParams,
        body: z
          .object({
            name: text(200).optional(),
            description: z.string().trim().max(5000).optional(),
            status: z.enum(PROJECT_STATUSES).optional(),
            ownerUserId: Uuid.nullable().optional(),
          })
          .strict(),
        response: { 200: Project },
      },
      preHandler: write,
    },
    async (req) => {
      const u = orgUser(req);
      return services.projects.update(u.orgId, u.id, req.params.id, req.body);
    },
  );

  app.delete(
    '/v1/projects/:id',
    {
      schema: {
        tags: ['projects'],
        summary: 'Delete a project with its candidates, history and notes (analytics keep their counts)',
        params: IdParams,
        response: { 204: z.null() },
      },
      preHandler: write,
    },
    async (req, reply) => {
      const u = orgUser(req);
      await services.projects.remove(u.orgId, u.id, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/projects/:id/candidates',
    {
      schema: {
        tags: ['projects'],
        summary: "A project's candidates, optionally of one stage, most recently moved first",
        params: IdParams,
        querystring: z.object({ stage: z.enum(STAGES).optional(), ...PageQuery }).strict(),
        response: { 200: z.object({ items: z.array(Candidate), nextCursor: z.string().nullable() }) },
      },
      preHandler: read,
    },
    async (req) => {
      const r = await services.projects.candidates(
        orgUser(req).orgId,
        req.params.id,
        req.query.stage ?? null,
        decodeCursor(req.query.cursor, TimeIdCursor),
        req.query.limit,
      );
      return { items: r.items, nextCursor: encodeTimeIdCursor(r.next) };
    },
  );

  app.post(
    '/v1/projects/:id/candidates',
    {
      schema: {
        tags: ['projects'],
        summary:
          'Add members as candidates; without a stage each starts where your outreach of the last 90 days left them',
        params: IdParams,
        body: z
          .object({
            memberIds: z.array(Uuid).min(1).max(500),
            stage: z.enum(STAGES).optional(),
            ownerUserId: Uuid.nullable().optional(),
          })
          .strict(),
        response: {
          201: z.object({
            added: z.number().int(),
            alreadyInProject: z.number().int(),
            items: z.array(Candidate),
          }),
        },
      },
      preHandler: write,
    },
    async (req, reply) => {
      const u = orgUser(req);
      return reply
        .code(201)
        .send(await services.projects.addCandidates(u.orgId, u.id, req.params.id, req.body));
    },
  );

  app.get(
    '/v1/projects/:id/board',
    {
      schema: {
        tags: ['projects'],
        summary: 'The pipeline board: every stage with its count and most recently moved candidates',
        params: IdParams,
        querystring: z.object({ perStage: z.coerce.number().int().min(1).max(200).default(25) }).strict(),
        response: {
          200: z.object({
            project: Project,
            columns: z.array(
              z.object({
                stage: z.enum(STAGES),
                count: z.number().int(),
                candidates: z.array(Candidate),
                nextCursor: z
                  .string()
                  .nullable()
                  .describe('The rest of the column: GET /v1/projects/{id}/candidates?stage=…&cursor=…'),
              }),
            ),
            summary: z.object({
              total: z.number().int(),
              contacted: z.number().int(),
              screened: z.number().int(),
            }),
            current: z.boolean().describe('InMail events up to now have moved candidates'),
          }),
        },
      },
      preHandler: read,
    },
    async (req) => {
      const b = await services.projects.board(orgUser(req).orgId, req.params.id, req.query.perStage);
      return {
        ...b,
        columns: b.columns.map(({ next, ...col }) => ({ ...col, nextCursor: encodeTimeIdCursor(next) })),
      };
    },
  );

  app.get(
    '/v1/project-candidates/:id',
    {
      schema: {
        tags: ['projects'],
        summary: 'A candidate of a project with the stage history (with times) and notes',
        params: IdParams,
        response: { 200: CandidateDetail },
      },
      preHandler: read,
    },
    async (req) => services.projects.candidate(orgUser(req).orgId, req.params.id),
  );

  app.patch(
    '/v1/project-candidates/:id',
    {
      schema: {
        tags: ['projects'],
        summary: 'Move a candidate to a stage by hand and/or change their owner',
        params: IdParams,
        body: z
          .object({ stage: z.enum(STAGES).optional(), ownerUserId: Uuid.nullable().optional() })
          .strict(),
        response: { 200: CandidateDetail },
      },
      preHandler: write,
    },
    async (req) => {
      const u = orgUser(req);
      return services.projects.updateCandidate(u.orgId, u.id, req.params.id, req.body);
    },
  );

  app.delete(
    '/v1/project-candidates/:id',
    {
      schema: {
        tags: ['projects'],
        summary: 'Remove a candidate from the project',
        params: IdParams,
        response: { 204: z.null() },
      },
      preHandler: write,
    },
    async (req, reply) => {
      const u = orgUser(req);
      await services.projects.removeCandidate(u.orgId, u.id, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/project-candidates/:id/notes',
    {
      schema: {
        tags: ['projects'],
        summary: 'Add a note to a candidate',
        params: IdParams,
        body: z.object({ body: text(5000) }).strict(),
        response: { 201: Note },
      },
      preHandler: write,
    },
    async (req, reply) => {
      const u = orgUser(req);
      return reply
        .code(201)
        .send(await services.projects.addNote(u.orgId, u.id, req.params.id, req.body.body));
    },
  );
}
