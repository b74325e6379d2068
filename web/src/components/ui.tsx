/** Small building blocks every screen uses: states, headings, badges, dates, counters. */
import { useEffect, useId, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import type { ApiError } from '../api/client.ts';
import type { InmailStatus } from '../api/types.ts';

/**
 * The page's h1. It takes focus when the route changes, so keyboard and screen-reader users land
 * on the new content instead of staying on the link they followed.
 */
let lastTitledPath: string | null = null;

export function PageTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    // Not on the first screen after a page load: there the browser's own focus start is right.
    if (lastTitledPath !== null && lastTitledPath !== pathname) ref.current?.focus();
    lastTitledPath = pathname;
  }, [pathname]);
  return (
    <div className="page-title">
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  );
}

export function Empty({
  title,
  children,
  compact,
}: {
  title: string;
  children?: ReactNode;
  compact?: boolean;
}) {
  if (compact) return <p className="muted">{title}</p>;
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children ? <div className="state-body">{children}</div> : null}
    </div>
  );
}

/** A feature whose API this server does not offer yet. */
export function ComingSoon({ what, children }: { what: string; children?: ReactNode }) {
  return (
    <div className="state state-soon" role="note">
      <p className="state-title">
        <span className="badge badge-soon">Coming soon</span> {what}
      </p>
      <div className="state-body">
        {children ?? <p>This part of InMail is not available on this server yet.</p>}
      </div>
    </div>
  );
}

/** A failed load: the server's own explanation, and a way to try again. */
export function ErrorState({ error, retry, what }: { error: ApiError; retry?: () => void; what?: string }) {
  if (error.missingRoute) {
    return (
      <ComingSoon what={what ?? 'This screen'}>
        <p>
          The server does not offer <code>{`${error.method} ${error.path.split('?')[0]}`}</code> yet. The
          screen is ready and works as soon as it does.
        </p>
      </ComingSoon>
    );
  }
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{what ? `Could not load ${what}` : 'Something went wrong'}</p>
      <p>{error.message}</p>
      {error.problem.requestId ? <p className="muted small">Request id: {error.problem.requestId}</p> : null}
      {retry ? (
        <button type="button" className="btn" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** A failed write, shown beside the form that made it. */
export function ProblemAlert({ error, children }: { error: ApiError | null; children?: ReactNode }) {
  if (!error) return null;
  const fields = error.problem.errors ?? [];
  return (
    <div className="alert alert-error" role="alert">
      <p>{children ?? error.message}</p>
      {fields.length > 1 ? (
        <ul>
          {fields.map((f) => (
            <li key={f.field + f.message}>
              {f.field}: {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function Success({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-success" role="status">
      {children}
    </div>
  );
}

export function LoadMore({
  hasMore,
  loading,
  onClick,
}: {
  hasMore: boolean;
  loading: boolean;
  onClick: () => void;
}) {
  if (!hasMore) return null;
  return (
    <div className="load-more">
      <button type="button" className="btn" onClick={onClick} disabled={loading} aria-busy={loading}>
        {loading ? 'Loading…' : 'Load more'}
      </button>
    </div>
  );
}

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : dateFmt.format(d);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : dateTimeFmt.format(d);
}

/** The time, refreshed every 30 s: relative times ("3 min ago") stay current without each
 * component keeping its own timer. */
let now = Date.now();
const nowListeners = new Set<() => void>();
let nowTimer: number | undefined;
function subscribeNow(fn: () => void) {
  nowListeners.add(fn);
  if (nowTimer === undefined) now = Date.now();
  nowTimer ??= window.setInterval(() => {
    now = Date.now();
    for (const l of nowListeners) l();
  }, 30_000);
  return () => {
    nowListeners.delete(fn);
    if (nowListeners.size === 0) {
      window.clearInterval(nowTimer);
      nowTimer = undefined;
    }
  };
}
function useNow(): number {
  return useSyncExternalStore(subscribeNow, () => now);
}

/** "3 min ago", "yesterday", or the date: for lists. */
export function Ago({ iso }: { iso: string }) {
  const d = new Date(iso);
  const s = (useNow() - d.getTime()) / 1000;
  let text: string;
  if (s < 60) text = 'just now';
  else if (s < 3600) text = `${Math.floor(s / 60)} min ago`;
  else if (s < 86_400) text = `${Math.floor(s / 3600)} h ago`;
  else if (s < 2 * 86_400) text = 'yesterday';
  else text = dateFmt.format(d);
  return (
    <time dateTime={iso} title={dateTimeFmt.format(d)}>
      {text}
    </time>
  );
}

export function Avatar({ name, size = 40 }: { name: string; size?: number }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');
  // A stable hue per name, dark enough for white initials to pass contrast.
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) % 360;
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{ width: size, height: size, fontSize: size * 0.4, background: `hsl(${h} 45% 32%)` }}
    >
      {initials}
    </span>
  );
}

export function Degree({ degree }: { degree: 1 | 2 | 3 }) {
  const label = degree === 1 ? '1st' : degree === 2 ? '2nd' : '3rd+';
  return (
    <span className={`badge badge-degree d${degree}`} title={`${label}-degree connection`}>
      <span className="visually-hidden">Network degree: </span>
      {label}
    </span>
  );
}

const STATUS_LABEL: Record<InmailStatus, string> = {
  pending: 'Awaiting response',
  accepted: 'Accepted',
  declined: 'Declined',
  replied: 'Replied',
  expired: 'Expired',
};

export function StatusBadge({ status }: { status: InmailStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_LABEL[status] ?? status}</span>;
}

/** A live "n / max" counter tied to its field with aria-describedby. */
export function Counter({ id, value, max }: { id: string; value: string; max: number }) {
  const n = [...value].length;
  const over = n > max;
  const near = !over && n > max * 0.9;
  return (
    <span id={id} className={`counter${over ? ' over' : near ? ' near' : ''}`}>
      {n} / {max}
      {over ? (
        <span className="visually-hidden"> characters: too long</span>
      ) : (
        <span className="visually-hidden"> characters</span>
      )}
    </span>
  );
}

/** A labelled field with an optional hint and error, wired up for screen readers. */
export function Field({
  label,
  hint,
  error,
  children,
  extra,
}: {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  extra?: ReactNode;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const describedBy = [hint ? hintId : null, error ? errId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <div className="field-label-row">
        <label htmlFor={id}>{label}</label>
        {extra}
      </div>
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true } : {}),
      })}
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Message text: always plain text, line breaks kept, never parsed as markup. */
export function MessageText({ text }: { text: string }) {
  return <div className="message-text">{text}</div>;
}
