import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { createTestApp, type TestApp } from './support/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ template: 'empty' });
});
after(async () => {
  await t.close();
});

test('/openapi.json is a valid OpenAPI 3 document', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  assert.match(doc.openapi, /^3\./);
  await SwaggerParser.validate(structuredClone(doc));
});

test('every operation documents its success response with a schema and its problem responses', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
    >;
  };
  let ops = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      ops++;
      const ok = Object.entries(op.responses).filter(([code]) => /^2/.test(code));
      assert.ok(ok.length > 0, `${method} ${path} has a success response`);
      for (const [code, res] of ok) {
        if (code === '204') continue;
        assert.ok(res.content?.['application/json']?.schema, `${method} ${path} ${code} has a schema`);
      }
      for (const code of ['400', '401', '404', '500'])
        assert.ok(op.responses[code], `${method} ${path} documents ${code}`);
    }
  }
  assert.ok(ops > 40, `${ops} operations`);
});

test('/docs serves the interactive reference', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/docs/' });
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /swagger/i);
});

test('/metrics serves Prometheus metrics with request counts by route', async () => {
  await t.app.inject({ method: 'GET', url: '/healthz' });
  const r = await t.app.inject({ method: 'GET', url: '/metrics' });
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /inmail_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
  assert.match(r.body, /inmail_process_cpu_user_seconds_total/);
});
