/**
 * Candidate search through the API on the demo data plus 1,000 more synthetic members: every filter
 * against the same predicate computed in memory, paging, the 1,000 cap, facets, ranking and the
 * boost, highlights, last contact, history, saved searches with alerts, candidate lists, tenancy,
 * profile edits and access.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { MemberProfile } from '../src/domain/profile.ts';
import { currentPosition } from '../src/domain/profile.ts';
import { matchesProfile, parseQuery, profileSearchDocument } from '../src/domain/search-query.ts';
import { profileFromRow } from '../src/repositories/member-profile.ts';
import { valueKey } from '../src/repositories/search-index.ts';
import { seedUuid } from '../src/seed/ids.ts';
import { generateMember } from '../src/seed/profiles.ts';
import type { Searcher } from '../src/services/search.service.ts';
import { bearer, createTestApp, login, problemOf, type TestApp } from './support/app.ts';
import { corpusProfile } from './support/search-corpus.ts';
import { OPEN_WINDOW } from './support/constants.ts';

const EXTRA = 1000;
const DAY = 86_400_000;

let t: TestApp;
let recruiter: string; // recruiter1@demo.test, Demo Agency
let northwind: string; // recruiter@northwind.test, another organization
let me: Searcher;
let all: MemberProfile[];

interface Item {
  id: string;
  score: number | null;
  degree: 1 | 2 | 3;
  highlights: { field: string; value: string; terms: string[] }[];
  lastContactedByMyOrgAt: string | null;
  likelyToRespond: { openToWork: boolean; responseRate: number | null; boost: number };
  openToWork: boolean;
}
interface Result {
  items: Item[];
  total: { count: number; exact: boolean };
  facets: {
    skills: { value: string; count: number }[];
    companies: { value: string; count: number }[];
    locations: { value: { city: string; region: string; country: string }; count: number }[];
    seniorities: { value: string; count: number }[];
    graduationYears: { value: number; count: number }[];
  };
  nextCursor: string | null;
}

async function search(body: Record<string, unknown>, token = recruiter): Promise<Result> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/v1/search/candidates',
    headers: bearer(token),
    payload: body,
  });
  assert.equal(r.statusCode, 200, r.body);
  return r.json() as Result;
}

/** Every page of a search, in order. */
async function allPages(
  body: Record<string, unknown>,
  token = recruiter,
): Promise<{ items: Item[]; pages: Result[] }> {
  const pages: Result[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await search({ ...body, ...(cursor ? { cursor } : {}) }, token);
    pages.push(page);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
    assert.ok(pages.length < 200, 'runaway paging');
  }
  return { items: pages.flatMap((p) => p.items), pages };
}

const ids = (items: { id: string }[]): string[] => items.map((i) => i.id).sort();
const truth = (pred: (p: MemberProfile) => boolean): string[] =>
  all
    .filter(pred)
    .map((p) => p.id)
    .sort();
const key = (s: string): string => valueKey(s);

async function reloadProfiles(): Promise<void> {
  const rows = await sql<{ id: string }>`SELECT id FROM members`.execute(t.database.db);
  all = (await t.services.store.repos.search.profiles(rows.rows.map((r) => r.id))).map(profileFromRow);
}

before(async () => {
  t = await createTestApp({ template: 'demo' });
  const rows = [];
  for (let i = 0; i < EXTRA; i++) {
    const { email: _e, ...p } = generateMember(50_000 + i);
    rows.push({ ...p, id: seedUuid('search-extra', i), accountId: null });
  }
  await t.services.store.repos.members.insertMany(rows);
  await reloadProfiles();
  recruiter = await login(t.app, 'recruiter1@demo.test');
  northwind = await login(t.app, 'recruiter@northwind.test');
  const user = (await t.services.store.repos.users.findByAccount(
    seedUuid('user-account', 'recruiter1@demo.test'),
  ))!;
  me = { orgId: user.org_id, userId: user.id, memberId: user.member_id };
  // An InMail history of our own: extra members 0..5 got InMails 5 days ago, 0..2 answered them,
  // member 6 got one 60 days ago; member 0 got a second one, still pending.
  const now = t.clock.now().getTime();
  const statuses = ['accepted', 'declined', 'replied', null, null, null, null] as const;
  for (const [k, status] of statuses.entries()) {
    const id = seedUuid('search-inmail', k);
    const sentAt = new Date(now - (k === 6 ? 60 : 5) * DAY);
    await t.services.store.repos.inmails.create({
      id,
      threadId: seedUuid('search-thread', k),
      orgId: me.orgId,
      seatId: null,
      senderUserId: me.userId,
      recipientMemberId: seedUuid('search-extra', k),
      subject: 'Hello',
      body: 'Would you be open to a chat?',
      charged: true,
      channel: 'inmail',
      sentAt,
      expiresAt: new Date(sentAt.getTime() + 90 * DAY),
    });
    if (status) await t.services.store.repos.inmails.setResponse(id, { status, acceptedAt: sentAt });
  }
  await t.services.store.repos.inmails.create({
    id: seedUuid('search-inmail', 'again'),
    threadId: seedUuid('search-thread', 'again'),
    orgId: me.orgId,
    seatId: null,
    senderUserId: me.userId,
    recipientMemberId: seedUuid('search-extra', 0),
    subject: 'Hello again',
    body: 'Following up.',
    charged: true,
    channel: 'inmail',
    sentAt: new Date(now - DAY),
    expiresAt: new Date(now + 89 * DAY),
  });
});
after(async () => {
  await t.close();
});

describe('filters select exactly the members they describe', () => {
  const cases: [string, Record<string, unknown>, (p: MemberProfile) => boolean][] = [
    [
      'current title (Boolean text)',
      { currentTitle: '"software engineer" OR developer*' },
      (p) => {
        const title = currentPosition(p)?.title ?? '';
        const doc = { ...profileSearchDocument(p), any: title };
        return title !== '' && matchesProfile(parseQuery('"software engineer" OR developer*'), doc);
      },
    ],
    [
      'skills, all of',
      { skills: { all: ['Python', 'sql'] } },
      (p) => ['python', 'sql'].every((s) => [...p.skills, ...p.platforms].some((x) => key(x) === s)),
    ],
    [
      'skills, any of',
      { skills: { any: ['Bloomberg', 'FACTSET'] } },
      (p) => [...p.skills, ...p.platforms].some((x) => ['bloomberg', 'factset'].includes(key(x))),
    ],
    [
      'companies, current',
      { companies: { names: ['Google', 'Microsoft'], when: 'current' } },
      (p) => ['google', 'microsoft'].includes(key(currentPosition(p)?.company ?? '')),
    ],
    [
      'companies, past',
      { companies: { names: ['Google', 'Amazon'], when: 'past' } },
      (p) => p.positions.some((x) => x.endYear !== null && ['google', 'amazon'].includes(key(x.company))),
    ],
    [
      'companies, current or past',
      { companies: { names: ['Deloitte'] } },
      (p) => p.positions.some((x) => key(x.company) === 'deloitte'),
    ],
    [
      'industry',
      { industries: ['Banking', 'Law Practice'] },
      (p) => ['Banking', 'Law Practice'].includes(p.industry),
    ],
    ['country', { locations: { countries: ['gb', 'IE'] } }, (p) => ['GB', 'IE'].includes(p.location.country)],
    [
      'region and city',
      { locations: { regions: ['California'], cities: ['San Francisco', 'Los Angeles'] } },
      (p) => p.location.region === 'California' && ['San Francisco', 'Los Angeles'].includes(p.location.city),
    ],
    [
      'graduation year range',
      { graduationYear: { min: 2012, max: 2014 } },
      (p) =>
        p.education.some(
          (e) => e.graduationYear !== null && e.graduationYear >= 2012 && e.graduationYear <= 2014,
        ),
    ],
    [
      'years of experience range',
      { yearsOfExperience: { min: 10, max: 12 } },
      (p) => p.yearsOfExperience >= 10 && p.yearsOfExperience <= 12,
    ],
    ['years of experience, open-ended', { yearsOfExperience: { min: 25 } }, (p) => p.yearsOfExperience >= 25],
    ['seniority', { seniorities: ['director', 'vp'] }, (p) => ['director', 'vp'].includes(p.seniority)],
    ['open to work', { openToWork: true }, (p) => p.openToWork],
    [
      'spoken languages, any of',
      { languages: { any: ['German', 'Dutch'] } },
      (p) => p.languages.some((l) => ['German', 'Dutch'].includes(l)),
    ],
    [
      'spoken languages, all of',
      { languages: { all: ['English', 'Spanish'] } },
      (p) => ['English', 'Spanish'].every((l) => p.languages.includes(l)),
    ],
    [
      'ranges with something else that narrows (checked on the rows, not in the index)',
      {
        locations: { countries: ['US'] },
        yearsOfExperience: { min: 6, max: 8 },
        graduationYear: { min: 2010, max: 2016 },
      },
      (p) =>
        p.location.country === 'US' &&
        p.yearsOfExperience >= 6 &&
        p.yearsOfExperience <= 8 &&
        p.education.some(
          (e) => e.graduationYear !== null && e.graduationYear >= 2010 && e.graduationYear <= 2016,
        ),
    ],
    [
      'several filters at once',
      { seniorities: ['senior'], locations: { countries: ['US'] }, openToWork: false },
      (p) => p.seniority === 'senior' && p.location.country === 'US' && !p.openToWork,
    ],
  ];
  for (const [name, filters, predicate] of cases) {
    test(name, async () => {
      const expected = truth(predicate);
      assert.ok(
        expected.length > 0 && expected.length < 1000,
        `${name}: ${expected.length} members, pick another`,
      );
      const { items } = await allPages({ filters, limit: 100 });
      assert.deepEqual(ids(items), expected);
    });
  }

  test('a query and filters combine (AND)', async () => {
    const q = 'python OR java';
    const expected = truth(
      (p) => matchesProfile(parseQuery(q), profileSearchDocument(p)) && p.location.country === 'US',
    );
    const { items } = await allPages({ query: q, filters: { locations: { countries: ['US'] } }, limit: 100 });
    assert.deepEqual(ids(items), expected);
  });

  test('network degree relative to the searcher', async () => {
    const degrees = await t.services.store.repos.members.degrees(
      me.memberId,
      all.map((p) => p.id),
    );
    for (const wanted of [[1], [2], [1, 2]] as const) {
      const expected = all
        .filter((p) => p.id !== me.memberId && (wanted as readonly number[]).includes(degrees.get(p.id) ?? 3))
        .map((p) => p.id)
        .sort();
      assert.ok(expected.length > 0 && expected.length < 1000, `${wanted}: ${expected.length}`);
      const { items } = await allPages({ filters: { networkDegrees: wanted }, limit: 100 });
      assert.deepEqual(ids(items), expected, `degree ${wanted}`);
      for (const item of items) assert.ok((wanted as readonly number[]).includes(item.degree));
    }
    // The degree shown with each result is the same as the member directory's.
    const { items: every } = await allPages({ limit: 100 });
    for (const item of every) assert.equal(item.degree, degrees.get(item.id) ?? 3, item.id);
    const third = await allPages({ query: 'python', filters: { networkDegrees: [3] }, limit: 100 });
    for (const item of third.items) assert.equal(item.degree, 3);
  });

  test('not contacted by my organization in the last N days', async () => {
    const since = new Date(t.clock.now().getTime() - 30 * DAY);
    // Extra member 6 got our InMail 60 days ago; a follow-up in that thread 2 days ago is contact
    // too, and so is the date shown on the card.
    const followUpAt = new Date(t.clock.now().getTime() - 2 * DAY);
    const six = seedUuid('search-extra', 6);
    await t.services.store.repos.threads.addMessage({
      threadId: seedUuid('search-thread', 6),
      inmailId: seedUuid('search-inmail', 6),
      author: 'sender',
      authorUserId: me.userId,
      body: 'Following up on my note.',
      at: followUpAt,
    });
    const inmailsOnly = new Set(
      (
        await sql<{ id: string }>`
          SELECT DISTINCT recipient_member_id AS id FROM inmails WHERE org_id = ${me.orgId} AND sent_at > ${since}`.execute(
          t.database.db,
        )
      ).rows.map((r) => r.id),
    );
    assert.ok(inmailsOnly.size > 0, 'the demo history has recent InMails');
    assert.ok(!inmailsOnly.has(six), 'no recent InMail to member 6');
    const contacted = new Set([...inmailsOnly, six]);
    const filters = { notContactedInDays: 30, seniorities: ['senior', 'lead'] };
    const expected = truth((p) => ['senior', 'lead'].includes(p.seniority) && !contacted.has(p.id));
    const { items } = await allPages({ filters, limit: 100 });
    assert.deepEqual(ids(items), expected);

    const p = all.find((x) => x.id === six)!;
    const query = `"${p.firstName} ${p.lastName}"`;
    const found = (await allPages({ query, filters: { notContactedInDays: 30 }, limit: 100 })).items;
    assert.ok(!found.some((i) => i.id === six), 'the follow-up counts as contact');
    assert.ok(
      (await allPages({ query, filters: { notContactedInDays: 1 }, limit: 100 })).items.some(
        (i) => i.id === six,
      ),
    );
    const card = (await search({ query })).items.find((i) => i.id === six)!;
    assert.equal(card.lastContactedByMyOrgAt, followUpAt.toISOString());
  });

  test('has responded to an InMail before', async () => {
    const answered = new Set(
      (
        await sql<{ id: string }>`
          SELECT DISTINCT recipient_member_id AS id FROM inmails
          WHERE channel = 'inmail' AND status IN ('accepted', 'declined', 'replied')`.execute(t.database.db)
      ).rows.map((r) => r.id),
    );
    for (const k of [0, 1, 2]) assert.ok(answered.has(seedUuid('search-extra', k)));
    const yes = await allPages({ filters: { hasRespondedToInmail: true }, limit: 100 });
    assert.deepEqual(ids(yes.items), [...answered].sort());
    for (const item of yes.items) assert.ok((item.likelyToRespond.responseRate ?? 0) > 0);
    const no = await allPages({
      filters: { hasRespondedToInmail: false, seniorities: ['director'] },
      limit: 100,
    });
    assert.deepEqual(
      ids(no.items),
      truth((p) => p.seniority === 'director' && !answered.has(p.id)),
    );
    // Member 0 answered one of two InMails: a 50% response rate, and a visible boost.
    const zero = yes.items.find((i) => i.id === seedUuid('search-extra', 0))!;
    assert.equal(zero.likelyToRespond.responseRate, 0.5);
    assert.ok(zero.likelyToRespond.boost > 0);
  });

  test('not in an active campaign of my organization', async () => {
    const post = async (token: string, url: string, payload?: Record<string, unknown>) => {
      const r = await t.app.inject({ method: 'POST', url, headers: bearer(token), payload });
      assert.ok(r.statusCode < 300, `${url}: ${r.statusCode} ${r.body}`);
      return r.json() as { id: string; status: string };
    };
    const campaign = (token: string, members: number[]) =>
      post(token, '/v1/campaigns', {
        name: 'Filter test',
        objective: 'fill_role',
        steps: [
          { kind: 'inmail', delayBusinessDays: 3, subject: 'Hello {{candidate.firstName}}', body: 'A role?' },
        ],
        window: OPEN_WINDOW,
        audience: { kind: 'members', memberIds: members.map((k) => seedUuid('search-extra', k)) },
      });
    const ours = await campaign(recruiter, [10, 11, 12, 13]);
    assert.notEqual((await post(recruiter, `/v1/campaigns/${ours.id}/start`)).status, 'draft');
    await campaign(recruiter, [14]); // a draft: not active
    const theirs = await campaign(northwind, [15]);
    await post(northwind, `/v1/campaigns/${theirs.id}/start`); // another organization's

    const inCampaign = new Set(
      (
        await sql<{ id: string }>`
          SELECT o.member_id AS id FROM campaign_recipients o JOIN campaigns c ON c.id = o.campaign_id
          WHERE o.org_id = ${me.orgId} AND o.status IN ('pending', 'needs_personalization', 'snoozed')
            AND c.status IN ('scheduled', 'running', 'paused')`.execute(t.database.db)
      ).rows.map((r) => r.id),
    );
    const extra = (k: number) => seedUuid('search-extra', k);
    assert.deepEqual([...inCampaign].sort(), [10, 11, 12, 13].map(extra).sort());
    const filters = { notInActiveCampaign: true, seniorities: ['senior', 'lead', 'manager'] };
    const pick = (p: MemberProfile) => ['senior', 'lead', 'manager'].includes(p.seniority);
    const { items } = await allPages({ filters, limit: 100 });
    assert.deepEqual(
      ids(items),
      truth((p) => pick(p) && !inCampaign.has(p.id)),
    );
    // By name: the four are left out, the draft's member and the other organization's are not.
    for (const k of [10, 11, 12, 13, 14, 15]) {
      const p = all.find((x) => x.id === extra(k))!;
      const query = `"${p.firstName} ${p.lastName}"`;
      const found = async (f: Record<string, unknown>) =>
        (await allPages({ query, filters: f, limit: 100 })).items.some((i) => i.id === p.id);
      assert.equal(await found({}), true, `extra ${k} is found by name`);
      assert.equal(await found({ notInActiveCampaign: true }), k >= 14, `extra ${k} with the filter`);
    }
    const everyone = await allPages({ filters: { notInActiveCampaign: false }, limit: 100 });
    assert.equal(
      everyone.pages[0]!.total.count,
      (await search({ limit: 1 })).total.count,
      'false filters nothing',
    );

    // Cancelled, the campaign no longer holds them back.
    await post(recruiter, `/v1/campaigns/${ours.id}/cancel`);
    const after = await allPages({ filters, limit: 100 });
    assert.deepEqual(ids(after.items), truth(pick));
  });

  test('an inverted range is a 400', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/v1/search/candidates',
      headers: bearer(recruiter),
      payload: { filters: { yearsOfExperience: { min: 10, max: 5 } } },
    });
    assert.equal(r.statusCode, 400);
    assert.equal(problemOf(r).code, 'invalid_range');
  });
});

describe('paging, the 1,000 cap and facets', () => {
  test('everyone: total is "at least 1,000" and paging stops after 1,000 without duplicates', async () => {
    assert.ok(all.length > 1000);
    const { items, pages } = await allPages({ limit: 100 });
    assert.equal(pages[0]!.total.count, 1000);
    assert.equal(pages[0]!.total.exact, false);
    assert.equal(items.length, 1000);
    assert.equal(new Set(items.map((i) => i.id)).size, 1000);
    // the pages are the first 1,000 of the ranking, in order, without gaps
    const ranked = await t.services.search.matchingIds(me, {}, 1000);
    assert.deepEqual(
      items.map((i) => i.id),
      ranked,
    );
  });

  test('pages of a selective search add up to the exact total, best first', async () => {
    const body = {
      query: 'engineer* OR developer*',
      filters: { locations: { countries: ['US', 'GB', 'DE'] } },
    };
    const expected = truth(
      (p) =>
        matchesProfile(parseQuery(body.query), profileSearchDocument(p)) &&
        ['US', 'GB', 'DE'].includes(p.location.country),
    );
    assert.ok(expected.length > 20 && expected.length < 1000, String(expected.length));
    const { items, pages } = await allPages({ ...body, limit: 7 });
    assert.equal(pages[0]!.total.count, expected.length);
    assert.equal(pages[0]!.total.exact, true);
    assert.deepEqual(ids(items), expected);
    assert.equal(new Set(items.map((i) => i.id)).size, items.length);
    for (let k = 1; k < items.length; k++)
      assert.ok(items[k - 1]!.score! >= items[k]!.score!, 'sorted by score');
  });

  test('facets count the viewable result set', async () => {
    const body = { query: 'title:analyst*', limit: 100 };
    const { items, pages } = await allPages(body);
    assert.ok(items.length > 10 && items.length < 1000);
    const facets = pages[0]!.facets;
    const profiles = new Map(all.map((p) => [p.id, p]));
    const count = <K>(values: K[]): Map<K, number> => {
      const m = new Map<K, number>();
      for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
      return m;
    };
    const found = items.map((i) => profiles.get(i.id)!);
    const seniorities = count(found.map((p) => p.seniority));
    assert.deepEqual(
      facets.seniorities.map((f) => [f.value, f.count]).sort(),
      [...seniorities.entries()].sort(),
    );
    const skills = count(found.flatMap((p) => [...new Set([...p.skills, ...p.platforms])]));
    for (const f of facets.skills) assert.equal(f.count, skills.get(f.value), f.value);
    const top = Math.max(...skills.values());
    assert.equal(facets.skills[0]!.count, top);
    const companies = count(found.map((p) => currentPosition(p)?.company ?? ''));
    for (const f of facets.companies) assert.equal(f.count, companies.get(f.value), f.value);
    const cities = count(found.map((p) => `${p.location.city}|${p.location.country}`));
    for (const f of facets.locations) assert.equal(f.count, cities.get(`${f.value.city}|${f.value.country}`));
    const years = count(found.flatMap((p) => [...new Set(p.education.map((e) => e.graduationYear))]));
    for (const f of facets.graduationYears) assert.equal(f.count, years.get(f.value), String(f.value));
  });

  test('a cursor only works for its own search', async () => {
    const first = await search({ query: 'python', limit: 5 });
    assert.ok(first.nextCursor);
    const r = await t.app.inject({
      method: 'POST',
      url: '/v1/search/candidates',
      headers: bearer(recruiter),
      payload: { query: 'java', cursor: first.nextCursor, limit: 5 },
    });
    assert.equal(r.statusCode, 400);
    assert.equal(problemOf(r).code, 'cursor_mismatch');
    const garbage = await t.app.inject({
      method: 'POST',
      url: '/v1/search/candidates',
      headers: bearer(recruiter),
      payload: { query: 'python', cursor: 'not-a-cursor' },
    });
    assert.equal(garbage.statusCode, 400);
    assert.equal(problemOf(garbage).code, 'invalid_cursor');
  });
});

describe('ranking, highlights and the likely-to-respond boost', () => {
  const A = seedUuid('rank', 'title');
  const B = seedUuid('rank', 'skill');
  const C = seedUuid('rank', 'summary');
  const D = seedUuid('rank', 'summary-open');

  before(async () => {
    await t.services.store.repos.members.insertMany([
      {
        ...corpusProfile({
          id: A,
          firstName: 'Ada',
          lastName: 'Title',
          positions: [{ title: 'Quokka Wrangler', company: 'Zoo', startYear: 2020, endYear: null }],
        }),
        accountId: null,
      },
      {
        ...corpusProfile({ id: B, firstName: 'Bo', lastName: 'Skill', skills: ['Quokka Care'] }),
        accountId: null,
      },
      {
        ...corpusProfile({ id: C, firstName: 'Cy', lastName: 'Summary', summary: 'I once met a quokka.' }),
        accountId: null,
      },
      {
        ...corpusProfile({
          id: D,
          firstName: 'Di',
          lastName: 'Summary',
          summary: 'I once met a quokka.',
          openToWork: true,
        }),
        accountId: null,
      },
    ]);
  });

  test('a title match ranks above a skill match, above a match elsewhere; open to work is boosted', async () => {
    const r = await search({ query: 'quokka' });
    assert.deepEqual(
      r.items.map((i) => i.id),
      [A, B, D, C],
    );
    const d = r.items[2]!;
    assert.equal(d.likelyToRespond.openToWork, true);
    assert.ok(d.likelyToRespond.boost > 0);
    assert.equal(r.items[3]!.likelyToRespond.boost, 0);
    assert.ok(r.items[0]!.score! > r.items[1]!.score!);
  });

  test('the boost can be switched off', async () => {
    const r = await search({ query: 'quokka', sort: { likelyToRespondBoost: false } });
    assert.deepEqual(
      r.items.slice(0, 2).map((i) => i.id),
      [A, B],
    );
    for (const item of r.items) assert.equal(item.likelyToRespond.boost, 0);
    const [x, y] = r.items.slice(2);
    assert.equal(x!.score, y!.score, 'C and D tie without the boost');
  });

  test('highlights say which terms matched where', async () => {
    const r = await search({ query: 'quokka OR "quokka care" OR wrangl*' });
    const a = r.items.find((i) => i.id === A)!;
    assert.deepEqual(
      a.highlights.find((h) => h.field === 'title'),
      {
        field: 'title',
        value: 'Quokka Wrangler',
        terms: ['quokka', 'wrangl*'],
      },
    );
    const b = r.items.find((i) => i.id === B)!;
    assert.deepEqual(b.highlights.find((h) => h.field === 'skill')?.terms, ['quokka', '"quokka care"']);
    const c = r.items.find((i) => i.id === C)!;
    assert.deepEqual(c.highlights, [{ field: 'summary', value: 'I once met a quokka.', terms: ['quokka'] }]);
  });

  test('sort by years of experience', async () => {
    const { items } = await allPages({
      query: 'title:manager',
      sort: { by: 'yearsOfExperience' },
      limit: 100,
    });
    const years = new Map(all.map((p) => [p.id, p.yearsOfExperience]));
    for (let k = 1; k < items.length; k++) {
      assert.ok(years.get(items[k - 1]!.id)! >= years.get(items[k]!.id)!);
    }
  });
});

describe('what a recruiter sees about contact', () => {
  test('when my organization last contacted them, and nothing from another organization', async () => {
    const row = (
      await sql<{ id: string; at: Date }>`
        SELECT recipient_member_id AS id, max(sent_at) AS at FROM inmails WHERE org_id = ${me.orgId}
        GROUP BY 1 ORDER BY 2 DESC LIMIT 1`.execute(t.database.db)
    ).rows[0]!;
    const p = all.find((x) => x.id === row.id)!;
    const q = `"${p.firstName} ${p.lastName}"`;
    const mine = (await search({ query: q })).items.find((i) => i.id === row.id)!;
    assert.equal(mine.lastContactedByMyOrgAt, row.at.toISOString());
    const theirs = (await search({ query: q }, northwind)).items.find((i) => i.id === row.id)!;
    assert.equal(theirs.lastContactedByMyOrgAt, null);
  });
});

describe('saved searches and alerts', () => {
  const newMember = (key: string, title: string): { id: string } & Parameters<typeof corpusProfile>[0] => ({
    id: seedUuid('alert', key),
    firstName: 'New',
    lastName: key,
    positions: [{ title, company: 'Alert Co', startYear: 2024, endYear: null }],
  });

  test('CRUD, and another user or organization gets a 404', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/saved-searches',
      headers: bearer(recruiter),
      payload: { name: 'Quants in London', query: 'quant*', filters: { locations: { cities: ['London'] } } },
    });
    assert.equal(created.statusCode, 201, created.body);
    const s = created.json() as { id: string; alerts: boolean };
    assert.equal(s.alerts, true);
    const url = `/v1/saved-searches/${s.id}`;
    assert.equal((await t.app.inject({ method: 'GET', url, headers: bearer(recruiter) })).statusCode, 200);
    const other = await login(t.app, 'recruiter2@demo.test');
    for (const token of [northwind, other]) {
      assert.equal((await t.app.inject({ method: 'GET', url, headers: bearer(token) })).statusCode, 404);
      const patch = await t.app.inject({
        method: 'PATCH',
        url,
        headers: bearer(token),
        payload: { name: 'x' },
      });
      assert.equal(patch.statusCode, 404);
      assert.equal((await t.app.inject({ method: 'DELETE', url, headers: bearer(token) })).statusCode, 404);
    }
    const renamed = await t.app.inject({
      method: 'PATCH',
      url,
      headers: bearer(recruiter),
      payload: { name: 'Quants', alerts: false },
    });
    assert.equal(renamed.json().name, 'Quants');
    assert.equal(renamed.json().alerts, false);
    const bad = await t.app.inject({
      method: 'PATCH',
      url,
      headers: bearer(recruiter),
      payload: { query: 'a AND' },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(problemOf(bad).position, 2);
    const list = await t.app.inject({ method: 'GET', url: '/v1/saved-searches', headers: bearer(recruiter) });
    assert.ok((list.json() as { items: { id: string }[] }).items.some((i) => i.id === s.id));
    assert.equal((await t.app.inject({ method: 'DELETE', url, headers: bearer(recruiter) })).statusCode, 204);
    assert.equal((await t.app.inject({ method: 'GET', url, headers: bearer(recruiter) })).statusCode, 404);
  });

  test('the daily job notifies the owner about new and changed members once', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/saved-searches',
      headers: bearer(recruiter),
      payload: { name: 'Wombat whisperers', query: 'title:wombat' },
    });
    const saved = created.json() as { id: string };
    const owner = seedUuid('user-account', 'recruiter1@demo.test');
    const alerts = async () =>
      (await t.services.notifications.list(owner, null, 50)).items.filter((n) => n.kind === 'search.alert');

    // Nothing new yet.
    await t.services.savedSearches.runAlerts();
    assert.equal((await alerts()).length, 0);

    // A new member who matches, one who does not.
    const repos = t.services.store.repos;
    await repos.members.insertMany([
      { ...corpusProfile(newMember('one', 'Wombat Whisperer')), accountId: null },
      { ...corpusProfile(newMember('two', 'Koala Keeper')), accountId: null },
    ]);
    t.clock.advanceDays(1);
    const summary = await t.services.savedSearches.runAlerts();
    assert.ok(summary.notified >= 1);
    let notes = await alerts();
    assert.equal(notes.length, 1);
    assert.deepEqual(notes[0]!.data.memberIds, [seedUuid('alert', 'one')]);
    assert.match(notes[0]!.title, /1 new candidate for "Wombat whisperers"/);
    const events = await repos.events.page(me.orgId, 0, 1000, ['search.alert']);
    assert.ok(events.some((e) => e.data.savedSearchId === saved.id && e.data.count === 1));

    // The same member edits their profile: not reported again. A changed profile that now
    // matches is reported.
    await t.services.profiles.update(seedUuid('alert', 'one'), { headline: 'Still a wombat whisperer' });
    await t.services.profiles.update(seedUuid('alert', 'two'), {
      positions: [{ title: 'Senior Wombat Keeper', company: 'Alert Co', startYear: 2025, endYear: null }],
    });
    t.clock.advanceDays(1);
    await t.services.savedSearches.runAlerts();
    notes = await alerts();
    assert.equal(notes.length, 2);
    assert.deepEqual(notes[0]!.data.memberIds, [seedUuid('alert', 'two')]);

    // Quiet day: nothing.
    t.clock.advanceDays(1);
    await t.services.savedSearches.runAlerts();
    assert.equal((await alerts()).length, 2);

    // Alerts off: a new match is not reported.
    await t.services.savedSearches.update(me, saved.id, { alerts: false });
    await repos.members.insertMany([{ ...corpusProfile(newMember('three', 'Wombat Vet')), accountId: null }]);
    await t.services.savedSearches.runAlerts();
    assert.equal((await alerts()).length, 2);
    t.clock.advanceDays(-3);
  });
});

describe('candidate lists', () => {
  test('create, add one, a page, all matches; page through; remove; another organization gets 404', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/candidate-lists',
      headers: bearer(recruiter),
      payload: { name: 'Python people', description: 'for the Q3 campaign' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const list = created.json() as { id: string };
    const dup = await t.app.inject({
      method: 'POST',
      url: '/v1/candidate-lists',
      headers: bearer(recruiter),
      payload: { name: 'Python people' },
    });
    assert.equal(dup.statusCode, 409);

    const base = `/v1/candidate-lists/${list.id}`;
    const page = await search({ query: 'python', limit: 10 });
    const one = await t.app.inject({
      method: 'POST',
      url: `${base}/members`,
      headers: bearer(recruiter),
      payload: { memberIds: [page.items[0]!.id] },
    });
    assert.deepEqual(one.json(), { added: 1, alreadyOnList: 0, unknown: 0, size: 1 });
    const many = await t.app.inject({
      method: 'POST',
      url: `${base}/members`,
      headers: bearer(recruiter),
      payload: { memberIds: [...page.items.map((i) => i.id), seedUuid('nobody', 1)] },
    });
    assert.deepEqual(many.json(), { added: 9, alreadyOnList: 1, unknown: 1, size: 10 });
    const fromSearch = await t.app.inject({
      method: 'POST',
      url: `${base}/members/from-search`,
      headers: bearer(recruiter),
      payload: { query: 'python', filters: { openToWork: true }, limit: 1000 },
    });
    assert.equal(fromSearch.statusCode, 200, fromSearch.body);
    const added = fromSearch.json() as {
      matched: number;
      added: number;
      alreadyOnList: number;
      size: number;
    };
    const expected = truth(
      (p) => p.openToWork && matchesProfile(parseQuery('python'), profileSearchDocument(p)),
    );
    assert.equal(added.matched, expected.length);
    assert.equal(added.size, 10 + added.added);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: Awaited<ReturnType<typeof t.app.inject>> = await t.app.inject({
        method: 'GET',
        url: `${base}?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
        headers: bearer(recruiter),
      });
      assert.equal(r.statusCode, 200);
      const body = r.json() as {
        size: number;
        members: { items: { id: string }[]; nextCursor: string | null };
      };
      assert.equal(body.size, added.size);
      seen.push(...body.members.items.map((m) => m.id));
      cursor = body.members.nextCursor;
    } while (cursor);
    assert.equal(seen.length, added.size);
    assert.equal(new Set(seen).size, seen.length);

    const removed = await t.app.inject({
      method: 'POST',
      url: `${base}/members/remove`,
      headers: bearer(recruiter),
      payload: { memberIds: [page.items[0]!.id, seedUuid('nobody', 2)] },
    });
    assert.deepEqual(removed.json(), { removed: 1, size: added.size - 1 });
    const again = await t.app.inject({
      method: 'POST',
      url: `${base}/members/remove`,
      headers: bearer(recruiter),
      payload: { memberIds: [page.items[0]!.id] },
    });
    assert.deepEqual(again.json(), { removed: 0, size: added.size - 1 });

    // Lists are shared inside the organization, invisible outside it.
    const colleague = await login(t.app, 'recruiter2@demo.test');
    assert.equal(
      (await t.app.inject({ method: 'GET', url: base, headers: bearer(colleague) })).statusCode,
      200,
    );
    for (const [method, url, payload] of [
      ['GET', base, undefined],
      ['PATCH', base, { name: 'mine now' }],
      ['POST', `${base}/members`, { memberIds: [page.items[1]!.id] }],
      ['POST', `${base}/members/from-search`, { query: 'python', limit: 5 }],
      ['POST', `${base}/members/remove`, { memberIds: [page.items[1]!.id] }],
      ['DELETE', base, undefined],
    ] as const) {
      const r = await t.app.inject({
        method,
        url,
        headers: bearer(northwind),
        ...(payload ? { payload } : {}),
      });
      assert.equal(r.statusCode, 404, `${method} ${url}`);
    }
    const lists = await t.app.inject({
      method: 'GET',
      url: '/v1/candidate-lists',
      headers: bearer(northwind),
    });
    assert.deepEqual((lists.json() as { items: unknown[] }).items, []);
    assert.equal(
      (await t.app.inject({ method: 'DELETE', url: base, headers: bearer(recruiter) })).statusCode,
      204,
    );
  });
});

describe('profile edits are searchable at once', () => {
  test('GET and PATCH /v1/profile; the new title is found, the old one no more', async () => {
    const token = await login(t.app, 'member12@demo.test');
    const mine = await t.app.inject({ method: 'GET', url: '/v1/profile', headers: bearer(token) });
    assert.equal(mine.statusCode, 200);
    const profile = mine.json() as MemberProfile;
    const oldTitle = profile.positions[0]!.title;
    const before = await search({ query: `title:"${oldTitle}"`, limit: 100 });
    assert.ok(before.items.some((i) => i.id === profile.id));

    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/v1/profile',
      headers: bearer(token),
      payload: {
        positions: [
          { title: 'Chief Capybara Officer', company: 'Capy Labs', startYear: 2026, endYear: null },
          ...profile.positions.map((p) => ({ ...p, endYear: p.endYear ?? 2026, title: 'Intern' })),
        ],
        skills: ['Capybara Husbandry'],
        openToWork: true,
      },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    const found = await search({ query: 'title:"chief capybara officer"' });
    assert.deepEqual(
      found.items.map((i) => i.id),
      [profile.id],
    );
    const bySkill = await search({ filters: { skills: { all: ['capybara husbandry'] }, openToWork: true } });
    assert.deepEqual(
      bySkill.items.map((i) => i.id),
      [profile.id],
    );
    const current = await search({ filters: { currentTitle: 'capybara' } });
    assert.deepEqual(
      current.items.map((i) => i.id),
      [profile.id],
    );
    const after = await search({ query: `title:"${oldTitle}"`, limit: 100 });
    assert.ok(!after.items.some((i) => i.id === profile.id));

    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/v1/profile',
      headers: bearer(token),
      payload: { headline: 'x', favouriteColour: 'green' },
    });
    assert.equal(bad.statusCode, 400);
    const recruiterHasNoProfileEdit = await t.app.inject({
      method: 'PATCH',
      url: '/v1/profile',
      headers: bearer(token),
      payload: {},
    });
    assert.equal(recruiterHasNoProfileEdit.statusCode, 400, 'an empty patch changes nothing');
  });
});

describe('members indexed before the search index existed', () => {
  test('rows left dirty by the migration backfill are built by reindexDirty (run at start-up and by the alert job)', async () => {
    // What migration 0003 leaves for members that existed before it: an empty, dirty row.
    const victim = all.find((p) => p.positions.length > 0)!;
    await sql`UPDATE member_search SET doc = ''::tsvector, rank_doc = ''::tsvector, dirty = true
              WHERE member_id = ${victim.id}`.execute(t.database.db);
    const q = `title:"${victim.positions[0]!.title}" "${victim.firstName} ${victim.lastName}"`;
    assert.ok(
      !(await search({ query: q })).items.some((i) => i.id === victim.id),
      'not searchable while dirty',
    );
    assert.equal(await t.services.search.reindexDirty(), 1);
    assert.ok(
      (await search({ query: q })).items.some((i) => i.id === victim.id),
      'searchable again',
    );
    assert.equal(await t.services.search.reindexDirty(), 0);
  });
});

describe('access and suggestions', () => {
  test('members without an organization cannot search; API keys need search:read', async () => {
    const member = await login(t.app, 'member7@demo.test');
    const r = await t.app.inject({
      method: 'POST',
      url: '/v1/search/candidates',
      headers: bearer(member),
      payload: { query: 'python' },
    });
    assert.equal(r.statusCode, 403);

    const admin = await login(t.app, 'admin@demo.test');
    const key = async (scopes: string[]) =>
      (
        (
          await t.app.inject({
            method: 'POST',
            url: '/v1/api-keys',
            headers: bearer(admin),
            payload: { name: `k ${scopes.join()}`, scopes },
          })
        ).json() as { key: string }
      ).key;
    const without = await key(['members:read']);
    const denied = await t.app.inject({
      method: 'POST',
      url: '/v1/search/candidates',
      headers: bearer(without),
      payload: { query: 'python' },
    });
    assert.equal(denied.statusCode, 403);
    assert.equal(problemOf(denied).code, 'missing_scope');
    const withScope = await key(['search:read']);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/v1/search/candidates',
      headers: bearer(withScope),
      payload: { query: 'python' },
    });
    assert.equal(ok.statusCode, 200);
    // Saving a search is for people.
    const save = await t.app.inject({
      method: 'POST',
      url: '/v1/saved-searches',
      headers: bearer(withScope),
      payload: { name: 'x', query: 'python' },
    });
    assert.equal(save.statusCode, 403);
  });

  test('fuzzy suggestions for titles, companies, skills and names', async () => {
    const get = async (field: string, q: string) =>
      (
        (
          await t.app.inject({
            method: 'GET',
            url: `/v1/search/suggestions?field=${field}&q=${encodeURIComponent(q)}`,
            headers: bearer(recruiter),
          })
        ).json() as { items: { value: string; memberId: string | null }[] }
      ).items;
    assert.ok((await get('title', 'sofware enginer')).some((s) => s.value === 'Software Engineer'));
    assert.ok((await get('company', 'goldman sachz')).some((s) => s.value === 'Goldman Sachs'));
    assert.ok((await get('skill', 'pythn')).some((s) => s.value === 'Python'));
    const someone = all.find((p) => p.lastName.length > 5)!;
    const typo = `${someone.firstName} ${someone.lastName.slice(0, -1)}`;
    assert.ok(
      (await get('name', typo)).some((s) => s.memberId === someone.id),
      typo,
    );
  });
});

// Last: it moves the clock 91 days on, which ends every session.
describe('search history', () => {
  test('first pages are recorded, newest first, and purged after 90 days', async () => {
    await search({ query: 'history-one' });
    const first = await search({ query: 'python', limit: 2 });
    await search({ query: 'python', limit: 2, cursor: first.nextCursor });
    const r = await t.app.inject({
      method: 'GET',
      url: '/v1/search/history?limit=2',
      headers: bearer(recruiter),
    });
    assert.equal(r.statusCode, 200);
    const h = r.json() as { items: { query: string; total: { count: number } }[]; nextCursor: string | null };
    assert.deepEqual(
      h.items.map((i) => i.query),
      ['python', 'history-one'],
      'a later page is not a new search',
    );
    assert.ok(h.nextCursor);
    const other = await t.app.inject({
      method: 'GET',
      url: '/v1/search/history',
      headers: bearer(northwind),
    });
    assert.ok(!(other.json() as { items: { query: string }[] }).items.some((i) => i.query === 'history-one'));

    t.clock.advanceDays(91);
    const purged = await t.services.maintenance.housekeeping();
    assert.ok(purged.searchHistoryDeleted >= 2);
    // (housekeeping also ended the sessions of 91 days ago: log in again)
    const fresh = await login(t.app, 'recruiter1@demo.test');
    const after = await t.app.inject({ method: 'GET', url: '/v1/search/history', headers: bearer(fresh) });
    assert.deepEqual((after.json() as { items: unknown[] }).items, []);
  });
});
