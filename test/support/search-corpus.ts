/**
 * A small fixed corpus for search tests: the profiles of the query parser's own tests (so the
 * in-memory reference matcher's expectations carry over) plus two more, with what the SQL search
 * needs for filters (seniority, years, open to work, graduation years, languages).
 */
import type { Role } from '../../src/domain/auth.ts';
import type { MemberProfile } from '../../src/domain/profile.ts';
import { seedUuid } from '../../src/seed/ids.ts';
import { hashPassword } from '../../src/services/crypto.ts';
import type { Services } from '../../src/services/index.ts';
import { TEST_PASSWORD } from './constants.ts';

export function corpusProfile(p: Partial<MemberProfile> & Pick<MemberProfile, 'id'>): MemberProfile {
  return {
    firstName: '',
    lastName: '',
    headline: '',
    summary: '',
    industry: '',
    seniority: 'senior',
    location: { city: '', region: '', country: '', timeZone: 'UTC' },
    positions: [],
    skills: [],
    platforms: [],
    education: [],
    projects: [],
    publications: [],
    languages: [],
    openToWork: false,
    yearsOfExperience: 5,
    ...p,
  };
}

export const CORPUS: MemberProfile[] = [
  corpusProfile({
    id: 'p1',
    firstName: 'Ana',
    lastName: 'Müller',
    headline: 'Portfolio Manager at Citadel',
    summary: 'Systematic equities portfolio manager.',
    industry: 'Investment Management',
    location: { city: 'Zürich', region: 'Zürich', country: 'CH', timeZone: 'Europe/Zurich' },
    positions: [
      { title: 'Portfolio Manager', company: 'Citadel', startYear: 2019, endYear: null },
      {
        title: 'Quantitative Analyst',
        company: 'Two Sigma',
        startYear: 2014,
        endYear: 2019,
        description: 'Built factor models in Python and C++.',
      },
    ],
    skills: ['Python', 'C++', 'Risk Management'],
    platforms: ['Bloomberg', 'FactSet'],
    education: [
      { school: 'ETH Zürich', degree: 'MSc', field: 'Financial Engineering', graduationYear: 2014 },
    ],
    publications: ['Factor Timing in Practice'],
    languages: ['German', 'English'],
  }),
  corpusProfile({
    id: 'p2',
    firstName: 'Ben',
    lastName: "O'Brien",
    headline: 'Senior Software Engineer',
    summary: 'I build e-commerce platforms with Node.js.',
    industry: 'Internet',
    location: { city: 'Toronto', region: 'Ontario', country: 'CA', timeZone: 'America/Toronto' },
    positions: [
      { title: 'Senior Software Engineer', company: 'Shopify', startYear: 2020, endYear: null },
      { title: 'Software Engineer', company: 'Amazon', startYear: 2016, endYear: 2020 },
    ],
    skills: ['Node.js', 'TypeScript', 'E-commerce', 'C#'],
    platforms: ['Kubernetes', 'AWS'],
    education: [
      {
        school: 'University of Waterloo',
        degree: 'BASc',
        field: 'Computer Engineering',
        graduationYear: 2016,
      },
    ],
    projects: [{ name: 'Checkout Rewrite', description: 'Rewrote the checkout in TypeScript.' }],
    languages: ['English', 'French'],
  }),
  corpusProfile({
    id: 'p3',
    firstName: 'Chloé',
    lastName: 'Dubois',
    headline: 'Quantitative Researcher',
    summary: 'Statistical arbitrage research; previously a portfolio analyst.',
    industry: 'Financial Services',
    location: { city: 'Paris', region: 'Île-de-France', country: 'FR', timeZone: 'Europe/Paris' },
    positions: [
      { title: 'Quantitative Researcher', company: 'Citadel Securities', startYear: 2021, endYear: null },
      { title: 'Portfolio Analyst', company: 'BNP Paribas', startYear: 2017, endYear: 2021 },
    ],
    skills: ['Python', 'R', 'Statistics'],
    platforms: ['Bloomberg'],
    education: [
      { school: 'École Polytechnique', degree: 'MSc', field: 'Applied Mathematics', graduationYear: 2017 },
    ],
    languages: ['French', 'English'],
  }),
  corpusProfile({
    id: 'p4',
    firstName: 'David',
    lastName: 'Kim',
    headline: '.NET Developer',
    summary: 'Backend developer: C#, .NET and SQL Server.',
    industry: 'Software Development',
    location: { city: 'Seattle', region: 'Washington', country: 'US', timeZone: 'America/Los_Angeles' },
    positions: [
      { title: '.NET Developer', company: 'Microsoft', startYear: 2018, endYear: null },
      { title: 'Java Developer', company: 'Oracle', startYear: 2012, endYear: 2018 },
    ],
    skills: ['C#', '.NET', 'SQL', 'Java'],
    platforms: ['Azure'],
    education: [
      { school: 'University of Washington', degree: 'BS', field: 'Computer Science', graduationYear: 2012 },
    ],
    languages: ['English', 'Korean'],
  }),
  corpusProfile({
    id: 'p5',
    firstName: 'Emma',
    lastName: 'Johansson',
    headline: 'Head of Talent',
    summary: 'Hiring engineers and portfolio managers across the Nordics.',
    industry: 'Internet',
    location: { city: 'Stockholm', region: 'Stockholm County', country: 'SE', timeZone: 'Europe/Stockholm' },
    positions: [
      { title: 'Head of Talent', company: 'Spotify', startYear: 2020, endYear: null },
      { title: 'Recruiter', company: 'Klarna', startYear: 2016, endYear: 2020 },
    ],
    skills: ['Recruiting', 'Employer Branding'],
    platforms: ['LinkedIn Recruiter'],
    education: [{ school: 'Stockholm University', degree: 'BA', field: 'Psychology', graduationYear: 2015 }],
    languages: ['Swedish', 'English'],
  }),
  corpusProfile({
    id: 'p6',
    firstName: 'Farid',
    lastName: 'Haddad',
    headline: 'Risk Manager',
    summary: 'Manager, portfolio risk and VBA tooling.',
    industry: 'Investment Management',
    location: { city: 'Boston', region: 'Massachusetts', country: 'US', timeZone: 'America/New_York' },
    positions: [
      { title: 'Risk Manager', company: 'Fidelity Investments', startYear: 2019, endYear: null },
      { title: 'Portfolio Risk Analyst', company: 'Fidelity Investments', startYear: 2015, endYear: 2019 },
    ],
    skills: ['Risk Management', 'Python', 'VBA'],
    platforms: ['FactSet'],
    education: [{ school: 'Boston University', degree: 'MBA', field: 'Finance', graduationYear: 2015 }],
    languages: ['English', 'Arabic'],
  }),
  corpusProfile({
    id: 'p7',
    firstName: 'Grace',
    lastName: 'Lee',
    headline: 'Data Scientist',
    summary: 'Previously wrote Java and Scala at a startup; now Python.',
    industry: 'Internet',
    location: { city: 'Toronto', region: 'Ontario', country: 'CA', timeZone: 'America/Toronto' },
    positions: [
      { title: 'Data Scientist', company: 'Shopify', startYear: 2021, endYear: null },
      { title: 'Software Engineer', company: 'Wealthsimple', startYear: 2018, endYear: 2021 },
    ],
    skills: ['Python', 'Pandas', 'Machine Learning'],
    platforms: ['AWS'],
    education: [
      { school: 'University of Toronto', degree: 'MSc', field: 'Statistics', graduationYear: 2018 },
    ],
    languages: ['Mandarin', 'English'],
  }),
  corpusProfile({
    id: 'p8',
    firstName: 'Hiro',
    lastName: 'Tanaka',
    headline: 'Product Manager',
    summary: 'Consumer electronics products.',
    industry: 'Consumer Electronics',
    location: { city: 'Tokyo', region: 'Tokyo', country: 'JP', timeZone: 'Asia/Tokyo' },
    positions: [
      { title: 'Product Manager', company: 'Sony', startYear: 2017, endYear: null },
      { title: 'Portfolio Lead', company: 'Sony', startYear: 2012, endYear: 2017 },
    ],
    skills: ['Product Management', 'Agile'],
    education: [{ school: 'Keio University', degree: 'BA', field: 'Economics', graduationYear: 2012 }],
    languages: ['Japanese', 'English'],
  }),
  corpusProfile({
    id: 'p9',
    firstName: 'Ines',
    lastName: 'García',
    headline: 'Portfolio Manager, fixed income',
    summary: 'Fixed income portfolio management. Python for analytics; Bloomberg daily.',
    industry: 'Investment Management',
    seniority: 'director',
    yearsOfExperience: 14,
    openToWork: true,
    location: { city: 'Madrid', region: 'Community of Madrid', country: 'ES', timeZone: 'Europe/Madrid' },
    positions: [
      { title: 'Senior Portfolio Manager', company: 'BlackRock', startYear: 2018, endYear: null },
      { title: 'Portfolio Manager', company: 'Santander', startYear: 2012, endYear: 2018 },
    ],
    skills: ['Fixed Income', 'Python', 'Risk Management'],
    platforms: ['Bloomberg'],
    education: [
      { school: 'Universidad Carlos III de Madrid', degree: 'MSc', field: 'Finance', graduationYear: 2011 },
    ],
    languages: ['Spanish', 'English'],
  }),
  corpusProfile({
    id: 'p10',
    firstName: 'Jonas',
    lastName: 'Weber',
    headline: 'Staff Site Reliability Engineer',
    summary: 'Kubernetes, Terraform and on-call culture. Previously a systems administrator.',
    industry: 'Software Development',
    seniority: 'lead',
    yearsOfExperience: 11,
    location: { city: 'Berlin', region: 'Berlin', country: 'DE', timeZone: 'Europe/Berlin' },
    positions: [
      { title: 'Staff Site Reliability Engineer', company: 'Zalando', startYear: 2020, endYear: null },
      { title: 'Systems Administrator', company: 'Deutsche Bank', startYear: 2014, endYear: 2020 },
    ],
    skills: ['Kubernetes', 'Terraform', 'Go'],
    platforms: ['AWS', 'Datadog'],
    education: [
      {
        school: 'Technische Universität Berlin',
        degree: 'BSc',
        field: 'Computer Science',
        graduationYear: 2014,
      },
    ],
    languages: ['German', 'English'],
  }),
];

/** The corpus id ('p1') as a member UUID, and back. */
export const corpusId = (key: string): string => seedUuid('search-corpus', key);
export const corpusKey = new Map(CORPUS.map((p) => [corpusId(p.id), p.id]));

/** Creates an organization with one user (also a member of the network when `asMember`). */
export async function createOrgUser(
  services: Services,
  o: { email: string; slug: string; roles?: Role[]; asMember?: boolean },
): Promise<{ orgId: string; userId: string; accountId: string; memberId: string | null }> {
  const repos = services.store.repos;
  const org = await repos.organizations.create(`Org ${o.slug}`, o.slug);
  const accountId = seedUuid('search-account', o.email);
  await repos.accounts.insertMany([{ id: accountId, email: o.email }], await hashPassword(TEST_PASSWORD));
  const userId = await repos.users.create({
    orgId: org.id,
    accountId,
    firstName: 'Sam',
    lastName: 'Searcher',
    title: 'Recruiter',
    roles: o.roles ?? ['recruiter'],
  });
  let memberId: string | null = null;
  if (o.asMember) {
    memberId = seedUuid('search-member', o.email);
    await repos.members.insertMany([
      { ...corpusProfile({ id: memberId, firstName: 'Sam', lastName: 'Searcher' }), accountId },
    ]);
  }
  return { orgId: org.id, userId, accountId, memberId };
}
