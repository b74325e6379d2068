/**
 * Campaign words and arithmetic for the screens: labels, the status machine as the server defines it
 * (src/domain/campaign.ts; the server stays the judge and answers 409 with the allowed actions), the
 * budget/reserve example and per-step counts.
 */
import type {
  CampaignProgress,
  CampaignStatus,
  CampaignStep,
  SendWindow,
  StepKind,
} from '../../../api/types.ts';

export const STATUS_LABEL: Record<CampaignStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  running: 'Running',
  paused: 'Paused',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export type UiAction = 'start' | 'pause' | 'resume' | 'complete' | 'cancel';

const ACTIONS: Record<CampaignStatus, UiAction[]> = {
  draft: ['start', 'cancel'],
  scheduled: ['start', 'cancel'],
  running: ['pause', 'complete', 'cancel'],
  paused: ['resume', 'complete', 'cancel'],
  completed: [],
  cancelled: [],
};

/**
 * What the recruiter can do from a status. `start` on a draft whose start time lies ahead schedules
 * it; on a scheduled campaign it starts it at once.
 * @example allowedActions('paused') // ['resume', 'complete', 'cancel']
 */
export function allowedActions(status: CampaignStatus): UiAction[] {
  return ACTIONS[status] ?? [];
}

export function isEditable(status: CampaignStatus): boolean {
  return status === 'draft' || status === 'scheduled';
}

export const OBJECTIVE_LABEL = {
  fill_role: 'Fill a role',
  build_pipeline: 'Build a pipeline',
  keep_in_touch: 'Keep in touch',
} as const;

export const STEP_KIND_LABEL: Record<StepKind, string> = {
  inmail: 'InMail (1 credit)',
  follow_up: 'Follow-up in the thread (free)',
  connection_request: 'Connection request (free)',
  message: 'Message to a 1st-degree connection (free)',
};

export const STEP_KIND_SHORT: Record<string, string> = {
  inmail: 'InMail',
  follow_up: 'Follow-up',
  connection_request: 'Connection request',
  message: 'Message',
};

export const SKIP_REASON_LABEL: Record<string, string> = {
  blocked: 'Blocked you or your organization',
  inmail_off: 'Turned InMail off',
  snoozed: 'Asked to be contacted later',
  other_campaign: 'In another active campaign',
  teammate_contacted: 'A teammate contacted them recently',
  frequency_cap: 'Under a contact-frequency cap',
  budget_exhausted: 'The budget ran out',
  manual: 'Taken out by a recruiter',
};

/** Skips an org admin may lift for one recipient; the candidate-protection rules stay. */
export const OVERRIDABLE = new Set(['other_campaign', 'teammate_contacted']);

export const OUTCOME_LABEL: Record<string, string> = {
  interested: 'Interested (accepted or replied)',
  not_interested: 'Not interested',
  no_response: 'No response',
  contact_later: 'Contact later',
};

export const RECIPIENT_STATUS_LABEL: Record<string, string> = {
  pending: 'Planned',
  needs_personalization: 'Needs personalization',
  snoozed: 'Snoozed',
  skipped: 'Skipped',
  done: 'Done',
  failed: 'Failed',
};

export const WEEKDAYS = [
  [1, 'Mon', 'Monday'],
  [2, 'Tue', 'Tuesday'],
  [3, 'Wed', 'Wednesday'],
  [4, 'Thu', 'Thursday'],
  [5, 'Fri', 'Friday'],
  [6, 'Sat', 'Saturday'],
  [7, 'Sun', 'Sunday'],
] as const;

/** The server's default (DEFAULT_SEND_WINDOW): Tuesday to Thursday, 08:00–11:00 local. */
export const DEFAULT_WINDOW: SendWindow = {
  days: [2, 3, 4],
  startHour: 8,
  startMinute: 0,
  endHour: 11,
  endMinute: 0,
  holidays: [],
  timeZone: 'UTC',
};

export function hhmm(h: number, m: number): string {
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * A send window as the form edits it: times as "HH:MM" text (the end may be "24:00"), the rest as
 * in the window. Used by the campaign editor and the organization's default window on Policies.
 */
export interface WindowDraft {
  days: number[];
  start: string;
  end: string;
  holidays: string[];
  timeZone: string;
}

export function windowDraft(w: SendWindow): WindowDraft {
  return {
    days: [...w.days],
    start: hhmm(w.startHour, w.startMinute),
    end: hhmm(w.endHour, w.endMinute),
    holidays: [...w.holidays],
    timeZone: w.timeZone,
  };
}

/** "8:05" -> [8, 5]; anything else that is not hours and minutes -> null. */
export function parseTime(v: string): [number, number] | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(v.trim());
  if (!m) return null;
  return [Number(m[1]), Number(m[2])];
}

/**
 * The window to send to the server; throws when a time is not hours and minutes (the server judges
 * the rest: ranges, the end after the start, real holidays and zones).
 * @example toWindow({ days: [3, 1], start: '09:00', end: '24:00', holidays: [], timeZone: 'UTC' })
 * // { days: [1, 3], startHour: 9, startMinute: 0, endHour: 24, endMinute: 0, holidays: [], timeZone: 'UTC' }
 */
export function toWindow(d: WindowDraft): SendWindow {
  const st = parseTime(d.start);
  const en = d.end.trim() === '24:00' ? ([24, 0] as [number, number]) : parseTime(d.end);
  if (!st || !en) throw new Error('Enter the send window as hours and minutes, e.g. 08:00 and 11:00.');
  return {
    days: [...d.days].sort((a, b) => a - b),
    startHour: st[0],
    startMinute: st[1],
    endHour: en[0],
    endMinute: en[1],
    holidays: d.holidays,
    timeZone: d.timeZone,
  };
}

export function describeWindow(w: SendWindow): string {
  const days = WEEKDAYS.filter(([d]) => w.days.includes(d)).map(([, short]) => short);
  const allDay = w.startHour === 0 && w.startMinute === 0 && w.endHour === 24;
  return `${days.length === 7 ? 'Every day' : days.join(', ')}, ${
    allDay ? 'all day' : `${hhmm(w.startHour, w.startMinute)}–${hhmm(w.endHour, w.endMinute)}`
  } in each recipient's time zone${w.holidays.length ? `, except ${w.holidays.length} holiday(s)` : ''}`;
}

/**
 * What a start would reserve: the budget, capped by what the seat holds above the reserve. Zero
 * means the server refuses the start (402 insufficient_credits).
 * @example reservation(50, 30, 20) // { reserved: 30, keeps: 20, limitedBy: 'budget' }
 */
export function reservation(
  balance: number,
  budget: number | null,
  reserve: number,
): { reserved: number; keeps: number; limitedBy: 'budget' | 'reserve' | 'none' } {
  const available = Math.max(0, balance - reserve);
  if (budget === null) return { reserved: 0, keeps: Math.min(balance, reserve), limitedBy: 'none' };
  const reserved = Math.min(budget, available);
  return { reserved, keeps: balance - reserved, limitedBy: reserved < budget ? 'reserve' : 'budget' };
}

/**
 * Recipients who were sent each step. The server counts recipients by the last step they got;
 * everyone who got step 3 also got steps 1 and 2, so the counts add up from the end.
 * @example sentPerStep({ '0': 2, '1': 1 }, 2) // [3, 1]
 */
export function sentPerStep(sentByStep: CampaignProgress['sentByStep'], steps: number): number[] {
  const n = Math.max(steps, ...Object.keys(sentByStep).map((k) => Number(k) + 1), 0);
  const out = new Array<number>(n).fill(0);
  let running = 0;
  for (let i = n - 1; i >= 0; i--) {
    running += sentByStep[String(i)] ?? 0;
    out[i] = running;
  }
  return out;
}

/** Every recipient counted once, by where they are. */
export function progressTotal(p: CampaignProgress): number {
  return p.planned + p.needsPersonalization + p.snoozed + p.skipped + p.done + p.failed;
}

export function hasSlot(step: Pick<CampaignStep, 'subject' | 'body'>): boolean {
  return (
    /\{\{\s*personalization\s*\}\}/.test(step.subject) || /\{\{\s*personalization\s*\}\}/.test(step.body)
  );
}
