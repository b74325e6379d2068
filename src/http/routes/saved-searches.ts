import { z } from 'zod';
import type { App, RouteContext } from '../app.ts';
import { IdParams, Timestamp } from '../schemas.ts';
import { QueryText, SEARCH_ROLES, SearchFiltersSchema, searcherOf } from './search.ts';

const SavedSearch = z.object({
  id: z.string(),
  name: z.string(),
  query: z.string(),
  filters: SearchFiltersSchema,
  alerts: z.boolean().describe('A daily in-app alert (and a search.alert event) about new matching members'),
  lastAlertAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const Name = z.string().trim().min(1).max(200);

const CreateBody = z
  .object({
    name: Name,
    query: QueryText.optional(),
    filters: SearchFiltersSchema.optional(),
    alerts: z.boolean().optional(),
  })
  .strict();

const UpdateBody = z
  .object({
    name: Name.optional(),
    query: QueryText.optional(),
    filters: SearchFiltersSchema.optional(),
    alerts: z.boolean().optional(),
  })
  .strict();

/** Saved searches are personal: another user's or organization's answers 404. */
export function savedSearchRoutes(app: App, { services, guard }: RouteContext) {
  const read = guard({ roles: SEARCH_ROLES, scope: 'search:read' });
  // Changing saved searches is for people, not API keys.
  const write = guard({ roles: SEARCH_ROLES });

  app.get(
    '/v1/saved-searches',
    {
      schema: {
        tags: ['search'],
        summary: 'Your saved searches, newest first',
        response: { 200: z.object({ items: z.array(SavedSearch) }) },
      },
      preHandler: read,
    },
    async (req) => services.savedSearches.list(searcherOf(req)),
  );

  app.post(
    '/v1/saved-searches',
    {
      schema: {
        tags: ['search'],
        summary: 'Save a query with its filters (alerts on by default)',
        body: CreateBody,
        response: { 201: SavedSearch },
      },
      preHandler: write,
    },
    async (req, reply) =>
      reply.code(201).send(await services.savedSearches.create(searcherOf(req), req.body)),
  );

  app.get(
    '/v1/saved-searches/:id',
    {
      schema: {
        tags: ['search'],
        summary: 'A saved search',
        params: IdParams,
        response: { 200: SavedSearch },
      },
      preHandler: read,
    },
    async (req) => services.savedSearches.get(searcherOf(req), req.params.id),
  );

  app.patch(
    '/v1/saved-searches/:id',
    {
      schema: {
        tags: ['search'],
        summary: 'Rename, change the query or filters, or switch alerts on or off',
        params: IdParams,
        body: UpdateBody,
        response: { 200: SavedSearch },
      },
      preHandler: write,
    },
    async (req) => services.savedSearches.update(searcherOf(req), req.params.id, req.body),
  );

  app.delete(
    '/v1/saved-searches/:id',
    {
      schema: {
        tags: ['search'],
        summary: 'Delete a saved search',
        params: IdParams,
        response: { 204: z.null() },
      },
      preHandler: write,
    },
    async (req, reply) => {
      await services.savedSearches.delete(searcherOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
