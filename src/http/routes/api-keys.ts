import { z } from 'zod';
import { SCOPES } from '../../domain/auth.ts';
import type { App, RouteContext } from '../app.ts';
import { orgUser } from '../auth.ts';
import { IdParams, Timestamp } from '../schemas.ts';

const ApiKey = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the key, to recognise it'),
  scopes: z.array(z.string()),
  createdAt: Timestamp,
  createdBy: z.string(),
  expiresAt: Timestamp.nullable(),
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});

const CreateBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(z.enum(SCOPES)).min(1).max(SCOPES.length),
    expiresAt: Timestamp.optional(),
  })
  .strict();

export function apiKeyRoutes(app: App, { services, guard }: RouteContext) {
  const admin = guard({ roles: ['org_admin'] });

  app.get(
    '/v1/api-keys',
    {
      schema: {
        tags: ['api keys'],
        summary: "The organization's API keys",
        response: { 200: z.object({ items: z.array(ApiKey) }) },
      },
      preHandler: admin,
    },
    async (req) => ({ items: await services.auth.listApiKeys(orgUser(req).orgId) }),
  );

  app.post(
    '/v1/api-keys',
    {
      schema: {
        tags: ['api keys'],
        summary: 'Create an API key (the key is shown once)',
        body: CreateBody,
        response: { 201: ApiKey.extend({ key: z.string().describe('Shown once; store it now') }) },
      },
      preHandler: admin,
    },
    async (req, reply) => {
      const u = orgUser(req);
      return reply.code(201).send(await services.auth.createApiKey(u.orgId, u.id, req.body));
    },
  );

  app.delete(
    '/v1/api-keys/:id',
    {
      schema: {
        tags: ['api keys'],
        summary: 'Revoke an API key',
        params: IdParams,
        response: { 200: ApiKey },
      },
      preHandler: admin,
    },
    async (req) => services.auth.revokeApiKey(orgUser(req).orgId, req.params.id),
  );
}
