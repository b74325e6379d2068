import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { MemberProfile } from './profile.ts';
import {
  PERSONALIZATION_DEFAULTS,
  checkPersonalization,
  personalizationSuggestions,
} from './personalization.ts';
import type { PersonalizationKind, PersonalizationReason } from './personalization.ts';

function member(overrides: Partial<MemberProfile>): MemberProfile {
  return {
    id: 'm',
    firstName: 'Test',
    lastName: 'Member',
    headline: '',
    summary: '',
    industry: 'Financial Services',
    seniority: 'senior',
    location: { city: 'New York', region: 'New York', country: 'US', timeZone: 'America/New_York' },
    positions: [],
    skills: [],
    platforms: [],
    education: [],
    projects: [],
    publications: [],
    languages: ['English'],
    openToWork: false,
    yearsOfExperience: 5,
    ...overrides,
  };
}

const quant = member({
  id: 'quant',
  firstName: 'Ana',
  lastName: 'López',
  positions: [
    { title: 'Senior Software Engineer', company: 'Goldman Sachs & Co. LLC', startYear: 2020, endYear: null },
    { title: 'Quantitative Analyst', company: 'Boston Consulting Group', startYear: 2016, endYear: 2020 },
  ],
  skills: ['Python', 'Go', 'R', 'Machine Learning', 'Leadership', 'JavaScript', 'Excel', 'C++'],
  platforms: ['Bloomberg', 'FactSet', 'Kubernetes', '.NET'],
  education: [
    { school: 'Massachusetts Institute of Technology', degree: 'MS', field: 'CS', graduationYear: 2016 },
    { school: 'Universidad de São Paulo', degree: 'BS', field: 'Math', graduationYear: 2014 },
  ],
  projects: [
    { name: 'Project Phoenix', description: 'Rewrite of the pricing engine' },
    { name: 'Real-time fraud detection pipeline', description: 'Streaming' },
  ],
  publications: ['Pricing Exotic Options with Neural Networks'],
});

const lawyer = member({
  id: 'lawyer',
  firstName: 'Daniel',
  lastName: 'Okafor',
  seniority: 'associate',
  industry: 'Law Practice',
  positions: [
    { title: 'Senior Associate', company: 'Cravath, Swaine & Moore LLP', startYear: 2019, endYear: null },
    { title: 'Associate', company: 'Bank of America', startYear: 2015, endYear: 2019 },
  ],
  skills: ['Mergers & Acquisitions', 'Due Diligence', 'Leadership', 'Project Management'],
  platforms: ['Relativity', 'Westlaw'],
  education: [
    { school: 'Columbia Law School', degree: 'JD', field: 'Law', graduationYear: 2015 },
    { school: 'New York University', degree: 'BA', field: 'Economics', graduationYear: 2012 },
  ],
  projects: [{ name: 'The Way We Work', description: 'An internal initiative' }],
  publications: ['Earnouts in the Delaware Chancery Court'],
});

const other = member({
  id: 'other',
  firstName: 'Mei',
  lastName: 'Chen',
  skills: ['Kotlin', 'Scala'],
  projects: [{ name: 'Orion Risk Dashboard', description: '' }],
});

type Pass = [
  title: string,
  profile: MemberProfile,
  text: string,
  kind: PersonalizationKind,
  matchedText: string,
];

const passes: Pass[] = [
  [
    'a project by its full name',
    quant,
    'Your rewrite in Project Phoenix sounded like a real challenge.',
    'project',
    'Project Phoenix',
  ],
  [
    'a project by its full name in lower case',
    quant,
    'I read about project phoenix and the pricing rewrite.',
    'project',
    'project phoenix',
  ],
  [
    'a project by its distinctive word',
    quant,
    'Your work on Phoenix looked fascinating to our desk.',
    'project',
    'Phoenix',
  ],
  [
    'a project by two adjacent words of a long name',
    quant,
    'Your fraud detection work is exactly what we need.',
    'project',
    'fraud detection',
  ],
  [
    'a publication by a phrase of its title',
    quant,
    'Your paper on pricing exotic options was a great read.',
    'publication',
    'pricing exotic',
  ],
  ['a platform', quant, 'Our desk lives in Bloomberg all day, like yours does.', 'platform', 'Bloomberg'],
  [
    'a platform in the possessive, any case',
    quant,
    "We rely on factset's screening tools every single day.",
    'platform',
    'factset',
  ],
  [
    'a multi-word skill written with a hyphen',
    quant,
    'Your machine-learning talks at PyData were excellent.',
    'skill',
    'machine-learning',
  ],
  [
    'a multi-word skill with a small gap and a stemmed form',
    quant,
    'You apply machine and deep learning to trading signals.',
    'skill',
    'machine and deep learning',
  ],
  [
    'a short form (JS for JavaScript)',
    quant,
    'Your JS visualizations of order books are lovely.',
    'skill',
    'JS',
  ],
  [
    'an alias (Golang for Go)',
    quant,
    'Your golang services for market data impressed us.',
    'skill',
    'golang',
  ],
  [
    'a short skill as a standalone word mid-sentence (Go)',
    quant,
    'I saw your Go services on GitHub last week.',
    'skill',
    'Go',
  ],
  [
    'a one-letter skill as a standalone word (R)',
    quant,
    'Your R packages for time series are widely used.',
    'skill',
    'R',
  ],
  ['C++ and not C', quant, 'We write low-latency C++ and saw your talk on it.', 'skill', 'C++'],
  ['.NET as a platform', quant, 'I noticed your .NET migration work at the bank.', 'platform', '.NET'],
  [
    'a company by its distinctive first word',
    quant,
    'Your years at Goldman must have been intense ones.',
    'company',
    'Goldman',
  ],
  [
    'a company without its legal suffix',
    quant,
    'Moving from Goldman Sachs to a fund is a big step.',
    'company',
    'Goldman Sachs',
  ],
  [
    'a past company by its initials',
    quant,
    'Your consulting years at BCG are a great fit here.',
    'company',
    'BCG',
  ],
  ['a school by its initials', quant, 'Several of our quants also studied at MIT like you.', 'school', 'MIT'],
  [
    'a school despite diacritics and spelling variants',
    quant,
    'You studied at Universidade de Sao Paulo, right?',
    'school',
    'Universidade de Sao Paulo',
  ],
  [
    'a title as the whole phrase',
    quant,
    'As a senior software engineer you would lead the team.',
    'title',
    'senior software engineer',
  ],
  [
    'a title core without the seniority modifier, plural',
    quant,
    'We need software engineers who know markets well.',
    'title',
    'software engineers',
  ],
  [
    'a past title',
    quant,
    'Your years as a quantitative analyst are relevant here.',
    'title',
    'quantitative analyst',
  ],
  [
    'M&A for Mergers & Acquisitions',
    lawyer,
    'Your M&A practice is exactly what our client needs.',
    'skill',
    'M&A',
  ],
  [
    'a multi-word skill of a lawyer',
    lawyer,
    'Your due diligence on cross-border deals stood out.',
    'skill',
    'due diligence',
  ],
  [
    'a school by its distinctive part',
    lawyer,
    'Our partners include several Columbia alumni like you.',
    'school',
    'Columbia',
  ],
  [
    'a firm by its first word',
    lawyer,
    'Moving on from Cravath after five years is a big decision.',
    'company',
    'Cravath',
  ],
  [
    'a publication by distinctive words',
    lawyer,
    'Your article on earnouts and Delaware law was sharp.',
    'publication',
    'earnouts and Delaware',
  ],
];

type Fail = [title: string, profile: MemberProfile, text: string, reason: PersonalizationReason];

const fails: Fail[] = [
  ['empty text', quant, '', 'empty'],
  ['whitespace only', quant, ' \n\t  ', 'empty'],
  ['punctuation and emoji only', quant, '!!! 🎉🎉 ...', 'empty'],
  ['fewer characters than the minimum', quant, 'Nice Go code', 'too_short'],
  ['fewer words than the minimum', quant, 'Bloomberg-FactSet-Kubernetes!!!', 'too_short'],
  ['an unexpanded merge field', quant, 'Your work with {{candidate.topSkill}} is interesting', 'merge_tag'],
  ['only the name repeated', quant, 'Hi Ana López, Ana, López, hello Ana!', 'only_merge_output'],
  ['generic praise', quant, 'I was impressed by your impressive background', 'generic_praise'],
  [
    'generic praise about the profile',
    quant,
    'Your profile is great and you would be a great fit',
    'generic_praise',
  ],
  [
    'praise of generic experience with the name',
    quant,
    'Ana, your experience in the industry is remarkable.',
    'no_profile_reference',
  ],
  [
    'skills the candidate does not list',
    quant,
    'Do you know Kotlin and Scala and the Spring framework?',
    'no_profile_reference',
  ],
  [
    "another candidate's project",
    quant,
    'Your work on the Orion risk dashboard was really neat.',
    'no_profile_reference',
  ],
  [
    'R inside a longer word',
    quant,
    'As a recruiter I read every resume very carefully',
    'no_profile_reference',
  ],
  ['go as an ordinary verb', quant, "I'd love to go over a role with you next week", 'no_profile_reference'],
  [
    'Go as the first word of a sentence',
    quant,
    'Go ahead and reply whenever you have a minute.',
    'no_profile_reference',
  ],
  [
    'excelled is not Excel',
    quant,
    'You excelled at everything you did in your career',
    'no_profile_reference',
  ],
  ['net is not .NET', quant, 'Your net income analysis was a very solid piece', 'no_profile_reference'],
  [
    'a generic single title word',
    quant,
    'You are clearly a talented engineer and developer.',
    'no_profile_reference',
  ],
  [
    'a title word family that is not the title',
    quant,
    'Your software engineering chops are clear to all of us',
    'no_profile_reference',
  ],
  [
    'a generic skill (Leadership)',
    quant,
    'Your leadership of the team is inspiring to us all',
    'no_profile_reference',
  ],
  [
    'a project made of stop-words and generic words',
    lawyer,
    'The way we work together here is special to us.',
    'no_profile_reference',
  ],
  [
    'a generic skill phrase (Project Management)',
    lawyer,
    'We value project management across the whole firm.',
    'no_profile_reference',
  ],
  [
    'one word of a rank title (Associate)',
    lawyer,
    'Your work as an associate is well known to us here.',
    'no_profile_reference',
  ],
  [
    'the generic first word of a company (Bank of America)',
    lawyer,
    'Working at a bank like yours must be demanding.',
    'no_profile_reference',
  ],
  [
    'the city that is also part of a school name',
    lawyer,
    'Life in New York must be busy for you these days.',
    'no_profile_reference',
  ],
  [
    'the industry only',
    lawyer,
    'Law practice is a demanding field for everyone in it.',
    'no_profile_reference',
  ],
  [
    'a capitalized school word without a capital',
    lawyer,
    'I like the columbia river and its many bridges a lot',
    'no_profile_reference',
  ],
];

describe('checkPersonalization passes on a reference to the profile', () => {
  for (const [title, profile, text, kind, matchedText] of passes) {
    it(title, () => {
      const r = checkPersonalization(text, profile);
      assert.equal(r.ok, true, `${text} -> ${r.reason}: ${r.message}`);
      assert.equal(r.reason, undefined);
      const m = r.matched.find((x) => x.kind === kind);
      assert.ok(m, `no ${kind} in ${JSON.stringify(r.matched)}`);
      assert.equal(m.matchedText, matchedText);
    });
  }
});

describe('checkPersonalization fails without a specific reference', () => {
  for (const [title, profile, text, reason] of fails) {
    it(title, () => {
      const r = checkPersonalization(text, profile);
      assert.equal(r.ok, false, `${text} matched ${JSON.stringify(r.matched)}`);
      assert.equal(r.reason, reason);
      assert.deepEqual(r.matched, []);
      assert.ok(r.message.length > 0);
      assert.ok(r.suggestions.length > 0);
    });
  }
});

describe('checkPersonalization details', () => {
  it('checks against THAT recipient: the same text passes for one and fails for another', () => {
    const text = 'Your work on the Orion risk dashboard was really neat.';
    assert.equal(checkPersonalization(text, other).ok, true);
    assert.equal(checkPersonalization(text, quant).ok, false);
  });

  it('reports every element matched, once each', () => {
    const r = checkPersonalization(
      'From Goldman to BCG, and Bloomberg plus Bloomberg again: quite a path.',
      quant,
    );
    assert.deepEqual(
      r.matched.map((m) => [m.kind, m.value, m.matchedText]),
      [
        ['platform', 'Bloomberg', 'Bloomberg'],
        ['company', 'Goldman Sachs & Co. LLC', 'Goldman'],
        ['company', 'Boston Consulting Group', 'BCG'],
      ],
    );
    assert.match(r.message, /Bloomberg/);
  });

  it('keeps an element listed twice (skill and platform) once, under the more specific kind', () => {
    const p = member({ skills: ['Python'], platforms: ['python'] });
    const r = checkPersonalization('Your Python notebooks on GitHub are great', p);
    assert.deepEqual(r.matched, [{ kind: 'platform', value: 'python', matchedText: 'Python' }]);
  });

  it('does not count a company word that is the candidate’s own name', () => {
    const p = member({
      firstName: 'Joan',
      lastName: 'Kessler',
      positions: [{ title: 'Counsel', company: 'Kessler Partners LLP', startYear: 2010, endYear: null }],
    });
    assert.equal(
      checkPersonalization('Hello Joan Kessler, I hope you are doing well', p).reason,
      'no_profile_reference',
    );
    assert.equal(checkPersonalization('Building Kessler Partners from scratch is a feat.', p).ok, true);
  });

  it('does not count a skill that is also the candidate’s first name', () => {
    const p = member({ firstName: 'Julia', lastName: 'Berg', skills: ['Julia', 'Python'] });
    assert.equal(checkPersonalization('Hi Julia, I hope you are doing well today', p).ok, false);
    assert.ok(!checkPersonalization('', p).suggestions.some((s) => s.value === 'Julia'));
  });

  it('honours minChars and minWords options', () => {
    assert.equal(checkPersonalization('Go at BCG', quant).reason, 'too_short');
    assert.equal(checkPersonalization('Your BCG years', quant, { minChars: 5, minWords: 2 }).ok, true);
    assert.equal(PERSONALIZATION_DEFAULTS.minChars, 20);
    assert.equal(PERSONALIZATION_DEFAULTS.minWords, 4);
  });

  it('honours maxGap for multi-word elements', () => {
    const text = 'Your machine vision and speech and deep learning work';
    assert.equal(checkPersonalization(text, quant).ok, false);
    assert.equal(checkPersonalization(text, quant, { maxGap: 5 }).ok, true);
  });

  it('never matches a generic or stop-word element, for any sentence', () => {
    const p = member({
      skills: ['Leadership', 'Teamwork', 'Communication'],
      projects: [{ name: 'The Project', description: '' }],
    });
    const words = [
      'your',
      'leadership',
      'teamwork',
      'communication',
      'the',
      'project',
      'team',
      'experience',
      'great',
      'is',
      'work',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 4, maxLength: 15 }), (ws) => {
        assert.equal(checkPersonalization(ws.join(' '), p).ok, false);
      }),
    );
  });

  it('passes any sentence that names a distinctive listed skill', () => {
    const skills = [
      'Terraform',
      'Snowflake',
      'PyTorch',
      'Bloomberg',
      'Westlaw',
      'FactSet',
      'Kafka',
      'Haskell',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...skills),
        fc.constantFrom('Your', 'I saw your', 'Loved your'),
        (skill, lead) => {
          const r = checkPersonalization(
            `${lead} ${skill} talk at the meetup last spring`,
            member({ skills }),
          );
          assert.equal(r.ok, true);
          assert.equal(r.matched[0]?.value, skill);
        },
      ),
    );
  });

  it('is total: never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = checkPersonalization(s, quant);
        assert.equal(typeof r.ok, 'boolean');
      }),
    );
  });
});

describe('suggestions', () => {
  it('come from the recipient’s own profile, most specific kinds first, at most 6', () => {
    assert.deepEqual(checkPersonalization('', quant).suggestions, [
      { kind: 'project', value: 'Project Phoenix' },
      { kind: 'platform', value: 'Bloomberg' },
      { kind: 'publication', value: 'Pricing Exotic Options with Neural Networks' },
      { kind: 'company', value: 'Goldman Sachs & Co. LLC' },
      { kind: 'school', value: 'Massachusetts Institute of Technology' },
      { kind: 'skill', value: 'Python' },
    ]);
  });

  it('leave out generic elements and what the text already mentions', () => {
    const s = checkPersonalization('Your due diligence on cross-border deals stood out.', lawyer).suggestions;
    assert.ok(
      !s.some(
        (x) => x.value === 'Leadership' || x.value === 'Project Management' || x.value === 'The Way We Work',
      ),
    );
    assert.ok(!s.some((x) => x.value === 'Due Diligence'));
    assert.ok(s.some((x) => x.value === 'Mergers & Acquisitions'));
  });

  it('take a second round when kinds run out, and respect the maximum', () => {
    const p = member({ skills: ['Kafka', 'Flink', 'Spark', 'Scala'], platforms: ['Databricks'] });
    assert.deepEqual(personalizationSuggestions(p, 4), [
      { kind: 'platform', value: 'Databricks' },
      { kind: 'skill', value: 'Kafka' },
      { kind: 'skill', value: 'Flink' },
      { kind: 'skill', value: 'Spark' },
    ]);
  });

  it('are empty for an empty profile, and the message then has no example', () => {
    const r = checkPersonalization('Your career so far looks really interesting to me', member({}));
    assert.equal(r.ok, false);
    assert.deepEqual(r.suggestions, []);
    assert.doesNotMatch(r.message, /e\.g\./);
  });

  it('are named in the failure message', () => {
    const r = checkPersonalization('Do you know Kotlin and Scala and the Spring framework?', quant);
    assert.match(r.message, /Project Phoenix/);
  });
});
