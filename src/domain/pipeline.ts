/**
 * The recruiting pipeline of a project: the stages a candidate moves through, the moves InMail
 * events make on their own, and which stages count as "screened" for InMail -> screen conversion.
 * Pure rules, shared by the API (moves by hand) and the event consumer (automatic moves).
 */

export const STAGES = [
  'uncontacted',
  'contacted',
  'replied',
  'screening',
  'interview',
  'offer',
  'hired',
  'rejected',
  'withdrawn',
] as const;
export type Stage = (typeof STAGES)[number];

/** The forward path; rejected and withdrawn leave it from anywhere. */
export const PATH: readonly Stage[] = STAGES.slice(0, 7);

export const PROJECT_STATUSES = ['open', 'on_hold', 'closed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** What an InMail event says about a candidate: contacted (sent), or replied (accepted or replied). */
export type PipelineSignal = 'contacted' | 'replied';

/**
 * The stage an InMail event moves a candidate to, or null if it does not move them. Automatic
 * moves only go forward and only out of the early stages: a candidate a recruiter already moved
 * to screening, or rejected, is never moved back by a late answer.
 *
 * @example
 * autoMove('uncontacted', 'contacted') // 'contacted'
 * autoMove('contacted', 'replied')     // 'replied'
 * autoMove('screening', 'replied')     // null
 */
export function autoMove(current: Stage, signal: PipelineSignal): Stage | null {
  if (signal === 'contacted') return current === 'uncontacted' ? 'contacted' : null;
  return current === 'uncontacted' || current === 'contacted' ? 'replied' : null;
}

/** The stages an automatic move of this signal applies to (for set-based updates). */
export function autoMoveFrom(signal: PipelineSignal): Stage[] {
  return STAGES.filter((s) => autoMove(s, signal) !== null);
}

/**
 * Screening and every stage after it on the path: a candidate who reached one of them was
 * screened (a recruiter may skip straight to interview).
 *
 * @example
 * isScreened('interview') // true
 * isScreened('rejected')  // false
 */
export function isScreened(stage: Stage): boolean {
  return stage === 'screening' || stage === 'interview' || stage === 'offer' || stage === 'hired';
}

/**
 * The stage a candidate starts in when added to a project, from what the organization already
 * did with them: answered -> replied, contacted -> contacted, else uncontacted.
 *
 * @example
 * initialStage({ contacted: true, replied: false }) // 'contacted'
 */
export function initialStage(history: { contacted: boolean; replied: boolean }): Stage {
  if (history.replied) return 'replied';
  return history.contacted ? 'contacted' : 'uncontacted';
}

export function isStage(s: string): s is Stage {
  return (STAGES as readonly string[]).includes(s);
}
