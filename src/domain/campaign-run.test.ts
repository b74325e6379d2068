import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  capsFreeAt,
  decide,
  type CampaignRules,
  type RecipientFacts,
  type RecipientState,
} from './campaign-run.ts';
import type { MemberProfile } from './profile.ts';

const now = new Date('2026-03-03T10:00:00Z'); // a Tuesday
const DAY = 86_400_000;
const OPEN = {
  days: [1, 2, 3, 4, 5, 6, 7] as const,
  startHour: 0,
  startMinute: 0,
  endHour: 24,
  endMinute: 0,
  holidays: [],
  timeZone: 'UTC',
};

const rules = (over: Partial<CampaignRules> = {}): CampaignRules => ({
  orgId: 'org-a',
  steps: [
    { kind: 'inmail', delayBusinessDays: 3, templateId: 't', needsPersonalization: false },
    { kind: 'follow_up', delayBusinessDays: 3, templateId: 't', needsPersonalization: false },
  ],
  window: OPEN,
  ownershipWindowDays: 30,
  networkCap: 3,
  networkCapDays: 30,
  orgCap: 1,
  orgCapDays: 14,
  ...over,
});

const facts = (over: Partial<RecipientFacts> = {}): RecipientFacts => ({
  memberId: 'm1',
  timeZone: 'Europe/London',
  profile: {} as MemberProfile,
  inmailEnabled: true,
  contactLaterUntil: null,
  blockedUser: false,
  blockedOrg: false,
  connected: false,
  recentInmails: [],
  inOtherCampaign: false,
  teammateContactedAt: null,
  response: null,
  responseContactLaterUntil: null,
  ...over,
});

const fresh: RecipientState = {
  step: -1,
  lastSentAt: null,
  personalization: null,
  override: false,
  hasThread: false,
};
const afterFirst: RecipientState = {
  step: 0,
  lastSentAt: new Date(now.getTime() - 5 * DAY),
  personalization: null,
  override: false,
  hasThread: true,
};

describe('decide', () => {
  test('sends the first step when nothing stands in the way', () => {
    assert.deepEqual(decide(fresh, facts(), rules(), now), { type: 'send', step: 0 });
  });

  test('collisions and wishes skip before the first step, with the reason', () => {
    assert.deepEqual(decide(fresh, facts({ blockedOrg: true }), rules(), now), {
      type: 'skip',
      reason: 'blocked',
    });
    assert.deepEqual(decide(fresh, facts({ inmailEnabled: false }), rules(), now), {
      type: 'skip',
      reason: 'inmail_off',
    });
    assert.deepEqual(
      decide(fresh, facts({ contactLaterUntil: new Date(now.getTime() + DAY) }), rules(), now),
      {
        type: 'skip',
        reason: 'snoozed',
      },
    );
    assert.deepEqual(decide(fresh, facts({ inOtherCampaign: true }), rules(), now), {
      type: 'skip',
      reason: 'other_campaign',
    });
    assert.deepEqual(
      decide(fresh, facts({ teammateContactedAt: new Date(now.getTime() - 10 * DAY) }), rules(), now),
      {
        type: 'skip',
        reason: 'teammate_contacted',
      },
    );
    // outside the ownership window a teammate's contact no longer blocks
    assert.deepEqual(
      decide(fresh, facts({ teammateContactedAt: new Date(now.getTime() - 40 * DAY) }), rules(), now),
      {
        type: 'send',
        step: 0,
      },
    );
    // an admin's override lifts the two collision rules, not the candidate's own wishes
    const over = { ...fresh, override: true };
    assert.equal(decide(over, facts({ inOtherCampaign: true }), rules(), now).type, 'send');
    assert.equal(decide(over, facts({ blockedUser: true }), rules(), now).type, 'skip');
  });

  test('frequency caps skip the first step and postpone later InMail steps', () => {
    const recent = [{ at: new Date(now.getTime() - 2 * DAY), orgId: 'org-a' }];
    assert.deepEqual(decide(fresh, facts({ recentInmails: recent }), rules(), now), {
      type: 'skip',
      reason: 'frequency_cap',
    });
    const twoInmails = rules({
      steps: [
        { kind: 'inmail', delayBusinessDays: 1, templateId: 't', needsPersonalization: false },
        { kind: 'inmail', delayBusinessDays: 1, templateId: 't', needsPersonalization: false },
      ],
    });
    const d = decide(afterFirst, facts({ recentInmails: recent }), twoInmails, now);
    assert.equal(d.type, 'wait');
    assert.deepEqual((d as { until: Date }).until, capsFreeAt(recent, twoInmails, now));
    // another organization's InMail counts for the network cap only
    const others = [1, 2, 3].map((k) => ({ at: new Date(now.getTime() - k * DAY), orgId: 'org-b' }));
    assert.deepEqual(decide(fresh, facts({ recentInmails: others }), rules(), now), {
      type: 'skip',
      reason: 'frequency_cap',
    });
    assert.deepEqual(decide(fresh, facts({ recentInmails: others.slice(0, 2) }), rules(), now), {
      type: 'send',
      step: 0,
    });
  });

  test('a response ends the sequence: interested, not interested, or snoozed until the date given', () => {
    const at = new Date(now.getTime() - DAY);
    assert.deepEqual(decide(afterFirst, facts({ response: { kind: 'replied', at } }), rules(), now), {
      type: 'stop',
      outcome: 'interested',
    });
    assert.deepEqual(decide(afterFirst, facts({ response: { kind: 'declined', at } }), rules(), now), {
      type: 'stop',
      outcome: 'not_interested',
    });
    const until = new Date(now.getTime() + 60 * DAY);
    assert.deepEqual(
      decide(
        afterFirst,
        facts({ response: { kind: 'declined', at }, responseContactLaterUntil: until }),
        rules(),
        now,
      ),
      { type: 'snooze', until },
    );
    assert.deepEqual(
      decide(
        afterFirst,
        facts({ response: { kind: 'declined', at }, responseContactLaterUntil: until }),
        rules(),
        new Date(until.getTime() + 1),
      ),
      { type: 'stop', outcome: 'contact_later' },
    );
  });

  test('waits for the delay in business days, then the next step', () => {
    const justSent = { ...afterFirst, lastSentAt: new Date(now.getTime() - DAY) };
    const d = decide(justSent, facts(), rules(), now);
    assert.equal(d.type, 'wait');
    assert.deepEqual(decide(afterFirst, facts(), rules(), now), { type: 'send', step: 1 });
  });

  test('outside the window it waits for the next opening; a personalization slot waits for text', () => {
    const shut = rules({ window: { ...OPEN, days: [6] } }); // Saturdays only
    const d = decide(fresh, facts(), shut, now);
    assert.equal(d.type, 'wait');
    assert.equal((d as { until: Date }).until.getUTCDay(), 6);
    const slot = rules({
      steps: [{ kind: 'inmail', delayBusinessDays: 3, templateId: 't', needsPersonalization: true }],
    });
    assert.deepEqual(decide(fresh, facts(), slot, now), { type: 'personalize', step: 0 });
    assert.deepEqual(decide({ ...fresh, personalization: 'Your Kafka migration' }, facts(), slot, now), {
      type: 'send',
      step: 0,
    });
  });

  test('a free message to someone who is not a connection is passed over', () => {
    const msg = rules({
      steps: [{ kind: 'message', delayBusinessDays: 2, templateId: 't', needsPersonalization: false }],
    });
    assert.deepEqual(decide(fresh, facts(), msg, now), { type: 'pass', step: 0 });
    assert.deepEqual(decide(fresh, facts({ connected: true }), msg, now), { type: 'send', step: 0 });
  });

  test('a follow-up with nothing sent before it (the free message was passed over) is passed over too', () => {
    const seq = rules({
      steps: [
        { kind: 'message', delayBusinessDays: 2, templateId: 't', needsPersonalization: false },
        { kind: 'follow_up', delayBusinessDays: 3, templateId: 't', needsPersonalization: false },
      ],
    });
    const passedOver = { ...afterFirst, hasThread: false };
    assert.deepEqual(decide(passedOver, facts(), seq, now), { type: 'pass', step: 1 });
    assert.deepEqual(decide(afterFirst, facts(), seq, now), { type: 'send', step: 1 });
  });
});
