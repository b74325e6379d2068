import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SENIORITIES } from '../domain/profile.ts';
import type { Seniority } from '../domain/profile.ts';
import {
  COMPANIES_BY_INDUSTRY,
  INDUSTRIES,
  LOCATIONS,
  REFERENCE_YEAR,
  ROLE_FAMILIES,
  YEARS_BY_SENIORITY,
  generateConnections,
  generateMember,
} from './profiles.ts';
import type { SyntheticMember } from './profiles.ts';

const SAMPLE = 3000;
const members = Array.from({ length: SAMPLE }, (_, i) => generateMember(i));

/** Every title a family or one of its specialties may give at each seniority. */
const TITLES = new Map<Seniority, Set<string>>(SENIORITIES.map((s) => [s, new Set<string>()]));
for (const f of ROLE_FAMILIES) {
  for (const s of SENIORITIES) {
    for (const t of f.titles[s] ?? []) TITLES.get(s)!.add(t);
    for (const spec of f.specialties) for (const t of spec.titles?.[s] ?? []) TITLES.get(s)!.add(t);
  }
}
/** Years of experience a seniority allows in some family. */
function yearsAllowed(seniority: Seniority, years: number): boolean {
  return ROLE_FAMILIES.some((f) => {
    if (!f.titles[seniority]) return false;
    const [min, max] = f.years?.[seniority] ?? YEARS_BY_SENIORITY[seniority];
    return years >= min && years <= max;
  });
}
const validZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
const textFields = (m: SyntheticMember): string[] => [
  m.firstName,
  m.lastName,
  m.headline,
  m.summary,
  ...m.positions.flatMap((p) => [p.title, p.company, p.description ?? '']),
  ...m.education.flatMap((e) => [e.school, e.degree, e.field]),
  ...m.projects.flatMap((p) => [p.name, p.description]),
  ...m.publications,
  ...m.skills,
  ...m.platforms,
  ...m.languages,
];

/** Asserts everything a member must satisfy; shared by the sample and the property test. */
function assertValid(m: SyntheticMember, index: number): void {
  const where = `member ${index}`;
  assert.equal(m.email, `member${index + 1}@demo.test`, where);
  assert.ok(SENIORITIES.includes(m.seniority), where);
  assert.ok(INDUSTRIES.includes(m.industry as (typeof INDUSTRIES)[number]), where);
  assert.ok(
    LOCATIONS.some((l) => l.city === m.location.city && l.timeZone === m.location.timeZone),
    where,
  );
  assert.match(m.location.country, /^[A-Z]{2}$/, where);
  assert.ok(validZone(m.location.timeZone), `${where}: ${m.location.timeZone}`);
  assert.ok(m.firstName.length > 0 && m.lastName.length > 0, where);

  const y = m.yearsOfExperience;
  assert.ok(Number.isInteger(y) && y >= 0, where);
  assert.ok(yearsAllowed(m.seniority, y), `${where}: ${m.seniority} with ${y} years`);
  if (m.seniority === 'intern') assert.equal(y, 0, where);

  // Exactly one current position, first; then 1–4 earlier ones, newest first, with sane years.
  const current = m.positions.filter((p) => p.endYear === null);
  assert.equal(current.length, 1, where);
  assert.equal(m.positions[0]!.endYear, null, where);
  assert.ok(m.positions.length >= 2 && m.positions.length <= 5, `${where}: ${m.positions.length} positions`);
  for (let k = 0; k < m.positions.length; k++) {
    const p = m.positions[k]!;
    assert.ok(
      p.startYear >= REFERENCE_YEAR - y - 1 && p.startYear <= REFERENCE_YEAR,
      `${where} position ${k}`,
    );
    if (k > 0) {
      assert.ok(p.endYear !== null && p.startYear <= p.endYear, `${where} position ${k}`);
      assert.ok(p.endYear <= m.positions[k - 1]!.startYear, `${where}: positions not newest first`);
    }
  }
  assert.equal(
    new Set(m.positions.map((p) => p.company)).size,
    m.positions.length,
    `${where}: repeated employer`,
  );

  const title = m.positions[0]!.title;
  assert.ok(TITLES.get(m.seniority)!.has(title), `${where}: "${title}" is not a ${m.seniority} title`);
  assert.ok(m.headline.startsWith(`${title} at ${m.positions[0]!.company}`), where);
  // The words a recruiter filters on mean what they say.
  if (/\bIntern\b|Summer|Student/.test(title)) assert.equal(m.seniority, 'intern', `${where}: ${title}`);
  if (/\bPartner\b/.test(title)) assert.equal(m.seniority, 'partner', `${where}: ${title}`);
  if (/^(Chief|CTO|CFO|CISO|General Counsel)/.test(title))
    assert.equal(m.seniority, 'cxo', `${where}: ${title}`);
  if (/^(VP|Vice President)\b/.test(title)) assert.equal(m.seniority, 'vp', `${where}: ${title}`);
  if (/^Senior (?!.*(Manager|Director))/.test(title))
    assert.equal(m.seniority, 'senior', `${where}: ${title}`);
  if (/Engineering Manager$/.test(title)) assert.equal(m.seniority, 'manager', `${where}: ${title}`);

  // Education: 1–2 degrees, newest first, one finished when the career started (interns: soon).
  assert.ok(m.education.length >= 1 && m.education.length <= 2, where);
  const years = m.education.map((e) => e.graduationYear!);
  for (let k = 1; k < years.length; k++) assert.ok(years[k]! <= years[k - 1]!, `${where}: education order`);
  if (m.seniority === 'intern') {
    assert.ok(
      years.some((g) => g === REFERENCE_YEAR || g === REFERENCE_YEAR + 1),
      `${where}: ${years}`,
    );
  } else {
    const start = REFERENCE_YEAR - y;
    assert.ok(
      years.some((g) => g === start || g === start - 1),
      `${where}: ${years} for ${y} years`,
    );
  }
  assert.ok(
    years.every((g) => g <= REFERENCE_YEAR + 1 && g >= 1950),
    where,
  );

  assert.ok(m.projects.length <= 3, where);
  assert.ok(m.skills.length >= 3, where);
  assert.equal(new Set(m.skills).size, m.skills.length, `${where}: duplicate skill`);
  assert.equal(new Set(m.platforms).size, m.platforms.length, `${where}: duplicate platform`);
  assert.ok(m.languages.length >= 1, where);
  assert.equal(new Set(m.languages).size, m.languages.length, `${where}: duplicate language`);
  // Names hold periods of their own (J.P. Morgan, D. E. Shaw & Co., University of St. Gallen).
  const names = [...m.positions.map((p) => p.company), ...m.education.map((e) => e.school)];
  const plain = names.reduce((text, name) => text.replaceAll(name, 'X'), m.summary);
  const sentences = plain.split(/(?<=[.!?]) /).length;
  assert.ok(sentences >= 1 && sentences <= 3, `${where}: ${sentences} summary sentences`);
  for (const text of textFields(m)) {
    assert.doesNotMatch(text, /[{}]|undefined|NaN/, `${where}: unfilled template in "${text}"`);
    assert.equal(text, text.trim(), where);
  }
}

describe('generateMember', () => {
  it('is deterministic in (index, seed)', () => {
    for (const i of [0, 1, 16, 999, 123_456, 999_999]) {
      assert.deepEqual(generateMember(i), generateMember(i));
      assert.deepEqual(generateMember(i, 7), generateMember(i, 7));
      assert.notDeepEqual(generateMember(i, 7), generateMember(i, 8));
    }
    assert.deepEqual(generateMember(3), generateMember(3, 42), 'the default seed is 42');
  });

  it('gives different members for different indexes', () => {
    const seen = new Set(members.map(({ email: _, ...rest }) => JSON.stringify(rest)));
    assert.equal(seen.size, SAMPLE);
  });

  it('does not depend on how many members are generated or in which order', () => {
    const before = generateMember(17);
    before.skills.push('Mutated'); // callers own the result; nothing is shared
    for (let i = 5000; i > 4000; i--) generateMember(i);
    const after = generateMember(17);
    assert.ok(!after.skills.includes('Mutated'));
    assert.deepEqual(after, members[17]);
    assert.deepEqual(generateMember(2999), members[2999]);
  });

  it('rejects indexes and seeds that are not safe integers', () => {
    assert.throws(() => generateMember(-1), RangeError);
    assert.throws(() => generateMember(1.5), RangeError);
    assert.throws(() => generateMember(0, Number.NaN), RangeError);
  });

  it('produces valid members', () => {
    members.forEach(assertValid);
  });

  it('produces valid, reproducible members for any index and seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 45 }), fc.integer(), (index, seed) => {
        const m = generateMember(index, seed);
        assertValid(m, index);
        assert.deepEqual(generateMember(index, seed), m);
      }),
      { numRuns: 200 },
    );
  });

  it('has a realistic mix', () => {
    const share = (pred: (m: SyntheticMember) => boolean): number => members.filter(pred).length / SAMPLE;
    const open = share((m) => m.openToWork);
    assert.ok(open > 0.11 && open < 0.19, `openToWork ${open}`);
    for (const s of SENIORITIES) assert.ok(share((m) => m.seniority === s) > 0.01, `no ${s}`);
    const us = share((m) => m.location.country === 'US');
    const europe = share((m) =>
      ['GB', 'IE', 'FR', 'DE', 'NL', 'CH', 'ES', 'SE', 'PL'].includes(m.location.country),
    );
    assert.ok(us > 0.35 && us < 0.55 && europe > 0.2 && europe < 0.4, `US ${us}, Europe ${europe}`);
    // Names from the locations: some with diacritics (José, Zoë, Łukasz, Müller ...).
    assert.ok(share((m) => /[^\x20-\x7e]/.test(m.firstName + m.lastName)) > 0.05);
    // The recruiter stories of the seeds find their candidates.
    const quants = members.filter((m) =>
      /Quantitative|Portfolio Manager|Risk Analyst/.test(m.positions[0]!.title),
    );
    assert.ok(quants.length > 30);
    assert.ok(
      quants.filter((m) => m.platforms.includes('Bloomberg') || m.platforms.includes('FactSet')).length >
        quants.length / 2,
    );
    assert.ok(quants.some((m) => m.skills.includes('Python')));
    const lawyers = members.filter((m) => m.industry === 'Law Practice');
    for (const t of ['Associate', 'Senior Associate', 'Partner']) {
      assert.ok(
        lawyers.some((m) => m.positions[0]!.title.endsWith(t)),
        `no ${t}`,
      );
    }
    assert.ok(share((m) => m.publications.length > 0) > 0.03);
    assert.ok(share((m) => m.projects.length > 0) > 0.5);
    assert.ok(share((m) => m.languages.length > 1) > 0.5);
  });
});

describe('data tables', () => {
  it('has ~30 locations on every inhabited continent with valid time zones', () => {
    assert.ok(LOCATIONS.length >= 28 && LOCATIONS.length <= 40);
    for (const l of LOCATIONS) {
      assert.ok(validZone(l.timeZone), l.city);
      assert.match(l.country, /^[A-Z]{2}$/);
      assert.ok(l.universities.length >= 3, l.city);
    }
    for (const c of ['US', 'BR', 'GB', 'NG', 'JP', 'AU'])
      assert.ok(
        LOCATIONS.some((l) => l.country === c),
        c,
      );
    const zone = (city: string): string | undefined => LOCATIONS.find((l) => l.city === city)?.timeZone;
    assert.equal(zone('New York'), 'America/New_York');
    assert.equal(zone('Phoenix'), 'America/Phoenix');
    assert.equal(zone('Bangalore'), 'Asia/Kolkata');
    assert.equal(new Set(LOCATIONS.map((l) => l.city)).size, LOCATIONS.length);
  });

  it('lists well-known employers for every industry', () => {
    const names = new Set(Object.values(COMPANIES_BY_INDUSTRY).flatMap((cs) => cs.map((c) => c.name)));
    for (const industry of INDUSTRIES) assert.ok(COMPANIES_BY_INDUSTRY[industry].length >= 5, industry);
    for (const name of [
      'Google',
      'Stripe',
      'Citadel',
      'Two Sigma',
      'Goldman Sachs',
      'BlackRock',
      'Latham & Watkins',
    ]) {
      assert.ok(names.has(name), name);
    }
    for (const name of ['Kirkland & Ellis', 'Mayo Clinic', 'Salesforce', 'HubSpot', 'Deloitte'])
      assert.ok(names.has(name));
    assert.ok([...names].some((n) => n.startsWith('Skadden')));
    assert.equal(
      names.size,
      Object.values(COMPANIES_BY_INDUSTRY).flat().length,
      'a company is in one industry',
    );
  });

  it('gives every role family titles, skills and industries', () => {
    for (const f of ROLE_FAMILIES) {
      assert.ok(f.titles.intern && f.titles.senior, f.key);
      assert.ok(f.specialties.length >= 3 && f.skills.length >= 3 && f.projects.length >= 3, f.key);
      for (const [industry] of f.industries) assert.ok(INDUSTRIES.includes(industry), f.key);
    }
    assert.equal(new Set(ROLE_FAMILIES.map((f) => f.key)).size, ROLE_FAMILIES.length);
  });
});

describe('generateConnections', () => {
  const N = 2000;
  const pairs = [...generateConnections(N)];

  it('yields each pair once, a < b, in order, without self-loops', () => {
    const seen = new Set<number>();
    let last = -1;
    for (const [a, b] of pairs) {
      assert.ok(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b < N && a < b, `${a}-${b}`);
      assert.ok(a >= last, 'ordered by a');
      last = a;
      const key = a * N + b;
      assert.ok(!seen.has(key), `duplicate ${a}-${b}`);
      seen.add(key);
    }
  });

  it('is deterministic and re-iterable', () => {
    const again = generateConnections(N);
    assert.deepEqual([...again], pairs);
    assert.deepEqual([...again], pairs);
    assert.notDeepEqual([...generateConnections(N, 43)], pairs);
  });

  it('hits the requested average degree', () => {
    const degree = (2 * pairs.length) / N;
    assert.ok(Math.abs(degree - 20) <= 20 * 0.3, `average degree ${degree}`);
    const sparse = (2 * [...generateConnections(N, 42, { avgDegree: 8 })].length) / N;
    assert.ok(Math.abs(sparse - 8) <= 8 * 0.3, `average degree ${sparse}`);
  });

  it('is clustered by employer and city', () => {
    const sample = members.slice(0, N);
    const company = sample.map((m) => m.positions[0]!.company);
    const city = sample.map((m) => m.location.city);
    const linked = pairs.filter(([a, b]) => company[a] === company[b] || city[a] === city[b]).length;
    // The same share for a random pair, counted exactly from the group sizes.
    const count = (keys: string[]): number => {
      const m = new Map<string, number>();
      for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
      return [...m.values()].reduce((s, c) => s + c * (c - 1), 0);
    };
    const both = sample.map((_, i) => `${company[i]}|${city[i]}`);
    const randomShare = (count(company) + count(city) - count(both)) / (N * (N - 1));
    const share = linked / pairs.length;
    assert.ok(share > 3 * randomShare, `share ${share.toFixed(3)} vs random ${randomShare.toFixed(3)}`);
  });

  it('has meaningful 2nd-degree neighbourhoods and members at 3rd degree and beyond', () => {
    const adjacency: number[][] = Array.from({ length: N }, () => []);
    for (const [a, b] of pairs) {
      adjacency[a]!.push(b);
      adjacency[b]!.push(a);
    }
    const distance = new Int32Array(N).fill(-1);
    distance[0] = 0;
    const queue = [0];
    for (let h = 0; h < queue.length; h++) {
      const v = queue[h]!;
      for (const w of adjacency[v]!) {
        if (distance[w] === -1) {
          distance[w] = distance[v]! + 1;
          queue.push(w);
        }
      }
    }
    const at = (d: number): number => distance.filter((x) => x === d).length;
    assert.ok(at(1) >= 1);
    assert.ok(at(2) > 5 * at(1), `1st ${at(1)}, 2nd ${at(2)}`);
    assert.ok(
      distance.some((x) => x >= 3),
      'someone is 3+ hops away',
    );
    assert.ok(queue.length > 0.95 * N, `giant component ${queue.length}`);
  });

  it('handles tiny and invalid inputs', () => {
    assert.deepEqual([...generateConnections(0)], []);
    assert.deepEqual([...generateConnections(1)], []);
    assert.deepEqual([...generateConnections(50, 42, { avgDegree: 0 })], []);
    assert.throws(() => generateConnections(-1), RangeError);
    assert.throws(() => generateConnections(10, 42, { avgDegree: -2 }), RangeError);
    for (const [a, b] of generateConnections(5, 42, { avgDegree: 100 })) assert.ok(a < b && b < 5);
  });
});

describe('throughput (measured, not asserted)', () => {
  it('reports profiles/s and pairs/s', (t) => {
    const n = 20_000;
    let t0 = performance.now();
    for (let i = 0; i < n; i++) generateMember(i);
    const profiles = n / ((performance.now() - t0) / 1000);
    t0 = performance.now();
    let count = 0;
    for (const _ of generateConnections(n)) count++;
    const pairsPerSecond = count / ((performance.now() - t0) / 1000);
    t.diagnostic(`${Math.round(profiles)} profiles/s; ${Math.round(pairsPerSecond)} pairs/s (${n} members)`);
  });
});
