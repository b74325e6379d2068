/**
 * The campaign status machine and the campaign's credit arithmetic. The API (a recruiter pressing "pause") and the
 * scheduler (a campaign running out of recipients) both move campaigns only through `transition`, so the set of
 * legal moves lives in this one table.
 */
import { DomainError } from './errors.ts';

export const CAMPAIGN_STATUSES = [
  'draft',
  'scheduled',
  'running',
  'paused',
  'completed',
  'cancelled',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_ACTIONS = ['schedule', 'start', 'pause', 'resume', 'complete', 'cancel'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

/**
 * Every legal move. `start` serves both a recruiter starting a draft immediately and the scheduler starting a
 * scheduled campaign when its time comes. `complete` is allowed from `paused` too: replies keep arriving while a
 * campaign is paused, and once every enrollment has ended there is nothing left to resume.
 */
const TRANSITIONS: Readonly<
  Record<CampaignStatus, Readonly<Partial<Record<CampaignAction, CampaignStatus>>>>
> = {
  draft: { schedule: 'scheduled', start: 'running', cancel: 'cancelled' },
  scheduled: { start: 'running', cancel: 'cancelled' },
  running: { pause: 'paused', complete: 'completed', cancel: 'cancelled' },
  paused: { resume: 'running', complete: 'completed', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
};

/**
 * A status move the machine does not allow (409 conflict); `allowed` lists what could be done from `from` instead.
 */
export class InvalidTransitionError extends DomainError {
  override name = 'InvalidTransitionError';
  constructor(
    readonly from: string,
    readonly action: string,
    readonly allowed: CampaignAction[],
  ) {
    super(
      'conflict',
      'invalid_transition',
      `cannot ${action} a ${from} campaign` +
        (allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : ` (${from} is final)`),
      { extra: { from, action, allowed } },
    );
  }
}

function movesFrom(from: string): Readonly<Partial<Record<CampaignAction, CampaignStatus>>> {
  // hasOwn keeps strings from the database or a request ("toString", "__proto__") from reaching Object.prototype.
  return Object.hasOwn(TRANSITIONS, from) ? TRANSITIONS[from as CampaignStatus] : {};
}

/**
 * Type guard for a status read from the database or a request.
 * @example
 * isCampaignStatus('paused'); // true
 * isCampaignStatus('finished'); // false
 */
export function isCampaignStatus(value: unknown): value is CampaignStatus {
  return typeof value === 'string' && (CAMPAIGN_STATUSES as readonly string[]).includes(value);
}

/**
 * Whether the campaign can no longer change status.
 * @example
 * isTerminalStatus('cancelled'); // true
 */
export function isTerminalStatus(status: CampaignStatus): boolean {
  return allowedActions(status).length === 0;
}

/**
 * The actions possible from a status, in CAMPAIGN_ACTIONS order (what the UI offers as buttons).
 * @example
 * allowedActions('running'); // ['pause', 'complete', 'cancel']
 */
export function allowedActions(from: CampaignStatus): CampaignAction[] {
  const moves = movesFrom(from);
  return CAMPAIGN_ACTIONS.filter((a) => moves[a] !== undefined);
}

/**
 * Whether some action moves a campaign from `from` to `to` (staying put is not a move).
 * @example
 * canTransition('paused', 'running'); // true
 * canTransition('completed', 'running'); // false
 */
export function canTransition(from: CampaignStatus, to: CampaignStatus): boolean {
  return Object.values(movesFrom(from)).includes(to);
}

/**
 * The status an action leads to, or InvalidTransitionError (code 'invalid_transition') when it is not allowed.
 * @example
 * transition('draft', 'schedule'); // 'scheduled'
 * transition('completed', 'resume'); // throws InvalidTransitionError
 */
export function transition(from: CampaignStatus, action: CampaignAction): CampaignStatus {
  const moves = movesFrom(from);
  const to = Object.hasOwn(moves, action) ? moves[action] : undefined;
  if (to === undefined) throw new InvalidTransitionError(from, action, allowedActions(from));
  return to;
}

/** What limits sending: the campaign's budget, the seat's reserve, the daily cap, or the seat's balance. */
export type AllowanceLimit = 'budget' | 'reserve' | 'daily_cap' | 'balance';

export interface AllowanceInput {
  /** Credits this campaign may spend in total; null for no campaign budget. */
  budget: number | null;
  /** Credits the campaign has spent so far. */
  sentSoFar: number;
  /** Credits on the seat (or pool) the campaign spends from. */
  seatBalance: number;
  /** Credits to leave on the seat for other outreach (the seed keeps 20 for inbound applicants). */
  reserveToKeep: number;
  /** Sends allowed per day; null for no cap. */
  dailyCap: number | null;
  /** Sends already made today. */
  sentToday: number;
}

export interface Allowance {
  /** How many may be sent now; never negative. */
  allowed: number;
  /** The limit that binds. On a tie, the one that lasts longest wins: budget, then balance, reserve, daily cap. */
  limitedBy: AllowanceLimit;
  /** Headroom under each limit (null when that limit is not set), clamped at 0. */
  remaining: Record<AllowanceLimit, number | null>;
}

// Longest-lasting first, so on a tie the scheduler learns the limit that will still hold tomorrow: a spent
// budget ends the campaign, balance and reserve wait for renewal or refunds, the daily cap resets overnight.
// Balance precedes reserve because they only tie when nothing is reserved, and then "out of credits" is the truth.
const LIMIT_ORDER: readonly AllowanceLimit[] = ['budget', 'balance', 'reserve', 'daily_cap'];

function count(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number >= 0, got ${value}`);
  return value;
}

/**
 * How many InMails a campaign may send right now and which limit binds.
 * @example
 * // The seed: a 50-credit seat, a campaign budget of 30, 20 credits held back for inbound candidates.
 * campaignSendAllowance({ budget: 30, sentSoFar: 0, seatBalance: 50, reserveToKeep: 20, dailyCap: null, sentToday: 0 });
 * // { allowed: 30, limitedBy: 'budget', remaining: { budget: 30, balance: 50, reserve: 30, daily_cap: null } }
 */
export function campaignSendAllowance(input: AllowanceInput): Allowance {
  const sentSoFar = count('sentSoFar', input.sentSoFar);
  const seatBalance = count('seatBalance', input.seatBalance);
  const reserveToKeep = count('reserveToKeep', input.reserveToKeep);
  const sentToday = count('sentToday', input.sentToday);
  const budget = input.budget === null ? null : count('budget', input.budget);
  const dailyCap = input.dailyCap === null ? null : count('dailyCap', input.dailyCap);

  const remaining: Record<AllowanceLimit, number | null> = {
    budget: budget === null ? null : Math.max(0, budget - sentSoFar),
    balance: seatBalance,
    reserve: Math.max(0, seatBalance - reserveToKeep),
    daily_cap: dailyCap === null ? null : Math.max(0, dailyCap - sentToday),
  };
  let limitedBy: AllowanceLimit = 'balance';
  let allowed = Infinity;
  for (const limit of LIMIT_ORDER) {
    const r = remaining[limit];
    if (r !== null && r < allowed) {
      allowed = r;
      limitedBy = limit;
    }
  }
  return { allowed, limitedBy, remaining };
}
