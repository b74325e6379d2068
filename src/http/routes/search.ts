import { z } from 'zod';
import type { Role } from '../../domain/auth.ts';
import { SENIORITIES } from '../../domain/profile.ts';
import { MAX_PAGE_SIZE } from '../../domain/search-ranking.ts';
import type { Searcher } from '../../services/search.service.ts';
import type { App, RouteContext } from '../app.ts';
import { orgUser } from '../auth.ts';
import { decodeCursor, encodeCursor, PageQuery, Timestamp } from '../schemas.ts';
import type { FastifyRequest } from 'fastify';

/** Who may search: every organization role. */
export const SEARCH_ROLES: readonly Role[] = ['recruiter', 'org_admin', 'hiring_manager'];

/** The searcher behind a guarded request: the org user and their own member profile. */
export function searcherOf(req: FastifyRequest): Searcher {
  const u = orgUser(req);
  return { orgId: u.orgId, userId: u.id, memberId: req.principal?.memberId ?? null };
}

const Value = z.string().trim().min(1, 'must not be empty').max(200);
const Values = z.array(Value).min(1).max(50);
const Year = z.int().min(1900).max(2100);
const AllAny = z
  .object({ all: Values.optional(), any: Values.optional() })
  .strict()
  .describe('`all`: every one of them; `any`: at least one');

/** Search filters; every filter present must hold. Shared by searches, saved searches and lists. */
export const SearchFiltersSchema = z
  .object({
    currentTitle: z
      .string()
      .max(2000)
      .optional()
      .describe('Boolean text over the current title only, e.g. `"portfolio manager" OR quant*`'),
    skills: AllAny.optional().describe('Skills and platforms, exact names (case and accents ignored)'),
    companies: z
      .object({ names: Values, when: z.enum(['current', 'past', 'either']).optional() })
      .strict()
      .optional()
      .describe('Works or worked at one of these companies (default: current or past)'),
    industries: Values.optional(),
    locations: z
      .object({
        countries: z
          .array(z.string().regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code'))
          .min(1)
          .max(50)
          .optional(),
        regions: Values.optional(),
        cities: Values.optional(),
      })
      .strict()
      .optional()
      .describe('Each list is "any of"; countries, regions and cities must all hold when given'),
    graduationYear: z
      .object({ min: Year.optional(), max: Year.optional() })
      .strict()
      .optional()
      .describe('Some degree was completed in this range'),
    yearsOfExperience: z
      .object({ min: z.int().min(0).max(80).optional(), max: z.int().min(0).max(80).optional() })
      .strict()
      .optional(),
    seniorities: z.array(z.enum(SENIORITIES)).min(1).max(SENIORITIES.length).optional(),
    openToWork: z.boolean().optional(),
    networkDegrees: z
      .array(z.union([z.literal(1), z.literal(2), z.literal(3)]))
      .min(1)
      .max(3)
      .optional()
      .describe('Degree relative to you: 1, 2, or 3 (3rd and beyond)'),
    languages: AllAny.optional().describe('Spoken languages'),
    notContactedInDays: z
      .int()
      .min(1)
      .max(3650)
      .optional()
      .describe('Leave out members your organization contacted in the last N days'),
    hasRespondedToInmail: z
      .boolean()
      .optional()
      .describe('Members who did (true) or never did (false) accept, decline or reply to an InMail'),
    notInActiveCampaign: z
      .boolean()
      .optional()
      .describe(
        'true: leave out members still to be contacted by a scheduled, running or paused campaign of your organization',
      ),
  })
  .strict();

export const SearchSortSchema = z
  .object({
    by: z.enum(['relevance', 'yearsOfExperience', 'recentlyUpdated']).optional(),
    likelyToRespondBoost: z
      .boolean()
      .optional()
      .describe('Add the "likely to respond" boost (open to work, past response rate); default true'),
  })
  .strict();

/** A query with its filters (saved searches, adding all matches to a list). */
export const QueryText = z.string().max(5000).describe('Boolean query; see docs/search.md');

const CandidateSearchBody = z
  .object({
    query: QueryText.optional(),
    filters: SearchFiltersSchema.optional(),
    sort: SearchSortSchema.optional(),
    cursor: z.string().max(500).optional(),
    limit: z.int().min(1).max(MAX_PAGE_SIZE).default(25),
  })
  .strict();

const FacetCount = z.object({ value: z.string(), count: z.int() });

const CandidateSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  headline: z.string(),
  currentTitle: z.string(),
  currentCompany: z.string(),
  location: z.object({ city: z.string(), region: z.string(), country: z.string() }),
  seniority: z.string(),
  yearsOfExperience: z.int(),
  openToWork: z.boolean(),
  degree: z
    .union([z.literal(1), z.literal(2), z.literal(3)])
    .describe('Network degree relative to you (3 = 3rd+)'),
  highlights: z
    .array(
      z.object({
        field: z
          .string()
          .describe(
            'name, headline, title, company, skill, school, location, industry, language, summary or other',
          ),
        value: z.string(),
        terms: z.array(z.string()).describe('The query terms, as typed, that matched this value'),
      }),
    )
    .describe('The parts of the profile that matched'),
  lastContactedByMyOrgAt: Timestamp.nullable(),
  score: z.number().nullable(),
  likelyToRespond: z.object({
    openToWork: z.boolean(),
    responseRate: z.number().nullable().describe('Answered / received InMails; null if never InMailed'),
    boost: z.number().describe('Added to the relevance (0 when switched off)'),
  }),
});

export const CandidateSearchResponse = z.object({
  items: z.array(CandidateSchema),
  total: z
    .object({ count: z.int(), exact: z.boolean() })
    .describe('Exact up to 1,000 matches; beyond, {count: 1000, exact: false} means "at least 1,000"'),
  facets: z
    .object({
      skills: z.array(FacetCount),
      companies: z.array(FacetCount),
      locations: z.array(
        z.object({
          value: z.object({ city: z.string(), region: z.string(), country: z.string() }),
          count: z.int(),
        }),
      ),
      seniorities: z.array(FacetCount),
      graduationYears: z.array(z.object({ value: z.int(), count: z.int() })),
    })
    .describe(
      'Counts over the viewable result set: all matches, or the 1,000 best ranked when there are more',
    ),
  nextCursor: z.string().nullable(),
  query: z.string().nullable().describe('The query as understood, in canonical form'),
});

const HistoryCursor = z
  .object({ at: z.iso.datetime({ offset: true }), id: z.int().positive() })
  .transform((c) => ({ at: new Date(c.at), id: c.id }));

export function searchRoutes(app: App, { services, guard }: RouteContext) {
  const searcher = guard({ roles: SEARCH_ROLES, scope: 'search:read' });

  app.post(
    '/v1/search/candidates',
    {
      schema: {
        tags: ['search'],
        summary: 'Search candidates: a Boolean query, filters, facets, keyset pages (at most 1,000 results)',
        description:
          'Operators AND, OR, NOT (upper case), "phrases", parentheses, prefix*, and field scopes title:, ' +
          'company:, skill:, school:, location:, industry:, language:. A query that does not parse answers 400 ' +
          'with `code`, `position` and `hint`.',
        body: CandidateSearchBody,
        response: { 200: CandidateSearchResponse },
      },
      preHandler: searcher,
    },
    async (req) => services.search.search(searcherOf(req), req.body),
  );

  app.get(
    '/v1/search/history',
    {
      schema: {
        tags: ['search'],
        summary: 'Your searches of the last 90 days, newest first',
        querystring: PageQuery,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.int(),
                query: z.string(),
                filters: z.record(z.string(), z.unknown()),
                total: z.object({ count: z.int(), exact: z.boolean() }),
                searchedAt: Timestamp,
              }),
            ),
            nextCursor: z.string().nullable(),
          }),
        },
      },
      preHandler: searcher,
    },
    async (req) => {
      const r = await services.search.history(
        searcherOf(req),
        decodeCursor(req.query.cursor, HistoryCursor),
        req.query.limit,
      );
      return {
        items: r.items,
        nextCursor: r.nextCursor
          ? encodeCursor({ at: r.nextCursor.at.toISOString(), id: r.nextCursor.id })
          : null,
      };
    },
  );

  app.get(
    '/v1/search/suggestions',
    {
      schema: {
        tags: ['search'],
        summary: 'Fuzzy typeahead: titles, companies and skills found in profiles, or member names',
        querystring: z
          .object({
            field: z.enum(['title', 'company', 'skill', 'name']),
            q: z.string().trim().min(1).max(100),
            limit: z.coerce.number().int().min(1).max(20).default(10),
          })
          .strict(),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                value: z.string(),
                memberId: z.string().nullable(),
                currentTitle: z.string().nullable(),
                similarity: z.number(),
              }),
            ),
          }),
        },
      },
      preHandler: searcher,
    },
    async (req) => services.search.suggestions(req.query.field, req.query.q, req.query.limit),
  );
}
