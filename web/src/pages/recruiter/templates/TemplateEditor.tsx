/**
 * Create or edit a template. The server validates merge fields and answers 422 invalid_template
 * with every problem's part (subject or body) and position: each is shown under its field with the
 * text around it marked, and the caret can jump there. Editing the text adds a version; the
 * versions, archive and restore, and a preview for any candidate are here too.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../../api/client.ts';
import { useAction, useApi } from '../../../api/hooks.ts';
import type { Job, Template, TemplateVersion } from '../../../api/types.ts';
import {
  focusAt,
  insertAtCaret,
  IssuePointer,
  MemberPicker,
  MergeFieldHelp,
} from '../../../components/recruiting.tsx';
import { JobFields, PreviewPanel, usePreview } from '../../../components/TemplatePreview.tsx';
import {
  Counter,
  ErrorState,
  Field,
  formatDateTime,
  Loading,
  MessageText,
  PageTitle,
  ProblemAlert,
  Success,
} from '../../../components/ui.tsx';
import { useAnnounce, useSession } from '../../../session.tsx';
import { SENIORITY_TAGS } from './template-lib.tsx';

const SUBJECT_MAX = 200;
const BODY_MAX = 2000;

interface Issue {
  part: 'subject' | 'body';
  code: string;
  position: number;
  message: string;
}

function issuesOf(err: ApiError | null): Issue[] {
  const raw = err?.problem.issues;
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (i): i is Issue =>
      !!i &&
      typeof i === 'object' &&
      ((i as Issue).part === 'subject' || (i as Issue).part === 'body') &&
      typeof (i as Issue).position === 'number',
  );
}

export function NewTemplate() {
  return <TemplateForm existing={null} />;
}

export function EditTemplate() {
  const { id = '' } = useParams();
  const t = useApi<Template>(`/v1/templates/${encodeURIComponent(id)}`);
  if (t.loading && !t.data) return <Loading label="Loading the template" />;
  if (t.error && !t.data) return <ErrorState error={t.error} retry={t.reload} what="the template" />;
  if (!t.data) return null;
  return <TemplateForm key={t.data.id} existing={t.data} onSaved={t.setData} />;
}

function TemplateForm({ existing, onSaved }: { existing: Template | null; onSaved?: (t: Template) => void }) {
  const s = useSession();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const id = useId();
  const [name, setName] = useState(existing?.name ?? '');
  const [visibility, setVisibility] = useState(existing?.visibility ?? 'personal');
  const [seniority, setSeniority] = useState(existing?.seniority ?? '');
  const [roleFamily, setRoleFamily] = useState(existing?.roleFamily ?? '');
  const [subject, setSubject] = useState(existing?.subject ?? '');
  const [body, setBody] = useState(existing?.body ?? '');
  const [lastField, setLastField] = useState<'subject' | 'body'>('body');
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const canEdit = !existing || s.isAdmin || existing.owner.userId === s.me.user?.id;
  const readOnly = !canEdit || !!existing?.archivedAt;

  const issues = issuesOf(error);
  const subjectIssues = issues.filter((i) => i.part === 'subject');
  const bodyIssues = issues.filter((i) => i.part === 'body');

  useEffect(() => {
    document.title = `${existing ? existing.name : 'New template'} · Templates · InMail`;
  }, [existing]);

  // Put the caret on the first problem the server found.
  const firstIssue = issues[0];
  useEffect(() => {
    if (!firstIssue) return;
    focusAt(firstIssue.part === 'subject' ? subjectRef : bodyRef, firstIssue.position);
  }, [firstIssue]);

  const slot = /\{\{\s*personalization\s*\}\}/.test(`${subject}\n${body}`);
  const textChanged = !!existing && (subject !== existing.subject || body !== existing.body);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (pending || readOnly) return;
    setPending(true);
    setError(null);
    setSaved(null);
    const payload = {
      name: name.trim(),
      subject,
      body,
      visibility,
      seniority: seniority || null,
      roleFamily: roleFamily.trim() || null,
    };
    try {
      const t = await api<Template>(existing ? `/v1/templates/${existing.id}` : '/v1/templates', {
        method: existing ? 'PATCH' : 'POST',
        body: existing
          ? {
              name: payload.name,
              visibility: payload.visibility,
              seniority: payload.seniority,
              roleFamily: payload.roleFamily,
              ...(textChanged ? { subject, body } : {}),
            }
          : payload,
      });
      const msg = existing
        ? t.latestVersion > existing.latestVersion
          ? `Saved as version ${t.latestVersion}.`
          : 'Saved.'
        : 'Template created.';
      announce(msg);
      if (existing) {
        setSaved(msg);
        onSaved?.(t);
      } else {
        navigate(`/templates/${t.id}`, { replace: true });
      }
    } catch (err) {
      setError(
        err instanceof ApiError
          ? err
          : new ApiError({ status: 0, code: 'client_error', detail: String(err) }, 'POST', '/v1/templates'),
      );
    } finally {
      setPending(false);
    }
  }

  const archive = useAction(async () => {
    if (!existing) return undefined;
    const t = await api<Template>(
      `/v1/templates/${existing.id}/${existing.archivedAt ? 'restore' : 'archive'}`,
      {
        method: 'POST',
      },
    );
    announce(t.archivedAt ? 'Template archived' : 'Template restored');
    onSaved?.(t);
    return t;
  });

  const issueList = (list: Issue[], text: string, part: 'subject' | 'body') =>
    list.length ? (
      <div className="field-issues" id={`${id}-${part}-issues`}>
        {list.map((i) => (
          <div key={`${i.code}-${i.position}`} className="issue">
            <p className="field-error">
              {i.message}{' '}
              <button
                type="button"
                className="link-button small"
                onClick={() => focusAt(part === 'subject' ? subjectRef : bodyRef, i.position)}
              >
                Show at character {i.position + 1}
              </button>
            </p>
            <IssuePointer text={text} position={i.position} />
          </div>
        ))}
      </div>
    ) : null;

  return (
    <>
      <p className="back">
        <Link to="/templates">← Templates</Link>
      </p>
      <PageTitle>{existing ? existing.name : 'New template'}</PageTitle>
      {existing?.archivedAt ? (
        <div className="alert alert-warn">
          Archived on {formatDateTime(existing.archivedAt)}: hidden from lists and not sendable until
          restored.
        </div>
      ) : null}
      {!canEdit ? (
        <p className="alert alert-warn">
          Only its owner ({existing?.owner.name}) or an org admin can change it.
        </p>
      ) : null}
      <div className="editor-grid">
        <form className="card form" onSubmit={submit} noValidate aria-label="Template">
          <Field label="Name" error={error?.fieldError('name')}>
            {(p) => (
              <input
                {...p}
                value={name}
                readOnly={readOnly}
                maxLength={200}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          <fieldset className="plain-fieldset">
            <legend>Who can use it</legend>
            <label className="check-inline spaced">
              <input
                type="radio"
                name={`${id}-vis`}
                checked={visibility === 'personal'}
                disabled={readOnly}
                onChange={() => setVisibility('personal')}
              />
              Only me (personal)
            </label>
            <label className="check-inline spaced">
              <input
                type="radio"
                name={`${id}-vis`}
                checked={visibility === 'shared'}
                disabled={readOnly}
                onChange={() => setVisibility('shared')}
              />
              My organization (shared)
            </label>
          </fieldset>
          <div className="form-row">
            <Field
              label="Seniority (tag)"
              hint="For finding it, and for template sets."
              error={error?.fieldError('seniority')}
            >
              {(p) => (
                <select
                  {...p}
                  value={seniority}
                  disabled={readOnly}
                  onChange={(e) => setSeniority(e.target.value)}
                >
                  <option value="">None</option>
                  {SENIORITY_TAGS.map(([v, label]) => (
                    <option key={v} value={v}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label="Role family (tag)"
              hint="Free text, e.g. Product."
              error={error?.fieldError('roleFamily')}
            >
              {(p) => (
                <input
                  {...p}
                  value={roleFamily}
                  readOnly={readOnly}
                  maxLength={100}
                  onChange={(e) => setRoleFamily(e.target.value)}
                />
              )}
            </Field>
          </div>
          <div className={`field${subjectIssues.length || error?.fieldError('subject') ? ' has-error' : ''}`}>
            <div className="field-label-row">
              <label htmlFor={`${id}-subject`}>Subject</label>
              <Counter id={`${id}-subject-count`} value={subject} max={SUBJECT_MAX} />
            </div>
            <input
              id={`${id}-subject`}
              ref={subjectRef}
              value={subject}
              readOnly={readOnly}
              aria-invalid={subjectIssues.length ? true : undefined}
              aria-describedby={`${id}-subject-count${subjectIssues.length ? ` ${id}-subject-issues` : ''}`}
              onFocus={() => setLastField('subject')}
              onChange={(e) => setSubject(e.target.value)}
            />
            {issueList(subjectIssues, subject, 'subject')}
            {!subjectIssues.length && error?.fieldError('subject') ? (
              <p className="field-error">{error.fieldError('subject')}</p>
            ) : null}
          </div>
          <div className={`field${bodyIssues.length || error?.fieldError('body') ? ' has-error' : ''}`}>
            <div className="field-label-row">
              <label htmlFor={`${id}-body`}>Message</label>
              <Counter id={`${id}-body-count`} value={body} max={BODY_MAX} />
            </div>
            <textarea
              id={`${id}-body`}
              ref={bodyRef}
              rows={10}
              value={body}
              readOnly={readOnly}
              aria-invalid={bodyIssues.length ? true : undefined}
              aria-describedby={`${id}-body-count ${id}-body-hint${bodyIssues.length ? ` ${id}-body-issues` : ''}`}
              onFocus={() => setLastField('body')}
              onChange={(e) => setBody(e.target.value)}
            />
            <p id={`${id}-body-hint`} className="hint">
              Plain text with merge fields such as <code>{'{{candidate.firstName}}'}</code>.{' '}
              {slot
                ? 'It has a {{personalization}} slot: every send needs a sentence about the candidate’s own profile.'
                : 'Add a {{personalization}} slot to require a sentence about each candidate’s own profile.'}
            </p>
            {issueList(bodyIssues, body, 'body')}
            {!bodyIssues.length && error?.fieldError('body') ? (
              <p className="field-error">{error.fieldError('body')}</p>
            ) : null}
          </div>
          {readOnly ? null : (
            <MergeFieldHelp
              target={lastField === 'subject' ? 'subject' : 'message'}
              onInsert={(tag) =>
                lastField === 'subject'
                  ? insertAtCaret(subjectRef.current, subject, tag, setSubject)
                  : insertAtCaret(bodyRef.current, body, tag, setBody)
              }
            />
          )}
          {error ? <ProblemAlert error={issues.length ? null : error} /> : null}
          {issues.length ? (
            <div className="alert alert-error" role="alert" data-testid="template-issues">
              <p className="alert-title">
                {issues.length === 1 ? 'One problem' : `${issues.length} problems`} in the text; nothing was
                saved.
              </p>
              <ul>
                {issues.map((i) => (
                  <li key={`${i.part}-${i.position}-${i.code}`}>
                    {i.part === 'subject' ? 'Subject' : 'Message'}, character {i.position + 1}: {i.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {saved ? <Success>{saved}</Success> : null}
          {readOnly ? null : (
            <div className="actions">
              <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending}>
                {pending
                  ? 'Saving…'
                  : existing
                    ? textChanged
                      ? `Save as version ${existing.latestVersion + 1}`
                      : 'Save'
                    : 'Create template'}
              </button>
              {existing ? (
                <span className="small muted">
                  {textChanged
                    ? 'The text changed: this adds a version; the old ones stay as they were.'
                    : ''}
                </span>
              ) : null}
            </div>
          )}
          {existing && canEdit ? (
            <div className="actions">
              <button
                type="button"
                className="btn btn-quiet"
                onClick={() => void archive.run()}
                disabled={archive.pending}
              >
                {existing.archivedAt ? 'Restore template' : 'Archive template'}
              </button>
              <ProblemAlert error={archive.error} />
            </div>
          ) : null}
        </form>
        {existing ? (
          <div>
            <TryIt template={existing} />
            <Versions key={existing.latestVersion} template={existing} />
          </div>
        ) : (
          <aside className="card small" aria-label="Tips">
            <h2>Writing tips</h2>
            <ul>
              <li>Under 400 characters gets about a fifth more answers.</li>
              <li>Ask a question or suggest a next step (a call, a chat).</li>
              <li>Avoid “Dear candidate”, “I hope this finds you well” and ALL CAPS.</li>
              <li>
                A <code>{'{{personalization}}'}</code> slot makes every send mention something from the
                candidate’s own profile.
              </li>
            </ul>
          </aside>
        )}
      </div>
    </>
  );
}

/** Preview the saved template for a candidate, with a personalization and job details. */
function TryIt({ template }: { template: Template }) {
  const [candidate, setCandidate] = useState<{ id: string; name: string } | null>(null);
  const [personalization, setPersonalization] = useState('');
  const [job, setJob] = useState<Job>({});
  const preview = usePreview(template.id, candidate?.id ?? null, personalization, job);
  const needsJob = template.mergeFields.some((f) => f.startsWith('job.'));
  const ref = useRef<HTMLTextAreaElement>(null);
  return (
    <section className="card form" aria-labelledby="tryit-title">
      <h2 id="tryit-title">Preview for a candidate</h2>
      <MemberPicker
        label="Candidate"
        onPick={setCandidate}
        hint="Renders the latest version for them; sends nothing."
      />
      {candidate ? (
        <p className="small">
          Previewing for <strong>{candidate.name}</strong>.
        </p>
      ) : null}
      {candidate && template.hasPersonalizationSlot ? (
        <Field label="Personalization" hint="A sentence about this candidate’s own profile.">
          {(p) => (
            <textarea
              {...p}
              ref={ref}
              rows={2}
              value={personalization}
              onChange={(e) => setPersonalization(e.target.value)}
            />
          )}
        </Field>
      ) : null}
      {candidate && needsJob ? <JobFields job={job} onChange={setJob} /> : null}
      {candidate ? (
        <PreviewPanel
          preview={preview.data}
          checking={preview.checking}
          error={preview.error}
          retry={preview.reload}
          {...(template.hasPersonalizationSlot
            ? { onPick: (v: string) => insertAtCaret(ref.current, personalization, v, setPersonalization) }
            : {})}
        />
      ) : null}
    </section>
  );
}

function Versions({ template }: { template: Template }) {
  const versions = useApi<{ items: TemplateVersion[] }>(`/v1/templates/${template.id}/versions`);
  return (
    <section className="card" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <p className="small muted">
        Every InMail records the version it was rendered from. Old versions never change.
      </p>
      {versions.loading && !versions.data ? (
        <Loading label="Loading versions" />
      ) : versions.error && !versions.data ? (
        <ErrorState error={versions.error} retry={versions.reload} what="the versions" />
      ) : (
        <ol className="versions" reversed data-testid="versions">
          {(versions.data?.items ?? []).map((v) => (
            <li key={v.version}>
              <details>
                <summary>
                  Version {v.version}
                  {v.version === template.latestVersion ? ' (current)' : ''}
                  <span className="small muted"> · {formatDateTime(v.createdAt)}</span>
                </summary>
                <p className="small">
                  <strong>Subject:</strong> {v.subject}
                </p>
                <MessageText text={v.body} />
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
