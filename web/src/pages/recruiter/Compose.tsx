/**
 * Compose an InMail to one candidate: own text, or a template rendered for them by the server with
 * the personalization slot checked live, the quality report and whether it can be sent. A send
 * carries an Idempotency-Key tied to the exact content: a double click, or a retry after a lost
 * connection, replays the first send instead of sending (and charging) twice; changing anything
 * makes it a new InMail with a new key.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, newIdempotencyKey } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { describeSendError, problemSuggestions } from '../../api/send-errors.ts';
import type {
  Job,
  MemberDetail,
  Page,
  Policies,
  QualityReport,
  SendResult,
  SendTimeAdvice,
  Template,
} from '../../api/types.ts';
import { insertAtCaret, QualityView, Suggestions, VerdictView } from '../../components/recruiting.tsx';
import { JobFields, jobOrNull, PreviewPanel, usePreview } from '../../components/TemplatePreview.tsx';
import {
  Avatar,
  Counter,
  Degree,
  ErrorState,
  Field,
  formatDate,
  formatDateTime,
  Loading,
  PageTitle,
} from '../../components/ui.tsx';
import { useAnnounce, useSession } from '../../session.tsx';
import { sendBlocker } from './Candidate.tsx';

const SUBJECT_MAX = 200;
const BODY_MAX = 2000;
const PERSONALIZATION_MAX = 1000;

type Mode = 'text' | 'template';

export function Compose() {
  const { memberId = '' } = useParams();
  const s = useSession();
  const announce = useAnnounce();
  const member = useApi<MemberDetail>(`/v1/members/${encodeURIComponent(memberId)}`);
  const templates = useApi<Page<Template>>('/v1/templates?limit=100');
  const policies = useApi<Policies>('/v1/org/policies');
  const [mode, setMode] = useState<Mode>('text');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [personalization, setPersonalization] = useState('');
  const [job, setJob] = useState<Job>({});
  // The job details unfold once a job field lacks a value, and stay open while they are typed.
  const [jobShown, setJobShown] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState<SendResult | null>(null);
  const key = useRef<{ content: string; key: string } | null>(null);
  const inFlight = useRef(false);
  const subjectCounter = useId();
  const bodyCounter = useId();
  const modeName = useId();
  const errorRef = useRef<HTMLDivElement>(null);
  const personalizationRef = useRef<HTMLTextAreaElement>(null);
  const { refresh } = s;

  const template = (templates.data?.items ?? []).find((t) => t.id === templateId) ?? null;
  const preview = usePreview(
    mode === 'template' && template ? template.id : null,
    memberId,
    personalization,
    job,
  );

  // The header's balance should be current while composing.
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    document.title = 'Compose InMail · InMail';
  }, []);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  if (!jobShown && preview.data?.missingFields.some((f) => f.startsWith('job.'))) setJobShown(true);

  const m = member.data;
  if (member.loading && !m) return <Loading label="Loading the candidate" />;
  if (member.error && !m)
    return <ErrorState error={member.error} retry={member.reload} what="the candidate" />;
  if (!m) return null;

  const name = `${m.firstName} ${m.lastName}`;
  const free = m.degree === 1;
  const seat = s.me.seat;
  const mandatory = policies.data?.mandatoryPersonalization === true && !free;
  const subjectLen = [...subject].length;
  const bodyLen = [...body].length;
  const invalid =
    mode === 'text'
      ? !subject.trim() || !body.trim() || subjectLen > SUBJECT_MAX || bodyLen > BODY_MAX
      : !template || [...personalization].length > PERSONALIZATION_MAX;
  const blocker = sendBlocker(m);
  const usable = (templates.data?.items ?? []).filter((t) => !t.archivedAt);
  const mine = usable.filter((t) => t.visibility === 'personal' && t.owner.userId === s.me.user?.id);
  const shared = usable.filter((t) => t.visibility === 'shared');
  const others = usable.filter((t) => t.visibility === 'personal' && t.owner.userId !== s.me.user?.id);
  const showPersonalization = mode === 'template' ? !!template?.hasPersonalizationSlot : mandatory;
  const needsJob = mode === 'template' && !!template?.mergeFields.some((f) => f.startsWith('job.'));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (inFlight.current || invalid) return;
    const j = jobOrNull(job);
    const payload =
      mode === 'template'
        ? {
            recipientId: memberId,
            templateId,
            ...(preview.data?.template.id === templateId
              ? { templateVersion: preview.data.template.version }
              : {}),
            ...(personalization.trim() ? { personalization: personalization.trim() } : {}),
            ...(j ? { job: j } : {}),
          }
        : {
            recipientId: memberId,
            subject,
            body,
            ...(personalization.trim() && mandatory ? { personalization: personalization.trim() } : {}),
          };
    const content = JSON.stringify(payload);
    if (!key.current || key.current.content !== content) key.current = { content, key: newIdempotencyKey() };
    inFlight.current = true;
    setPending(true);
    setError(null);
    try {
      const r = await api<SendResult>('/v1/inmails', {
        method: 'POST',
        headers: { 'idempotency-key': key.current.key },
        body: payload,
      });
      setSent(r);
      announce(
        r.charged
          ? `InMail sent to ${name}. ${r.creditsRemaining ?? ''} credits left.`
          : `Message sent to ${name}, free of charge.`,
      );
      await refresh();
    } catch (err) {
      setError(
        err instanceof ApiError
          ? err
          : new ApiError({ status: 0, code: 'client_error', detail: String(err) }, 'POST', '/v1/inmails'),
      );
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }

  if (sent) {
    return (
      <>
        <PageTitle>{sent.channel === 'inmail' ? 'InMail sent' : 'Message sent'}</PageTitle>
        <div className="card sent-card" role="status" data-testid="send-result">
          <p>
            Your {sent.channel === 'inmail' ? 'InMail' : 'message'} to <strong>{name}</strong> is on its way
            {template && mode === 'template' ? ` (from “${template.name}”)` : ''}.
          </p>
          <p>
            {sent.charged
              ? `1 credit spent; ${sent.creditsRemaining ?? '?'} left on your seat.`
              : 'It was free: you are connected.'}
            {sent.expiresAt && sent.channel === 'inmail'
              ? ` If ${m.firstName} does not answer by ${formatDate(sent.expiresAt)}, it expires.`
              : ''}
          </p>
          <div className="actions">
            <Link className="btn btn-primary" to={`/threads/${sent.threadId}`}>
              Open the conversation
            </Link>
            <Link className="btn" to={`/members/${m.id}`}>
              Back to {m.firstName}'s profile
            </Link>
            <Link className="btn" to="/candidates">
              More candidates
            </Link>
          </div>
        </div>
      </>
    );
  }

  const why = error ? describeSendError(error.problem, (d) => formatDateTime(d.toISOString())) : null;
  // A refused personalization comes with elements of this candidate's profile to mention.
  const suggestions = error ? problemSuggestions(error.problem).slice(0, 6) : [];
  const refusedQuality =
    error?.code === 'quality_too_low' && error.problem.quality && typeof error.problem.quality === 'object'
      ? (error.problem.quality as QualityReport)
      : null;
  const subjectError = mode === 'text' ? error?.fieldError('subject') : undefined;
  const bodyError = mode === 'text' ? error?.fieldError('body') : undefined;
  // A refusal no longer applies once the text changes.
  const pick = (v: string) =>
    insertAtCaret(personalizationRef.current, personalization, v, (x) => {
      setPersonalization(x);
      setError(null);
    });
  const verdict = mode === 'template' ? (preview.data?.personalization ?? null) : null;

  return (
    <>
      <p className="back">
        <Link to={`/members/${m.id}`}>← {name}</Link>
      </p>
      <PageTitle>{free ? 'New message' : 'New InMail'}</PageTitle>
      <div className="compose-grid">
        <div>
          <form className="card form compose" onSubmit={submit} noValidate>
            <div className="to-line">
              <span className="muted">To</span> <Avatar name={name} size={28} /> <strong>{name}</strong>{' '}
              <Degree degree={m.degree} /> <span className="muted small">{m.headline}</span>
            </div>
            {blocker ? <div className="alert alert-warn">{blocker}</div> : null}
            <fieldset className="segmented">
              <legend className="visually-hidden">How to write it</legend>
              <label className={mode === 'text' ? 'on' : ''}>
                <input
                  type="radio"
                  name={modeName}
                  checked={mode === 'text'}
                  onChange={() => {
                    setMode('text');
                    setError(null);
                  }}
                />
                My own text
              </label>
              <label className={mode === 'template' ? 'on' : ''}>
                <input
                  type="radio"
                  name={modeName}
                  checked={mode === 'template'}
                  onChange={() => {
                    setMode('template');
                    setError(null);
                  }}
                />
                From a template
              </label>
            </fieldset>

            {mode === 'template' ? (
              <>
                <Field
                  label="Template"
                  hint={
                    templates.data && usable.length === 0 ? (
                      <>
                        No templates yet. <Link to="/templates/new">Write one</Link>.
                      </>
                    ) : (
                      'Rendered for this candidate by the server; the preview shows what they will read.'
                    )
                  }
                >
                  {(p) => (
                    <select
                      {...p}
                      value={templateId}
                      onChange={(e) => {
                        setTemplateId(e.target.value);
                        setError(null);
                      }}
                    >
                      <option value="">
                        {templates.loading ? 'Loading templates…' : 'Choose a template…'}
                      </option>
                      {mine.length ? (
                        <optgroup label="Your templates">
                          {mine.map((t) => (
                            <option key={t.id} value={t.id}>
                              {t.name}
                            </option>
                          ))}
                        </optgroup>
                      ) : null}
                      {shared.length ? (
                        <optgroup label="Shared templates">
                          {shared.map((t) => (
                            <option key={t.id} value={t.id}>
                              {t.name}
                            </option>
                          ))}
                        </optgroup>
                      ) : null}
                      {others.length ? (
                        <optgroup label="Others’ personal templates">
                          {others.map((t) => (
                            <option key={t.id} value={t.id}>
                              {t.name} · {t.owner.name}
                            </option>
                          ))}
                        </optgroup>
                      ) : null}
                    </select>
                  )}
                </Field>
                {template && !template.hasPersonalizationSlot && mandatory ? (
                  <p className="alert alert-warn small">
                    Your organization requires a personalization in every InMail, and this template has no{' '}
                    <code>{'{{personalization}}'}</code> slot: it cannot be sent.
                  </p>
                ) : null}
              </>
            ) : (
              <>
                <Field
                  label="Subject"
                  error={subjectError}
                  extra={<Counter id={subjectCounter} value={subject} max={SUBJECT_MAX} />}
                >
                  {(p) => (
                    <input
                      {...p}
                      aria-describedby={[p['aria-describedby'], subjectCounter].filter(Boolean).join(' ')}
                      name="subject"
                      value={subject}
                      required
                      onChange={(e) => {
                        setSubject(e.target.value);
                        setError(null);
                      }}
                    />
                  )}
                </Field>
                <Field
                  label="Message"
                  error={bodyError}
                  hint="Plain text. Mention something specific from their profile: personal messages get far more replies."
                  extra={<Counter id={bodyCounter} value={body} max={BODY_MAX} />}
                >
                  {(p) => (
                    <textarea
                      {...p}
                      aria-describedby={[p['aria-describedby'], bodyCounter].filter(Boolean).join(' ')}
                      name="body"
                      rows={10}
                      value={body}
                      required
                      onChange={(e) => {
                        setBody(e.target.value);
                        setError(null);
                      }}
                    />
                  )}
                </Field>
              </>
            )}

            {showPersonalization ? (
              <div className="personalization-box">
                <Field
                  label={`Personalization for ${m.firstName}`}
                  hint={
                    mode === 'template'
                      ? `Fills the template’s {{personalization}} slot. Mention something specific from ${m.firstName}’s own profile: a project, a platform, a school, a company.`
                      : `Your organization requires it: a sentence about ${m.firstName}’s own profile, checked by the server, which must also appear in the message.`
                  }
                  extra={<Counter id={`${modeName}-pc`} value={personalization} max={PERSONALIZATION_MAX} />}
                >
                  {(p) => (
                    <textarea
                      {...p}
                      ref={personalizationRef}
                      rows={3}
                      value={personalization}
                      aria-describedby={[
                        p['aria-describedby'],
                        `${modeName}-pc`,
                        verdict ? `${modeName}-verdict` : null,
                      ]
                        .filter(Boolean)
                        .join(' ')}
                      onChange={(e) => {
                        setPersonalization(e.target.value);
                        setError(null);
                      }}
                    />
                  )}
                </Field>
                {mode === 'template' ? (
                  <div id={`${modeName}-verdict`} aria-live="polite">
                    <VerdictView verdict={verdict} pending={preview.checking} onPick={pick} />
                  </div>
                ) : null}
              </div>
            ) : null}
            {needsJob ? (
              <JobFields
                job={job}
                onChange={(j) => {
                  setJob(j);
                  setError(null);
                }}
                open={jobShown}
              />
            ) : null}

            {why && !subjectError && !bodyError ? (
              <div
                className="alert alert-error"
                role="alert"
                tabIndex={-1}
                ref={errorRef}
                data-testid="send-error"
              >
                <p className="alert-title">{why.title}</p>
                <p>{why.detail}</p>
                {suggestions.length ? (
                  <Suggestions items={suggestions} {...(showPersonalization ? { onPick: pick } : {})} />
                ) : null}
                {refusedQuality ? <QualityView report={refusedQuality} testId="refused-quality" /> : null}
              </div>
            ) : null}
            <div className="actions">
              <button
                type="submit"
                className="btn btn-primary"
                disabled={pending || invalid}
                aria-busy={pending}
              >
                {pending ? 'Sending…' : free ? 'Send message (free)' : 'Send InMail · 1 credit'}
              </button>
              {mode === 'template' && preview.data && !preview.checking ? (
                <span className="small muted">
                  {preview.data.sendable
                    ? 'The preview says it can be sent.'
                    : 'The preview says it would be refused.'}
                </span>
              ) : null}
            </div>
          </form>
          {mode === 'template' && template ? (
            <section className="card" aria-labelledby="preview-title">
              <h2 id="preview-title">Preview for {m.firstName}</h2>
              <PreviewPanel
                preview={preview.data}
                checking={preview.checking}
                error={preview.error}
                retry={preview.reload}
                hideVerdict
              />
            </section>
          ) : null}
        </div>
        <div className="side-column">
          <aside className="card seat-card" aria-label="Your seat">
            <h2>Your seat</h2>
            {free ? (
              <p>{m.firstName} is a 1st-degree connection: this message is free and spends no credit.</p>
            ) : seat ? (
              <>
                <p className="big-number" data-testid="compose-balance">
                  {seat.balance}
                  <span className="small"> credits</span>
                </p>
                <p className="muted small">
                  {seat.licenseType.name} seat · renews {formatDate(seat.renewsAt)}
                  {seat.monthlyLimit !== null ? ` · monthly limit ${seat.monthlyLimit}` : ''}
                </p>
                <p className="small">
                  An InMail costs 1 credit; your organization's refund policy says when it comes back.
                </p>
              </>
            ) : (
              <p>You hold no seat. Ask an org admin to assign one before sending InMails.</p>
            )}
          </aside>
          <SendTime member={m} />
        </div>
      </div>
    </>
  );
}

const WEEKDAY = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The next good moment to send this member an InMail, in their own time zone. */
function SendTime({ member }: { member: MemberDetail }) {
  const advice = useApi<SendTimeAdvice>(`/v1/members/${member.id}/send-time`);
  const a = advice.data;
  if (advice.error && !a) {
    return advice.error.missingRoute ? null : (
      <aside className="card small" aria-label="Best time to send">
        <h2>Best time to send</h2>
        <p className="muted">The advice could not be loaded: {advice.error.message}</p>
      </aside>
    );
  }
  if (!a) return null;
  const at = new Date(a.at);
  const theirs = new Intl.DateTimeFormat(undefined, {
    timeZone: a.timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
  const yours = new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
  const openNow = at.getTime() <= advice.updatedAt! + 60_000;
  return (
    <aside className="card send-time" aria-labelledby="send-time-title" data-testid="send-time">
      <h2 id="send-time-title">Best time to send</h2>
      <p>
        <span className={`badge ${a.source === 'learned' ? 'badge-learned' : ''}`}>
          {a.source === 'learned' ? 'Learned from your organization' : 'Default advice'}
        </span>
      </p>
      {openNow ? (
        <p>
          <strong>Now</strong> is a good time: it is within {member.firstName}’s best window until{' '}
          {new Intl.DateTimeFormat(undefined, {
            timeZone: a.timeZone,
            hour: '2-digit',
            minute: '2-digit',
          }).format(new Date(a.closesAt))}{' '}
          their time.
        </p>
      ) : (
        <p>
          Next good slot: <strong>{theirs}</strong> in {member.firstName}’s time zone ({a.timeZone}
          {a.fellBack ? ', unknown on the profile: UTC assumed' : ''}) — {yours} your time.
        </p>
      )}
      <p className="small muted">{a.explanation}.</p>
      {a.bestSlots?.length ? (
        <details>
          <summary className="small">Best slots in the recipient’s time</summary>
          <ul className="plain small">
            {a.bestSlots.map((b) => (
              <li key={`${b.weekday}-${b.hour}`}>
                {WEEKDAY[b.weekday]} {String(b.hour).padStart(2, '0')}:00 — {Math.round(b.responseRate * 100)}
                % answered ({b.responded} of {b.sent})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className="small">
        InMails go out when you send them; send it then for the best chance of an answer.
      </p>
    </aside>
  );
}
