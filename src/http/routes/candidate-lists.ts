import { z } from 'zod';
import { MAX_ADD_FROM_SEARCH } from '../../services/candidate-list.service.ts';
import type { App, RouteContext } from '../app.ts';
import {
  decodeCursor,
  encodeTimeIdCursor,
  IdParams,
  PageQuery,
  TimeIdCursor,
  Timestamp,
  Uuid,
} from '../schemas.ts';
import { QueryText, SEARCH_ROLES, SearchFiltersSchema, SearchSortSchema, searcherOf } from './search.ts';

const CandidateList = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  size: z.int(),
  createdBy: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const ListMember = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  headline: z.string(),
  currentTitle: z.string(),
  currentCompany: z.string(),
  location: z.object({ city: z.string(), region: z.string(), country: z.string() }),
  openToWork: z.boolean(),
  addedAt: Timestamp,
  addedBy: z.string(),
});

const AddResult = z.object({
  added: z.int(),
  alreadyOnList: z.int(),
  unknown: z.int().describe('Ids that are no member of the network (skipped)'),
  size: z.int(),
});

const Name = z.string().trim().min(1).max(200);
const Description = z.string().trim().max(2000);

/** Candidate lists belong to an organization: another organization's list answers 404. */
export function candidateListRoutes(app: App, { services, guard }: RouteContext) {
  const read = guard({ roles: SEARCH_ROLES, scope: 'projects:read' });
  const write = guard({ roles: SEARCH_ROLES, scope: 'projects:write' });
  const ListParams = IdParams;

  app.get(
    '/v1/candidate-lists',
    {
      schema: {
        tags: ['candidate lists'],
        summary: "Your organization's candidate lists",
        response: { 200: z.object({ items: z.array(CandidateList) }) },
      },
      preHandler: read,
    },
    async (req) => services.candidateLists.list(searcherOf(req)),
  );

  app.post(
    '/v1/candidate-lists',
    {
      schema: {
        tags: ['candidate lists'],
        summary: 'Create a list (names are unique in an organization)',
        body: z.object({ name: Name, description: Description.optional() }).strict(),
        response: { 201: CandidateList },
      },
      preHandler: write,
    },
    async (req, reply) =>
      reply.code(201).send(await services.candidateLists.create(searcherOf(req), req.body)),
  );

  app.get(
    '/v1/candidate-lists/:id',
    {
      schema: {
        tags: ['candidate lists'],
        summary: 'A list with a page of its members, most recently added first',
        params: ListParams,
        querystring: PageQuery,
        response: {
          200: CandidateList.extend({
            members: z.object({ items: z.array(ListMember), nextCursor: z.string().nullable() }),
          }),
        },
      },
      preHandler: read,
    },
    async (req) => {
      const r = await services.candidateLists.get(
        searcherOf(req),
        req.params.id,
        decodeCursor(req.query.cursor, TimeIdCursor),
        req.query.limit,
      );
      return { ...r, members: { ...r.members, nextCursor: encodeTimeIdCursor(r.members.nextCursor) } };
    },
  );

  app.patch(
    '/v1/candidate-lists/:id',
    {
      schema: {
        tags: ['candidate lists'],
        summary: 'Rename a list or change its description',
        params: ListParams,
        body: z.object({ name: Name.optional(), description: Description.optional() }).strict(),
        response: { 200: CandidateList },
      },
      preHandler: write,
    },
    async (req) => services.candidateLists.update(searcherOf(req), req.params.id, req.body),
  );

  app.delete(
    '/v1/candidate-lists/:id',
    {
      schema: {
        tags: ['candidate lists'],
        summary: 'Delete a list',
        params: ListParams,
        response: { 204: z.null() },
      },
      preHandler: write,
    },
    async (req, reply) => {
      await services.candidateLists.delete(searcherOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/candidate-lists/:id/members',
    {
      schema: {
        tags: ['candidate lists'],
        summary: 'Add one member or a page of members (up to 100 ids); members already listed stay',
        params: ListParams,
        body: z.object({ memberIds: z.array(Uuid).min(1).max(100) }).strict(),
        response: { 200: AddResult },
      },
      preHandler: write,
    },
    async (req) => services.candidateLists.addMembers(searcherOf(req), req.params.id, req.body.memberIds),
  );

  app.post(
    '/v1/candidate-lists/:id/members/from-search',
    {
      schema: {
        tags: ['candidate lists'],
        summary: `Add the best matches of a search, up to \`limit\` (at most ${MAX_ADD_FROM_SEARCH})`,
        params: ListParams,
        body: z
          .object({
            query: QueryText.optional(),
            filters: SearchFiltersSchema.optional(),
            sort: SearchSortSchema.optional(),
            limit: z.int().min(1).max(MAX_ADD_FROM_SEARCH),
          })
          .strict(),
        response: { 200: AddResult.extend({ matched: z.int() }) },
      },
      preHandler: write,
    },
    async (req) => services.candidateLists.addFromSearch(searcherOf(req), req.params.id, req.body),
  );

  app.post(
    '/v1/candidate-lists/:id/members/remove',
    {
      schema: {
        tags: ['candidate lists'],
        summary: 'Remove members from a list (ids not on it are ignored)',
        params: ListParams,
        body: z.object({ memberIds: z.array(Uuid).min(1).max(100) }).strict(),
        response: { 200: z.object({ removed: z.int(), size: z.int() }) },
      },
      preHandler: write,
    },
    async (req) => services.candidateLists.removeMembers(searcherOf(req), req.params.id, req.body.memberIds),
  );
}
