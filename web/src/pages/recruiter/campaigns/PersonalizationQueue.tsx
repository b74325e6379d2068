/**
 * The personalization queue: one candidate at a time, with what their profile offers to mention.
 * The server is the judge: saving checks the sentence against THIS candidate's profile and refuses
 * generic praise or someone else's project (422 personalization_failed, with the reason and
 * suggestions). While typing, the chips show which profile elements the text mentions — a hint,
 * not the verdict.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../../api/client.ts';
import { useApi } from '../../../api/hooks.ts';
import { problemSuggestions } from '../../../api/send-errors.ts';
import type { Campaign, ProfileElement, QueueNext } from '../../../api/types.ts';
import {
  insertAtCaret,
  kindLabel,
  mentionedIn,
  SlotPreview,
  Suggestions,
} from '../../../components/recruiting.tsx';
import { Avatar, Counter, Empty, ErrorState, Loading, PageTitle } from '../../../components/ui.tsx';
import { useAnnounce } from '../../../session.tsx';

const TEXT_MAX = 1000;

type Verdict =
  | { ok: true; name: string; matched: (ProfileElement & { matchedText: string })[] }
  | { ok: false; message: string; reason: string | null; suggestions: ProfileElement[] };

export function PersonalizationQueue() {
  const { id = '' } = useParams();
  const announce = useAnnounce();
  const campaign = useApi<Campaign>(`/v1/campaigns/${encodeURIComponent(id)}`);
  const next = useApi<QueueNext>(`/v1/campaigns/${encodeURIComponent(id)}/personalization-queue/next`);
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [lastSaved, setLastSaved] = useState<Verdict | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(0);
  const [forMember, setForMember] = useState<string | null>(null);
  // Candidates saved or skipped here: while the next one loads, the old card must not stay usable.
  const [handled, setHandled] = useState<ReadonlySet<string>>(() => new Set());
  const textRef = useRef<HTMLTextAreaElement>(null);
  const verdictRef = useRef<HTMLDivElement>(null);
  const fieldId = useId();

  const cand = next.data?.candidate ?? null;
  // A new candidate starts with an empty box and no verdict.
  if (cand && cand.memberId !== forMember) {
    setForMember(cand.memberId);
    setText('');
    setVerdict(null);
    setError(null);
  }

  useEffect(() => {
    document.title = `Personalization queue · ${campaign.data?.name ?? 'Campaign'} · InMail`;
  }, [campaign.data?.name]);
  useEffect(() => {
    if (verdict && !verdict.ok) verdictRef.current?.focus();
  }, [verdict]);

  if (next.loading && !next.data) return <Loading label="Loading the next candidate" />;
  if (next.error && !next.data) return <ErrorState error={next.error} retry={next.reload} what="the queue" />;
  if (!next.data) return null;

  const c = campaign.data;
  const back = (
    <p className="back">
      <Link to={`/campaigns/${id}`}>← {c?.name ?? 'Campaign'}</Link>
    </p>
  );

  if (cand && handled.has(cand.memberId)) {
    return (
      <>
        {back}
        <PageTitle>Personalization queue</PageTitle>
        <Loading label="Loading the next candidate" />
      </>
    );
  }

  if (!cand) {
    return (
      <>
        {back}
        <PageTitle>Personalization queue</PageTitle>
        {lastSaved?.ok ? (
          <div className="alert alert-success" role="status">
            Saved for {lastSaved.name}.
          </div>
        ) : null}
        <Empty title="Nobody is waiting for personalization">
          <p>
            {done
              ? `You personalized ${done} message${done === 1 ? '' : 's'}. They go out in each candidate’s send window.`
              : 'Every recipient of this campaign has their sentence, or needs none.'}{' '}
            <Link to={`/campaigns/${id}`}>Back to the campaign</Link>.
          </p>
        </Empty>
      </>
    );
  }

  const elements: ProfileElement[] = [
    ...cand.suggestions,
    ...cand.projects.map((p) => ({ kind: 'project', value: p.name })),
    ...cand.platforms.map((p) => ({ kind: 'platform', value: p })),
    ...cand.skills.map((p) => ({ kind: 'skill', value: p })),
    ...(cand.currentCompany ? [{ kind: 'company', value: cand.currentCompany }] : []),
  ].filter((e, i, all) => all.findIndex((x) => x.value === e.value) === i);
  const mentioned = mentionedIn(text, elements);
  const first = cand.name.split(' ')[0] ?? cand.name;

  async function save(e: FormEvent) {
    e.preventDefault();
    if (pending || !cand) return;
    if (!text.trim()) {
      setVerdict({
        ok: false,
        reason: 'empty',
        message: `Write a sentence for ${first} that mentions something specific from their profile.`,
        suggestions: cand.suggestions,
      });
      return;
    }
    setPending(true);
    setError(null);
    try {
      const r = await api<{ ok: boolean; matched: (ProfileElement & { matchedText: string })[] }>(
        `/v1/campaigns/${id}/recipients/${cand.memberId}/personalization`,
        { method: 'PUT', body: { text: text.trim() } },
      );
      const v: Verdict = { ok: true, name: cand.name, matched: r.matched };
      setLastSaved(v);
      setHandled((h) => new Set(h).add(cand.memberId));
      setText('');
      setDone((n) => n + 1);
      announce(`Saved for ${cand.name}. Next candidate.`);
      next.reload();
      campaign.reload();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'personalization_failed') {
        setVerdict({
          ok: false,
          message: err.message,
          reason: typeof err.problem.reason === 'string' ? err.problem.reason : null,
          suggestions: problemSuggestions(err.problem),
        });
      } else {
        setError(
          err instanceof ApiError
            ? err
            : new ApiError({ status: 0, code: 'client_error', detail: String(err) }, 'PUT', ''),
        );
      }
    } finally {
      setPending(false);
    }
  }

  async function skip() {
    if (!cand || pending) return;
    if (!window.confirm(`Take ${cand.name} out of this campaign? Nothing is sent to them.`)) return;
    setPending(true);
    setError(null);
    try {
      await api(`/v1/campaigns/${id}/recipients/${cand.memberId}/skip`, { method: 'POST' });
      announce(`${cand.name} was taken out. Next candidate.`);
      setLastSaved(null);
      setHandled((h) => new Set(h).add(cand.memberId));
      next.reload();
      campaign.reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    } finally {
      setPending(false);
    }
  }

  const pick = (value: string) => insertAtCaret(textRef.current, text, value, setText);

  return (
    <>
      {back}
      <PageTitle>Personalization queue</PageTitle>
      <p className="queue-count" aria-live="polite" data-testid="queue-waiting">
        <strong>{next.data.waiting}</strong> waiting
        {done ? ` · ${done} done in this session` : ''}
      </p>
      {lastSaved?.ok ? (
        <div className="alert alert-success" role="status" data-testid="queue-saved">
          Saved for {lastSaved.name}
          {lastSaved.matched.length
            ? `: references ${lastSaved.matched.map((m) => `${kindLabel(m.kind)} “${m.value}”`).join(', ')}`
            : ''}
          .
        </div>
      ) : null}
      <div className="queue-grid">
        <section className="card" aria-labelledby="cand-name" data-testid="queue-candidate">
          <div className="queue-head">
            <Avatar name={cand.name} size={56} />
            <div className="grow">
              <h2 id="cand-name">
                <Link to={`/members/${cand.memberId}`} target="_blank" rel="noopener">
                  {cand.name}
                  <span className="visually-hidden"> (profile opens in a new tab)</span>
                </Link>
              </h2>
              <p className="small">{cand.headline}</p>
              {cand.currentTitle ? (
                <p className="small muted">
                  {cand.currentTitle}
                  {cand.currentCompany ? ` at ${cand.currentCompany}` : ''}
                </p>
              ) : null}
            </div>
          </div>
          <h3>Profile highlights</h3>
          {cand.projects.length ? (
            <ul className="timeline">
              {cand.projects.map((p) => (
                <li key={p.name}>
                  <strong>{p.name}</strong>
                  {p.description ? <span className="block small">{p.description}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
          {cand.platforms.length ? (
            <p className="small">
              <span className="muted">Platforms:</span> {cand.platforms.join(', ')}
            </p>
          ) : null}
          {cand.skills.length ? (
            <p className="small">
              <span className="muted">Skills:</span> {cand.skills.join(', ')}
            </p>
          ) : null}
          <Suggestions
            items={cand.suggestions}
            onPick={pick}
            mentioned={mentioned}
            label="Suggested: click to insert"
          />
        </section>

        <form className="card form" onSubmit={save} noValidate>
          <div className={`field${verdict && !verdict.ok ? ' has-error' : ''}`}>
            <div className="field-label-row">
              <label htmlFor={fieldId}>Your sentence for {first}</label>
              <Counter id={`${fieldId}-count`} value={text} max={TEXT_MAX} />
            </div>
            <textarea
              id={fieldId}
              ref={textRef}
              rows={4}
              value={text}
              aria-describedby={`${fieldId}-count ${fieldId}-hint${verdict ? ' queue-verdict' : ''}`}
              aria-invalid={verdict && !verdict.ok ? true : undefined}
              onChange={(e) => {
                setText(e.target.value);
                if (verdict && !verdict.ok) setVerdict(null);
              }}
              onKeyDown={(e) => {
                // Ctrl+Enter (⌘+Enter) saves and moves on, for working through a long queue.
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
            />
            <p id={`${fieldId}-hint`} className="hint">
              Mention something specific from {first}’s own profile: a project, a platform, a school, a
              company. Generic praise, skills they do not list or another candidate’s project are refused.
              Ctrl+Enter saves and moves on.
            </p>
            <p className="small" aria-live="polite">
              {mentioned.size
                ? `Mentions ${[...mentioned].map((m) => `“${m}”`).join(', ')} from the profile.`
                : text.trim()
                  ? 'Mentions nothing from the profile yet.'
                  : ''}
            </p>
          </div>
          {verdict && !verdict.ok ? (
            <div
              id="queue-verdict"
              className="verdict verdict-fail"
              role="alert"
              tabIndex={-1}
              ref={verdictRef}
              data-testid="queue-verdict"
            >
              <p className="verdict-title">
                <span aria-hidden="true">✗ </span>Not saved: not personal enough
              </p>
              <p className="small">{verdict.message}</p>
              <Suggestions items={verdict.suggestions} onPick={pick} mentioned={mentioned} />
            </div>
          ) : null}
          {error ? (
            <div className="alert alert-error" role="alert">
              <p>{error.message}</p>
              {error.code === 'recipient_not_waiting' ? (
                <button type="button" className="btn" onClick={next.reload}>
                  Load the next candidate
                </button>
              ) : null}
            </div>
          ) : null}
          {cand.step ? (
            <div className="step-peek">
              <p className="small muted">
                Step {cand.step.position + 1} as {first} will read it (merge fields are filled when it is
                sent):
              </p>
              {cand.step.subject ? (
                <p className="small">
                  <strong>Subject:</strong>{' '}
                  <SlotPreview text={cand.step.subject} personalization={text} inline />
                </p>
              ) : null}
              <SlotPreview text={cand.step.body} personalization={text} />
            </div>
          ) : null}
          <div className="actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={pending || next.loading}
              aria-busy={pending}
            >
              {pending ? 'Checking…' : 'Check, save and next'}
            </button>
            <button
              type="button"
              className="btn btn-quiet"
              onClick={() => void skip()}
              disabled={pending || next.loading}
            >
              Skip {first}
            </button>
          </div>
        </form>
      </div>
    </>
  );
}
