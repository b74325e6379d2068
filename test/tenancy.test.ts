/**
 * Tenancy: every route that takes an object id answers 404 when the object belongs to another
 * organization (or, for a member's own objects, to another member), with a body that would
 * otherwise be valid, so the 404 comes from the tenancy check and not from validation.
 * A new route with an {id} must be added to OWNERS below, or this test fails.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from './support/app.ts';
import { as, memberId, type Client, type Res } from './support/client.ts';

let t: TestApp;
/** Objects of Demo Agency (and of member1), by kind. */
const ids: Record<string, string> = {};
let outsiders: { org: Client; member: Client };

/** Valid bodies for routes that need one. */
const BODIES: Record<string, unknown> = {
  'PATCH /v1/seats/{id}': { monthlyLimit: 5 },
  'POST /v1/seats/{id}/adjustments': { amount: 1, reason: 'tenancy test' },
  'POST /v1/seats/{id}/transfers': { amount: 1 },
  'POST /v1/inmails/{id}/decline': { reason: 'not_a_fit' },
  'POST /v1/inmails/{id}/replies': { body: 'hello' },
  'POST /v1/threads/{id}/messages': { body: 'hello' },
  'POST /v1/threads/{id}/report': { note: 'spam' },
  'PATCH /v1/users/{id}': { roles: ['recruiter'] },
  'PATCH /v1/users/{id}/team': { team: 'Taken over' },
  'PATCH /v1/projects/{id}': { name: 'Taken over' },
  'POST /v1/projects/{id}/candidates': { memberIds: [memberId(4)] },
  'PATCH /v1/project-candidates/{id}': { stage: 'hired' },
  'POST /v1/project-candidates/{id}/notes': { body: 'taken over' },
  'PATCH /v1/templates/{id}': { name: 'Taken over' },
  'POST /v1/templates/{id}/preview': { candidateId: memberId(3) },
  'PATCH /v1/template-sets/{id}': { name: 'Taken over' },
  'POST /v1/template-sets/{id}/choose': { candidateId: memberId(3) },
  'PATCH /v1/saved-searches/{id}': { name: 'Taken over' },
  'PATCH /v1/candidate-lists/{id}': { name: 'Taken over' },
  'POST /v1/candidate-lists/{id}/members': { memberIds: [memberId(4)] },
  'POST /v1/candidate-lists/{id}/members/from-search': { query: 'python', limit: 5 },
  'POST /v1/candidate-lists/{id}/members/remove': { memberIds: [memberId(3)] },
  'PATCH /v1/campaigns/{id}': { name: 'Taken over' },
  'POST /v1/campaigns/{id}/dry-run': { limit: 5 },
  'PUT /v1/campaigns/{id}/recipients/{memberId}/personalization': { text: 'Your Kubernetes migration work' },
  'POST /v1/campaigns/{id}/recipients/{memberId}/personalization/check': {
    text: 'Your Kubernetes migration work',
  },
};

/**
 * Which kind of object each path's id is, and who must be refused: 'org' objects are tried by a
 * user of the other organization (an admin there), 'member' objects by another member.
 */
const OWNERS: [RegExp, string, 'org' | 'member' | 'network'][] = [
  [/^\/v1\/api-keys\/\{id\}/, 'apiKey', 'org'],
  [/^\/v1\/seats\/\{id\}/, 'seat', 'org'],
  [/^\/v1\/users\/\{id\}/, 'user', 'org'],
  [/^\/v1\/inmails\/\{id\}\/(accept|decline|replies)$/, 'inmail', 'member'],
  [/^\/v1\/inmails\/\{id\}$/, 'inmail', 'org'],
  [/^\/v1\/threads\/\{id\}\/report$/, 'thread', 'member'],
  [/^\/v1\/threads\/\{id\}/, 'thread', 'org'],
  [/^\/v1\/notifications\/\{id\}/, 'notification', 'member'],
  [/^\/v1\/blocks\/\{id\}/, 'block', 'member'],
  [/^\/v1\/connection-requests\/\{id\}/, 'connectionRequest', 'member'],
  [/^\/v1\/saved-searches\/\{id\}/, 'savedSearch', 'org'],
  [/^\/v1\/candidate-lists\/\{id\}/, 'candidateList', 'org'],
  [/^\/v1\/projects\/\{id\}/, 'project', 'org'],
  [/^\/v1\/project-candidates\/\{id\}/, 'projectCandidate', 'org'],
  [/^\/v1\/templates\/\{id\}/, 'template', 'org'],
  [/^\/v1\/template-sets\/\{id\}/, 'templateSet', 'org'],
  [/^\/v1\/campaigns\/\{id\}/, 'campaign', 'org'],
  // Members are people on the network, visible to every organization's recruiters.
  [/^\/v1\/members\/\{id\}/, 'member', 'network'],
];

before(async () => {
  t = await createTestApp();
  const admin = await as(t.app, 'admin@demo.test');
  const r1 = await as(t.app, 'recruiter1@demo.test');
  const m1 = await as(t.app, 'member1@demo.test');
  const me = (await r1.get('/v1/me')).body;
  ids.seat = me.seat.id;
  ids.user = me.user.id;
  ids.apiKey = (await admin.post('/v1/api-keys', { name: 'tenancy', scopes: ['members:read'] })).body.id;
  const sent = await r1.post('/v1/inmails', { recipientId: memberId(1), subject: 'Hi', body: 'A question?' });
  ids.inmail = sent.body.id;
  ids.thread = sent.body.threadId;
  ids.notification = (await m1.get('/v1/notifications')).body.items[0].id;
  ids.block = (
    await m1.post('/v1/blocks', {
      organizationId: (await as(t.app, 'recruiter@northwind.test').then((c) => c.get('/v1/me'))).body
        .organization.id,
    })
  ).body.id;
  ids.connectionRequest = (await m1.post('/v1/connection-requests', { memberId: memberId(2) })).body.id;
  ids.member = memberId(3);
  ids.savedSearch = (await r1.post('/v1/saved-searches', { name: 'Tenancy', query: 'python' })).body.id;
  ids.candidateList = (await r1.post('/v1/candidate-lists', { name: 'Tenancy' })).body.id;
  await r1.post(`/v1/candidate-lists/${ids.candidateList}/members`, { memberIds: [memberId(3)] });
  ids.project = (await r1.post('/v1/projects', { name: 'Tenancy' })).body.id;
  ids.projectCandidate = (
    await r1.post(`/v1/projects/${ids.project}/candidates`, { memberIds: [memberId(3)] })
  ).body.items[0].id;
  ids.template = (
    await r1.post('/v1/templates', {
      name: 'Tenancy',
      subject: 'Hi {{candidate.firstName}}',
      body: 'Would you be open to a chat about a role?',
      visibility: 'shared',
    })
  ).body.id;
  ids.templateSet = (
    await r1.post('/v1/template-sets', { name: 'Tenancy', templates: {}, defaultTemplateId: ids.template })
  ).body.id;

  ids.campaign = (
    await r1.post('/v1/campaigns', {
      name: 'Tenancy',
      objective: 'fill_role',
      audience: { kind: 'members', memberIds: [memberId(5)] },
      steps: [{ kind: 'inmail', delayBusinessDays: 3, subject: 'Hi', body: 'Hello {{personalization}}' }],
    })
  ).body.id;
  await r1.post(`/v1/campaigns/${ids.campaign}/start`);

  // An admin of the other organization, so admin routes are tried too.
  const nwMe = (await as(t.app, 'recruiter@northwind.test').then((c) => c.get('/v1/me'))).body;
  await t.services.store.tx((r) =>
    r.users.setRoles(nwMe.organization.id, nwMe.user.id, ['org_admin', 'recruiter']),
  );
  outsiders = {
    org: await as(t.app, 'recruiter@northwind.test'),
    member: await as(t.app, 'member9@demo.test'),
  };
});
after(async () => {
  await t.close();
});

test("every id route answers 404 for another organization's or member's object", async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  let checked = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.includes('{id}')) continue;
    const owner = OWNERS.find(([re]) => re.test(path));
    assert.ok(owner, `${path}: add it to OWNERS in test/tenancy.test.ts`);
    const [, kind, scope] = owner;
    if (scope === 'network') continue;
    const id = ids[kind];
    if (!id) continue; // the kind's feature adds its object to `ids` when its tests exist
    for (const method of ['get', 'post', 'patch', 'put', 'delete']) {
      if (!item[method]) continue;
      const key = `${method.toUpperCase()} ${path}`;
      const who: Client = scope === 'org' ? outsiders.org : outsiders.member;
      const url: string = path.replace('{id}', id).replace('{memberId}', memberId(5));
      const body = BODIES[key];
      const r: Res =
        method === 'get'
          ? await who.get(url)
          : method === 'delete'
            ? await who.del(url)
            : method === 'patch'
              ? await who.patch(url, body ?? {})
              : method === 'put'
                ? await who.put(url, body ?? {})
                : await who.post(url, body ?? {});
      assert.equal(
        r.status,
        404,
        `${key} as ${scope === 'org' ? 'another organization' : 'another member'}: ${JSON.stringify(r.body)}`,
      );
      assert.equal(r.body.code, 'not_found', key);
      checked++;
    }
  }
  assert.ok(checked >= 15, `checked ${checked} operations`);
});

test('the objects are intact after the attempts', async () => {
  const r1 = await as(t.app, 'recruiter1@demo.test');
  const seat = (await r1.get(`/v1/seats/${ids.seat}`)).body;
  assert.equal(seat.monthlyLimit, null, 'no one else changed the monthly limit');
  const admin = await as(t.app, 'admin@demo.test');
  const keys = (await admin.get('/v1/api-keys')).body.items;
  assert.equal(keys.find((k: { id: string }) => k.id === ids.apiKey).revokedAt, null);
  const thread = (await r1.get(`/v1/threads/${ids.thread}`)).body;
  assert.equal(thread.messages.length, 1);
  assert.equal((await r1.get(`/v1/projects/${ids.project}`)).body.name, 'Tenancy');
  assert.equal((await r1.get(`/v1/saved-searches/${ids.savedSearch}`)).body.name, 'Tenancy');
  const list = (await r1.get(`/v1/candidate-lists/${ids.candidateList}`)).body;
  assert.deepEqual([list.name, list.size], ['Tenancy', 1]);
  const candidate = (await r1.get(`/v1/project-candidates/${ids.projectCandidate}`)).body;
  assert.deepEqual([candidate.stage, candidate.noteItems.length], ['uncontacted', 0]);
  const template = (await r1.get(`/v1/templates/${ids.template}`)).body;
  assert.deepEqual([template.name, template.latestVersion, template.archivedAt], ['Tenancy', 1, null]);
});
