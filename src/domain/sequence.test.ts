import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addBusinessDays, businessDaysBetween } from './business-days.ts';
import type { CandidateResponse, EnrollmentState, SequenceStep } from './sequence.ts';
import {
  CONNECTION_NOTE_MAX_CHARS,
  SEQUENCE_MAX_STEPS,
  isConnectionNoteValid,
  nextAction,
  validateSequence,
} from './sequence.ts';

const utc = (iso: string): Date => new Date(iso);
const local = (iso: string, zone: string): Date => DateTime.fromISO(iso, { zone }).toJSDate();
const BERLIN = 'Europe/Berlin';

const inmail = (delayBusinessDays = 3): SequenceStep => ({
  kind: 'inmail',
  delayBusinessDays,
  templateId: 'intro',
});
const followUp = (delayBusinessDays = 5): SequenceStep => ({
  kind: 'follow_up',
  delayBusinessDays,
  templateId: 'bump',
});
const connect = (note?: string): SequenceStep => ({
  kind: 'connection_request',
  delayBusinessDays: 2,
  templateId: 'connect',
  ...(note === undefined ? {} : { note }),
});
const message = (): SequenceStep => ({ kind: 'message', delayBusinessDays: 4, templateId: 'dm' });

const fields = (steps: SequenceStep[]) => validateSequence(steps).map((e) => e.field);

describe('validateSequence', () => {
  it('accepts the recommended shapes', () => {
    assert.deepEqual(validateSequence([inmail()]), []);
    assert.deepEqual(validateSequence([inmail(), followUp(), followUp()]), []);
    assert.deepEqual(validateSequence([connect('Hi Ada'), message(), followUp()]), []);
    assert.deepEqual(validateSequence([connect(), inmail(), followUp(0)]), []);
  });

  it('needs 1 to 10 steps', () => {
    assert.deepEqual(fields([]), ['steps']);
    const ten = [inmail(), ...Array.from({ length: SEQUENCE_MAX_STEPS - 1 }, () => followUp())];
    assert.deepEqual(validateSequence(ten), []);
    assert.deepEqual(fields([...ten, followUp()]), ['steps']);
  });

  it('refuses a follow-up first, or with no earlier thread to follow', () => {
    assert.deepEqual(fields([followUp(), inmail()]), ['steps.0.kind']);
    assert.match(validateSequence([followUp()])[0]?.message ?? '', /cannot start with a follow-up/);
    assert.deepEqual(fields([connect(), followUp()]), ['steps.1.kind']);
  });

  it('limits a connection note to 300 characters, counting an emoji as one', () => {
    assert.deepEqual(validateSequence([connect('x'.repeat(CONNECTION_NOTE_MAX_CHARS))]), []);
    assert.deepEqual(fields([connect('x'.repeat(CONNECTION_NOTE_MAX_CHARS + 1))]), ['steps.0.note']);
    assert.match(
      validateSequence([connect('x'.repeat(301))])[0]?.message ?? '',
      /at most 300 characters \(got 301\)/,
    );
    assert.deepEqual(validateSequence([connect('🚀'.repeat(300))]), []);
  });

  it('allows a note only on a connection request, and only one connection request', () => {
    assert.deepEqual(fields([{ ...inmail(), note: 'hello' }]), ['steps.0.note']);
    assert.deepEqual(fields([connect(), inmail(), connect()]), ['steps.2.kind']);
  });

  it('checks delays and templates', () => {
    assert.deepEqual(fields([inmail(-1)]), ['steps.0.delayBusinessDays']);
    assert.deepEqual(fields([inmail(1.5)]), ['steps.0.delayBusinessDays']);
    assert.deepEqual(fields([inmail(66)]), ['steps.0.delayBusinessDays']);
    assert.deepEqual(validateSequence([inmail(0)]), []);
    assert.deepEqual(fields([{ ...inmail(), templateId: '  ' }]), ['steps.0.templateId']);
  });

  it('refuses an unknown kind and reports every problem at once', () => {
    const bad = { kind: 'email', delayBusinessDays: 1, templateId: 't' } as unknown as SequenceStep;
    assert.deepEqual(fields([followUp(-2), bad]), [
      'steps.0.kind',
      'steps.0.delayBusinessDays',
      'steps.1.kind',
    ]);
  });
});

describe('isConnectionNoteValid', () => {
  it('checks the 300-character limit', () => {
    assert.ok(isConnectionNoteValid(''));
    assert.ok(isConnectionNoteValid('a'.repeat(300)));
    assert.ok(!isConnectionNoteValid('a'.repeat(301)));
  });
});

describe('nextAction', () => {
  const steps = [inmail(3), followUp(5), followUp(2)];
  // Friday 2024-06-07 09:00 in Berlin.
  const friday = local('2024-06-07T09:00', BERLIN);
  const state = (over: Partial<EnrollmentState>): EnrollmentState => ({
    currentStep: 0,
    lastStepSentAt: friday,
    response: null,
    now: friday,
    steps,
    timeZone: BERLIN,
    holidays: [],
    ...over,
  });
  const respond = (r: Partial<CandidateResponse>): CandidateResponse => ({
    kind: 'declined',
    at: local('2024-06-10T14:00', BERLIN),
    ...r,
  });

  describe('a response always ends the sequence', () => {
    it('accepted -> stop, interested', () => {
      assert.deepEqual(nextAction(state({ response: respond({ kind: 'accepted' }) })), {
        type: 'stop',
        outcome: 'interested',
      });
    });

    it('replied -> stop, interested, whatever step or delay we are at', () => {
      const replied = respond({ kind: 'replied' });
      const stop = { type: 'stop', outcome: 'interested' };
      assert.deepEqual(nextAction(state({ response: replied })), stop);
      assert.deepEqual(
        nextAction(state({ response: replied, now: local('2024-07-01T09:00', BERLIN) })),
        stop,
      );
      assert.deepEqual(nextAction(state({ response: replied, currentStep: 2 })), stop);
      assert.deepEqual(nextAction(state({ response: replied, currentStep: -1, lastStepSentAt: null })), stop);
    });

    it('declined -> stop, not interested', () => {
      const stop = { type: 'stop', outcome: 'not_interested' };
      assert.deepEqual(nextAction(state({ response: respond({}) })), stop);
      assert.deepEqual(nextAction(state({ response: respond({ reason: 'not_interested' }) })), stop);
      assert.deepEqual(
        nextAction(state({ response: respond({ reason: 'wrong_contact', contactLaterMonths: 3 }) })),
        stop,
      );
      // "Contact me later" without a number of months is a plain decline.
      assert.deepEqual(nextAction(state({ response: respond({ reason: 'contact_later' }) })), stop);
    });

    it('declined, contact later in N months -> snooze until then, same local time', () => {
      const r = nextAction(state({ response: respond({ reason: 'contact_later', contactLaterMonths: 6 }) }));
      assert.deepEqual(r, { type: 'snooze', until: local('2024-12-10T14:00', BERLIN) });
    });

    it('snoozes by calendar months in the recipient zone, across DST and month ends', () => {
      // 10:00 CET in March + 3 months = 10:00 CEST in June (one hour earlier in UTC).
      const spring = nextAction(
        state({
          response: respond({
            reason: 'contact_later',
            contactLaterMonths: 3,
            at: utc('2024-03-15T09:00:00Z'),
          }),
        }),
      );
      assert.deepEqual(spring, { type: 'snooze', until: utc('2024-06-15T08:00:00Z') });
      // 31 January + 1 month = 29 February (leap year).
      const monthEnd = nextAction(
        state({
          response: respond({
            reason: 'contact_later',
            contactLaterMonths: 1,
            at: local('2024-01-31T10:00', BERLIN),
          }),
        }),
      );
      assert.deepEqual(monthEnd, { type: 'snooze', until: local('2024-02-29T10:00', BERLIN) });
      // 02:30 on 10 March does not exist in New York: the snooze ends at 03:00 EDT.
      const gap = nextAction(
        state({
          timeZone: 'America/New_York',
          response: respond({
            reason: 'contact_later',
            contactLaterMonths: 1,
            at: utc('2024-02-10T07:30:00Z'),
          }),
        }),
      );
      assert.deepEqual(gap, { type: 'snooze', until: utc('2024-03-10T07:00:00Z') });
    });

    it('rejects a nonsensical number of months', () => {
      for (const months of [0, -1, 1.5, Number.NaN]) {
        assert.throws(
          () =>
            nextAction(state({ response: respond({ reason: 'contact_later', contactLaterMonths: months }) })),
          RangeError,
        );
      }
    });
  });

  describe('without a response', () => {
    it('sends the first step at once', () => {
      assert.deepEqual(nextAction(state({ currentStep: -1, lastStepSentAt: null })), {
        type: 'send',
        step: 0,
      });
    });

    it('waits for the delay in business days: Friday + 3 is Wednesday, same local time', () => {
      const due = local('2024-06-12T09:00', BERLIN);
      assert.deepEqual(nextAction(state({ now: local('2024-06-10T09:00', BERLIN) })), {
        type: 'wait',
        until: due,
      });
      assert.deepEqual(nextAction(state({ now: new Date(+due - 1) })), { type: 'wait', until: due });
      assert.deepEqual(nextAction(state({ now: due })), { type: 'send', step: 1 });
      assert.deepEqual(nextAction(state({ now: local('2024-06-20T09:00', BERLIN) })), {
        type: 'send',
        step: 1,
      });
    });

    it('skips holidays in the delay', () => {
      const s = state({ holidays: ['2024-06-10', '2024-06-11'], now: local('2024-06-12T09:00', BERLIN) });
      assert.deepEqual(nextAction(s), { type: 'wait', until: local('2024-06-14T09:00', BERLIN) });
    });

    it('counts the delay on the recipient calendar', () => {
      // Sent Friday 23:30 UTC: already Saturday in Tokyo (so +1 is Monday 08:30), still Friday in Los Angeles.
      const sentAt = utc('2024-06-07T23:30:00Z');
      const tokyo = nextAction(
        state({
          steps: [inmail(1), followUp()],
          lastStepSentAt: sentAt,
          now: sentAt,
          timeZone: 'Asia/Tokyo',
        }),
      );
      assert.deepEqual(tokyo, { type: 'wait', until: local('2024-06-10T08:30', 'Asia/Tokyo') });
      const la = nextAction(
        state({
          steps: [inmail(1), followUp()],
          lastStepSentAt: sentAt,
          now: sentAt,
          timeZone: 'America/Los_Angeles',
        }),
      );
      assert.deepEqual(la, { type: 'wait', until: local('2024-06-10T16:30', 'America/Los_Angeles') });
    });

    it('keeps the local time when the delay crosses a DST change', () => {
      // Thursday 2024-10-24 09:00 CEST + 3 business days = Tuesday 2024-10-29 09:00 CET.
      const s = state({ lastStepSentAt: utc('2024-10-24T07:00:00Z'), now: utc('2024-10-25T07:00:00Z') });
      assert.deepEqual(nextAction(s), { type: 'wait', until: utc('2024-10-29T08:00:00Z') });
    });

    it('moves on at once after a step with no delay', () => {
      assert.deepEqual(nextAction(state({ steps: [inmail(0), followUp()] })), { type: 'send', step: 1 });
    });

    it('after the last step, waits its delay and then stops with no_response', () => {
      const sent = local('2024-06-10T09:00', BERLIN); // Monday
      const last = state({ currentStep: 2, lastStepSentAt: sent });
      const due = local('2024-06-12T09:00', BERLIN);
      assert.deepEqual(nextAction({ ...last, now: local('2024-06-11T09:00', BERLIN) }), {
        type: 'wait',
        until: due,
      });
      assert.deepEqual(nextAction({ ...last, now: due }), { type: 'stop', outcome: 'no_response' });
      assert.deepEqual(nextAction({ ...last, now: local('2024-09-01T00:00', BERLIN) }), {
        type: 'stop',
        outcome: 'no_response',
      });
    });

    it('a one-step sequence: send, wait, give up', () => {
      const one = [inmail(5)];
      assert.deepEqual(nextAction(state({ steps: one, currentStep: -1, lastStepSentAt: null })), {
        type: 'send',
        step: 0,
      });
      assert.deepEqual(nextAction(state({ steps: one })), {
        type: 'wait',
        until: local('2024-06-14T09:00', BERLIN),
      });
      assert.deepEqual(nextAction(state({ steps: one, now: local('2024-06-14T09:00', BERLIN) })), {
        type: 'stop',
        outcome: 'no_response',
      });
    });

    it('counts in UTC for an unknown zone', () => {
      const sentAt = utc('2024-06-07T23:30:00Z');
      assert.deepEqual(nextAction(state({ lastStepSentAt: sentAt, now: sentAt, timeZone: 'Nowhere/Land' })), {
        type: 'wait',
        until: utc('2024-06-12T23:30:00Z'),
      });
    });
  });

  it('rejects an inconsistent enrollment', () => {
    assert.throws(() => nextAction(state({ currentStep: 3 })), /outside the sequence/);
    assert.throws(() => nextAction(state({ currentStep: -2 })), RangeError);
    assert.throws(() => nextAction(state({ currentStep: 0.5 })), RangeError);
    assert.throws(() => nextAction(state({ currentStep: -1 })), /lastStepSentAt/);
    assert.throws(() => nextAction(state({ currentStep: 1, lastStepSentAt: null })), /lastStepSentAt/);
    assert.throws(() => nextAction(state({ steps: [], currentStep: -1, lastStepSentAt: null })), /no steps/);
  });

  it('property: a silent candidate gets every step, in order, each after its delay, then no_response', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'Asia/Tokyo'];
    const stepArb = fc.integer({ min: 0, max: 15 });
    fc.assert(
      fc.property(
        fc.integer({
          min: Date.parse('2015-01-01T00:00:00Z') / 1000,
          max: Date.parse('2035-01-01T00:00:00Z') / 1000,
        }),
        fc.constantFrom(...zones),
        fc.array(stepArb, { minLength: 1, maxLength: SEQUENCE_MAX_STEPS }),
        fc.integer({ min: 0, max: 36 * 3600 }),
        (startSeconds, timeZone, delays, lateness) => {
          const seq: SequenceStep[] = delays.map((d, i) => (i === 0 ? inmail(d) : followUp(d)));
          assert.deepEqual(validateSequence(seq), []);
          let s: EnrollmentState = {
            currentStep: -1,
            lastStepSentAt: null,
            response: null,
            now: new Date(startSeconds * 1000),
            steps: seq,
            timeZone,
            holidays: [],
          };
          const sentAt: Date[] = [];
          for (let guard = 0; guard < 3 * seq.length + 2; guard++) {
            const a = nextAction(s);
            if (a.type === 'stop') {
              assert.equal(a.outcome, 'no_response');
              break;
            }
            assert.notEqual(a.type, 'snooze');
            if (a.type === 'wait') {
              assert.ok(+a.until > +s.now);
              // The scheduler wakes up at `until`, or some time after it.
              s = { ...s, now: new Date(+a.until + lateness * 1000) };
              continue;
            }
            assert.equal(a.type, 'send');
            if (a.type === 'send') {
              assert.equal(a.step, s.currentStep + 1);
              sentAt.push(s.now);
              s = { ...s, currentStep: a.step, lastStepSentAt: s.now };
            }
          }
          assert.equal(sentAt.length, seq.length);
          assert.equal(nextAction(s).type, 'stop');
          for (let i = 1; i < sentAt.length; i++) {
            const prev = sentAt[i - 1] ?? new Date(NaN);
            const cur = sentAt[i] ?? new Date(NaN);
            const delay = seq[i - 1]?.delayBusinessDays ?? NaN;
            assert.ok(+cur >= +addBusinessDays(prev, delay, timeZone, []));
            assert.ok(businessDaysBetween(prev, cur, timeZone) >= delay);
          }
          // And a reply at any point would have stopped it.
          const replied = nextAction({ ...s, response: { kind: 'replied', at: s.now } });
          assert.deepEqual(replied, { type: 'stop', outcome: 'interested' });
        },
      ),
      { numRuns: 200 },
    );
  });
});
