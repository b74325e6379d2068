/** The pipeline's stages as the board shows them (the server's rules: src/domain/pipeline.ts). */
import { STAGES, type ProjectStatus, type Stage } from '../../../api/types.ts';

export { STAGES };

export const STAGE_LABEL: Record<Stage, string> = {
  uncontacted: 'Uncontacted',
  contacted: 'Contacted',
  replied: 'Replied',
  screening: 'Screening',
  interview: 'Interview',
  offer: 'Offer',
  hired: 'Hired',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export const STATUS_LABEL: Record<ProjectStatus, string> = {
  open: 'Open',
  on_hold: 'On hold',
  closed: 'Closed',
};

/** The forward path; rejected and withdrawn leave it from anywhere. */
const PATH: readonly Stage[] = STAGES.slice(0, 7);

/**
 * The next stage on the forward path, or null at its end and off it (rejected, withdrawn): the
 * board's one-click "advance" move.
 *
 * @example
 * nextStage('replied') // 'screening'
 * nextStage('hired')   // null
 */
export function nextStage(stage: Stage): Stage | null {
  const i = PATH.indexOf(stage);
  return i >= 0 && i < PATH.length - 1 ? PATH[i + 1]! : null;
}

/** How a stage entry came about, for the history. */
export function sourceLabel(source: 'added' | 'manual' | 'auto'): string {
  return source === 'added' ? 'added' : source === 'manual' ? 'moved by hand' : 'moved by an InMail event';
}
