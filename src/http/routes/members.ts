import { z } from 'zod';
import type { App, RouteContext } from '../app.ts';
import { orgUser } from '../auth.ts';
import { decodeCursor, encodeCursor, IdParams, PageQuery, Timestamp } from '../schemas.ts';

export const MemberCardSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  headline: z.string(),
  currentTitle: z.string(),
  currentCompany: z.string(),
  location: z.object({ city: z.string(), region: z.string(), country: z.string(), timeZone: z.string() }),
  degree: z
    .union([z.literal(1), z.literal(2), z.literal(3)])
    .describe('Network degree relative to you (3 = 3rd+)'),
  openToWork: z.boolean(),
});

const Cap = z.object({
  used: z.number().int(),
  limit: z.number().int(),
  windowDays: z.number().int(),
  freesAt: Timestamp.nullable(),
});

const MemberDetailSchema = MemberCardSchema.extend({
  summary: z.string(),
  industry: z.string(),
  seniority: z.string(),
  positions: z.array(
    z.object({
      title: z.string(),
      company: z.string(),
      startYear: z.number(),
      endYear: z.number().nullable(),
      description: z.string().optional(),
    }),
  ),
  education: z.array(
    z.object({
      school: z.string(),
      degree: z.string(),
      field: z.string(),
      graduationYear: z.number().nullable(),
    }),
  ),
  projects: z.array(z.object({ name: z.string(), description: z.string() })),
  publications: z.array(z.string()),
  skills: z.array(z.string()),
  platforms: z.array(z.string()),
  languages: z.array(z.string()),
  yearsOfExperience: z.number().int(),
  acceptsInmail: z.boolean(),
  contact: z.object({
    lastContactedByMyOrgAt: Timestamp.nullable(),
    inmailsFromMyOrg: z.array(
      z.object({
        id: z.string(),
        threadId: z.string(),
        sentAt: Timestamp,
        status: z.string(),
        channel: z.string(),
      }),
    ),
    caps: z.object({ network: Cap, organization: Cap }),
  }),
});

const NameCursor = z.object({ name: z.string().max(500), id: z.uuid() });

export function memberRoutes(app: App, { services, guard }: RouteContext) {
  const recruiterView = guard({ roles: ['recruiter', 'org_admin', 'hiring_manager'], scope: 'members:read' });

  app.get(
    '/v1/members',
    {
      schema: {
        tags: ['members'],
        summary: 'Members of the network, by name, with their degree relative to you (never their email)',
        querystring: PageQuery,
        response: { 200: z.object({ items: z.array(MemberCardSchema), nextCursor: z.string().nullable() }) },
      },
      preHandler: recruiterView,
    },
    async (req) => {
      const r = await services.members.list(
        req.principal!.memberId,
        decodeCursor(req.query.cursor, NameCursor),
        req.query.limit,
      );
      return { items: r.items, nextCursor: r.nextCursor ? encodeCursor(r.nextCursor) : null };
    },
  );

  app.get(
    '/v1/members/:id',
    {
      schema: {
        tags: ['members'],
        summary: "A member's profile with your organization's contact history and the frequency caps",
        params: IdParams,
        response: { 200: MemberDetailSchema },
      },
      preHandler: recruiterView,
    },
    async (req) =>
      services.members.get({ orgId: orgUser(req).orgId, memberId: req.principal!.memberId }, req.params.id),
  );
}
