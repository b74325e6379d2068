import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeSendError, problemSuggestions } from './send-errors.ts';

const iso = (d: Date) => d.toISOString().slice(0, 10);

test('no credits: says when they renew and that nothing was charged', () => {
  const t = describeSendError(
    { status: 402, code: 'insufficient_credits', detail: 'x', renewsAt: '2026-04-01T00:00:00.000Z' },
    iso,
  );
  assert.equal(t.title, 'No InMail credits left');
  assert.match(t.detail, /renew on 2026-04-01/);
  assert.match(t.detail, /Nothing was sent or charged/);
  assert.equal(t.retryAt, '2026-04-01T00:00:00.000Z');
});

test('frequency caps name the cap, its window and when it frees', () => {
  const org = describeSendError(
    {
      status: 429,
      code: 'frequency_cap',
      detail: 'x',
      cap: 'organization',
      limit: 1,
      windowDays: 14,
      freesAt: '2026-03-17T09:00:00.000Z',
    },
    iso,
  );
  assert.match(org.detail, /at most 1 InMail from your organization in 14 days/);
  assert.match(org.detail, /possible from 2026-03-17/);
  const network = describeSendError(
    { status: 429, code: 'frequency_cap', detail: 'x', cap: 'network', limit: 3, windowDays: 30 },
    iso,
  );
  assert.match(network.detail, /at most 3 InMails from all recruiters on the network in 30 days/);
  assert.equal(network.retryAt, null);
});

test('blocked, InMail off and snoozed recipients are explained; unknown codes show the server detail', () => {
  assert.match(
    describeSendError({ status: 403, code: 'blocked_by_recipient', detail: '' }).detail,
    /blocked/,
  );
  assert.equal(
    describeSendError({ status: 422, code: 'recipient_inmail_off', detail: '' }).title,
    'This member does not accept InMails',
  );
  const snoozed = describeSendError(
    { status: 422, code: 'recipient_snoozed', detail: '', until: '2026-09-01T00:00:00.000Z' },
    iso,
  );
  assert.match(snoozed.detail, /until 2026-09-01/);
  const other = describeSendError({ status: 400, code: 'validation_failed', detail: 'body: too long' });
  assert.equal(other.detail, 'body: too long');
});

test('template refusals: personalization, quality, merge fields, archived', () => {
  const failed = describeSendError({
    status: 422,
    code: 'personalization_failed',
    detail: "Generic praise fits anyone: mention something specific from Maya's profile",
    reason: 'generic_praise',
  });
  assert.equal(failed.title, 'The personalization was not accepted');
  assert.match(failed.detail, /Generic praise fits anyone.*profile\. Nothing was sent or charged\./);
  assert.match(
    describeSendError({ status: 422, code: 'personalization_unused', detail: 'x' }).detail,
    /\{\{personalization\}\} slot/,
  );
  const quality = describeSendError({
    status: 422,
    code: 'quality_too_low',
    detail: 'x',
    score: 55,
    threshold: 70,
  });
  assert.match(quality.detail, /scores 55; your organization requires at least 70/);
  const missing = describeSendError({
    status: 422,
    code: 'merge_fields_missing',
    detail: 'x',
    fields: ['job.title', 'job.url'],
  });
  assert.match(missing.detail, /No value for \{\{job\.title\}\}, \{\{job\.url\}\}\./);
  assert.equal(
    describeSendError({ status: 409, code: 'template_archived', detail: '' }).title,
    'This template is archived',
  );
});

test('suggestions are read from the problem, ignoring malformed entries', () => {
  assert.deepEqual(
    problemSuggestions({
      status: 422,
      code: 'personalization_failed',
      detail: '',
      suggestions: [{ kind: 'project', value: 'AI assistant beta' }, { kind: 'x' }, 'junk', null],
    }),
    [{ kind: 'project', value: 'AI assistant beta' }],
  );
  assert.deepEqual(problemSuggestions({ status: 422, code: 'x', detail: '' }), []);
});
