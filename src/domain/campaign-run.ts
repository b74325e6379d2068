/**
 * What a campaign does next for one enrolled recipient, decided from facts gathered in one query.
 * Pure: the scheduler (services/campaign-runner.ts) gathers the facts inside its transaction,
 * calls `decide` for each recipient of a batch, then writes every decision at once.
 *
 * Order of the rules, first match wins:
 * 1. The sequence's own rule (domain/sequence.ts `nextAction`): a response stops it (accepted or
 *    replied: interested; declined: not interested), a step's delay not yet elapsed waits, no
 *    response after the last step stops it. A decline with "contact me later" snoozes the
 *    recipient until that date: the campaign, and the organization's other campaigns (the snooze
 *    counts as active for collision control), stay away; on the date the recipient leaves the
 *    campaign with the outcome `contact_later`, free for a new campaign.
 * 2. Before the first step only, collisions and the candidate's own wishes skip the recipient with a
 *    reason: blocked the sender or the organization, InMail off, "contact me later", in another
 *    active campaign of the organization, contacted by a teammate within the ownership window (an
 *    admin's override lifts these two), a frequency cap.
 * 3. Later InMail steps under a frequency cap wait until it frees.
 * 4. Outside the recipient's send window: wait for the next opening.
 * 5. A step whose text has a personalization slot waits for the recruiter's text.
 * 6. A `message` step to someone who is not a 1st-degree connection is passed over.
 */
import { capFreesAt } from './credits.ts';
import type { MemberProfile } from './profile.ts';
import { isInsideWindow, nextSendTime, type SendWindow } from './send-window.ts';
import { nextAction, type CandidateResponse, type SequenceOutcome, type SequenceStep } from './sequence.ts';

export const SKIP_REASONS = [
  'blocked',
  'inmail_off',
  'snoozed',
  'other_campaign',
  'teammate_contacted',
  'frequency_cap',
  'budget_exhausted',
  'not_connected',
  'manual',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface RecipientFacts {
  memberId: string;
  timeZone: string;
  profile: MemberProfile;
  inmailEnabled: boolean;
  contactLaterUntil: Date | null;
  blockedUser: boolean;
  blockedOrg: boolean;
  connected: boolean;
  /** InMails this member received in the cap windows, from every organization. */
  recentInmails: { at: Date; orgId: string }[];
  inOtherCampaign: boolean;
  teammateContactedAt: Date | null;
  /** The candidate's response to this campaign so far (its thread, or its invitation). */
  response: CandidateResponse | null;
  /** With a "contact me later" decline: until when. */
  responseContactLaterUntil: Date | null;
}

export interface RecipientState {
  step: number;
  lastSentAt: Date | null;
  personalization: string | null;
  override: boolean;
  /** A thread with them exists (an earlier step's InMail or message went out): a follow-up's place. */
  hasThread: boolean;
}

export interface CampaignRules {
  orgId: string;
  steps: readonly (SequenceStep & { needsPersonalization: boolean })[];
  window: SendWindow;
  ownershipWindowDays: number;
  networkCap: number;
  networkCapDays: number;
  orgCap: number;
  orgCapDays: number;
}

export type Decision =
  | { type: 'send'; step: number }
  | { type: 'wait'; until: Date; why: 'delay' | 'window' | 'frequency_cap' }
  | { type: 'skip'; reason: SkipReason }
  | { type: 'personalize'; step: number }
  | { type: 'snooze'; until: Date }
  | { type: 'stop'; outcome: SequenceOutcome | 'contact_later' }
  /** The step cannot be delivered (a free message to a non-connection): count it as done, move on. */
  | { type: 'pass'; step: number };

const DAY = 86_400_000;

/**
 * The next instant a frequency cap frees for this organization, or null when a send is allowed now.
 *
 * @example
 * capsFreeAt(facts.recentInmails, rules, now) // null, or the Date the binding cap frees
 */
export function capsFreeAt(
  recent: RecipientFacts['recentInmails'],
  rules: CampaignRules,
  now: Date,
): Date | null {
  const netWindow = rules.networkCapDays * DAY;
  const orgWindow = rules.orgCapDays * DAY;
  const net = capFreesAt(
    recent.filter((x) => x.at.getTime() > now.getTime() - netWindow).map((x) => x.at),
    rules.networkCap,
    netWindow,
  );
  const org = capFreesAt(
    recent
      .filter((x) => x.orgId === rules.orgId && x.at.getTime() > now.getTime() - orgWindow)
      .map((x) => x.at),
    rules.orgCap,
    orgWindow,
  );
  if (net && org) return net > org ? net : org;
  return net ?? org;
}

/**
 * Window arithmetic for a batch. Time-zone conversions cost tens of microseconds each; a batch of
 * hundreds of recipients shares a few dozen zones, so the scheduler memoizes by zone
 * (`memoWindowClock`). The default computes directly.
 */
export interface WindowClock {
  isOpen(timeZone: string): boolean;
  nextOpening(timeZone: string, spreadKey: string): Date;
}

/**
 * A WindowClock that computes each zone's answer once for a fixed instant and window.
 *
 * @example
 * const wc = memoWindowClock(now, campaign.window); wc.isOpen('Europe/Berlin')
 */
export function memoWindowClock(now: Date, window: SendWindow): WindowClock {
  const open = new Map<string, boolean>();
  return {
    isOpen(tz) {
      let v = open.get(tz);
      if (v === undefined) {
        v = isInsideWindow(now, tz, window);
        open.set(tz, v);
      }
      return v;
    },
    nextOpening(tz, spreadKey) {
      return nextSendTime(now, tz, window, { spreadKey }).at;
    },
  };
}

/**
 * Decides what happens next for one recipient.
 *
 * @example
 * decide(state, facts, rules, now) // { type: 'send', step: 0 } when everything allows it
 */
export function decide(
  state: RecipientState,
  facts: RecipientFacts,
  rules: CampaignRules,
  now: Date,
  windowClock: WindowClock = memoWindowClock(now, rules.window),
): Decision {
  if (facts.response?.kind === 'declined' && facts.responseContactLaterUntil) {
    return facts.responseContactLaterUntil > now
      ? { type: 'snooze', until: facts.responseContactLaterUntil }
      : { type: 'stop', outcome: 'contact_later' };
  }
  const seq = nextAction({
    currentStep: state.step,
    lastStepSentAt: state.lastSentAt,
    response: facts.response ? { kind: facts.response.kind, at: facts.response.at } : null,
    now,
    steps: rules.steps,
    timeZone: facts.timeZone,
    holidays: rules.window.holidays,
  });
  if (seq.type === 'stop') return seq;
  if (seq.type === 'snooze') return seq;
  if (seq.type === 'wait') return { type: 'wait', until: seq.until, why: 'delay' };

  const stepIndex = seq.step;
  const step = rules.steps[stepIndex]!;
  const paid = step.kind === 'inmail';

  if (stepIndex === 0 || state.step === -1) {
    if (facts.blockedUser || facts.blockedOrg) return { type: 'skip', reason: 'blocked' };
    if (paid && !facts.inmailEnabled && !facts.connected) return { type: 'skip', reason: 'inmail_off' };
    if (facts.contactLaterUntil && facts.contactLaterUntil > now) return { type: 'skip', reason: 'snoozed' };
    if (!state.override) {
      if (facts.inOtherCampaign) return { type: 'skip', reason: 'other_campaign' };
      if (
        facts.teammateContactedAt &&
        facts.teammateContactedAt.getTime() > now.getTime() - rules.ownershipWindowDays * DAY
      ) {
        return { type: 'skip', reason: 'teammate_contacted' };
      }
    }
    if (paid && !facts.connected && capsFreeAt(facts.recentInmails, rules, now)) {
      return { type: 'skip', reason: 'frequency_cap' };
    }
  } else if (facts.blockedUser || facts.blockedOrg) {
    return { type: 'stop', outcome: 'not_interested' };
  }

  if (step.kind === 'message' && !facts.connected) return { type: 'pass', step: stepIndex };
  // Nothing was sent to follow up on (every earlier step was passed over): this one is too.
  if (step.kind === 'follow_up' && !state.hasThread) return { type: 'pass', step: stepIndex };

  if (paid && !facts.connected) {
    const frees = capsFreeAt(facts.recentInmails, rules, now);
    if (frees) return { type: 'wait', until: frees, why: 'frequency_cap' };
  }

  if (!windowClock.isOpen(facts.timeZone)) {
    return {
      type: 'wait',
      until: windowClock.nextOpening(facts.timeZone, `${facts.memberId}:${stepIndex}`),
      why: 'window',
    };
  }

  if (step.needsPersonalization && !state.personalization) return { type: 'personalize', step: stepIndex };
  return { type: 'send', step: stepIndex };
}
