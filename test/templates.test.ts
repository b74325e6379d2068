/**
 * Templates over HTTP: versioned personal and shared templates with validated merge fields, the
 * preview, sending from a template with the mandatory personalization check (refusals spend
 * nothing), the organization's mandatory-personalization and quality policies, near-duplicates,
 * template sets, tracked links and send-time advice.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { createTestApp, type TestApp } from './support/app.ts';
import { as, memberId, type Client } from './support/client.ts';

let t: TestApp;
let r1: Client; // recruiter1, Demo Agency (corporate seat)
let r2: Client; // recruiter2, Demo Agency
let r3: Client; // recruiter3, Demo Agency, lite seat with 30 credits and no history
let nw: Client; // recruiter@northwind.test
let admin: Client; // admin@demo.test

before(async () => {
  t = await createTestApp();
  r1 = await as(t.app, 'recruiter1@demo.test');
  r2 = await as(t.app, 'recruiter2@demo.test');
  r3 = await as(t.app, 'recruiter3@demo.test');
  nw = await as(t.app, 'recruiter@northwind.test');
  admin = await as(t.app, 'admin@demo.test');
});
after(async () => {
  await t.close();
});

const SUBJECT = 'Your work at {{candidate.currentCompany | "your company"}}';
const BODY =
  'Hi {{candidate.firstName | "there"}}, {{personalization}} I lead hiring for {{job.title | "a product team"}} ' +
  'at {{sender.company}}. Would you be open to a short call next week?';

async function createTemplate(c: Client, extra: Record<string, unknown> = {}) {
  const r = await c.post('/v1/templates', { name: 'Outreach', subject: SUBJECT, body: BODY, ...extra });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body as { id: string; version: number; latestVersion: number };
}

async function seatOf(c: Client) {
  const me = await c.get('/v1/me');
  return me.body.seat as { id: string; balance: number };
}

async function ledgerLength(c: Client, seatId: string) {
  return (await c.get(`/v1/seats/${seatId}/ledger?limit=200`)).body.items.length as number;
}

async function setPolicies(p: Record<string, unknown>) {
  const r = await admin.patch('/v1/org/policies', p);
  assert.equal(r.status, 200, JSON.stringify(r.body));
}

describe('templates', () => {
  test('unknown merge fields are refused with their position; a valid template is version 1', async () => {
    const bad = await r1.post('/v1/templates', {
      name: 'Typo',
      subject: 'Hi {{candidate.firstName}}',
      body: 'About {{job.titel}} and {{candidate.salary}}',
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.code, 'invalid_template');
    assert.deepEqual(
      bad.body.issues.map((i: { part: string; code: string; position: number }) => [
        i.part,
        i.code,
        i.position,
      ]),
      [
        ['body', 'unknown_field', 8],
        ['body', 'unknown_field', 26],
      ],
    );
    assert.match(bad.body.issues[0].message, /did you mean "job.title"/);
    assert.equal(bad.body.errors[0].field, 'body');

    const fallbackOnSlot = await r1.post('/v1/templates', {
      name: 'x',
      subject: 's',
      body: '{{personalization | "Great profile!"}}',
    });
    assert.equal(fallbackOnSlot.status, 422);
    assert.equal(fallbackOnSlot.body.issues[0].code, 'bad_fallback');

    const ok = await createTemplate(r1, { seniority: 'senior-associate', roleFamily: 'Product' });
    const got = (await r1.get(`/v1/templates/${ok.id}`)).body;
    assert.equal(got.version, 1);
    assert.equal(got.visibility, 'personal');
    assert.equal(got.hasPersonalizationSlot, true);
    assert.deepEqual(got.mergeFields, [
      'candidate.currentCompany',
      'candidate.firstName',
      'personalization',
      'job.title',
      'sender.company',
    ]);
  });

  test('a personal template is visible to its owner and admins only; another organization sees nothing', async () => {
    const mine = await createTemplate(r1, { name: 'Mine only' });
    const shared = await createTemplate(r1, { name: 'For the team', visibility: 'shared' });
    assert.equal((await r2.get(`/v1/templates/${mine.id}`)).status, 404);
    assert.equal((await admin.get(`/v1/templates/${mine.id}`)).status, 200);
    assert.equal((await r2.get(`/v1/templates/${shared.id}`)).status, 200);
    assert.equal((await nw.get(`/v1/templates/${shared.id}`)).status, 404);
    assert.equal(
      (await nw.post(`/v1/templates/${shared.id}/preview`, { candidateId: memberId(3) })).status,
      404,
    );
    const names2 = (await r2.get('/v1/templates?limit=100')).body.items.map((x: { name: string }) => x.name);
    assert.ok(names2.includes('For the team') && !names2.includes('Mine only'));
    assert.ok(
      !(await nw.get('/v1/templates?limit=100')).body.items.some((x: { id: string }) => x.id === shared.id),
    );
    // Only the owner (or an admin) edits a shared template.
    const edit = await r2.patch(`/v1/templates/${shared.id}`, { name: 'Hijacked' });
    assert.equal(edit.status, 403);
    assert.equal(edit.body.code, 'not_the_owner');
    // Sending from someone else's personal template: it does not exist for the sender.
    const send = await r2.post('/v1/inmails', { recipientId: memberId(40), templateId: mine.id });
    assert.equal(send.status, 404);
  });

  test('an edit of the subject or body adds a version; old versions stay readable; metadata edits do not', async () => {
    const tpl = await createTemplate(r1, { name: 'Versioned', visibility: 'shared' });
    const renamed = await r1.patch(`/v1/templates/${tpl.id}`, {
      name: 'Versioned (renamed)',
      roleFamily: 'Eng',
    });
    assert.equal(renamed.body.latestVersion, 1);
    const edited = await r1.patch(`/v1/templates/${tpl.id}`, {
      body: BODY.replace('short call', 'quick chat'),
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.latestVersion, 2);
    assert.match(edited.body.body, /quick chat/);
    const v1 = await r1.get(`/v1/templates/${tpl.id}?version=1`);
    assert.equal(v1.body.version, 1);
    assert.match(v1.body.body, /short call/);
    assert.equal((await r1.get(`/v1/templates/${tpl.id}?version=9`)).status, 404);
    const versions = (await r1.get(`/v1/templates/${tpl.id}/versions`)).body.items;
    assert.deepEqual(
      versions.map((v: { version: number }) => v.version),
      [2, 1],
    );
    const badEdit = await r1.patch(`/v1/templates/${tpl.id}`, { subject: 'Hi {{candidate.nickname}}' });
    assert.equal(badEdit.status, 422);
    assert.equal(
      (await r1.get(`/v1/templates/${tpl.id}`)).body.latestVersion,
      2,
      'a refused edit adds nothing',
    );
  });

  test('lists filter by tags, name, owner and archive state', async () => {
    const a = await createTemplate(r2, {
      name: 'Partner track intro',
      seniority: 'partner-track',
      roleFamily: 'Legal',
    });
    await createTemplate(r2, { name: 'Associate intro', seniority: 'associate', roleFamily: 'Legal' });
    const list = async (q: string) =>
      (await r2.get(`/v1/templates?limit=100&${q}`)).body.items.map(
        (x: { name: string }) => x.name,
      ) as string[];
    assert.deepEqual(await list('seniority=partner-track&mine=true'), ['Partner track intro']);
    assert.deepEqual((await list('roleFamily=legal&mine=true')).sort(), [
      'Associate intro',
      'Partner track intro',
    ]);
    assert.deepEqual(await list('q=ASSOCIATE&mine=true'), ['Associate intro']);
    assert.equal((await r2.get('/v1/templates?seniority=wizard')).status, 400);

    const archived = await r2.post(`/v1/templates/${a.id}/archive`);
    assert.ok(archived.body.archivedAt);
    assert.ok(!(await list('mine=true')).includes('Partner track intro'));
    assert.deepEqual(await list('archived=true&mine=true'), ['Partner track intro']);
    const send = await r2.post('/v1/inmails', {
      recipientId: memberId(41),
      templateId: a.id,
      personalization: 'x',
    });
    assert.equal(send.status, 409);
    assert.equal(send.body.code, 'template_archived');
    const restored = await r2.post(`/v1/templates/${a.id}/restore`);
    assert.equal(restored.body.archivedAt, null);
  });
});

describe('preview', () => {
  test('renders for the candidate, checks the personalization against THEIR profile, and reports quality', async () => {
    const tpl = await createTemplate(r1);
    // member1 is Maya, Group Product Manager at Amazon, who led the "AI assistant beta".
    const good = await r1.post(`/v1/templates/${tpl.id}/preview`, {
      candidateId: memberId(1),
      personalization: 'Your AI assistant beta launch at Amazon is exactly the work we need.',
      job: { title: 'our <b>{{candidate.lastName}}</b> team' },
    });
    assert.equal(good.status, 200, JSON.stringify(good.body));
    assert.equal(good.body.subject, 'Your work at Amazon');
    assert.ok(good.body.body.startsWith('Hi Maya, Your AI assistant beta launch'));
    assert.ok(
      good.body.body.includes('our <b>{{candidate.lastName}}</b> team'),
      'values are inserted as text',
    );
    assert.ok(good.body.body.includes('at Demo Agency.'));
    assert.equal(good.body.personalization.ok, true);
    assert.equal(good.body.personalization.required, true);
    assert.ok(
      good.body.personalization.matched.some(
        (m: { kind: string; value: string }) => m.kind === 'project' && m.value === 'AI assistant beta',
      ),
    );
    assert.equal(typeof good.body.quality.score, 'number');
    assert.equal(good.body.sendable, true);
    assert.equal(good.body.refusal, null);

    // The same text for another candidate (member2, Sowmya at Cognizant) references nobody she is.
    const other = await r1.post(`/v1/templates/${tpl.id}/preview`, {
      candidateId: memberId(2),
      personalization: 'Your AI assistant beta launch at Amazon is exactly the work we need.',
    });
    assert.equal(other.body.personalization.ok, false);
    assert.equal(other.body.personalization.reason, 'no_profile_reference');
    assert.ok(other.body.personalization.suggestions.length > 0);
    assert.equal(other.body.sendable, false);
    assert.equal(other.body.refusal.code, 'personalization_failed');

    const empty = await r1.post(`/v1/templates/${tpl.id}/preview`, { candidateId: memberId(2) });
    assert.equal(empty.body.refusal.code, 'personalization_required');
    assert.equal(empty.body.personalization.reason, 'empty');
    assert.ok(
      empty.body.personalization.suggestions.some(
        (s: { value: string }) => s.value === 'Core Web Vitals program',
      ),
    );
    assert.equal(
      (await r1.post(`/v1/templates/${tpl.id}/preview`, { candidateId: randomUUID() })).status,
      404,
    );
  });
});

describe('sending from a template', () => {
  test('an empty or failing slot answers 422 with suggestions and spends nothing', async () => {
    const tpl = await createTemplate(r3);
    const seat = await seatOf(r3);
    const entries = await ledgerLength(r3, seat.id);

    const empty = await r3.post('/v1/inmails', { recipientId: memberId(10), templateId: tpl.id });
    assert.equal(empty.status, 422);
    assert.equal(empty.body.code, 'personalization_required');
    assert.equal(empty.body.reason, 'empty');
    assert.ok(empty.body.suggestions.length > 0);

    for (const text of [
      'I was really impressed by your amazing background and experience!', // generic praise
      'Hi Maya, hope all is well with you and yours today', // only the name and filler
      'Your Core Web Vitals program was a great piece of engineering work.', // another candidate's project
    ]) {
      const failed = await r3.post('/v1/inmails', {
        recipientId: memberId(1),
        templateId: tpl.id,
        personalization: text,
      });
      assert.equal(failed.status, 422, text);
      assert.equal(failed.body.code, 'personalization_failed', text);
      assert.ok(failed.body.message ?? failed.body.detail);
      assert.ok(failed.body.suggestions.length > 0, text);
    }

    const after = await seatOf(r3);
    assert.equal(after.balance, seat.balance, 'no credit spent');
    assert.equal(await ledgerLength(r3, seat.id), entries, 'no ledger entry');
    const sent = (await r3.get('/v1/sent?limit=100')).body.items;
    assert.equal(sent.length, 0, 'nothing was sent');
  });

  test('with a good slot it sends, and the InMail records the template and version', async () => {
    const tpl = await createTemplate(r3, { visibility: 'shared' });
    const seat = await seatOf(r3);
    const res = await r3.post('/v1/inmails', {
      recipientId: memberId(1),
      templateId: tpl.id,
      personalization: 'Your AI assistant beta work at Amazon caught my eye.',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.templateId, tpl.id);
    assert.equal(res.body.templateVersion, 1);
    assert.equal((await seatOf(r3)).balance, seat.balance - 1);
    const view = (await r3.get(`/v1/inmails/${res.body.id}`)).body;
    assert.deepEqual([view.templateId, view.templateVersion], [tpl.id, 1]);
    assert.equal(view.subject, 'Your work at Amazon');
    assert.ok(
      view.body.startsWith('Hi Maya, Your AI assistant beta work at Amazon caught my eye. I lead hiring'),
    );
    const events = await t.services.store.repos.events.forInmail(res.body.id);
    assert.deepEqual(events[0]?.data, {
      templateId: tpl.id,
      templateVersion: 1,
      personalized: true,
      trackedLinks: 0,
    });

    // A new version; sending names the latest unless told otherwise.
    await r3.patch(`/v1/templates/${tpl.id}`, { subject: 'A question about {{candidate.currentTitle}}' });
    const v2 = await r3.post('/v1/inmails', {
      recipientId: memberId(2),
      templateId: tpl.id,
      personalization: 'The Core Web Vitals program you ran at Cognizant is impressive.',
    });
    assert.equal(v2.status, 201, JSON.stringify(v2.body));
    assert.equal(v2.body.templateVersion, 2);
    assert.equal(
      (await r3.get(`/v1/inmails/${v2.body.id}`)).body.subject,
      'A question about Senior Engineering Manager',
    );
    const v1 = await r3.post('/v1/inmails', {
      recipientId: memberId(5),
      templateId: tpl.id,
      templateVersion: 1,
      personalization: 'Your Diverse slate program at Kirkland & Ellis stood out to me.',
    });
    assert.equal(v1.status, 201, JSON.stringify(v1.body));
    assert.equal(v1.body.templateVersion, 1);
    assert.equal((await r3.get(`/v1/inmails/${v1.body.id}`)).body.subject, 'Your work at Kirkland & Ellis');
  });

  test('a template and a subject or body together, or neither, is a 400', async () => {
    const tpl = await createTemplate(r3);
    const both = await r3.post('/v1/inmails', {
      recipientId: memberId(11),
      templateId: tpl.id,
      subject: 'x',
    });
    assert.equal(both.status, 400);
    const neither = await r3.post('/v1/inmails', { recipientId: memberId(11), subject: 'x' });
    assert.equal(neither.status, 400);
    const unused = await r3.post('/v1/inmails', {
      recipientId: memberId(11),
      templateId: (
        await createTemplate(r3, { body: 'Hi {{candidate.firstName}}, open to a call?', name: 'No slot' })
      ).id,
      personalization: 'Your Falls prevention project at Northwestern Medicine.',
    });
    assert.equal(unused.status, 422);
    assert.equal(unused.body.code, 'personalization_unused');
  });

  test('merge fields without a value and without a fallback refuse the send', async () => {
    const tpl = await createTemplate(r3, {
      name: 'Needs a job',
      body: 'Hi {{candidate.firstName}}, about {{job.title}}: open to a call?',
    });
    const r = await r3.post('/v1/inmails', { recipientId: memberId(12), templateId: tpl.id });
    assert.equal(r.status, 422);
    assert.equal(r.body.code, 'merge_fields_missing');
    assert.deepEqual(r.body.fields, ['job.title']);
    const ok = await r3.post('/v1/inmails', {
      recipientId: memberId(12),
      templateId: tpl.id,
      job: { title: 'Staff Engineer' },
    });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
  });
});

describe("the organization's policies", () => {
  test('mandatory personalization: every InMail needs a checked text that is in its body', async () => {
    await setPolicies({ mandatoryPersonalization: true });
    try {
      const seat = await seatOf(r3);
      const plain = {
        recipientId: memberId(4),
        subject: 'A nursing role',
        body: 'Hi Tyler, open to a call?',
      };
      const missing = await r3.post('/v1/inmails', plain);
      assert.equal(missing.status, 422);
      assert.equal(missing.body.code, 'personalization_required');
      assert.ok(missing.body.suggestions.length > 0);

      const text = 'Your Falls prevention project at Northwestern Medicine';
      const notInBody = await r3.post('/v1/inmails', { ...plain, personalization: text });
      assert.equal(notInBody.status, 422);
      assert.equal(notInBody.body.code, 'personalization_not_in_body');

      const generic = await r3.post('/v1/inmails', {
        ...plain,
        body: 'Hi Tyler, great profile and amazing experience! Open to a call?',
        personalization: 'great profile and amazing experience!',
      });
      assert.equal(generic.body.code, 'personalization_failed');

      // Templates without a slot can be neither saved nor sent from.
      const noSlot = await r3.post('/v1/templates', { name: 'x', subject: 'Hi', body: 'Open to a call?' });
      assert.equal(noSlot.status, 422);
      assert.equal(noSlot.body.issues[0].code, 'missing_personalization');
      assert.equal((await seatOf(r3)).balance, seat.balance, 'nothing spent');

      const ok = await r3.post('/v1/inmails', {
        ...plain,
        body: `Hi Tyler, ${text} is the kind of work our oncology unit values. Open to a call?`,
        personalization: text,
      });
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
    } finally {
      await setPolicies({ mandatoryPersonalization: false });
    }
  });

  test('a template saved before the policy without a slot cannot be sent from under it', async () => {
    const tpl = await createTemplate(r3, {
      name: 'Old, no slot',
      body: 'Hi {{candidate.firstName}}, open to a call?',
    });
    await setPolicies({ mandatoryPersonalization: true });
    try {
      const r = await r3.post('/v1/inmails', { recipientId: memberId(13), templateId: tpl.id });
      assert.equal(r.status, 422);
      assert.equal(r.body.code, 'personalization_required');
      assert.equal(r.body.reason, 'no_slot');
    } finally {
      await setPolicies({ mandatoryPersonalization: false });
    }
  });

  test('quality threshold: a message scoring below it is refused with the report, nothing spent', async () => {
    await setPolicies({ qualityBlockBelow: 70 });
    try {
      const seat = await seatOf(r3);
      const spammy = await r3.post('/v1/inmails', {
        recipientId: memberId(14),
        subject: 'URGENT!!! ACT NOW',
        body: 'Dear candidate, CLICK HERE for a GUARANTEED opportunity!!! Limited time, act now!!!',
      });
      assert.equal(spammy.status, 422);
      assert.equal(spammy.body.code, 'quality_too_low');
      assert.equal(spammy.body.threshold, 70);
      assert.ok(spammy.body.score < 70);
      assert.ok(spammy.body.quality.issues.some((i: { code: string }) => i.code === 'spam_phrase'));
      assert.equal((await seatOf(r3)).balance, seat.balance);

      const fine = await r3.post('/v1/inmails', {
        recipientId: memberId(14),
        subject: 'Your oncology work',
        body: 'Hi Marta, your palliative care work stood out. Would you be open to a short call next week?',
      });
      assert.equal(fine.status, 201, JSON.stringify(fine.body));
    } finally {
      await setPolicies({ qualityBlockBelow: null });
    }
  });

  test('near-duplicates: the same body sent by one seat to many recipients shows in the quality report', async () => {
    const body = 'Hello, I have a fantastic opening on my team that fits you. Would you be open to a call?';
    for (let n = 20; n < 26; n++) {
      const r = await r3.post('/v1/inmails', { recipientId: memberId(n), subject: 'An opening', body });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
    const tpl = await createTemplate(r3, { name: 'Dup', body });
    const preview = await r3.post(`/v1/templates/${tpl.id}/preview`, { candidateId: memberId(30) });
    const dup = preview.body.quality.issues.find((i: { code: string }) => i.code === 'near_duplicate');
    assert.ok(dup, JSON.stringify(preview.body.quality));
    assert.equal(dup.detail.count, 6);
    // Another seat's history does not count.
    const other = await r1.post(`/v1/templates/${tpl.id}/preview`, { candidateId: memberId(30) });
    assert.equal(other.status, 404, 'a personal template of recruiter3');
    const r3seat = await seatOf(r3);
    const asAdmin = await admin.post(`/v1/templates/${tpl.id}/preview`, {
      candidateId: memberId(30),
      seatId: r3seat.id,
    });
    assert.ok(asAdmin.body.quality.issues.some((i: { code: string }) => i.code === 'near_duplicate'));
  });
});

describe('template sets', () => {
  test('choose a template per candidate seniority: exact seniority, then segment, then default', async () => {
    const assoc = await createTemplate(r1, { name: 'Associate', visibility: 'shared' });
    const senior = await createTemplate(r1, { name: 'Senior associate', visibility: 'shared' });
    const partner = await createTemplate(r1, { name: 'Partner track', visibility: 'shared' });
    const manager = await createTemplate(r1, { name: 'Managers', visibility: 'shared' });
    const personal = await createTemplate(r1, { name: 'Personal' });

    const refused = await r1.post('/v1/template-sets', {
      name: 'Bad',
      templates: { associate: personal.id },
    });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.errors[0].field, 'templates.associate');
    assert.equal(refused.body.errors[0].code, 'not_shared');
    assert.equal(
      (await r1.post('/v1/template-sets', { name: 'Bad', templates: { wizard: assoc.id } })).status,
      400,
    );

    const set = await r1.post('/v1/template-sets', {
      name: 'Legal by seniority',
      templates: {
        associate: assoc.id,
        'senior-associate': senior.id,
        'partner-track': partner.id,
        manager: manager.id,
      },
      defaultTemplateId: assoc.id,
    });
    assert.equal(set.status, 201, JSON.stringify(set.body));
    const choose = async (n: number) =>
      (await r2.post(`/v1/template-sets/${set.body.id}/choose`, { candidateId: memberId(n) })).body;
    // member1 is a manager: the exact entry wins over the senior-associate segment.
    assert.deepEqual([(await choose(1)).templateId, (await choose(1)).matchedBy], [manager.id, 'seniority']);
    // member5 is senior: the senior-associate segment.
    const c5 = await choose(5);
    assert.deepEqual([c5.templateId, c5.matchedBy, c5.segment], [senior.id, 'segment', 'senior-associate']);
    // member3 is entry: the associate segment.
    assert.equal((await choose(3)).templateId, assoc.id);

    const onlyDefault = await r1.patch(`/v1/template-sets/${set.body.id}`, { templates: {} });
    assert.equal(onlyDefault.status, 200);
    assert.deepEqual([(await choose(5)).templateId, (await choose(5)).matchedBy], [assoc.id, 'default']);

    // A template in an active set can be neither archived nor made personal.
    const archive = await r1.post(`/v1/templates/${assoc.id}/archive`);
    assert.equal(archive.status, 409);
    assert.equal(archive.body.code, 'template_in_set');
    assert.equal((await r1.patch(`/v1/templates/${assoc.id}`, { visibility: 'personal' })).status, 409);
    await r1.patch(`/v1/template-sets/${set.body.id}`, { archived: true });
    assert.equal((await r1.post(`/v1/templates/${assoc.id}/archive`)).status, 200);
    assert.equal((await nw.get(`/v1/template-sets/${set.body.id}`)).status, 404);
  });
});

describe('tracked links', () => {
  const BROWSER =
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
  const ORIGINAL = 'https://jobs.example.com/roles/42?ref=inmail';

  async function sendWithLinks(n: number) {
    const body =
      `Hi, the role is described at ${ORIGINAL}. Also see https://example.org/team (our team), ` +
      'javascript:alert(1) and ftp://files.example.com/cv.pdf stay text. Open to a call?';
    const res = await r1.post('/v1/inmails', { recipientId: memberId(n), subject: 'A role', body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const m = await as(t.app, `member${n}@demo.test`);
    const thread = (await m.get(`/v1/threads/${res.body.threadId}`)).body;
    return { res, body, member: m, delivered: thread.messages[0].body as string };
  }

  function tokens(text: string): string[] {
    return [...text.matchAll(/\/r\/([A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/g)].map((x) => x[1]!);
  }

  async function clickRows(inmailId: string) {
    const r = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM link_clicks c JOIN tracked_links l ON l.id = c.link_id
      WHERE l.inmail_id = ${inmailId}`.execute(t.database.db);
    return r.rows[0]!.n;
  }

  test('the recipient gets redirect links for http(s) only; the sender sees the original', async () => {
    const { res, body, delivered } = await sendWithLinks(31);
    assert.equal(tokens(delivered).length, 2);
    assert.ok(!delivered.includes(ORIGINAL));
    assert.ok(delivered.includes('javascript:alert(1)'), 'javascript: left as text');
    assert.ok(delivered.includes('ftp://files.example.com/cv.pdf'), 'ftp: left as text');
    assert.ok(delivered.includes('(our team)'));
    assert.match(delivered, /http:\/\/localhost(:80)?\/r\/[A-Za-z0-9_-]{22}\. Also/);

    // The sender's views show the links as written.
    assert.equal((await r1.get(`/v1/inmails/${res.body.id}`)).body.body, body);
    const senderThread = (await r1.get(`/v1/threads/${res.body.threadId}`)).body;
    assert.equal(senderThread.messages[0].body, body);
    assert.equal(senderThread.inmail.body, body);
    const sent = (await r1.get('/v1/sent?limit=5')).body.items.find(
      (x: { id: string }) => x.id === res.body.threadId,
    );
    assert.equal(sent.lastMessage.body, body);
  });

  test('a click redirects to the original URL and is recorded once per recipient and link; bots are not', async () => {
    const { res, delivered } = await sendWithLinks(32);
    const [first, second] = tokens(delivered);
    const get = (token: string, ua?: string, method: 'GET' | 'HEAD' = 'GET') =>
      t.app.inject({ method, url: `/r/${token}`, headers: { 'user-agent': ua ?? '' } });

    const bot = await get(first!, 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)');
    assert.equal(bot.statusCode, 302);
    assert.equal(bot.headers.location, ORIGINAL);
    assert.equal((await get(first!)).statusCode, 302, 'no user agent: redirected, not counted');
    assert.equal((await get(first!, BROWSER, 'HEAD')).statusCode, 302);
    assert.equal(await clickRows(res.body.id), 0, 'bots, agentless requests and HEAD are not clicks');

    const c1 = await get(first!, BROWSER);
    assert.equal(c1.statusCode, 302);
    assert.equal(c1.headers.location, ORIGINAL);
    assert.equal(c1.headers['referrer-policy'], 'no-referrer');
    t.clock.advance(60_000);
    assert.equal((await get(first!, BROWSER)).statusCode, 302);
    assert.equal(await clickRows(res.body.id), 1, 'two clicks, one row');

    assert.equal((await get(second!, BROWSER)).headers.location, 'https://example.org/team');
    assert.equal(await clickRows(res.body.id), 2, 'one row per link');
    const clicked = (await t.services.store.repos.events.forInmail(res.body.id)).filter(
      (e) => e.type === 'inmail.clicked',
    );
    assert.equal(clicked.length, 2);
    assert.equal(clicked[0]!.data.url, ORIGINAL);
    assert.equal(clicked[0]!.recipient_member_id, memberId(32));
  });

  test('unknown or malformed tokens are 404 problems, never a redirect', async () => {
    for (const token of [
      'AAAAAAAAAAAAAAAAAAAAAA',
      'not-a-token',
      '%2F%2Fevil.example.com',
      'a'.repeat(300),
    ]) {
      const r = await t.app.inject({ method: 'GET', url: `/r/${token}`, headers: { 'user-agent': 'x' } });
      assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${token}: ${r.statusCode}`);
      if (token.length === 22) assert.equal(r.statusCode, 404);
      assert.match(String(r.headers['content-type']), /problem\+json/);
      assert.equal(r.headers.location, undefined);
    }
  });

  test('free messages to connections are not rewritten', async () => {
    const page = await r1.get('/v1/members?limit=100');
    const friend = page.body.items.find((m: { degree: number }) => m.degree === 1);
    const res = await r1.post('/v1/inmails', {
      recipientId: friend.id,
      subject: 'Hello',
      body: `See ${ORIGINAL} when you can?`,
    });
    assert.equal(res.body.free, true);
    const links = await t.services.store.repos.trackedLinks.forInmails([res.body.id]);
    assert.equal(links.length, 0);
  });
});

describe('send-time advice', () => {
  test('without enough responses: the default window, Tuesday to Thursday 08:00–11:00 in the recipient’s zone', async () => {
    // The test clock starts on Tuesday 2026-03-03 09:00 UTC. member2 is in Los Angeles (01:00 there).
    const r = await r1.get(`/v1/members/${memberId(2)}/send-time`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.source, 'default');
    assert.equal(r.body.timeZone, 'America/Los_Angeles');
    assert.ok(r.body.basis.responses < r.body.basis.minResponses);
    const local = DateTime.fromISO(r.body.at, { zone: 'America/Los_Angeles' });
    assert.deepEqual([local.weekday, local.hour, local.minute], [2, 8, 0]);
    assert.equal(r.body.localTime, local.toISO());
    assert.match(r.body.explanation, /Default/);
    assert.equal((await r1.get(`/v1/members/${randomUUID()}/send-time`)).status, 404);
  });

  test("learned from the organization's own responses once it has enough, and says so", async () => {
    // Northwind's history: 60 InMails sent on Wednesdays at 14:00 recipient time, 45 answered;
    // 120 sent on Mondays at 09:00 recipient time, 12 answered.
    const me = (await nw.get('/v1/me')).body;
    const members = (
      await sql<{ id: string; time_zone: string }>`
        SELECT id, time_zone FROM members ORDER BY id LIMIT 180`.execute(t.database.db)
    ).rows;
    const now = DateTime.fromJSDate(t.clock.now());
    let k = 0;
    for (const [count, answered, weekday, hour] of [
      [60, 45, 3, 14],
      [120, 12, 1, 9],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const m = members[k++]!;
        const weeksAgo = 2 + (i % 10);
        const local = now.setZone(m.time_zone).minus({ weeks: weeksAgo }).set({ weekday, hour, minute: 10 });
        const sentAt = local.toJSDate();
        const threadId = randomUUID();
        await sql`
          WITH th AS (
            INSERT INTO threads (id, org_id, sender_user_id, recipient_member_id, kind, subject, created_at, last_message_at)
            VALUES (${threadId}, ${me.organization.id}, ${me.user.id}, ${m.id}, 'inmail', 'History', ${sentAt}, ${sentAt})
          )
          INSERT INTO inmails (thread_id, org_id, sender_user_id, recipient_member_id, subject, body, status, charged,
                               channel, sent_at, expires_at, accepted_at)
          VALUES (${threadId}, ${me.organization.id}, ${me.user.id}, ${m.id}, 'History', 'History',
                  ${i < answered ? 'accepted' : 'pending'}, true, 'inmail', ${sentAt},
                  ${new Date(sentAt.getTime() + 90 * 86_400_000)},
                  ${i < answered ? new Date(sentAt.getTime() + 86_400_000) : null})`.execute(t.database.db);
      }
    }
    const r = await nw.get(`/v1/members/${memberId(2)}/send-time`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.source, 'learned');
    assert.equal(r.body.basis.responses, 57);
    assert.equal(r.body.basis.sent, 180);
    assert.deepEqual([r.body.bestSlots[0].weekday, r.body.bestSlots[0].hour], [3, 14]);
    assert.match(r.body.explanation, /Learned from 57 responses to 180 InMails/);
    const local = DateTime.fromISO(r.body.at, { zone: 'America/Los_Angeles' });
    assert.deepEqual([local.weekday, local.hour], [3, 14], 'the next Wednesday 14:00 in Los Angeles');
    // Demo Agency's own data is still too thin: its advice stays the default.
    assert.equal((await r1.get(`/v1/members/${memberId(2)}/send-time`)).body.source, 'default');
  });
});
