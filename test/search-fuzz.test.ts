/**
 * Property tests of candidate search: random strings and random token sequences go to the parser
 * and to POST /v1/search/candidates. The answer is a result or a 400 problem document, never a
 * crash or a 500; and when the query parses, SQL returns exactly what the reference matcher does.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import {
  QuerySyntaxError,
  matchesProfile,
  parseQuery,
  profileSearchDocument,
  type QueryNode,
} from '../src/domain/search-query.ts';
import { SENIORITIES } from '../src/domain/profile.ts';
import { compileTsquery } from '../src/repositories/search-index.ts';
import { bearer, createTestApp, login, type TestApp } from './support/app.ts';
import { CORPUS, corpusId, corpusKey, createOrgUser } from './support/search-corpus.ts';

let t: TestApp;
let token: string;

before(async () => {
  t = await createTestApp({ template: 'empty' });
  await createOrgUser(t.services, { email: 'fuzz@corpus.test', slug: 'fuzz-org', asMember: true });
  await t.services.store.repos.members.insertMany(
    CORPUS.map((p) => ({ ...p, id: corpusId(p.id), accountId: null })),
  );
  token = await login(t.app, 'fuzz@corpus.test');
});
after(async () => {
  await t.close();
});

const DOCS = CORPUS.map((p) => [p.id, profileSearchDocument(p)] as const);

function parseOrNull(input: string): QueryNode | null | 'error' {
  if (input.trim() === '') return null;
  try {
    return parseQuery(input);
  } catch (err) {
    if (err instanceof QuerySyntaxError) return 'error';
    throw err;
  }
}

/** Sends a query; checks the 200/400 contract and returns the corpus keys found (or 'error'). */
async function send(query: string, filters?: unknown): Promise<string[] | 'error'> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/v1/search/candidates',
    headers: bearer(token),
    payload: { query, limit: 100, ...(filters ? { filters } : {}) },
  });
  assert.ok(
    r.statusCode === 200 || r.statusCode === 400,
    `${r.statusCode} for ${JSON.stringify(query)}: ${r.body}`,
  );
  if (r.statusCode === 400) {
    assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
    const p = r.json() as { code: string; position?: number; hint?: string; field?: string };
    if (p.code === 'invalid_range') return 'error';
    // U+0000 is refused for every route before validation (PostgreSQL text cannot hold it).
    if (p.code === 'invalid_character') return 'error';
    if (p.code !== 'validation_failed') {
      const text =
        p.field === 'filters.currentTitle'
          ? String((filters as { currentTitle?: string }).currentTitle)
          : query;
      assert.equal(typeof p.position, 'number', r.body);
      assert.ok((p.position ?? -1) >= 0 && (p.position ?? 0) <= text.length, r.body);
      assert.ok((p.hint ?? '').length > 0, r.body);
    }
    return 'error';
  }
  const body = r.json() as { items: { id: string }[] };
  return body.items
    .map((i) => corpusKey.get(i.id))
    .filter((k): k is string => k !== undefined)
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

function expected(ast: QueryNode | null): string[] {
  return DOCS.filter(([, doc]) => ast === null || matchesProfile(ast, doc)).map(([id]) => id);
}

const VOCABULARY = [
  'python',
  'Java',
  'c++',
  'c#',
  '.net',
  'node.js',
  'e-commerce',
  "o'brien",
  'python*',
  'manag*',
  'portfolio',
  'manager',
  'risk',
  'and',
  'or',
  'not',
  'AND',
  'OR',
  'NOT',
  '(',
  ')',
  '"',
  '“',
  '"portfolio manager"',
  '"risk manag*"',
  '"manager portfolio"',
  '"site reliability engineer"',
  'title:"senior portfolio manag*"',
  '"portfolio risk analyst"',
  '"university of"',
  '""',
  'title:',
  'Skill:',
  'company:',
  'location:',
  'school:',
  'language:',
  'industry:',
  'foo:',
  '*',
  '-',
  ':',
  'ci/cd',
  'Zürich',
  "'",
  '\\',
  "o''brien",
  '~t:python',
  '&',
  '|',
  '!',
  '<->',
];

const tokenSequence = fc
  .array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom('', ' ', '  ', '\t')), { maxLength: 25 })
  .map((parts) => parts.map(([word, space]) => word + space).join(''));

describe('random input never breaks search', () => {
  test('random strings: a result or a 400, and SQL agrees with the reference matcher', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 80 }), async (input) => {
        const ast = input.includes('\u0000') ? 'error' : parseOrNull(input);
        const got = await send(input);
        if (ast === 'error') assert.equal(got, 'error');
        else assert.deepEqual(got, expected(ast), `query ${JSON.stringify(input)}`);
      }),
      { numRuns: 150 },
    );
  });

  test('random token sequences: a result or a 400, and SQL agrees with the reference matcher', async () => {
    await fc.assert(
      fc.asyncProperty(tokenSequence, async (input) => {
        const ast = parseOrNull(input);
        const got = await send(input);
        if (ast === 'error') assert.equal(got, 'error');
        else assert.deepEqual(got, expected(ast), `query ${JSON.stringify(input)}`);
      }),
      { numRuns: 300 },
    );
  });

  test('every parsed query compiles to a tsquery PostgreSQL accepts', async () => {
    // Straight to the database, without the HTTP layer: the cast itself must never fail.
    const inputs = fc.sample(fc.oneof(tokenSequence, fc.string({ unit: 'binary', maxLength: 60 })), {
      numRuns: 400,
      seed: 7,
    });
    for (const input of inputs) {
      const ast = parseOrNull(input);
      if (ast === null || ast === 'error') continue;
      await t.services.store.repos.search.bareMatchCount(compileTsquery(ast));
    }
  });

  test('random filters with random queries: a result or a 400, never a 500', async () => {
    const word = fc.constantFrom(
      'Python',
      'Bloomberg',
      'Citadel',
      'Shopify',
      'English',
      'x',
      "O'Brien",
      'Zürich',
    );
    const filters = fc.record(
      {
        currentTitle: fc.oneof(tokenSequence, fc.constantFrom('manager', '"portfolio manager" OR quant*')),
        skills: fc.record(
          {
            all: fc.array(word, { minLength: 1, maxLength: 3 }),
            any: fc.array(word, { minLength: 1, maxLength: 3 }),
          },
          { requiredKeys: [] },
        ),
        companies: fc.record({
          names: fc.array(word, { minLength: 1, maxLength: 3 }),
          when: fc.constantFrom('current', 'past', 'either'),
        }),
        industries: fc.array(fc.constantFrom('Internet', 'Investment Management', 'x'), {
          minLength: 1,
          maxLength: 2,
        }),
        locations: fc.record(
          {
            countries: fc.array(fc.constantFrom('CA', 'US', 'de', 'ZZ'), { minLength: 1, maxLength: 2 }),
            cities: fc.array(fc.constantFrom('Toronto', 'Zurich', 'Zürich'), { minLength: 1, maxLength: 2 }),
          },
          { requiredKeys: [] },
        ),
        graduationYear: fc.record(
          { min: fc.integer({ min: 1890, max: 2110 }), max: fc.integer({ min: 1890, max: 2110 }) },
          { requiredKeys: [] },
        ),
        yearsOfExperience: fc.record(
          { min: fc.integer({ min: -1, max: 90 }), max: fc.integer({ min: -1, max: 90 }) },
          { requiredKeys: [] },
        ),
        seniorities: fc.array(fc.constantFrom(...SENIORITIES), { minLength: 1, maxLength: 3 }),
        openToWork: fc.boolean(),
        networkDegrees: fc.array(fc.constantFrom(1, 2, 3), { minLength: 1, maxLength: 3 }),
        languages: fc.record({ any: fc.array(word, { minLength: 1, maxLength: 2 }) }),
        notContactedInDays: fc.integer({ min: -5, max: 4000 }),
        hasRespondedToInmail: fc.boolean(),
        notInActiveCampaign: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(tokenSequence, filters, async (query, f) => {
        await send(query, f);
      }),
      { numRuns: 200 },
    );
  });
});
