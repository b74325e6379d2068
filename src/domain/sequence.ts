/**
 * Multi-step outreach sequences and the rule that decides, for one enrolled candidate, what happens next.
 *
 * Timing model: a step's `delayBusinessDays` is how long to wait, after that step went out, for a response before
 * the sequence moves on, to the next step or, after the last one, to stopping with `no_response`. The first step
 * therefore goes out as soon as the candidate is enrolled (its exact moment is the send window's business), and a
 * one-step sequence still waits its step's delay before calling the silence a `no_response`. Delays are counted
 * in business days in the recipient's zone and holidays; a response of any kind ends the sequence.
 */
import { DateTime } from 'luxon';
import { addBusinessDays } from './business-days.ts';
import type { FieldError } from './errors.ts';
import { instantOfWallClock, isValidTimeZone, wallClockOf } from './send-window.ts';

export const SEQUENCE_STEP_KINDS = ['inmail', 'follow_up', 'connection_request', 'message'] as const;
/**
 * - `inmail`: a paid InMail (spends a credit), opening a thread;
 * - `follow_up`: another message in the thread an earlier `inmail` or `message` step opened;
 * - `connection_request`: a free invitation with an optional note of at most 300 characters;
 * - `message`: a free message, only deliverable to a first-degree connection. Whether the candidate is connected
 *   is known only when the step is due, so that is the sender's runtime check, not the sequence's.
 */
export type SequenceStepKind = (typeof SEQUENCE_STEP_KINDS)[number];

export interface SequenceStep {
  kind: SequenceStepKind;
  /** Business days to wait after this step is sent before the next step (or, after the last, before giving up). */
  delayBusinessDays: number;
  templateId: string;
  /** Connection requests only: the invitation note, at most CONNECTION_NOTE_MAX_CHARS characters. */
  note?: string;
}

/** The network's limit on a connection-request note. */
export const CONNECTION_NOTE_MAX_CHARS = 300;
export const SEQUENCE_MAX_STEPS = 10;
/** Longest allowed wait after one step: beyond a quarter year a "follow-up" is a new campaign. */
export const SEQUENCE_MAX_DELAY_BUSINESS_DAYS = 65;

/** The decline reason that asks to be contacted again after `contactLaterMonths`. */
export const CONTACT_LATER = 'contact_later';

export interface CandidateResponse {
  kind: 'accepted' | 'replied' | 'declined';
  /** Why a decline was given, e.g. 'not_interested', 'contact_later'. */
  reason?: string;
  /** With reason 'contact_later': how many months until the candidate may be contacted again. */
  contactLaterMonths?: number;
  at: Date;
}

export interface EnrollmentState {
  /** Index of the last step sent; -1 while nothing has been sent. */
  currentStep: number;
  /** When step `currentStep` went out; null while nothing has been sent. */
  lastStepSentAt: Date | null;
  response: CandidateResponse | null;
  now: Date;
  steps: readonly SequenceStep[];
  /** The recipient's IANA zone; delays are counted on their calendar (UTC if unknown). */
  timeZone: string;
  holidays: readonly string[];
}

export type SequenceOutcome = 'interested' | 'not_interested' | 'no_response';

export type NextAction =
  /** Send step `step` now; the scheduler places it in the recipient's send window. */
  | { type: 'send'; step: number }
  /** Nothing to do before `until` (the current step's delay has not elapsed). */
  | { type: 'wait'; until: Date }
  /** The candidate asked to be contacted later: end this enrollment and leave them alone until `until`. */
  | { type: 'snooze'; until: Date }
  /** The sequence is over for this candidate. */
  | { type: 'stop'; outcome: SequenceOutcome };

/** Characters as a person counts them: an emoji is one, not two UTF-16 units. */
function charCount(text: string): number {
  return [...text].length;
}

/**
 * Whether a connection-request note fits the network's limit (for notes rendered from a template at send time).
 * @example
 * isConnectionNoteValid('Hi Ada, loved your talk on FactSet pipelines.'); // true
 * isConnectionNoteValid('x'.repeat(301)); // false
 */
export function isConnectionNoteValid(note: string): boolean {
  return charCount(note) <= CONNECTION_NOTE_MAX_CHARS;
}

/**
 * Every problem with a sequence, by field; an empty list means it can be saved. Checks the step count (1 to 10),
 * kinds, delays, template ids, that a follow-up has an earlier `inmail` or `message` thread to follow, that there
 * is at most one connection request, and note lengths. A `message` step's "must be connected" rule is checked
 * when the step is due.
 * @example
 * validateSequence([{ kind: 'follow_up', delayBusinessDays: 3, templateId: 't1' }]);
 * // [{ field: 'steps.0.kind', message: 'a sequence cannot start with a follow-up' }]
 */
export function validateSequence(steps: readonly SequenceStep[]): FieldError[] {
  const errors: FieldError[] = [];
  if (!Array.isArray(steps) || steps.length === 0) {
    return [{ field: 'steps', message: 'a sequence needs at least one step' }];
  }
  if (steps.length > SEQUENCE_MAX_STEPS) {
    errors.push({ field: 'steps', message: `at most ${SEQUENCE_MAX_STEPS} steps (got ${steps.length})` });
  }
  let threadOpened = false;
  let connectionRequests = 0;
  steps.forEach((step, i) => {
    const f = `steps.${i}`;
    if (!(SEQUENCE_STEP_KINDS as readonly string[]).includes(step.kind)) {
      errors.push({ field: `${f}.kind`, message: `unknown step kind: ${String(step.kind)}` });
    }
    if (step.kind === 'follow_up' && !threadOpened) {
      errors.push({
        field: `${f}.kind`,
        message:
          i === 0
            ? 'a sequence cannot start with a follow-up'
            : 'a follow-up needs an earlier inmail or message step to follow up on',
      });
    }
    if (step.kind === 'inmail' || step.kind === 'message') threadOpened = true;
    if (step.kind === 'connection_request') {
      connectionRequests++;
      if (connectionRequests === 2) {
        errors.push({ field: `${f}.kind`, message: 'a sequence can send only one connection request' });
      }
    }
    if (step.note !== undefined) {
      if (step.kind !== 'connection_request') {
        errors.push({ field: `${f}.note`, message: 'only a connection request carries a note' });
      } else if (typeof step.note !== 'string' || !isConnectionNoteValid(step.note)) {
        errors.push({
          field: `${f}.note`,
          message: `a connection note is at most ${CONNECTION_NOTE_MAX_CHARS} characters (got ${typeof step.note === 'string' ? charCount(step.note) : 'no text'})`,
        });
      }
    }
    const d = step.delayBusinessDays;
    if (!Number.isInteger(d) || d < 0 || d > SEQUENCE_MAX_DELAY_BUSINESS_DAYS) {
      errors.push({
        field: `${f}.delayBusinessDays`,
        message: `must be a whole number of business days from 0 to ${SEQUENCE_MAX_DELAY_BUSINESS_DAYS}`,
      });
    }
    if (typeof step.templateId !== 'string' || step.templateId.trim() === '') {
      errors.push({ field: `${f}.templateId`, message: 'pick a template' });
    }
  });
  return errors;
}

/** `at` plus whole calendar months in the zone, keeping the local time (Jan 31 + 1 month = Feb 28 or 29). */
function addMonthsLocal(at: Date, months: number, timeZone: string): Date {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const wall = wallClockOf(at, zone);
  // Calendar arithmetic on the local date alone (in UTC, where every day exists), then back through the zone with
  // the same gap/overlap rule as the send window.
  const date = DateTime.fromMillis(wall.day * 86_400_000, { zone: 'utc' }).plus({ months });
  return instantOfWallClock({ day: Math.floor(date.toMillis() / 86_400_000), msOfDay: wall.msOfDay }, zone);
}

function checkState(state: EnrollmentState): void {
  const { currentStep, lastStepSentAt, steps } = state;
  if (steps.length === 0) throw new RangeError('the sequence has no steps');
  if (!Number.isInteger(currentStep) || currentStep < -1 || currentStep >= steps.length) {
    throw new RangeError(`currentStep ${currentStep} is outside the sequence (-1 to ${steps.length - 1})`);
  }
  if ((currentStep === -1) !== (lastStepSentAt === null)) {
    throw new RangeError('lastStepSentAt must be null exactly when no step has been sent (currentStep -1)');
  }
}

/**
 * What to do next for one enrolled candidate. A response always wins: accepted or replied stops as `interested`,
 * a decline with reason 'contact_later' and a whole number of months snoozes until then (same local time), any
 * other decline stops as `not_interested`. Without a response, the next step is sent once the current step's
 * delay has elapsed in business days (`wait` until then), and after the last step the sequence stops as
 * `no_response` once that step's delay has elapsed.
 * @example
 * // An InMail sent Friday 09:00 in Berlin with a 3-business-day delay: the follow-up is due Wednesday 09:00.
 * nextAction({
 *   currentStep: 0,
 *   lastStepSentAt: new Date('2024-06-07T07:00:00Z'),
 *   response: null,
 *   now: new Date('2024-06-10T07:00:00Z'),
 *   steps: [
 *     { kind: 'inmail', delayBusinessDays: 3, templateId: 'intro' },
 *     { kind: 'follow_up', delayBusinessDays: 5, templateId: 'bump' },
 *   ],
 *   timeZone: 'Europe/Berlin',
 *   holidays: [],
 * }); // { type: 'wait', until: 2024-06-12T07:00:00.000Z }
 */
export function nextAction(state: EnrollmentState): NextAction {
  checkState(state);
  const { response } = state;
  if (response !== null) {
    if (response.kind === 'accepted' || response.kind === 'replied')
      return { type: 'stop', outcome: 'interested' };
    if (response.reason === CONTACT_LATER && response.contactLaterMonths != null) {
      const months = response.contactLaterMonths;
      if (!Number.isInteger(months) || months < 1) {
        throw new RangeError(`contactLaterMonths must be a whole number >= 1, got ${months}`);
      }
      return { type: 'snooze', until: addMonthsLocal(response.at, months, state.timeZone) };
    }
    return { type: 'stop', outcome: 'not_interested' };
  }
  if (state.currentStep === -1 || state.lastStepSentAt === null) return { type: 'send', step: 0 };
  const current = state.steps[state.currentStep];
  if (current === undefined) throw new RangeError(`no step ${state.currentStep}`);
  const due = addBusinessDays(
    state.lastStepSentAt,
    current.delayBusinessDays,
    state.timeZone,
    state.holidays,
  );
  if (+state.now < +due) return { type: 'wait', until: due };
  const next = state.currentStep + 1;
  return next < state.steps.length ? { type: 'send', step: next } : { type: 'stop', outcome: 'no_response' };
}
