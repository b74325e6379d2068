/**
 * Pieces shared by compose, templates and campaigns: merge-field help, the personalization
 * verdict, the quality report, profile-element chips, template issue pointers and a member picker.
 */
import { useId, useState, type ReactNode, type RefObject } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { PersonalizationVerdict, ProfileElement, QualityReport } from '../api/types.ts';

/** The merge fields a template may use (src/domain/template.ts), grouped as people think of them. */
export const MERGE_FIELDS: { group: string; fields: { name: string; help: string }[] }[] = [
  {
    group: 'Candidate',
    fields: [
      { name: 'candidate.firstName', help: 'first name' },
      { name: 'candidate.lastName', help: 'last name' },
      { name: 'candidate.fullName', help: 'full name' },
      { name: 'candidate.currentTitle', help: 'current title' },
      { name: 'candidate.currentCompany', help: 'current company' },
      { name: 'candidate.topSkill', help: 'first listed skill' },
      { name: 'candidate.headline', help: 'headline' },
      { name: 'candidate.city', help: 'city' },
      { name: 'candidate.school', help: 'most recent school' },
      { name: 'candidate.industry', help: 'industry' },
    ],
  },
  {
    group: 'You',
    fields: [
      { name: 'sender.firstName', help: 'your first name' },
      { name: 'sender.lastName', help: 'your last name' },
      { name: 'sender.fullName', help: 'your full name' },
      { name: 'sender.title', help: 'your title' },
      { name: 'sender.company', help: "your organization's name" },
    ],
  },
  {
    group: 'Job',
    fields: [
      { name: 'job.title', help: 'job title (given when sending)' },
      { name: 'job.company', help: 'hiring company' },
      { name: 'job.location', help: 'job location' },
      { name: 'job.url', help: 'link to the job' },
    ],
  },
  {
    group: 'Personalization',
    fields: [
      {
        name: 'personalization',
        help: 'your own sentence per candidate, checked against their profile',
      },
    ],
  },
];

/**
 * Inserts `text` at the caret of a text field (replacing the selection) and puts the caret after
 * it. The field is controlled, so the new value goes through `set`.
 */
export function insertAtCaret(
  el: HTMLInputElement | HTMLTextAreaElement | null,
  value: string,
  text: string,
  set: (v: string) => void,
) {
  const start = el?.selectionStart ?? value.length;
  const end = el?.selectionEnd ?? value.length;
  set(value.slice(0, start) + text + value.slice(end));
  const caret = start + text.length;
  window.requestAnimationFrame(() => {
    if (!el) return;
    el.focus();
    el.setSelectionRange(caret, caret);
  });
}

/** The merge fields with "insert" buttons; `onInsert` gets the tag, e.g. `{{candidate.firstName}}`. */
export function MergeFieldHelp({
  onInsert,
  target,
}: {
  onInsert: (tag: string) => void;
  /** What the buttons insert into, for their accessible names ("into the body"). */
  target: string;
}) {
  return (
    <details className="merge-help">
      <summary>Merge fields</summary>
      <p className="small muted">
        Merge fields are filled for each candidate when the message is sent. Add a fallback for values a
        profile may lack: <code>{'{{ candidate.firstName | "there" }}'}</code>. The{' '}
        <code>{'{{personalization}}'}</code> slot takes no fallback: each candidate gets your own sentence,
        which must mention something specific from their profile.
      </p>
      {MERGE_FIELDS.map((g) => (
        <div key={g.group} className="merge-group">
          <p className="merge-group-title">{g.group}</p>
          <ul className="merge-list">
            {g.fields.map((f) => (
              <li key={f.name}>
                <button
                  type="button"
                  className="chip-button"
                  onClick={() => onInsert(`{{${f.name}}}`)}
                  aria-label={`Insert {{${f.name}}} (${f.help}) into the ${target}`}
                >
                  <code>{`{{${f.name}}}`}</code>
                </button>{' '}
                <span className="small muted">{f.help}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}

const KIND_LABEL: Record<string, string> = {
  project: 'project',
  platform: 'platform',
  company: 'company',
  school: 'school',
  skill: 'skill',
  publication: 'publication',
  title: 'title',
  position: 'role',
  industry: 'industry',
  city: 'city',
};

export function kindLabel(kind: string): string {
  return KIND_LABEL[kind] ?? kind;
}

/** Elements of the candidate's profile to mention; with `onPick`, each one inserts itself. */
export function Suggestions({
  items,
  onPick,
  label = 'Things you could mention',
  mentioned,
}: {
  items: ProfileElement[];
  onPick?: (value: string) => void;
  label?: string;
  /** Values the current text already mentions (shown ticked). */
  mentioned?: Set<string>;
}) {
  if (items.length === 0) return null;
  return (
    <div className="suggestions">
      <p className="small suggestions-title">{label}:</p>
      <ul className="chips">
        {items.map((s) => {
          const on = mentioned?.has(s.value) ?? false;
          const text = (
            <>
              <span className="chip-kind">{kindLabel(s.kind)}</span> {s.value}
              {on ? <span aria-hidden="true"> ✓</span> : null}
              {on ? <span className="visually-hidden"> (mentioned)</span> : null}
            </>
          );
          return (
            <li key={`${s.kind}:${s.value}`}>
              {onPick ? (
                <button
                  type="button"
                  className={`chip chip-button${on ? ' chip-on' : ''}`}
                  data-value={s.value}
                  onClick={() => onPick(s.value)}
                  title={`Insert “${s.value}” into your text`}
                >
                  {text}
                </button>
              ) : (
                <span className={`chip${on ? ' chip-on' : ''}`}>{text}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Which of `elements` the text mentions (case-insensitive): a hint while typing, not the verdict. */
export function mentionedIn(text: string, elements: ProfileElement[]): Set<string> {
  const t = text.toLocaleLowerCase();
  return new Set(
    elements.filter((e) => e.value && t.includes(e.value.toLocaleLowerCase())).map((e) => e.value),
  );
}

/** The server's personalization verdict: passes (and what it referenced) or why not. */
export function VerdictView({
  verdict,
  pending,
  onPick,
  testId = 'verdict',
}: {
  verdict: PersonalizationVerdict | null;
  pending?: boolean;
  onPick?: (value: string) => void;
  testId?: string;
}) {
  if (!verdict) return null;
  const empty = verdict.reason === 'empty';
  return (
    <div
      className={`verdict ${verdict.ok ? 'verdict-ok' : empty ? 'verdict-empty' : 'verdict-fail'}`}
      data-testid={testId}
      aria-busy={pending || undefined}
    >
      <p className="verdict-title">
        <span aria-hidden="true">{verdict.ok ? '✓ ' : empty ? '✎ ' : '✗ '}</span>
        {verdict.ok
          ? 'Personal: it references this candidate'
          : empty
            ? 'Write a sentence about this candidate'
            : 'Not personal enough yet'}
        {pending ? <span className="muted small"> · checking…</span> : null}
      </p>
      {verdict.ok && verdict.matched.length ? null : <p className="small">{verdict.message}</p>}
      {verdict.ok && verdict.matched.length ? (
        <p className="small">
          References:{' '}
          {verdict.matched.map((m, i) => (
            <span key={`${m.kind}:${m.value}`}>
              {i ? ', ' : ''}
              {kindLabel(m.kind)} <strong>{m.value}</strong>
            </span>
          ))}
        </p>
      ) : null}
      {!verdict.ok ? <Suggestions items={verdict.suggestions} {...(onPick ? { onPick } : {})} /> : null}
    </div>
  );
}

/** The quality score and its reasons. */
export function QualityView({
  report,
  threshold,
  testId = 'quality',
}: {
  report: QualityReport;
  threshold?: number | null;
  testId?: string;
}) {
  const below = threshold !== null && threshold !== undefined && report.score < threshold;
  return (
    <div className="quality" data-testid={testId}>
      <p className="quality-score">
        <span className={`badge quality-${report.level}`}>
          Quality {report.score}/100 · {report.level}
        </span>
        {threshold !== null && threshold !== undefined ? (
          <span className={`small${below ? ' text-danger' : ' muted'}`}>
            {below
              ? ` Below your organization's minimum of ${threshold}: it cannot be sent.`
              : ` Your organization's minimum: ${threshold}.`}
          </span>
        ) : null}
      </p>
      {report.issues.length ? (
        <ul className="quality-issues">
          {report.issues.map((i, n) => (
            <li key={`${i.code}-${n}`} className={`issue-${i.severity}`}>
              <span className="visually-hidden">{i.severity}: </span>
              {i.message}
              {i.detail?.items?.length && !i.detail.items.some((x) => i.message.includes(x)) ? (
                <span className="muted"> ({i.detail.items.map((x) => `“${x}”`).join(', ')})</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="small muted">No issues found.</p>
      )}
    </div>
  );
}

/** A template text with a marker at a problem's position (0-based, UTF-16 units). */
export function IssuePointer({ text, position }: { text: string; position: number }) {
  const from = Math.max(0, position - 30);
  const to = Math.min(text.length, position + 30);
  return (
    <pre className="query-pointer" aria-hidden="true">
      {from > 0 ? '…' : ''}
      {text.slice(from, position)}
      <mark className="query-error-at">{text.slice(position, position + 1) || ' '}</mark>
      {text.slice(position + 1, to)}
      {to < text.length ? '…' : ''}
    </pre>
  );
}

/** Moves the caret of a field to `position` and focuses it (to fix an issue the server found). */
export function focusAt(ref: RefObject<HTMLInputElement | HTMLTextAreaElement | null>, position: number) {
  const el = ref.current;
  if (!el) return;
  el.focus();
  el.setSelectionRange(position, Math.min(position + 1, el.value.length));
}

/**
 * A message text as the candidate would read it, merge fields still shown as tags, with the
 * personalization slot filled in (or marked, while empty). Always text, never markup.
 */
export function SlotPreview({
  text,
  personalization,
  inline,
}: {
  text: string;
  personalization: string;
  inline?: boolean;
}) {
  const parts = text.split(/(\{\{\s*personalization\s*\}\})/);
  const Tag = inline ? 'span' : 'div';
  return (
    <Tag className="message-text slot-preview">
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          personalization.trim() ? (
            <mark key={i} className="slot-filled">
              {personalization.trim()}
            </mark>
          ) : (
            <mark key={i} className="slot-empty">
              [your sentence]
            </mark>
          )
        ) : (
          p
        ),
      )}
    </Tag>
  );
}

interface NameHit {
  value: string;
  memberId: string | null;
  currentTitle: string | null;
}

/** Finds a member by name (fuzzy, /v1/search/suggestions) and picks one. */
export function MemberPicker({
  label,
  onPick,
  hint,
}: {
  label: string;
  onPick: (m: { id: string; name: string }) => void;
  hint?: ReactNode;
}) {
  const id = useId();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<NameHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function find() {
    if (!q.trim()) return;
    setPending(true);
    setError(null);
    try {
      const r = await api<{ items: NameHit[] }>(
        `/v1/search/suggestions?field=name&limit=8&q=${encodeURIComponent(q.trim())}`,
      );
      setHits(r.items.filter((h) => h.memberId));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The search failed.');
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="member-picker">
      <label htmlFor={id}>{label}</label>
      <div className="inline-form">
        <input
          id={id}
          value={q}
          placeholder="A name, e.g. Maya"
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void find();
            }
          }}
        />
        <button type="button" className="btn" onClick={() => void find()} disabled={pending}>
          {pending ? 'Finding…' : 'Find'}
        </button>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {hits ? (
        hits.length === 0 ? (
          <p className="small muted" role="status">
            No member with a name like that.
          </p>
        ) : (
          <ul className="picker-hits" aria-label="Matching members">
            {hits.map((h) => (
              <li key={h.memberId}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    onPick({ id: h.memberId!, name: h.value });
                    setHits(null);
                  }}
                >
                  {h.value}
                </button>
                {h.currentTitle ? <span className="small muted"> · {h.currentTitle}</span> : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
