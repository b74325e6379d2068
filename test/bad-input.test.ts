/**
 * Bad input on every route: for every operation in the OpenAPI document, send malformed bodies,
 * parameters and ids, as an organization admin and as a member, and expect a 4xx
 * application/problem+json answer: never a 500, never a 2xx.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { bearer, createTestApp, login, type TestApp } from './support/app.ts';

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  $ref?: string;
  enum?: unknown[];
}
interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

let t: TestApp;
let tokens: Record<string, string>;
let doc: {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

before(async () => {
  t = await createTestApp();
  tokens = {
    admin: await login(t.app, 'admin@demo.test'),
    member: await login(t.app, 'member20@demo.test'),
  };
  doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
});
after(async () => {
  await t.close();
});

function resolve(s: Schema | undefined): Schema | undefined {
  if (!s) return s;
  if (s.$ref) return doc.components?.schemas?.[s.$ref.split('/').pop()!];
  return s;
}

/** A value of the wrong type for a schema. */
function wrongValue(s: Schema | undefined): unknown {
  const type = resolve(s)?.type;
  const t0 = Array.isArray(type) ? type[0] : type;
  switch (t0) {
    case 'string':
      return { not: 'a string' };
    case 'integer':
    case 'number':
      return 'not-a-number';
    case 'boolean':
      return 'maybe';
    case 'array':
      return 'not-an-array';
    case 'object':
      return ['not', 'an', 'object'];
    default:
      return { unexpected: [1, 2, 3] };
  }
}

function fill(path: string, id: string): string {
  return path.replace(/\{[^}]+\}/g, id);
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function expectProblem(
  r: { statusCode: number; headers: Record<string, unknown>; body: string },
  what: string,
) {
  assert.ok(
    r.statusCode >= 400 && r.statusCode < 500,
    `${what}: expected 4xx, got ${r.statusCode}: ${r.body.slice(0, 300)}`,
  );
  assert.match(String(r.headers['content-type']), /^application\/problem\+json/, `${what}: content type`);
  const body = JSON.parse(r.body);
  assert.equal(typeof body.code, 'string', `${what}: a stable code`);
  assert.equal(body.status, r.statusCode, `${what}: status in the body`);
}

test('every operation answers bad input with 4xx problem+json', async () => {
  let cases = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const hasIdParam = /\{[^}]+\}/.test(path);
      for (const who of ['admin', 'member'] as const) {
        const headers = bearer(tokens[who]!);
        const send = (url: string, payload?: unknown, extra: Record<string, string> = {}) =>
          t.app.inject({
            method: method.toUpperCase() as 'GET',
            url,
            headers: { ...headers, ...extra },
            ...(payload !== undefined ? { payload: payload as string } : {}),
          });

        if (hasIdParam) {
          for (const bad of ['not-a-uuid', '1', '%00', 'a'.repeat(300), "1' OR '1'='1"]) {
            const r = await send(fill(path, encodeURIComponent(bad)));
            expectProblem(r, `${who} ${method} ${path} with id ${bad}`);
            cases++;
          }
          // a well-formed id of nothing: 404 (or another 4xx if the body is also wrong)
          const r = await send(
            fill(path, randomUUID()),
            method === 'get' || method === 'delete' ? undefined : {},
          );
          expectProblem(r, `${who} ${method} ${path} with unknown id`);
          cases++;
        }
        const url = fill(path, randomUUID());

        for (const p of op.parameters ?? []) {
          if (p.in !== 'query') continue;
          const r = await send(
            `${url}?${encodeURIComponent(p.name)}=${encodeURIComponent(JSON.stringify(wrongValue(p.schema)))}&${encodeURIComponent(p.name)}=x`,
          );
          // repeated or mistyped query parameters
          if (r.statusCode < 400) continue; // some parameters accept any string
          expectProblem(r, `${who} ${method} ${path} query ${p.name}`);
          cases++;
        }
        const unknownQuery = await send(`${url}?definitelyNotAParameter=1`, op.requestBody ? {} : undefined);
        if (op.parameters?.some((p) => p.in === 'query') || op.requestBody) {
          expectProblem(unknownQuery, `${who} ${method} ${path} unknown query parameter`);
          cases++;
        }

        if (!op.requestBody) continue;
        const json = { 'content-type': 'application/json' };
        const bodies: [string, unknown, Record<string, string>][] = [
          ['malformed JSON', '{"a":', json],
          ['truncated JSON', '{"subject": "hi", "body": ', json],
          ['JSON null', 'null', json],
          ['array body', '[]', json],
          ['string body', '"text"', json],
          ['number body', '42', json],
          ['unknown field', { definitelyNotAField: true }, {}],
          ['wrong content type', 'a=b', { 'content-type': 'application/x-www-form-urlencoded' }],
          ['oversize body', JSON.stringify({ x: 'y'.repeat(t.config.bodyLimitBytes + 10) }), json],
        ];
        const schema = resolve(op.requestBody.content['application/json']?.schema);
        for (const [name, prop] of Object.entries(schema?.properties ?? {})) {
          bodies.push([`wrong type for ${name}`, { [name]: wrongValue(prop) }, {}]);
          bodies.push([`null ${name}`, { [name]: null }, {}]);
          // PostgreSQL text cannot hold U+0000: refused before it reaches a statement
          const resolved = resolve(prop);
          if (resolved?.type === 'string') bodies.push([`NUL in ${name}`, { [name]: 'a\u0000b' }, {}]);
        }
        for (const [what, payload, extra] of bodies) {
          const r = await send(url, payload, extra);
          expectProblem(r, `${who} ${method} ${path} ${what}`);
          cases++;
        }
      }
    }
  }
  assert.ok(cases > 50, `ran ${cases} cases`);
});

test('unknown routes and methods are problem documents too', async () => {
  for (const [method, url] of [
    ['GET', '/v1/nothing-here'],
    ['DELETE', '/healthz'],
    ['GET', '/v1/%E0%A4%A'],
  ] as const) {
    const r = await t.app.inject({ method, url });
    expectProblem(r, `${method} ${url}`);
  }
});

test('U+0000 anywhere in a request is a 400 naming the field, never a database error', async () => {
  const headers = bearer(tokens.admin!);
  const search = await t.app.inject({
    method: 'POST',
    url: '/v1/search/candidates',
    headers,
    payload: { query: 'python', filters: { skills: { any: ['ja\u0000va'] } } },
  });
  expectProblem(search, 'NUL in a nested filter');
  const body = JSON.parse(search.body);
  assert.equal(body.code, 'invalid_character');
  assert.equal(body.errors[0].field, 'body.filters.skills.any.0');
  const query = await t.app.inject({ method: 'GET', url: '/v1/members?q=a%00b', headers });
  expectProblem(query, 'NUL in a query parameter');
  assert.equal(JSON.parse(query.body).errors[0].field, 'query.q');
});
