/** Small campaign pieces: the status badge and the progress bar with its legend. */
import type { CampaignProgress, CampaignStatus } from '../../../api/types.ts';
import { STATUS_LABEL } from './campaign-lib.ts';

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <span className={`badge campaign-${status}`} data-testid="campaign-status">
      <span className="visually-hidden">Status: </span>
      {STATUS_LABEL[status] ?? status}
    </span>
  );
}

const SEGMENTS = [
  ['done', 'Done', 'seg-done'],
  ['skipped', 'Skipped', 'seg-skipped'],
  ['failed', 'Failed', 'seg-failed'],
  ['snoozed', 'Snoozed', 'seg-snoozed'],
  ['needsPersonalization', 'Waiting for personalization', 'seg-personalize'],
  ['planned', 'Planned or in sequence', 'seg-planned'],
] as const;

/** Where every recipient is, as one stacked bar; the legend carries the numbers. */
export function ProgressMeter({
  progress,
  total,
  compact,
}: {
  progress: CampaignProgress;
  total: number;
  compact?: boolean;
}) {
  const sum = SEGMENTS.reduce((a, [k]) => a + progress[k], 0);
  const denominator = Math.max(total, sum, 1);
  const finished = progress.done + progress.skipped + progress.failed;
  const summary = `${finished} of ${denominator} recipients finished; ${progress.needsPersonalization} waiting for personalization; ${progress.planned} planned or in sequence`;
  return (
    <div className="progress">
      <div className="progress-bar" role="img" aria-label={summary}>
        {SEGMENTS.map(([k, label, cls]) =>
          progress[k] > 0 ? (
            <span
              key={k}
              className={`seg ${cls}`}
              style={{ width: `${(progress[k] / denominator) * 100}%` }}
              title={`${label}: ${progress[k]}`}
            />
          ) : null,
        )}
      </div>
      {compact ? (
        <p className="small muted">
          {finished} of {denominator} finished
          {progress.needsPersonalization ? ` · ${progress.needsPersonalization} to personalize` : ''}
          {progress.planned ? ` · ${progress.planned} planned or in sequence` : ''}
        </p>
      ) : (
        <ul className="legend">
          {SEGMENTS.map(([k, label, cls]) => (
            <li key={k}>
              <span className={`swatch ${cls}`} aria-hidden="true" /> {label}:{' '}
              <strong data-testid={`progress-${k}`}>{progress[k]}</strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
