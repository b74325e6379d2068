import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { MemberProfile } from './profile.ts';
import { SENIORITIES } from './profile.ts';
import {
  SENIORITY_SEGMENTS,
  TEMPLATE_FIELDS,
  TemplateError,
  chooseTemplateForSeniority,
  isTemplateField,
  parseTemplate,
  renderTemplate,
  requiresPersonalization,
  senioritySegment,
  validateTemplate,
} from './template.ts';
import type { RenderContext } from './template.ts';

function profile(overrides: Partial<MemberProfile> = {}): MemberProfile {
  return {
    id: 'm1',
    firstName: 'Ana',
    lastName: 'López',
    headline: 'M&A associate at Skadden',
    summary: '',
    industry: 'Law Practice',
    seniority: 'associate',
    location: { city: 'New York', region: 'NY', country: 'US', timeZone: 'America/New_York' },
    positions: [
      { title: 'Senior Associate', company: 'Skadden', startYear: 2021, endYear: null },
      { title: 'Associate', company: 'Cravath', startYear: 2017, endYear: 2021 },
    ],
    skills: ['Mergers & Acquisitions', 'Due Diligence'],
    platforms: ['Relativity'],
    education: [
      { school: 'Cornell University', degree: 'BA', field: 'Economics', graduationYear: 2014 },
      { school: 'Columbia Law School', degree: 'JD', field: 'Law', graduationYear: 2017 },
    ],
    projects: [],
    publications: [],
    languages: ['English', 'Spanish'],
    openToWork: false,
    yearsOfExperience: 8,
    ...overrides,
  };
}

const sender = { firstName: 'Sam', lastName: 'Reed', title: 'Legal Recruiter', company: 'Counsel Search' };

function ctx(overrides: Partial<RenderContext> = {}): RenderContext {
  return { candidate: profile(), sender, ...overrides };
}

function errorOf(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof TemplateError, `expected TemplateError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a TemplateError');
}

describe('parseTemplate', () => {
  it('splits text and fields, with and without fallback', () => {
    assert.deepEqual(parseTemplate('Hi {{candidate.firstName}}, {{ candidate.currentTitle | "there" }}!'), [
      { kind: 'text', text: 'Hi ' },
      { kind: 'field', field: 'candidate.firstName', position: 3 },
      { kind: 'text', text: ', ' },
      { kind: 'field', field: 'candidate.currentTitle', fallback: 'there', position: 28 },
      { kind: 'text', text: '!' },
    ]);
  });

  it('returns a single text part for text without tags, and nothing for empty text', () => {
    assert.deepEqual(parseTemplate('Plain { text } here }}'), [
      { kind: 'text', text: 'Plain { text } here }}' },
    ]);
    assert.deepEqual(parseTemplate(''), []);
  });

  it('accepts every known field', () => {
    for (const field of TEMPLATE_FIELDS) {
      assert.deepEqual(parseTemplate(`{{${field}}}`), [{ kind: 'field', field, position: 0 }]);
    }
    assert.equal(TEMPLATE_FIELDS.length, 20);
  });

  it('unescapes \\" and \\\\ in fallbacks and allows braces and pipes inside them', () => {
    const [part] = parseTemplate('{{ job.title | "a \\"great\\" role | {{x}} \\\\ ok" }}');
    assert.deepEqual(part, {
      kind: 'field',
      field: 'job.title',
      fallback: 'a "great" role | {{x}} \\ ok',
      position: 0,
    });
  });

  it('allows an empty fallback', () => {
    assert.deepEqual(parseTemplate('{{job.url|""}}'), [
      { kind: 'field', field: 'job.url', fallback: '', position: 0 },
    ]);
  });

  it('reports unknown fields with their position and a suggestion', () => {
    const e = errorOf(() => parseTemplate('Hello {{ candidate.fristName }}'));
    assert.equal(e.code, 'unknown_field');
    assert.equal(e.position, 9);
    assert.match(e.message, /did you mean "candidate\.firstName"/);
    const far = errorOf(() => parseTemplate('{{candidate.salary}}'));
    assert.equal(far.code, 'unknown_field');
    assert.doesNotMatch(far.message, /did you mean/);
  });

  it('treats field names as case-sensitive', () => {
    assert.equal(errorOf(() => parseTemplate('{{Candidate.FirstName}}')).code, 'unknown_field');
  });

  it('refuses two words in one tag', () => {
    const e = errorOf(() => parseTemplate('{{candidate.firstName lastName}}'));
    assert.equal(e.code, 'unknown_field');
  });

  it('reports unterminated tags at the opening braces', () => {
    const e = errorOf(() => parseTemplate('Hi {{candidate.firstName, how are you'));
    assert.equal(e.code, 'unterminated_tag');
    assert.equal(e.position, 3);
    assert.equal(errorOf(() => parseTemplate('x {{')).code, 'unterminated_tag');
    assert.equal(errorOf(() => parseTemplate('{{ job.title | "a}}" ')).code, 'unterminated_tag');
  });

  it('reports empty tags', () => {
    const e = errorOf(() => parseTemplate('ab {{   }} cd'));
    assert.equal(e.code, 'empty_tag');
    assert.equal(e.position, 3);
    assert.equal(errorOf(() => parseTemplate('{{}}')).code, 'empty_tag');
  });

  it('reports bad fallbacks: unquoted, single-quoted, unclosed, trailing text', () => {
    for (const [text, position] of [
      ['{{ job.title | there }}', 15],
      ["{{ job.title | 'there' }}", 15],
      ['{{ job.title | "there }}\nmore }}', 15],
      ['{{ job.title | "a" "b" }}', 19],
      ['{{ job.title | }}', 15],
    ] as const) {
      const e = errorOf(() => parseTemplate(text));
      assert.equal(e.code, 'bad_fallback', text);
      assert.equal(e.position, position, text);
    }
  });

  it('refuses a fallback on the personalization slot', () => {
    const e = errorOf(() => parseTemplate('{{ personalization | "Loved your profile" }}'));
    assert.equal(e.code, 'bad_fallback');
    assert.match(e.message, /personalization/);
  });

  it('never throws anything but TemplateError on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('{', '}', '|', '"', ' ', 'a', 'job.title', '\\', '\n') }),
        (s) => {
          try {
            parseTemplate(s);
          } catch (e) {
            assert.ok(e instanceof TemplateError);
            assert.ok(e.position >= 0 && e.position <= s.length);
          }
        },
      ),
    );
  });

  it('round-trips text without tags', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        fc.pre(!s.includes('{{'));
        const parsed = parseTemplate(s);
        assert.equal(renderTemplate(parsed, ctx()).text, s);
      }),
    );
  });
});

describe('validateTemplate', () => {
  it('returns no issues for a valid template', () => {
    assert.deepEqual(
      validateTemplate({ subject: 'Hi {{candidate.firstName}}', body: '{{personalization}} Talk soon' }),
      [],
    );
  });

  it('collects every issue of both parts with part and position', () => {
    const issues = validateTemplate({
      subject: 'About {{job.titel}}',
      body: 'Hi {{}} and {{ candidate.city | nope }} and {{candidate.firstName',
    });
    assert.deepEqual(
      issues.map(({ part, code, position }) => ({ part, code, position })),
      [
        { part: 'subject', code: 'unknown_field', position: 8 },
        { part: 'body', code: 'empty_tag', position: 3 },
        { part: 'body', code: 'bad_fallback', position: 32 },
        { part: 'body', code: 'unterminated_tag', position: 44 },
      ],
    );
    assert.ok(issues.every((i) => i.message.length > 0));
  });

  it('can require the personalization slot in the body', () => {
    const body = 'Hi {{candidate.firstName}}';
    assert.deepEqual(validateTemplate({ subject: 's', body }), []);
    const issues = validateTemplate({ subject: 's', body }, { requirePersonalization: true });
    assert.deepEqual(
      issues.map((i) => [i.part, i.code, i.position]),
      [['body', 'missing_personalization', body.length]],
    );
    assert.deepEqual(
      validateTemplate({ subject: 's', body: '{{personalization}}' }, { requirePersonalization: true }),
      [],
    );
  });
});

describe('requiresPersonalization', () => {
  it('is true only with a personalization slot', () => {
    assert.equal(requiresPersonalization(parseTemplate('a {{personalization}} b')), true);
    assert.equal(requiresPersonalization(parseTemplate('a {{candidate.firstName}} personalization')), false);
  });
});

describe('isTemplateField', () => {
  it('knows the list', () => {
    assert.equal(isTemplateField('sender.company'), true);
    assert.equal(isTemplateField('sender.email'), false);
  });
});

describe('renderTemplate', () => {
  it('renders candidate, sender, job fields and personalization', () => {
    const parsed = parseTemplate(
      [
        '{{candidate.firstName}}|{{candidate.lastName}}|{{candidate.fullName}}|{{candidate.currentTitle}}',
        '{{candidate.currentCompany}}|{{candidate.topSkill}}|{{candidate.headline}}|{{candidate.city}}',
        '{{candidate.school}}|{{candidate.industry}}',
        '{{sender.firstName}}|{{sender.lastName}}|{{sender.fullName}}|{{sender.title}}|{{sender.company}}',
        '{{job.title}}|{{job.company}}|{{job.location}}|{{job.url}}',
        '{{personalization}}',
      ].join('\n'),
    );
    const out = renderTemplate(
      parsed,
      ctx({
        job: { title: 'Counsel', company: 'Acme', location: 'Remote', url: 'https://x.test/j/1' },
        personalization: 'Your Relativity work stood out.',
      }),
    );
    assert.equal(
      out.text,
      [
        'Ana|López|Ana López|Senior Associate',
        'Skadden|Mergers & Acquisitions|M&A associate at Skadden|New York',
        'Columbia Law School|Law Practice',
        'Sam|Reed|Sam Reed|Legal Recruiter|Counsel Search',
        'Counsel|Acme|Remote|https://x.test/j/1',
        'Your Relativity work stood out.',
      ].join('\n'),
    );
    assert.deepEqual(out.missing, []);
  });

  it('uses the fallback for empty or missing values and reports missing fields once', () => {
    const candidate = profile({ positions: [], skills: [], headline: '   ' });
    const parsed = parseTemplate(
      'Hi {{ candidate.currentTitle | "there" }} {{candidate.topSkill}} {{candidate.headline}} {{job.title}} {{candidate.topSkill}} {{personalization}}.',
    );
    const out = renderTemplate(parsed, ctx({ candidate }));
    assert.equal(out.text, 'Hi there     .');
    assert.deepEqual(out.missing, [
      'candidate.topSkill',
      'candidate.headline',
      'job.title',
      'personalization',
    ]);
  });

  it('inserts values verbatim and never expands braces inside them', () => {
    const candidate = profile({
      firstName: '{{sender.company}}',
      lastName: '<script>alert(1)</script>',
      headline: '${process.exit()} {{ personalization | "x" }}',
    });
    const parsed = parseTemplate(
      '{{candidate.firstName}} {{candidate.lastName}} {{candidate.headline}} {{personalization}}',
    );
    const out = renderTemplate(parsed, ctx({ candidate, personalization: '{{candidate.firstName}} & <b>' }));
    assert.equal(
      out.text,
      '{{sender.company}} <script>alert(1)</script> ${process.exit()} {{ personalization | "x" }} {{candidate.firstName}} & <b>',
    );
  });

  it('is the identity on inserted values for any string', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (s) => {
        fc.pre(s.trim() === s && s !== '');
        const out = renderTemplate(parseTemplate('[{{personalization}}]'), ctx({ personalization: s }));
        assert.equal(out.text, `[${s}]`);
      }),
    );
  });

  it('picks the most recent school by graduation year, undated ones last', () => {
    const parsed = parseTemplate('{{candidate.school}}');
    const edu = (school: string, graduationYear: number | null) => ({
      school,
      degree: '',
      field: '',
      graduationYear,
    });
    assert.equal(
      renderTemplate(
        parsed,
        ctx({ candidate: profile({ education: [edu('A', null), edu('B', 2010), edu('C', 2015)] }) }),
      ).text,
      'C',
    );
    assert.equal(
      renderTemplate(parsed, ctx({ candidate: profile({ education: [edu('A', null), edu('B', null)] }) }))
        .text,
      'A',
    );
    assert.deepEqual(renderTemplate(parsed, ctx({ candidate: profile({ education: [] }) })).missing, [
      'candidate.school',
    ]);
  });

  it('uses the current position (endYear null) for title and company', () => {
    const candidate = profile({
      positions: [
        { title: 'Old', company: 'OldCo', startYear: 2010, endYear: 2015 },
        { title: 'Counsel', company: 'NewCo', startYear: 2015, endYear: null },
      ],
    });
    const out = renderTemplate(
      parseTemplate('{{candidate.currentTitle}} at {{candidate.currentCompany}}'),
      ctx({ candidate }),
    );
    assert.equal(out.text, 'Counsel at NewCo');
  });

  it('builds full names without stray spaces', () => {
    const out = renderTemplate(
      parseTemplate('[{{candidate.fullName}}]'),
      ctx({ candidate: profile({ lastName: '' }) }),
    );
    assert.equal(out.text, '[Ana]');
  });
});

describe('template sets by seniority', () => {
  it('maps every seniority to exactly one segment', () => {
    const expected = {
      intern: 'associate',
      entry: 'associate',
      associate: 'associate',
      senior: 'senior-associate',
      lead: 'senior-associate',
      manager: 'senior-associate',
      director: 'partner-track',
      vp: 'partner-track',
      cxo: 'partner-track',
      partner: 'partner-track',
    } as const;
    for (const s of SENIORITIES) {
      assert.equal(senioritySegment(s), expected[s]);
      assert.ok(SENIORITY_SEGMENTS.includes(senioritySegment(s)));
    }
  });

  it('prefers the exact seniority, then the segment, then the default', () => {
    const set = { templates: { associate: 't1', 'senior-associate': 't2', partner: 't4' }, default: 't0' };
    assert.equal(chooseTemplateForSeniority(set, { seniority: 'entry' }), 't1');
    assert.equal(chooseTemplateForSeniority(set, { seniority: 'associate' }), 't1');
    assert.equal(chooseTemplateForSeniority(set, { seniority: 'manager' }), 't2');
    assert.equal(chooseTemplateForSeniority(set, { seniority: 'partner' }), 't4');
    assert.equal(chooseTemplateForSeniority(set, { seniority: 'vp' }), 't0');
  });

  it('returns null when nothing applies', () => {
    assert.equal(
      chooseTemplateForSeniority({ templates: { 'partner-track': 'p' } }, { seniority: 'intern' }),
      null,
    );
    assert.equal(chooseTemplateForSeniority({ templates: {} }, profile()), null);
  });
});
