import { z } from 'zod';
import { SENIORITIES } from '../../domain/profile.ts';
import type { App, RouteContext } from '../app.ts';
import { memberId } from '../auth.ts';

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const name = (max: number) => text(max).min(1, 'must not be empty');
const year = z.int().min(1900).max(2100);

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

// Bounds keep a profile's search document far below PostgreSQL's tsvector limits (16,383
// positions per field); they are also roughly LinkedIn's own.
const Position = z
  .object({
    title: name(150),
    company: name(150),
    startYear: year,
    endYear: year.nullable(),
    description: text(1000).optional(),
  })
  .strict()
  .refine((p) => p.endYear === null || p.endYear >= p.startYear, 'endYear is before startYear');

const Education = z
  .object({ school: name(200), degree: text(150), field: text(150), graduationYear: year.nullable() })
  .strict();

const Project = z.object({ name: name(200), description: text(1000) }).strict();

const Location = z
  .object({
    city: text(100),
    region: text(100),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals')
      .or(z.literal('')),
    timeZone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Berlin'),
  })
  .strict();

const ProfileFields = {
  firstName: name(100),
  lastName: name(100),
  headline: text(220),
  summary: text(2600),
  industry: text(100),
  seniority: z.enum(SENIORITIES),
  location: Location,
  positions: z.array(Position).max(30).describe('Newest first; a current position has endYear null'),
  skills: z.array(name(80)).max(100),
  platforms: z.array(name(80)).max(50),
  education: z.array(Education).max(20),
  projects: z.array(Project).max(10),
  publications: z.array(name(300)).max(50),
  languages: z.array(name(50)).max(20),
  openToWork: z.boolean(),
  yearsOfExperience: z.int().min(0).max(80),
};

const ProfileSchema = z.object({ id: z.string(), ...ProfileFields });
const PatchBody = z
  .object(ProfileFields)
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'change at least one field');

export function profileRoutes(app: App, { services, guard }: RouteContext) {
  const member = guard({ member: true });

  app.get(
    '/v1/profile',
    {
      schema: { tags: ['profile'], summary: 'My profile on the network', response: { 200: ProfileSchema } },
      preHandler: member,
    },
    async (req) => services.profiles.get(memberId(req)),
  );

  app.patch(
    '/v1/profile',
    {
      schema: {
        tags: ['profile'],
        summary: 'Change my profile (lists replace the old ones); searches see the change at once',
        body: PatchBody,
        response: { 200: ProfileSchema },
      },
      preHandler: member,
    },
    async (req) => services.profiles.update(memberId(req), req.body),
  );
}
