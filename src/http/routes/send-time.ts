import { z } from 'zod';
import type { App, RouteContext } from '../app.ts';
import { orgUser } from '../auth.ts';
import { IdParams, Timestamp } from '../schemas.ts';

const SendTimeSchema = z.object({
  memberId: z.string(),
  at: Timestamp.describe('When to send (UTC)'),
  localTime: z.string().describe("The same instant on the recipient's wall clock, with its offset"),
  timeZone: z.string(),
  fellBack: z.boolean().describe("The recipient's time zone was unknown; UTC was used"),
  closesAt: Timestamp.describe('End of the slot'),
  source: z.enum(['default', 'learned']),
  explanation: z.string(),
  basis: z.object({
    sent: z.number().int(),
    responses: z.number().int(),
    minResponses: z.number().int().describe('Responses needed before advice is learned'),
    historyDays: z.number().int(),
    responseDays: z.number().int(),
  }),
  window: z
    .object({
      days: z.array(z.number().int()),
      startHour: z.number().int(),
      startMinute: z.number().int(),
      endHour: z.number().int(),
      endMinute: z.number().int(),
    })
    .nullable(),
  bestSlots: z
    .array(
      z.object({
        weekday: z.number().int().describe('ISO weekday, 1 = Monday'),
        hour: z.number().int(),
        sent: z.number().int(),
        responded: z.number().int(),
        responseRate: z.number(),
      }),
    )
    .nullable(),
});

export function sendTimeRoutes(app: App, { services, guard }: RouteContext) {
  app.get(
    '/v1/members/:id/send-time',
    {
      schema: {
        tags: ['members'],
        summary: "The next good time to send this member an InMail, in the member's own time zone",
        description:
          "Tuesday to Thursday 08:00–11:00 in the recipient's zone by default; learned from your " +
          "organization's own response data once it has enough responses. `source` says which.",
        params: IdParams,
        response: { 200: SendTimeSchema },
      },
      preHandler: guard({ roles: ['recruiter', 'org_admin', 'hiring_manager'], scope: 'members:read' }),
    },
    async (req) => services.sendTimes.advise(orgUser(req).orgId, req.params.id),
  );
}
