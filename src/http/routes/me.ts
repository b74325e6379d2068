import { z } from 'zod';
import type { App, RouteContext } from '../app.ts';
import { SeatSchema } from './seats.ts';

export const MeResponse = z.object({
  via: z.enum(['session', 'api_key']),
  account: z.object({ id: z.string(), email: z.string() }).nullable(),
  organization: z.object({ id: z.string(), name: z.string(), slug: z.string() }).nullable(),
  user: z
    .object({
      id: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      title: z.string(),
      roles: z.array(z.string()),
    })
    .nullable(),
  memberId: z.string().nullable(),
  scopes: z.array(z.string()).nullable(),
  seat: SeatSchema.nullable().describe('The seat the user holds, with its balance'),
});

export function meRoutes(app: App, { services, guard }: RouteContext) {
  app.get(
    '/v1/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who I am: account, organization, roles, seats and member id',
        response: { 200: MeResponse },
      },
      preHandler: guard({ anyApiKey: true }),
    },
    async (req) => services.directory.me(req.principal!),
  );
}
