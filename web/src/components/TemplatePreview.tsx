/**
 * A template rendered for one candidate by the server (POST /v1/templates/{id}/preview, which
 * writes and spends nothing): the subject and body they would read, missing merge fields, the
 * personalization verdict with suggestions, the quality report and whether it could be sent as it is.
 * It refreshes while the recruiter types, a moment after they stop.
 */
import { useDebounced, useApi, useLatest } from '../api/hooks.ts';
import type { Job, TemplatePreview as Preview } from '../api/types.ts';
import { QualityView, VerdictView } from './recruiting.tsx';
import { ErrorState, Field, MessageText } from './ui.tsx';

export function jobOrNull(job: Job): Job | null {
  const out: Job = {};
  for (const [k, v] of Object.entries(job) as [keyof Job, string | undefined][]) {
    if (v && v.trim()) out[k] = v.trim();
  }
  return Object.keys(out).length ? out : null;
}

/** The preview request for the current inputs, settled for a moment so typing does not flood the server. */
export function usePreview(
  templateId: string | null,
  candidateId: string | null,
  personalization: string,
  job: Job,
  version?: number,
) {
  const j = jobOrNull(job);
  const request =
    templateId && candidateId
      ? JSON.stringify({
          candidateId,
          ...(personalization.trim() ? { personalization: personalization.trim() } : {}),
          ...(j ? { job: j } : {}),
          ...(version ? { version } : {}),
        })
      : null;
  const settled = useDebounced(request, 450);
  const typing = settled !== request;
  const r = useApi<Preview>(
    templateId && settled ? `/v1/templates/${encodeURIComponent(templateId)}/preview` : null,
    settled ? (JSON.parse(settled) as unknown) : undefined,
  );
  const latest = useLatest(r);
  return { ...r, data: latest.data, checking: typing || r.loading };
}

export function PreviewPanel({
  preview,
  checking,
  onPick,
  error,
  retry,
  hideVerdict,
}: {
  preview: Preview | undefined;
  checking: boolean;
  onPick?: (value: string) => void;
  /** The verdict is shown elsewhere (beside the personalization field). */
  hideVerdict?: boolean;
  error: ReturnType<typeof usePreview>['error'];
  retry: () => void;
}) {
  if (error && !preview) return <ErrorState error={error} retry={retry} what="the preview" />;
  if (!preview) {
    return (
      <p className="small muted" role="status">
        {checking ? 'Rendering the preview…' : 'Choose a template and a candidate to see the preview.'}
      </p>
    );
  }
  return (
    <div className="preview" data-testid="template-preview" aria-busy={checking}>
      <p className={`sendable ${preview.sendable ? 'sendable-yes' : 'sendable-no'}`} data-testid="sendable">
        <span aria-hidden="true">{preview.sendable ? '✓ ' : '✗ '}</span>
        {preview.sendable ? 'Ready to send' : 'Not sendable yet'}
        {checking ? <span className="muted small"> · updating…</span> : null}
      </p>
      {preview.refusal ? <p className="small">{preview.refusal.message}.</p> : null}
      {error ? <p className="small field-error">The preview could not be updated: {error.message}</p> : null}
      <div className="rendered">
        <p className="small muted">
          As {preview.template.name} v{preview.template.version} reads for this candidate:
        </p>
        <p className="rendered-subject">
          <span className="visually-hidden">Subject: </span>
          {preview.subject || <span className="muted">(empty subject)</span>}
        </p>
        <MessageText text={preview.body} />
      </div>
      {preview.missingFields.length ? (
        <p className="alert alert-warn small" data-testid="missing-fields">
          No value for this candidate:{' '}
          {preview.missingFields.map((f, i) => (
            <span key={f}>
              {i ? ', ' : ''}
              <code>{`{{${f}}}`}</code>
            </span>
          ))}
          . Fill in the job details or add a fallback to the template.
        </p>
      ) : null}
      {preview.personalization && !hideVerdict ? (
        <VerdictView verdict={preview.personalization} pending={checking} {...(onPick ? { onPick } : {})} />
      ) : null}
      <QualityView report={preview.quality} threshold={preview.qualityThreshold} />
      {preview.trackedLinks.length ? (
        <p className="small muted">
          {preview.trackedLinks.length} link{preview.trackedLinks.length === 1 ? '' : 's'} become tracked
          links in the candidate’s copy.
        </p>
      ) : null}
    </div>
  );
}

/** The values of the {{job.…}} merge fields, given when sending. */
export function JobFields({
  job,
  onChange,
  open,
}: {
  job: Job;
  onChange: (j: Job) => void;
  /** Start unfolded (a job field has no value and no fallback). */
  open?: boolean;
}) {
  return (
    <details className="job-fields" open={open || undefined}>
      <summary>Job details (for the {'{{job.…}}'} merge fields)</summary>
      <div className="form-row">
        <Field label="Job title">
          {(p) => (
            <input
              {...p}
              value={job.title ?? ''}
              onChange={(e) => onChange({ ...job, title: e.target.value })}
            />
          )}
        </Field>
        <Field label="Hiring company">
          {(p) => (
            <input
              {...p}
              value={job.company ?? ''}
              onChange={(e) => onChange({ ...job, company: e.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field label="Job location">
          {(p) => (
            <input
              {...p}
              value={job.location ?? ''}
              onChange={(e) => onChange({ ...job, location: e.target.value })}
            />
          )}
        </Field>
        <Field label="Job link" hint="https://…">
          {(p) => (
            <input
              {...p}
              type="url"
              value={job.url ?? ''}
              onChange={(e) => onChange({ ...job, url: e.target.value })}
            />
          )}
        </Field>
      </div>
    </details>
  );
}
