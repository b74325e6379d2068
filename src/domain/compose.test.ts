import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { composeMessage, type ComposeRequest } from './compose.ts';
import type { MemberProfile } from './profile.ts';

const ana: MemberProfile = {
  id: 'm1',
  firstName: 'Ana',
  lastName: 'López',
  headline: 'M&A associate at Skadden',
  summary: '',
  industry: 'Law Practice',
  seniority: 'associate',
  location: { city: 'New York', region: 'NY', country: 'US', timeZone: 'America/New_York' },
  positions: [{ title: 'Senior Associate', company: 'Skadden', startYear: 2021, endYear: null }],
  skills: ['Mergers & Acquisitions', 'Due Diligence'],
  platforms: ['Relativity'],
  education: [{ school: 'Columbia Law School', degree: 'JD', field: 'Law', graduationYear: 2017 }],
  projects: [{ name: 'Project Phoenix', description: 'Cross-border merger' }],
  publications: [],
  languages: ['English'],
  openToWork: false,
  yearsOfExperience: 8,
};

const sender = { firstName: 'Sam', lastName: 'Reed', title: 'Legal Recruiter', company: 'Counsel Search' };
const limits = { subjectMax: 200, bodyMax: 2000 };
const slotted = {
  id: 't1',
  version: 3,
  subject: 'A role at {{sender.company}}',
  body: 'Hi {{candidate.firstName | "there"}}, {{personalization}} Open to a call?',
};
const GOOD = 'Your work on Project Phoenix at Skadden caught my eye.';

function compose(r: Partial<ComposeRequest>) {
  return composeMessage({ candidate: ana, sender, mandatory: false, ...r }, limits);
}

describe('composeMessage from a template', () => {
  it('renders the slot with a passing personalization and names the version', () => {
    const c = compose({ template: slotted, personalization: GOOD });
    assert.equal(c.refusal, null);
    assert.equal(c.subject, 'A role at Counsel Search');
    assert.equal(c.body, `Hi Ana, ${GOOD} Open to a call?`);
    assert.deepEqual([c.templateId, c.templateVersion], ['t1', 3]);
    assert.equal(c.personalization?.ok, true);
    assert.equal(c.personalization?.required, true);
  });

  it('refuses an empty slot with suggestions from the profile', () => {
    const c = compose({ template: slotted, personalization: '  ' });
    assert.equal(c.refusal?.code, 'personalization_required');
    assert.equal(c.refusal?.extra.reason, 'empty');
    assert.ok((c.refusal?.extra.suggestions as unknown[]).length > 0);
  });

  it('refuses a failing slot with the reason', () => {
    const c = compose({ template: slotted, personalization: 'I was impressed by your amazing background!' });
    assert.equal(c.refusal?.code, 'personalization_failed');
    assert.equal(c.refusal?.extra.reason, 'generic_praise');
  });

  it('refuses a personalization for a template without a slot, and a slotless template under the policy', () => {
    const plain = { ...slotted, body: 'Hi {{candidate.firstName}}, open to a call?' };
    assert.equal(compose({ template: plain, personalization: GOOD }).refusal?.code, 'personalization_unused');
    const mandatory = compose({ template: plain, mandatory: true });
    assert.equal(mandatory.refusal?.code, 'personalization_required');
    assert.equal(mandatory.refusal?.extra.reason, 'no_slot');
    assert.equal(compose({ template: plain }).refusal, null);
  });

  it('inserts values as text and lists fields without a value', () => {
    const t = { ...slotted, body: 'About {{job.title}} at {{job.company}}: {{personalization}}' };
    const c = compose({
      template: t,
      personalization: GOOD,
      job: { title: '<b>{{candidate.lastName}}</b>' },
    });
    assert.equal(c.body, `About <b>{{candidate.lastName}}</b> at : ${GOOD}`);
    assert.deepEqual(c.missing, ['job.company']);
    assert.equal(c.refusal?.code, 'merge_fields_missing');
  });

  it('refuses a rendered message over the limits', () => {
    const c = composeMessage(
      { candidate: ana, sender, mandatory: false, template: slotted, personalization: GOOD },
      { subjectMax: 10, bodyMax: 2000 },
    );
    assert.equal(c.refusal?.code, 'message_too_long');
  });
});

describe('composeMessage without a template', () => {
  it('passes a plain message through when nothing is required', () => {
    const c = compose({ subject: ' Hi ', body: ' Open to a call? ' });
    assert.deepEqual(
      [c.subject, c.body, c.refusal, c.personalization],
      ['Hi', 'Open to a call?', null, null],
    );
  });

  it('under the mandatory policy needs a passing personalization that is in the body', () => {
    const body = `Hi Ana, ${GOOD} Open to a call?`;
    assert.equal(compose({ subject: 's', body, mandatory: true }).refusal?.code, 'personalization_required');
    assert.equal(
      compose({ subject: 's', body: 'Open to a call?', mandatory: true, personalization: GOOD }).refusal
        ?.code,
      'personalization_not_in_body',
    );
    assert.equal(
      compose({
        subject: 's',
        body: 'Great profile! Open to a call?',
        mandatory: true,
        personalization: 'Great profile!',
      }).refusal?.code,
      'personalization_failed',
    );
    // Whitespace and case do not matter for "in the body".
    const spaced = compose({
      subject: 's',
      body: body.replace(' at ', '\n  AT '),
      mandatory: true,
      personalization: GOOD,
    });
    assert.equal(spaced.refusal, null);
  });

  it('checks a personalization sent with a plain message even when it is not mandatory', () => {
    assert.equal(
      compose({ subject: 's', body: 'Great work! Open to a call?', personalization: 'Great work!' }).refusal
        ?.code,
      'personalization_failed',
    );
  });
});
