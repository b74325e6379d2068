/**
 * The query language through SQL: a fixed corpus of 10 profiles in a fresh database, every query
 * sent to POST /v1/search/candidates, the result compared with the expected set AND with the
 * in-memory reference matcher (matchesProfile), which the SQL search must agree with.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  MAX_QUERY_DEPTH,
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
  matchesProfile,
  parseQuery,
  profileSearchDocument,
} from '../src/domain/search-query.ts';
import { JOBS } from '../src/jobs/index.ts';
import { DOC_FORMAT, compileTsquery } from '../src/repositories/search-index.ts';
import { bearer, createTestApp, login, problemOf, type TestApp } from './support/app.ts';
import { CORPUS, corpusId, corpusKey, createOrgUser } from './support/search-corpus.ts';

let t: TestApp;
let token: string;

before(async () => {
  t = await createTestApp({ template: 'empty' });
  await createOrgUser(t.services, { email: 'searcher@corpus.test', slug: 'corpus-org' });
  await t.services.store.repos.members.insertMany(
    CORPUS.map((p) => ({ ...p, id: corpusId(p.id), accountId: null })),
  );
  token = await login(t.app, 'searcher@corpus.test');
});
after(async () => {
  await t.close();
});

const order = (keys: string[]): string[] => [...keys].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
const DOCS = CORPUS.map((p) => [p.id, profileSearchDocument(p)] as const);

function reference(query: string): string[] {
  const ast = parseQuery(query);
  return DOCS.filter(([, doc]) => matchesProfile(ast, doc)).map(([id]) => id);
}

async function viaSql(body: Record<string, unknown>): Promise<string[]> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/v1/search/candidates',
    headers: bearer(token),
    payload: { limit: 100, ...body },
  });
  assert.equal(r.statusCode, 200, r.body);
  const res = r.json() as { items: { id: string }[]; total: { count: number; exact: boolean } };
  assert.equal(res.total.count, res.items.length);
  assert.equal(res.total.exact, true);
  return order(res.items.map((i) => corpusKey.get(i.id) ?? `unknown ${i.id}`));
}

describe('the query language through SQL, on a fixed corpus', () => {
  // [query, expected members]
  const cases: [string, string[]][] = [
    // terms, case and normalization
    ['python', ['p1', 'p3', 'p6', 'p7', 'p9']],
    ['Python', ['p1', 'p3', 'p6', 'p7', 'p9']],
    ['PYTHON', ['p1', 'p3', 'p6', 'p7', 'p9']],
    ['java', ['p4', 'p7']],
    ['c++', ['p1']],
    ['c#', ['p2', 'p4']],
    ['.net', ['p4']],
    ['net', []],
    ['node.js', ['p2']],
    ['e-commerce', ['p2']],
    ["o'brien", ['p2']],
    ['O’Brien', ['p2']],
    ['zurich', ['p1']],
    ['Zürich', ['p1']],
    // operators are upper case only; lower-case and/or/not are words
    ['python and java', ['p7']],
    ['python AND java', ['p7']],
    ['python or java', []],
    ['python OR java', ['p1', 'p3', 'p4', 'p6', 'p7', 'p9']],
    ['not python', []],
    ['NOT python', ['p2', 'p4', 'p5', 'p8', 'p10']],
    // precedence: NOT, then AND, then OR
    ['python OR java AND c#', ['p1', 'p3', 'p4', 'p6', 'p7', 'p9']],
    ['python OR (java AND c#)', ['p1', 'p3', 'p4', 'p6', 'p7', 'p9']],
    ['(python OR java) AND c#', ['p4']],
    ['java AND c# OR python', ['p1', 'p3', 'p4', 'p6', 'p7', 'p9']],
    ['NOT java NOT python', ['p2', 'p5', 'p8', 'p10']],
    ['NOT (python OR java)', ['p2', 'p5', 'p8', 'p10']],
    ['python NOT java', ['p1', 'p3', 'p6', 'p9']],
    ['NOT NOT python', ['p1', 'p3', 'p6', 'p7', 'p9']],
    ['python -java', ['p7']], // "-" is not an operator: -java is the word java
    // phrases (never across two values: "manager portfolio" spans a title and the next line elsewhere)
    ['"portfolio manager"', ['p1', 'p9']],
    ['"manager portfolio"', ['p6']],
    ['"portfolio manag*"', ['p1', 'p5', 'p9']],
    ['"risk management"', ['p1', 'p6', 'p9']],
    ['"machine learning"', ['p7']],
    ['"ana muller"', ['p1']],
    ['"factor timing"', ['p1']],
    ['"site reliability engineer"', ['p10']],
    ['"reliability site"', []],
    // prefixes
    ['quant*', ['p1', 'p3']],
    ['recruit*', ['p5']],
    ['financ*', ['p1', 'p3', 'p6', 'p9']],
    ['engineer*', ['p1', 'p2', 'p5', 'p7', 'p10']],
    ['stat*', ['p3', 'p4', 'p6', 'p7']],
    ['kube*', ['p2', 'p10']],
    ['python*', ['p1', 'p3', 'p6', 'p7', 'p9']],
    // field scopes
    ['title:portfolio', ['p1', 'p3', 'p6', 'p8', 'p9']],
    ['title:"portfolio manager"', ['p1', 'p9']],
    ['title:manag*', ['p1', 'p6', 'p8', 'p9']],
    ['Title:Manager', ['p1', 'p6', 'p8', 'p9']],
    ['TITLE:manager', ['p1', 'p6', 'p8', 'p9']],
    ['company:citadel', ['p1', 'p3']],
    ['company:"citadel securities"', ['p3']],
    ['skill:java', ['p4']],
    ['skill:python NOT company:citadel', ['p6', 'p7', 'p9']],
    ['location:toronto', ['p2', 'p7']],
    ['location:canada', ['p2', 'p7']],
    ['location:CA', ['p2', 'p7']],
    ['location:"united states"', ['p4', 'p6']],
    ['location:germany', ['p10']],
    ['school:ecole', ['p3']],
    ['school:(toronto OR waterloo)', ['p2', 'p7']],
    ['industry:"investment management"', ['p1', 'p6', 'p9']],
    ['language:french', ['p2', 'p3']],
    ['language:(german OR japanese)', ['p1', 'p8', 'p10']],
    // scoped phrases of three words and more (three-word lexemes in the index), never across values
    ['title:"site reliability engineer"', ['p10']],
    ['title:"site reliability eng*"', ['p10']],
    ['title:"staff site reliability engineer"', ['p10']],
    ['title:"reliability site engineer"', []],
    ['title:"senior software engineer"', ['p2']],
    ['title:"engineer software engineer"', []],
    ['title:"portfolio risk analyst" OR title:"senior portfolio manager"', ['p6', 'p9']],
    ['NOT title:"senior portfolio manager"', ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p10']],
    ['school:"university of waterloo"', ['p2']],
    ['school:"carlos iii de madrid"', ['p9']],
    // nesting; an inner scope wins; a scope before NOT scopes the negated operand
    ['title:(recruiter OR skill:python)', ['p1', 'p3', 'p5', 'p6', 'p7', 'p9']],
    ['title:NOT manager', ['p2', 'p3', 'p4', 'p5', 'p7', 'p10']],
    ['title:(senior OR lead) AND NOT company:sony', ['p2', 'p9']],
    ['title:("portfolio manager" OR quant*) AND skill:python NOT company:"citadel securities"', ['p1', 'p9']],
    ['((python OR java) AND (c# OR "c++")) OR (kubernetes AND NOT aws)', ['p1', 'p4']],
    ['skill:(bloomberg factset)', ['p1']],
    ['skill:bloomberg OR skill:factset', ['p1', 'p3', 'p6', 'p9']],
    ['company:shopify title:"data scientist"', ['p7']],
    ['title:(portfolio AND (senior OR manager)) NOT location:spain', ['p1', 'p6', 'p8']],
    ['(((python)))', ['p1', 'p3', 'p6', 'p7', 'p9']],
    // words that normalize to several tokens match like a phrase
    ['ci/cd', []],
    ['on-call', ['p10']],
    ['systems administrator', ['p10']],
  ];

  test('has at least 40 cases', () => assert.ok(cases.length >= 40, String(cases.length)));

  for (const [query, expected] of cases) {
    test(`${query}  ->  [${expected.join(', ')}]`, async () => {
      const got = await viaSql({ query });
      assert.deepEqual(got, expected, 'expected set');
      assert.deepEqual(got, reference(query), 'the reference matcher');
    });
  }

  test('`a OR b AND c` returns exactly what `a OR (b AND c)` does', async () => {
    for (const [flat, grouped] of [
      ['python OR java AND c#', 'python OR (java AND c#)'],
      ['c# AND java OR python', '(c# AND java) OR python'],
      ['NOT python AND java', '(NOT python) AND java'],
    ] as const) {
      assert.deepEqual(await viaSql({ query: flat }), await viaSql({ query: grouped }));
    }
  });

  test('the canonical form of the query comes back', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/v1/search/candidates',
      headers: bearer(token),
      payload: { query: 'Python OR Java AND "C++"' },
    });
    assert.equal(r.json().query, 'python OR (java AND c++)');
  });
});

describe('search documents of an older layout (after an upgrade)', () => {
  const query = 'title:"site reliability engineer"';
  const p10 = corpusId('p10');
  const count = (format: number) =>
    t.services.store.repos.search.bareMatchCount(compileTsquery(parseQuery(query), undefined, format));

  test('stay searchable, and are rebuilt in the background without a new change number', async () => {
    const search = t.services.search;
    // p10's document as format 1 wrote it: without the three-word lexemes.
    const before = await t.database.pool.query<{ change_seq: string }>(
      `UPDATE member_search SET doc_format = 1,
         doc = ts_delete(doc, ARRAY(SELECT lexeme FROM unnest(doc) WHERE lexeme ~ '^~[a-zA-Z]:[^ ]+ [^ ]+ [^ ]+$'))
       WHERE member_id = $1 RETURNING change_seq`,
      [p10],
    );
    assert.equal(await count(DOC_FORMAT), 0, 'a query relying on format 2 misses the old row');
    assert.equal(await count(1), 1);

    t.clock.advance(61_000); // the service looks again for old rows at most once a minute
    assert.equal(await search.refreshDocFormat(), 1);
    assert.deepEqual(await viaSql({ query }), ['p10'], 'found while the old row is there');
    assert.deepEqual(await viaSql({ query: '', filters: { currentTitle: '"site reliability engineer"' } }), [
      'p10',
    ]);

    assert.deepEqual(await search.reindexStale(), { rebuilt: 1, more: false });
    const row = await t.database.pool.query<{ change_seq: string; doc_format: number }>(
      'SELECT change_seq, doc_format FROM member_search WHERE member_id = $1',
      [p10],
    );
    assert.equal(row.rows[0]!.doc_format, DOC_FORMAT);
    assert.equal(row.rows[0]!.change_seq, before.rows[0]!.change_seq, 'no alert-worthy change');
    assert.equal(await count(DOC_FORMAT), 1);
    assert.deepEqual(await search.reindexStale(), { rebuilt: 0, more: false });

    t.clock.advance(61_000);
    assert.equal(await search.refreshDocFormat(), DOC_FORMAT);
    assert.deepEqual(await viaSql({ query }), ['p10']);
  });

  test('are rebuilt in bounded runs', async () => {
    const all = (await t.database.pool.query('UPDATE member_search SET doc_format = 1')).rowCount!;
    assert.ok(all > 8 && all < 12, String(all));
    assert.deepEqual(await t.services.search.reindexStale(4, 2), { rebuilt: 8, more: true });
    assert.deepEqual(await t.services.search.reindexStale(4, 2), { rebuilt: all - 8, more: false });
    t.clock.advance(61_000);
    assert.equal(await t.services.search.refreshDocFormat(), DOC_FORMAT);
  });
});

test('the search.reindex job rewrites documents of an older layout', async () => {
  const j = await createTestApp({ template: 'empty', jobs: true });
  try {
    await j.services.store.repos.members.insertMany(
      CORPUS.slice(0, 3).map((p) => ({ ...p, id: corpusId(p.id), accountId: null })),
    );
    const stale = await j.database.pool.query('UPDATE member_search SET doc_format = 1');
    assert.equal(stale.rowCount, 3);
    assert.equal(await j.services.store.repos.search.hasStaleFormat(), true);
    await j.queue!.send(JOBS.searchReindex, {});
    // Waits for the worker (no clock involved): polls the database until the job is done.
    for (let waited = 0; await j.services.store.repos.search.hasStaleFormat(); waited += 50) {
      assert.ok(waited < 20_000, 'the job did not rewrite the rows within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const rows = await j.database.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM member_search WHERE doc_format = $1',
      [DOC_FORMAT],
    );
    assert.equal(rows.rows[0]!.n, 3);
  } finally {
    await j.close();
  }
});

describe('syntax errors answer 400 with the position and a hint', () => {
  const cases: [string, string, number][] = [
    ['(python', 'unbalanced_parenthesis', 0],
    ['a (b (c) d', 'unbalanced_parenthesis', 2],
    ['python)', 'unbalanced_parenthesis', 6],
    ['title:"portfolio manager', 'unterminated_quote', 6],
    ['a AND', 'dangling_operator', 2],
    ['OR python', 'dangling_operator', 0],
    ['a OR OR b', 'dangling_operator', 2],
    ['a NOT', 'dangling_operator', 2],
    ['title:', 'dangling_operator', 0],
    ['()', 'empty_group', 0],
    ['a AND ( )', 'empty_group', 6],
    ['foo:bar', 'unknown_field', 0],
    ['a OR Skils:python', 'unknown_field', 5],
    ['- & *', 'empty_query', 0],
    ['x'.repeat(MAX_QUERY_LENGTH + 1), 'query_too_long', MAX_QUERY_LENGTH],
    ['('.repeat(MAX_QUERY_DEPTH + 1) + 'a' + ')'.repeat(MAX_QUERY_DEPTH + 1), 'too_deeply_nested', 10],
    ['a '.repeat(MAX_QUERY_TERMS + 1), 'too_many_terms', 200],
    ['""', 'empty_phrase', 0],
  ];
  for (const [query, code, position] of cases) {
    const label = query.length > 40 ? `${query.slice(0, 30)}… (${query.length} chars)` : query;
    test(`${JSON.stringify(label)} -> ${code} at ${position}`, async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/v1/search/candidates',
        headers: bearer(token),
        payload: { query },
      });
      assert.equal(r.statusCode, 400);
      const p = problemOf(r);
      assert.equal(p.code, code);
      assert.equal(p.position, position);
      assert.equal(typeof p.hint, 'string');
      assert.ok((p.hint as string).length > 0);
      assert.equal(p.errors?.[0]?.field, 'query');
    });
  }

  test('an error in the current-title filter names the filter', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/v1/search/candidates',
      headers: bearer(token),
      payload: { query: 'python', filters: { currentTitle: 'manager AND' } },
    });
    assert.equal(r.statusCode, 400);
    const p = problemOf(r);
    assert.equal(p.code, 'dangling_operator');
    assert.equal(p.position, 8);
    assert.equal(p.field, 'filters.currentTitle');
    assert.equal(p.errors?.[0]?.field, 'filters.currentTitle');
  });

  test('an empty or blank query means "everyone" (filters alone can search)', async () => {
    assert.equal((await viaSql({ query: '   ' })).length, CORPUS.length);
    assert.equal((await viaSql({})).length, CORPUS.length);
  });

  test('unknown fields in the body are a 400 naming them', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/v1/search/candidates',
      headers: bearer(token),
      payload: { query: 'python', filters: { skils: ['python'] }, page: 2 },
    });
    assert.equal(r.statusCode, 400);
    const fields = problemOf(r).errors?.map((e) => e.field) ?? [];
    assert.ok(fields.includes('body.page'), fields.join());
    assert.ok(fields.includes('body.filters.skils'), fields.join());
  });
});
